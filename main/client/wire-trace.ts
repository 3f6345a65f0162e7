// The protocol console's source: one observer per connection (protocol/connection.ts), numbered in
// the order the connections open and named by kind (NS for the dispatch and notification servers,
// SB for each switchboard). Every line is masked here, before it goes anywhere.

import { type ConnectionTarget, type MsnpCommand, type WireObserver, describeForLog, maskSecrets } from '../../protocol/index';
import type { WireLine } from '../../shared/console';

export interface TraceSink {
  /** Asked for each line, so a console turned on in the middle of a session shows what follows. */
  enabled(): boolean;
  line(line: WireLine): void;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function payloadText(command: MsnpCommand): string | undefined {
  if (!command.payload) return undefined;
  return maskSecrets(decoder.decode(command.payload).replace(/\r\n/g, '\n'));
}

export class WireTrace {
  private opened = 0;

  constructor(
    private readonly sink: TraceSink,
    private readonly now: () => number = Date.now,
  ) {}

  /** The observer factory for a kind of connection; `via` is the proxy's label when there is one. */
  observe(kind: 'NS' | 'SB', via?: string): (target: ConnectionTarget) => WireObserver {
    return (target) => {
      const connection = `${kind} ${++this.opened}`;
      const record = (line: Omit<WireLine, 'at' | 'connection'>): void => {
        if (this.sink.enabled()) this.sink.line({ at: this.now(), connection, ...line });
      };
      record({ direction: 'opened', text: `${target.host}:${target.port}`, ...(via !== undefined && { via }) });
      return {
        command: (direction, command) => {
          if (!this.sink.enabled()) return;
          const payload = payloadText(command);
          // As on the wire: the line ends with the payload's length, and the payload follows it.
          const line = describeForLog({ name: command.name, params: command.params });
          const text = command.payload ? `${line} ${command.payload.byteLength}` : line;
          record({ direction, text, ...(payload !== undefined && { payload }) });
        },
        closed: ({ reason }) => record({ direction: 'closed', text: reason }),
      };
    };
  }
}
