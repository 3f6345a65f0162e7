// Accounts of the app. The core holds one client per account and keys its state, commands and
// events by the account's id; every window belongs to one account and names it in its route. An
// id is the app's own short name for a slot that signs in (the same slot may sign in with another
// name after signing out), never the sign-in name itself, so it is safe in a URL and a file name.

export type AccountId = string;

export const ACCOUNT_ID_SHAPE = /^a[1-9][0-9]{0,5}$/;

/** The account the app starts with; a new sign-in window adds the next one (a2, a3…). */
export const FIRST_ACCOUNT: AccountId = 'a1';

export function isAccountId(value: unknown): value is AccountId {
  return typeof value === 'string' && ACCOUNT_ID_SHAPE.test(value);
}

/** The id after the highest one in use. */
export function nextAccountId(existing: Iterable<AccountId>): AccountId {
  let highest = 0;
  for (const id of existing) highest = Math.max(highest, Number(id.slice(1)));
  return `a${highest + 1}`;
}
