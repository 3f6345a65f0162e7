// The accounts a server starts with when it is given none: enough for the app to show a real contact
// list offline. Sign in as you@demo.msn / demo. Messenger Buddy is always online and answers;
// Dave and Erin have added you without being on your allow or block list, so "added you" appears.

import type { AccountSeed } from './accounts';
import { BOT_HANDLE } from './bot';

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
