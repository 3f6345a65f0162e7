// What the notification session says, mirrored into the facade's MessengerState and events: the
// sign-in steps, the lists and presence (in batches: presence-schedule.ts), my status, name and
// settings, profile and mail, and the requests and rings that others act on.

import type { Contact, MessengerState } from '../../shared/model';
import type { NotificationEvents, SessionEnd } from '../ns/events';
import { type ContactLists, EMPTY_LISTS, isOnList, keyOf } from '../ns/lists';
import type { NewMailNotice } from '../ns/mail';
import type { NotificationSession } from '../ns/session';
import type { SwitchboardRing } from '../sb/types';
import { toAppError } from './errors';
import { PresenceSchedule } from './presence-schedule';
import type { MessengerEvents } from './messenger';
import { type PresenceInfo, stateWith, withLists, withMail, withMailMoved, withNewMail, withPresences, withSession } from './state';

/** A presence line as the session reported it. */
type PresenceLine = NotificationEvents['presence'];

/** What the mirror needs from the facade. */
export interface MirrorTarget {
  state(): MessengerState;
  /** Replaces the state (the facade emits `state` when it changed). */
  update(next: MessengerState): void;
  emit<K extends keyof MessengerEvents>(event: K, payload: MessengerEvents[K]): void;
  ring(ring: SwitchboardRing): void;
  /** The session ended without a user sign-out. */
  ended(end: SessionEnd): void;
  /** The server as the user typed it, shown rather than the address a referral led to. */
  server(): string | undefined;
  log?(line: string): void;
}

export class SessionMirror {
  private currentLists: ContactLists = EMPTY_LISTS;
  private readonly presence = new Map<string, PresenceInfo>();
  /** Presence lines not yet shown in the state, and when they will be. */
  private readonly presenceChanges: PresenceLine[] = [];
  /** Each waiting change's key (keyOf its handle), made once when it arrived. */
  private readonly presenceKeys: string[] = [];
  private readonly presenceSchedule = new PresenceSchedule(() => this.showPresence());
  private mailNotice: NewMailNotice | undefined;

  constructor(private readonly target: MirrorTarget) {}

  get lists(): ContactLists {
    return this.currentLists;
  }

  /** Resolves once the presence lines reported so far are in the state. */
  presenceShown(): Promise<void> {
    return this.presenceSchedule.shown();
  }

  /** The last new-mail notification, whose form opens that message (§8.1). */
  get lastMailNotice(): NewMailNotice | undefined {
    return this.mailNotice;
  }

  /**
   * Forgets presence and mail before a new sign-in, and the lists unless the account signing in
   * is the one they belong to: its sign-in keeps showing them (with the contacts, privacy settings
   * and "added you" queue the state derived from them) until the server's answer replaces them.
   */
  reset({ keepLists = false } = {}): void {
    if (!keepLists) this.currentLists = EMPTY_LISTS;
    this.forgetPresence();
    this.mailNotice = undefined;
  }

  /**
   * `state` with every contact offline (presence is sent again at the next sign-in); the lists stay.
   * Only the contacts something was known of change.
   */
  offline(state: MessengerState): MessengerState {
    const known = [...this.presence.keys()];
    this.forgetPresence();
    return withPresences(state, this.currentLists, this.presence, known);
  }

  /** Mirrors `session` for as long as `isCurrent()` says it is the facade's session. */
  follow(session: NotificationSession, isCurrent: () => boolean): void {
    const { target } = this;
    const on = <K extends keyof NotificationEvents>(event: K, listener: (payload: NotificationEvents[K]) => void): void => {
      session.on(event, (payload) => {
        if (isCurrent()) listener(payload);
      });
    };
    const change = (next: (state: MessengerState) => MessengerState): void => target.update(next(target.state()));
    on('step', (state) => change((current) => withSession(current, state === 'online' ? { state, error: undefined } : { state })));
    // Signed in, the lists' synchronisation starts: one state (the session's `syncing` step, which
    // follows at once, then changes nothing).
    on('authenticated', ({ handle, friendlyName, dialect, server }) =>
      change((current) => withSession(current, { state: 'syncing', handle, friendlyName, dialect, server: target.server() ?? server })),
    );
    on('lists', (lists) => {
      // The lists the state shows already: a sign-in to the account they belong to, its cache current.
      if (lists === this.currentLists) return;
      this.currentLists = lists;
      // No FLN comes for someone taken off the forward list: what was known of them goes, so adding
      // them back while they are offline does not show them online.
      for (const key of this.presence.keys()) if (!isOnList(lists, 'FL', key)) this.presence.delete(key);
      change((current) => withLists(current, lists, this.presence));
    });
    on('presence', (line) => {
      const key = keyOf(line.handle);
      // A line without a name keeps the one the last line gave; a line with one is itself what is known.
      this.presence.set(key, line.friendlyName !== undefined ? line : { status: line.status, friendlyName: this.presence.get(key)?.friendlyName });
      this.presenceChanges.push(line);
      this.presenceKeys.push(key);
      this.presenceSchedule.add();
    });
    on('status', (status) => change((current) => withSession(current, { status })));
    on('friendlyName', (friendlyName) => change((current) => withSession(current, { friendlyName })));
    // The profile and whether it has a mailbox, in one state.
    on('profile', (profile) => change((current) => withMail(stateWith(current, { profile }), { enabled: profile.emailEnabled })));
    on('mailCount', (count) => change((current) => withMail(current, count)));
    on('newMail', (notice) => {
      this.mailNotice = notice;
      change((current) => withNewMail(current, notice.mail, notice.inInbox));
      target.emit('newMail', notice.mail);
    });
    on('mailMoved', (move) => change((current) => withMailMoved(current, move)));
    on('maintenance', ({ minutes }) =>
      target.emit('error', { kind: 'protocol', reason: 'maintenance', detail: { minutes } }),
    );
    on('addedBy', (request) => target.emit('addedBy', request));
    on('removedBy', (removed) => {
      change((current) => stateWith(current, { removedBy: [...current.removedBy.filter((known) => keyOf(known.handle) !== keyOf(removed.handle)), removed] }));
      target.emit('removedBy', removed);
    });
    on('ring', (ring) => target.ring(ring));
    on('ims', (imsEnabled) => change((current) => withSession(current, { imsEnabled })));
    on('error', (error) => target.emit('error', toAppError(error)));
    on('unknown', (command) => target.log?.(`unhandled ${command.name} from the server`));
    on('closed', (end) => target.ended(end));
  }

  private showPresence(): void {
    const changes = this.presenceChanges.splice(0);
    const keys = this.presenceKeys.splice(0);
    // The contact each line shows, as the batch made it (rather than looked up again).
    const shown: Array<Contact | undefined> = [];
    const state = withPresences(this.target.state(), this.currentLists, this.presence, keys, shown);
    this.target.update(state);
    for (let at = 0; at < changes.length; at++) {
      const line = changes[at] as PresenceLine;
      const contact = shown[at];
      // The line itself when it says what the contact shows (as a sign-in's ILN lines do): no copy of each.
      if (contact !== undefined && contact.handle === line.handle && contact.friendlyName === line.friendlyName) {
        this.target.emit('presence', line as MessengerEvents['presence']);
        continue;
      }
      const { handle, status, friendlyName, initial } = line;
      this.target.emit('presence', { handle: contact?.handle ?? handle, status, friendlyName: contact?.friendlyName ?? friendlyName ?? handle, initial });
    }
  }

  private forgetPresence(): void {
    this.presence.clear();
    this.presenceChanges.length = 0;
    this.presenceKeys.length = 0;
    this.presenceSchedule.clear();
  }
}
