// Transcript pieces for the scripted-server tests. The client's TrIDs start at 1 and keep
// counting across the DS→NS referral (VER 4 on the NS, SYN 8, CHG 9), as in the reference.

import { md5Hex } from '../../../protocol/md5';
import { type ScriptStep, serverMessage } from '../../support/scripted-server';

export const HANDLE = 'example@hotmail.com';
export const PASSWORD = 'hunter2';
export const CHALLENGE = '1234567890.123456789';

/** The dispatch server's part: VER, INF, USR I answered by a referral back to this same server. */
export function dispatch(dialect: 'MSNP3' | 'MSNP2' = 'MSNP3'): ScriptStep[] {
  return [
    'C: VER 1 MSNP3 MSNP2 CVR0',
    `S: VER 1 ${dialect}`,
    'C: INF 2',
    'S: INF 2 MD5',
    `C: USR 3 MD5 I ${HANDLE}`,
    `S: XFR 3 NS 127.0.0.1:{port}${dialect === 'MSNP3' ? ' 0' : ''}`,
    'CLOSE',
  ];
}

/** The notification server's sign-in up to USR OK; `t` is the first TrID (4 after a referral, 1 without). */
export function authentication(dialect: 'MSNP3' | 'MSNP2' = 'MSNP3', t = 4): ScriptStep[] {
  return [
    'C: VER ' + t + ' MSNP3 MSNP2 CVR0',
    `S: VER ${t} ${dialect}`,
    `C: INF ${t + 1}`,
    `S: INF ${t + 1} MD5`,
    `C: USR ${t + 2} MD5 I ${HANDLE}`,
    `S: USR ${t + 2} MD5 S ${CHALLENGE}`,
    `C: USR ${t + 3} MD5 S ${md5Hex(CHALLENGE + PASSWORD)}`,
    `S: USR ${t + 3} OK ${HANDLE} Example%20User`,
  ];
}

export const PROFILE_MSNP3 = [
  'MIME-Version: 1.0',
  'Content-Type: text/x-msmsgsprofile; charset=UTF-8',
  'LoginTime: 1726321960',
  'EmailEnabled: 1',
  'MemberIdHigh: 41922',
  'MemberIdLow: -619232012',
  'lang_preference: 1033',
  'PreferredEmail: example@hotmail.com',
  'country: US',
  'PostalCode: ',
  'Kid: 0',
  'Flags: 1027',
  'sid: 507',
  'kv: 11',
  'MSPAuth: 2AAAAAAAADz4mXq0w!xPl7mjR3Tq1YkVw8nB!cUeFJtKs9aQ$$',
  '',
  '',
].join('\r\n');

export const profile = (): ScriptStep => serverMessage('Hotmail', 'Hotmail', PROFILE_MSNP3);

/** An empty list dump for `SYN t 0` (version 1), then the first CHG (TrID t + 1) answered. */
export function emptySyncAndOnline(t = 8, status = 'NLN'): ScriptStep[] {
  return [
    `C: SYN ${t} 0`,
    `S: SYN ${t} 1`,
    `S: GTC ${t} 1 A`,
    `S: BLP ${t} 1 AL`,
    `S: LST ${t} FL 1 0 0`,
    `S: LST ${t} AL 1 0 0`,
    `S: LST ${t} BL 1 0 0`,
    `S: LST ${t} RL 1 0 0`,
    `C: CHG ${t + 1} ${status}`,
    `S: CHG ${t + 1} ${status}`,
  ];
}

/** The client's sign-out, answered the way Escargot does: by closing. */
export const SIGN_OUT: ScriptStep[] = ['C: OUT', 'CLOSE'];
