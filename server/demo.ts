// The accounts a server starts with when it is given none: enough for the app to show a real contact
// list offline. Sign in as you@demo.msn / demo. Messenger Buddy is always online and answers;
// Dave and Erin have added you without being on your allow or block list, so "added you" appears.
// The cast and the timeline below are the demo's life, played by demo-activity.ts when asked.

import type { AccountSeed } from './accounts';
import { BOT_HANDLE } from './bot';
import type { Status } from './notification/presence';

export const DEMO_SIGN_IN = { handle: 'you@demo.msn', password: 'demo' } as const;

export const DEMO_ACCOUNTS: readonly AccountSeed[] = [
  {
    handle: DEMO_SIGN_IN.handle,
    password: DEMO_SIGN_IN.password,
    friendlyName: 'You',
    lists: {
      FL: [BOT_HANDLE, 'alice@demo.msn', 'bob@demo.msn', 'carol@demo.msn'],
      AL: [BOT_HANDLE, 'alice@demo.msn', 'bob@demo.msn', 'carol@demo.msn'],
    },
    inboxUnread: 2,
  },
  { handle: BOT_HANDLE, password: 'buddy', friendlyName: 'Messenger Buddy', emailEnabled: false },
  { handle: 'alice@demo.msn', password: 'alice', friendlyName: 'Alice', lists: { FL: ['you@demo.msn'], AL: ['you@demo.msn'] } },
  { handle: 'bob@demo.msn', password: 'bob', friendlyName: 'Bob (working)', lists: { FL: ['you@demo.msn'], AL: ['you@demo.msn'] } },
  { handle: 'carol@demo.msn', password: 'carol', friendlyName: 'Carol', lists: { FL: ['you@demo.msn'] } },
  { handle: 'dave@demo.msn', password: 'dave', friendlyName: 'Dave :)', lists: { FL: ['you@demo.msn'] } },
  { handle: 'erin@demo.msn', password: 'erin', friendlyName: 'Érin', lists: { FL: ['you@demo.msn'] } },
];

/** How a demo contact writes, and what it answers when someone starts a conversation with it. */
export interface DemoCastMember {
  readonly handle: string;
  /** X-MMS-IM-Format of its messages: each has its own font and colour, as people did. */
  readonly format: string;
  readonly busyReply: string;
}

export const DEMO_CAST: readonly DemoCastMember[] = [
  {
    handle: 'alice@demo.msn',
    format: 'FN=Comic%20Sans%20MS; EF=; CO=800080; CS=0; PF=22',
    busyReply: "Can't talk right now, sorry! Messenger Buddy always has time though :)",
  },
  {
    handle: 'bob@demo.msn',
    format: 'FN=Arial; EF=B; CO=8000; CS=0; PF=22',
    busyReply: 'Swamped at the moment, talk later?',
  },
  {
    handle: 'carol@demo.msn',
    format: 'FN=Times%20New%20Roman; EF=I; CO=ff; CS=0; PF=12',
    busyReply: 'Hey! On the phone, back in a bit.',
  },
];

/** A line someone in a demo conversation says. */
export interface DemoLine {
  readonly from: string;
  readonly text: string;
}

/**
 * One moment of the demo, `atMs` after the demo user first signs in. `presence` signs a contact in
 * (a status), changes its status or name, or signs it out (`FLN`); `conversation` has `from` start
 * one with the demo user (and `invite`d contacts), say `lines` once everyone is there, and answer
 * the user's first message with `reply`; `mail` is a new Hotmail message for the demo user.
 */
export type DemoStep =
  | { readonly atMs: number; readonly kind: 'presence'; readonly handle: string; readonly status: Status | 'FLN'; readonly friendlyName?: string }
  | {
      readonly atMs: number;
      readonly kind: 'conversation';
      readonly from: string;
      readonly invite?: readonly string[];
      readonly lines: readonly DemoLine[];
      readonly reply: DemoLine;
    }
  | { readonly atMs: number; readonly kind: 'mail'; readonly from: string; readonly fromAddress: string; readonly subject: string };

const SECOND = 1000;

/** What a new user sees in the first minutes: people come and go, one says hello, mail arrives, a group chat. */
export const DEMO_TIMELINE: readonly DemoStep[] = [
  { atMs: 4 * SECOND, kind: 'presence', handle: 'alice@demo.msn', status: 'NLN' },
  { atMs: 9 * SECOND, kind: 'presence', handle: 'bob@demo.msn', status: 'BSY' },
  {
    atMs: 15 * SECOND,
    kind: 'conversation',
    from: 'alice@demo.msn',
    lines: [{ from: 'alice@demo.msn', text: 'Hi! Welcome to MSN Messenger :) Double-click anyone who is online to talk to them.' }],
    reply: { from: 'alice@demo.msn', text: 'Have fun! Messenger Buddy answers everything you say, if you want to try more.' },
  },
  { atMs: 25 * SECOND, kind: 'mail', from: 'Carol', fromAddress: 'carol@demo.msn', subject: 'Photos from Saturday' },
  { atMs: 32 * SECOND, kind: 'presence', handle: 'carol@demo.msn', status: 'NLN' },
  {
    atMs: 42 * SECOND,
    kind: 'conversation',
    from: 'carol@demo.msn',
    invite: ['alice@demo.msn'],
    lines: [
      { from: 'carol@demo.msn', text: 'Alice and I are planning a picnic for Saturday. Are you in?' },
      { from: 'alice@demo.msn', text: "Say yes! I'm bringing cake." },
    ],
    reply: { from: 'carol@demo.msn', text: 'Great, see you there! Noon at the park.' },
  },
  { atMs: 60 * SECOND, kind: 'presence', handle: 'bob@demo.msn', status: 'LUN', friendlyName: 'Bob (lunch)' },
  { atMs: 80 * SECOND, kind: 'presence', handle: 'alice@demo.msn', status: 'AWY' },
  { atMs: 110 * SECOND, kind: 'presence', handle: 'bob@demo.msn', status: 'NLN', friendlyName: 'Bob' },
  { atMs: 140 * SECOND, kind: 'presence', handle: 'carol@demo.msn', status: 'FLN' },
  { atMs: 180 * SECOND, kind: 'presence', handle: 'alice@demo.msn', status: 'NLN' },
];
