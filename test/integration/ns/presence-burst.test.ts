import { expect, it } from 'vitest';
import type { MessengerEvents } from '../../../main/client/messenger';
import type { MessengerState } from '../../../shared/model';
import { nextEvent, useScriptedHarness } from './harness';
import { HANDLE, PASSWORD, SIGN_OUT, authentication, dispatch } from './scripts';

const scripted = useScriptedHarness('msn-burst-');

const contacts = ['ann@hotmail.com', 'ben@hotmail.com', 'cat@hotmail.com'];

/** The SYN dump: the three contacts on FL. */
const dump = (): string[] => [
  'C: SYN 8 0',
  'S: SYN 8 4',
  'S: GTC 8 4 A',
  'S: BLP 8 4 AL',
  ...contacts.map((handle, index) => `S: LST 8 FL 4 ${index + 1} 3 ${handle} ${handle}`),
  'S: LST 8 AL 4 0 0',
  'S: LST 8 BL 4 0 0',
  'S: LST 8 RL 4 0 0',
];

const online = (state: MessengerState): number => Object.values(state.contacts).filter((contact) => contact.status !== 'FLN').length;

it('shows a burst of presence lines read at once as one new state, then one presence event per line', async () => {
  const server = await scripted.serve([
    dispatch(),
    [
      ...authentication(),
      ...dump(),
      'C: CHG 9 NLN',
      'S: CHG 9 NLN',
      { raw: Buffer.from(contacts.map((handle, index) => `ILN 9 ${index === 1 ? 'BSY' : 'NLN'} ${handle} Name%20${index}\r\n`).join('')) },
      ...SIGN_OUT,
    ],
  ]);
  const messenger = scripted.messenger();
  const states: MessengerState[] = [];
  const presence: Array<MessengerEvents['presence']> = [];
  messenger.on('state', (state) => states.push(state));
  messenger.on('presence', (event) => presence.push(event));
  const last = nextEvent(messenger, 'presence', (event) => event.handle === contacts[2]);
  await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
  await last;

  expect(states.map(online).filter((count, index, all) => index === 0 || count !== all[index - 1])).toEqual([0, 3]);
  expect(presence).toEqual([
    { handle: 'ann@hotmail.com', status: 'NLN', friendlyName: 'Name 0', initial: true },
    { handle: 'ben@hotmail.com', status: 'BSY', friendlyName: 'Name 1', initial: true },
    { handle: 'cat@hotmail.com', status: 'NLN', friendlyName: 'Name 2', initial: true },
  ]);
});

it('shows each read of a burst as soon as it is framed, one new state per read, the first before the sign-in resolves', async () => {
  const iln = (from: number, to: number): string => contacts.slice(from, to).map((handle) => `ILN 9 NLN ${handle} ${handle}\r\n`).join('');
  // The CHG answer and the first line in one write (so in one read), the other two in a read of their own.
  const server = await scripted.serve([
    dispatch(),
    [...authentication(), ...dump(), 'C: CHG 9 NLN', { raw: Buffer.from(`CHG 9 NLN\r\n${iln(0, 1)}`) }, 'NEXT-READ', { raw: Buffer.from(iln(1, 3)) }, ...SIGN_OUT],
  ]);
  const messenger = scripted.messenger();
  const states: MessengerState[] = [];
  messenger.on('state', (state) => states.push(state));
  const last = nextEvent(messenger, 'presence', (event) => event.handle === contacts[2]);
  await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });

  // The CHG answer's read brought the first line: it is shown when the sign-in resolves.
  expect(online(messenger.state)).toBe(1);
  await last;
  expect(online(messenger.state)).toBe(3);
  expect(states.map(online).filter((count, index, all) => index === 0 || count !== all[index - 1])).toEqual([0, 1, 3]);
});
