// The seed's transcript and the reference's annotated session (§13), played against the client.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ListCache } from '../../../main/ns/list-cache';
import { EMPTY_LISTS } from '../../../main/ns/lists';
import { md5Hex } from '../../../protocol/md5';
import type { AddedByRequest } from '../../../shared/model';
import { SEED_PROFILE } from '../../fixtures/seed';
import { serverMessage } from '../../support/scripted-server';
import { nextEvent, untilState, useScriptedHarness } from './harness';
import { HANDLE, PASSWORD, PROFILE_MSNP3, dispatch } from './scripts';
import { contactIn } from '../../../shared/contacts';

const scripted = useScriptedHarness('msn-transcript-');

it("plays the seed's MSNP3 transcript: cached lists, IMS off and on, SND with language and library", async () => {
  expect(Buffer.byteLength(SEED_PROFILE)).toBe(367);
  const server = await scripted.serve([
    dispatch('MSNP3'),
    [
      'C: VER 4 MSNP3 MSNP2 CVR0',
      'S: VER 4 MSNP3',
      'C: INF 5',
      'S: INF 5 MD5',
      `C: USR 6 MD5 I ${HANDLE}`,
      'S: USR 6 MDS S prefix',
      `C: USR 7 MD5 S ${md5Hex(`prefix${PASSWORD}`)}`,
      `S: USR 7 OK ${HANDLE} example%20user`,
      serverMessage('Hotmail', 'Hotmail', SEED_PROFILE),
      'C: SYN 8 5',
      'S: SYN 8 5',
      'C: CHG 9 NLN',
      'S: CHG 9 NLN',
      'C: IMS 10 OFF',
      'S: IMS 10 0 OFF',
      'C: IMS 11 ON',
      'S: IMS 11 0 ON',
      'C: SND 12 anotheruser@hotmail.com 0x0409 MSMSGS',
      'S: SND 12 OK',
      'C: OUT',
      'S: OUT',
      'CLOSE',
    ],
  ]);
  await new ListCache(join(scripted.dataDir, 'lists')).save({ server: server.address, handle: HANDLE }, { ...EMPTY_LISTS, version: 5 });
  const messenger = scripted.messenger();
  await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
  expect(messenger.state.session).toMatchObject({ friendlyName: 'example user', dialect: 'MSNP3' });
  expect(messenger.state.profile).toMatchObject({ loginTime: 1726321960, mspAuth: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$$' });
  await messenger.setIms(false);
  expect(messenger.state.session.imsEnabled).toBe(false);
  await messenger.setIms(true);
  await messenger.inviteByEmail('anotheruser@hotmail.com');
  await messenger.signOut();
  expect(server.failures).toEqual([]);
  expect(server.received[1]?.at(-1)).toBe('OUT');
});

describe('the annotated MSNP3 session (§13)', () => {
  it('syncs the lists, asks about Dave, shows presence, adds contacts and hears of a stranger', async () => {
    const server = await scripted.serve([
      dispatch('MSNP3'),
      [
        'C: VER 4 MSNP3 MSNP2 CVR0',
        'S: VER 4 MSNP3',
        'C: INF 5',
        'S: INF 5 MD5',
        `C: USR 6 MD5 I ${HANDLE}`,
        'S: USR 6 MD5 S 1234567890.123456789',
        'C: USR 7 MD5 S c36a4dec1c6bf5af4f5284f19345d3dc',
        `S: USR 7 OK ${HANDLE} Example%20User`,
        serverMessage('Hotmail', 'Hotmail', PROFILE_MSNP3),
        'C: SYN 8 0',
        'S: SYN 8 14',
        // ESC-OLD order: the lists first, the settings last.
        'S: LST 8 RL 14 1 3 anotheruser@hotmail.com Another%20User',
        'S: LST 8 RL 14 2 3 carol@hotmail.com Carol',
        'S: LST 8 RL 14 3 3 dave@hotmail.com Dave%20%3A%29',
        'S: LST 8 FL 14 1 2 anotheruser@hotmail.com Another%20User',
        'S: LST 8 FL 14 2 2 carol@hotmail.com Carol',
        'S: LST 8 BL 14 0 0',
        'S: LST 8 AL 14 1 2 anotheruser@hotmail.com Another%20User',
        'S: LST 8 AL 14 2 2 carol@hotmail.com Carol',
        'S: BLP 8 14 AL',
        'S: GTC 8 14 A',
        'C: CHG 9 NLN',
        'S: CHG 9 NLN',
        'S: ILN 9 AWY anotheruser@hotmail.com Another%20User',
        // The name goes back re-encoded: `)` needs no escape (§2.5), so any spelling is accepted.
        'C: ADD 10 AL dave@hotmail.com *',
        'S: ADD 10 AL 15 dave@hotmail.com Dave%20%3A%29',
        'S: NLN NLN anotheruser@hotmail.com Another%20User',
        'S: NLN BSY carol@hotmail.com Carol%20(working)',
        // Same status, new name: Carol renamed herself, and the stored FL name follows (§13.5).
        'C: REA 11 carol@hotmail.com Carol%20(working)',
        'S: REA 11 16 carol@hotmail.com Carol%20(working)',
        'C: ADD 12 FL newfriend@hotmail.com newfriend@hotmail.com',
        'S: ADD 12 FL 18 newfriend@hotmail.com newfriend@hotmail.com',
        'S: ILN 12 NLN newfriend@hotmail.com Caf%C3%A9%20Friend',
        'C: ADD 13 FL ghost@hotmail.com ghost@hotmail.com',
        'S: 205 13',
        'S: ADD 0 RL 20 stranger@hotmail.com Some%20Stranger',
        'C: ADD 14 BL stranger@hotmail.com Some%20Stranger',
        'S: ADD 14 BL 21 stranger@hotmail.com Some%20Stranger',
        'S: FLN carol@hotmail.com',
        'C: OUT',
        'CLOSE',
      ],
    ]);
    const messenger = scripted.messenger();
    const asked: AddedByRequest[] = [];
    messenger.on('addedBy', (request) => asked.push(request));
    await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
    expect(asked).toEqual([{ handle: 'dave@hotmail.com', friendlyName: 'Dave :)' }]);
    await untilState(messenger, (state) => contactIn(state.contacts, 'anotheruser@hotmail.com')?.status === 'AWY');

    await messenger.answerAddedBy('dave@hotmail.com', { allow: true, addToContacts: false });
    await untilState(messenger, (state) => contactIn(state.contacts, 'carol@hotmail.com')?.friendlyName === 'Carol (working)');
    expect(contactIn(messenger.state.contacts, 'anotheruser@hotmail.com')?.status).toBe('NLN');
    expect(contactIn(messenger.state.contacts, 'carol@hotmail.com')?.status).toBe('BSY');

    await messenger.addContact('FL', 'newfriend@hotmail.com');
    await untilState(messenger, (state) => contactIn(state.contacts, 'newfriend@hotmail.com')?.friendlyName === 'Café Friend');
    const stranger = nextEvent(messenger, 'addedBy');
    await expect(messenger.addContact('FL', 'ghost@hotmail.com')).rejects.toMatchObject({ appError: { code: 205 } });
    expect(await stranger).toEqual({ handle: 'stranger@hotmail.com', friendlyName: 'Some Stranger' });
    await messenger.answerAddedBy('stranger@hotmail.com', { allow: false, addToContacts: false });
    await untilState(messenger, (state) => contactIn(state.contacts, 'carol@hotmail.com')?.status === 'FLN');
    expect(contactIn(messenger.state.contacts, 'stranger@hotmail.com')?.lists).toEqual(['BL', 'RL']);
    expect(messenger.state.addedBy).toEqual([]);
    await messenger.signOut();
    expect(server.failures).toEqual([]);

    const cached = await new ListCache(join(scripted.dataDir, 'lists')).load({ server: server.address, handle: HANDLE });
    expect(cached?.version).toBe(21);
    expect(cached?.entries.get('carol@hotmail.com')?.names).toMatchObject({ FL: 'Carol (working)', AL: 'Carol (working)' });
  });
});
