// One page of the browser host over its WebSocket: commands in, results and events out.

import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { AccountId } from '../../shared/accounts';
import { isCommandName } from '../../shared/commands';
import type { EventName, IpcEvents } from '../../shared/ipc';
import { type Route, parseRoute } from '../../shared/routes';
import type { HostMessage, OpenMessage } from '../../shared/web-protocol';
import type { MessengerApp } from '../app/app-core';

/** Largest message a page may send: a maximal chat message with its format fits many times over. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

const commandMessageSchema = z.object({
  type: z.literal('command'),
  id: z.number().int().nonnegative(),
  name: z.string(),
  args: z.array(z.unknown()),
});

export class PageConnection {
  /** What the page shows: an account's contact list or one of its conversations. */
  readonly view: Route;

  constructor(
    private readonly socket: WebSocket,
    private readonly app: MessengerApp,
    /** The hash route the page showed when it connected (shared/routes.ts). */
    readonly route: string,
    private readonly log: (line: string) => void,
  ) {
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        socket.close(1003, 'Text messages only');
        return;
      }
      this.receive(data.toString()).catch((error: unknown) => this.log(`Page message failed: ${String(error)}`));
    });
    this.view = parseRoute(route);
    this.sendEvent('snapshot', app.snapshot(this.view.account, this.view));
  }

  get isContactList(): boolean {
    return this.view.kind === 'contacts';
  }

  get isConsole(): boolean {
    return this.view.kind === 'console';
  }

  /** True when the page is the window of that conversation. */
  shows(account: AccountId, conversationId: string): boolean {
    return this.view.kind === 'conversation' && this.view.account === account && this.view.id === conversationId;
  }

  /** True when the page belongs to that account (its events are for the page). */
  follows(account: AccountId): boolean {
    return this.view.account === account;
  }

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  sendEvent<E extends EventName>(name: E, payload: IpcEvents[E]): void {
    this.send({ type: 'event', name, payload } as HostMessage);
  }

  open(message: Omit<OpenMessage, 'type'>): void {
    this.send({ type: 'open', ...message });
  }

  close(): void {
    this.socket.close(1001, 'The host is shutting down');
  }

  private send(message: HostMessage): void {
    if (this.isOpen) this.socket.send(JSON.stringify(message));
  }

  private async receive(text: string): Promise<void> {
    let parsed: z.infer<typeof commandMessageSchema>;
    try {
      parsed = commandMessageSchema.parse(JSON.parse(text));
    } catch {
      // Without a readable id there is no one to answer: the page is not speaking our protocol.
      this.log(`Closing a page that sent a malformed message (${text.length} characters)`);
      this.socket.close(1008, 'Malformed message');
      return;
    }
    const { id, name, args } = parsed;
    const result = isCommandName(name)
      ? await this.app.dispatch(name, args)
      : { ok: false as const, error: { kind: 'input' as const, reason: 'unknown-command' as const, detail: { command: name.slice(0, 40) } } };
    this.send({ type: 'result', id, result });
  }
}
