// The names of the statuses, as every window and the tray show them (one copy to translate).

import type { StatusCode } from './model';

export const STATUS_LABELS: Readonly<Record<StatusCode, string>> = {
  NLN: 'Online',
  BSY: 'Busy',
  IDL: 'Idle',
  BRB: 'Be Right Back',
  AWY: 'Away',
  PHN: 'On the Phone',
  LUN: 'Out to Lunch',
  HDN: 'Appear Offline',
  FLN: 'Offline',
};
