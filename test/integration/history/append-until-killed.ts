// Run by crash.test.ts as a child process: appends messages to a history database one transaction
// each, as the worker does for a chat, and prints each number once it is committed, until killed.
//
//   node --import tsx append-until-killed.ts FILE FIRST

import { HistoryDatabase } from '../../../main/app/history/database';

const [file, first] = process.argv.slice(2);
if (!file || !first) throw new Error('usage: append-until-killed.ts FILE FIRST');
const { database } = HistoryDatabase.open(file);
database.append([{ kind: 'conversation', id: 'crash', participants: [{ handle: 'bob@example.com', name: 'Bob' }], at: 0 }]);
for (let n = Number(first); ; n += 1) {
  database.append([
    {
      kind: 'message',
      id: `m${n}`,
      conversationId: 'crash',
      from: 'bob@example.com',
      fromName: 'Bob',
      // Long enough to span pages, so a kill can land between the writes of one message.
      text: `message ${n} ${'lorem ipsum dolor '.repeat(400)}`,
      delivery: 'received',
      sentAt: n,
    },
  ]);
  process.stdout.write(`${n}\n`);
}
