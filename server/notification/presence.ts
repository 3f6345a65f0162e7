// Presence (§5.5, §5.6, §10) and the privacy rule that decides who sees whom (§11.3). Each watcher
// remembers what it was last told about each contact, so any change — a status, a name, a list, BLP,
// a sign-out — is turned into exactly the NLN or FLN lines that make the watcher's view right again.

import type { Account } from '../accounts';
import type { Member, SeenPresence, ServerContext } from '../context';
import type { CommandSpec } from './session';

export const STATUSES = ['NLN', 'BSY', 'IDL', 'BRB', 'AWY', 'PHN', 'LUN', 'HDN'] as const;
export type Status = (typeof STATUSES)[number];

export function isStatus(value: string | undefined): value is Status {
  return (STATUSES as readonly string[]).includes(value ?? '');
}

/** Does `owner`'s privacy keep `other` out: BL first, then AL, then the BLP mode (§11.3)? */
export function isBlocking(owner: Account, other: string): boolean {
  if (owner.lists.BL.has(other)) return true;
  if (owner.lists.AL.has(other)) return false;
  return owner.privacy === 'BL';
}

/** What `watcher` may see of `targetHandle` right now: nothing when offline, hidden or blocking. */
export function visiblePresence(context: ServerContext, watcher: Account, targetHandle: string): SeenPresence | undefined {
  const target = context.online.get(targetHandle);
  if (!target || target.status === undefined || target.status === 'HDN') return undefined;
  if (isBlocking(target.account, watcher.handle)) return undefined;
  return { status: target.status, name: target.account.wireName };
}

/** Brings one watcher's view of one contact up to date; `initialTrid` makes it an ILN reply. */
export function refreshView(context: ServerContext, watcher: Member, targetHandle: string, initialTrid?: string): void {
  if (watcher.status === undefined || !watcher.account.lists.FL.has(targetHandle)) return;
  const now = visiblePresence(context, watcher.account, targetHandle);
  const before = watcher.seen.get(targetHandle);
  if (now) {
    watcher.seen.set(targetHandle, now);
    if (initialTrid !== undefined) watcher.notify('ILN', [initialTrid, now.status, targetHandle, now.name]);
    else if (!before || before.status !== now.status || before.name !== now.name) {
      watcher.notify('NLN', [now.status, targetHandle, now.name]);
    }
  } else if (before) {
    watcher.seen.delete(targetHandle);
    watcher.notify('FLN', [targetHandle]);
  }
}

/** Re-evaluates everyone who has `targetHandle` on their FL. */
export function refreshWatchersOf(context: ServerContext, targetHandle: string): void {
  for (const watcher of [...context.online.values()]) {
    if (watcher.account.handle !== targetHandle) refreshView(context, watcher, targetHandle);
  }
}

export const presenceCommands: Record<string, CommandSpec> = {
  CHG: {
    phases: ['signed-in'],
    minParams: 1,
    handle(session, command, trid) {
      const status = command.params[1];
      if (!isStatus(status)) return session.peer.send('201', [trid]);
      const first = session.status === undefined;
      session.status = status;
      session.peer.send('CHG', [trid, status]);
      if (first) {
        for (const contact of session.account.lists.FL.keys()) refreshView(session.context, session, contact, trid);
      }
      refreshWatchersOf(session.context, session.account.handle);
      if (first) session.context.memberVisible(session);
    },
  },
};
