// A lane's notification side: one NotificationSession at a time, mirrored into a MessengerState as
// the app does, signed in to the lane's fuzz server. A case either writes its lines into the live
// session, then changes status (the answer comes after every line, so the session has taken them
// all), or signs in afresh with its lines between the server's replies and maybe a drop there.

import { join } from 'node:path';
import { SessionMirror } from '../../main/client/session-mirror';
import type { SessionEnd } from '../../main/ns/events';
import { ListCache } from '../../main/ns/list-cache';
import { NotificationSession } from '../../main/ns/session';
import { RequestTimeoutError } from '../../protocol/index';
import { INITIAL_STATE, type MessengerState, type SettableStatus } from '../../shared/model';
import type { FuzzCase } from './generate';
import { FuzzProblem, sentenceOf, withDeadline, wordsFor } from './outcome';
import { ME, type FuzzServer } from './server';

const STATUSES: readonly SettableStatus[] = ['NLN', 'BSY', 'BRB', 'AWY', 'PHN', 'LUN', 'IDL'];
/** A long-lived session keeps whatever a hostile server told it; the lane starts a new one now and then. */
const CASES_PER_SESSION = 2000;

export interface LaneTimeouts {
  readonly requestMs: number;
  readonly caseMs: number;
}

/** The client's own log (wire lines included), for replaying a failure with --verbose. */
export type ClientLog = ((line: string) => void) | undefined;

export class NotificationLane {
  private session: NotificationSession | undefined;
  /** How the current session ended, as its `closed` event said. */
  private end: SessionEnd | undefined;
  private cases = 0;
  /** The cases the current session has been through, this one last: what a replay must run. */
  readonly history: number[] = [];
  private state: MessengerState = INITIAL_STATE;
  private readonly listCache: ListCache;

  constructor(
    private readonly server: FuzzServer,
    dataDir: string,
    private readonly timeouts: LaneTimeouts,
    private readonly log: ClientLog = undefined,
  ) {
    this.listCache = new ListCache(join(dataDir, 'lists'));
  }

  async run(fuzzCase: FuzzCase): Promise<string> {
    const { lines, drop, chunking, step } = fuzzCase;
    if (fuzzCase.target === 'ns-sign-in') {
      await this.close();
      this.history.push(fuzzCase.index);
      this.server.arm('ns', { lines, drop, chunking, step });
      const signedIn = await this.signIn();
      return signedIn ? await this.probe(fuzzCase.index) : 'sign-in refused';
    }
    if (++this.cases % CASES_PER_SESSION === 0) await this.close();
    if (!this.session?.isOnline) this.history.length = 0;
    this.history.push(fuzzCase.index);
    if (!this.session?.isOnline && !(await this.signIn())) throw new FuzzProblem('signing in to the cooperative server failed');
    await this.server.peer('ns')?.inject({ lines, drop, chunking });
    return this.probe(fuzzCase.index);
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.history.length = 0;
    if (session) await withDeadline(session.signOut(), this.timeouts.caseMs, 'signing out');
    await this.listCache.flush();
  }

  /** Signs in; true when online, false when the sign-in ended with a sentence. */
  private async signIn(): Promise<boolean> {
    const session = new NotificationSession({
      server: this.server.notificationAddress,
      handle: ME.handle,
      password: 'hunter2',
      listCache: this.listCache,
      requestTimeoutMs: this.timeouts.requestMs,
      connectTimeoutMs: this.timeouts.requestMs,
      log: this.log,
    });
    this.follow(session);
    try {
      await withDeadline(session.start({ status: 'NLN' }), this.timeouts.caseMs, 'signing in');
    } catch (error) {
      if (error instanceof FuzzProblem) throw error;
      sentenceOf(error, 'signing in');
      return false;
    }
    // The session said it is online: its connection must be open, or its end must have been reported.
    await new Promise((resolve) => setImmediate(resolve));
    if (!session.isOnline && !this.end) throw new FuzzProblem('signed in on a connection that had already ended, and no end was reported');
    this.session = session;
    return true;
  }

  private follow(session: NotificationSession): void {
    this.state = INITIAL_STATE;
    const mirror = new SessionMirror({
      state: () => this.state,
      update: (next) => void (this.state = next),
      emit: () => undefined,
      ring: () => undefined,
      ended: () => undefined,
      server: () => undefined,
    });
    mirror.follow(session, () => true);
    this.end = undefined;
    session.on('closed', (end) => void (this.end = end));
  }

  /** Changes status: answered means the session goes on; otherwise it must have ended with a sentence. */
  private async probe(index: number): Promise<string> {
    const session = this.session;
    if (!session) throw new FuzzProblem('no session to probe');
    try {
      await withDeadline(session.setStatus(STATUSES[index % STATUSES.length] as SettableStatus), this.timeouts.caseMs, 'changing status');
      return 'going on';
    } catch (error) {
      if (error instanceof FuzzProblem) throw error;
      const sentence = sentenceOf(error, 'changing status');
      if (error instanceof RequestTimeoutError) throw new FuzzProblem(`the session neither answered nor ended: ${sentence}`);
      if (session.isOnline) return 'going on after a refusal';
      // A connection that closes reports its end at once; give it the turn it may still be in.
      await new Promise((resolve) => setImmediate(resolve));
      const end = this.end;
      if (!end) throw new FuzzProblem(`the session is offline, but no end was reported (the status change said: ${sentence})`);
      if (end.reason === 'user') throw new FuzzProblem('the session ended as if I had signed out');
      if (end.reason !== 'transfer') wordsFor(end.error, 'the session');
      this.session = undefined;
      return 'ended';
    }
  }
}
