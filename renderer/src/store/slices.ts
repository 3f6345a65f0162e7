// The renderer's read-only mirror of main's state, split into slices by concern. Only the sync
// actions write the mirrored fields; the ui slice is this window's own state.

import type { StateCreator } from 'zustand/vanilla';
import { type AccountId, FIRST_ACCOUNT } from '../../../shared/accounts';
import type { Notice, Settings, StatePatch } from '../../../shared/ipc';
import { INITIAL_STATE, type MessengerState } from '../../../shared/model';
import { reuse } from '../../../shared/reuse';
import { applyPatches } from '../../../shared/state';
import { strings } from '../strings';

export interface SessionSlice {
  /** The account this window belongs to, as its snapshot named it. */
  readonly account: AccountId;
  readonly session: MessengerState['session'];
  readonly profile: MessengerState['profile'];
  readonly settings: Settings | undefined;
  /** True once the first snapshot arrived; before that the mirror holds only defaults. */
  readonly ready: boolean;
}

export interface ContactsSlice {
  readonly contacts: MessengerState['contacts'];
  readonly privacy: MessengerState['privacy'];
  readonly addedBy: MessengerState['addedBy'];
  readonly removedBy: MessengerState['removedBy'];
}

export interface ConversationsSlice {
  readonly conversations: MessengerState['conversations'];
}

export interface MailSlice {
  readonly mail: MessengerState['mail'];
}

/** Dialogs the contact-list window can show, one at a time. */
export type DialogRequest =
  | { readonly kind: 'add-contact' }
  | { readonly kind: 'invite-by-email' }
  | { readonly kind: 'options' }
  | { readonly kind: 'about' }
  | { readonly kind: 'shortcuts' }
  | { readonly kind: 'added-you' }
  | { readonly kind: 'pick-contact'; readonly purpose: 'message' | 'mail' }
  | { readonly kind: 'properties'; readonly handle: string }
  | { readonly kind: 'delete-contact'; readonly handle: string };

export interface ReceivedNotice {
  /** Increases with every notice, so the same notice twice is still announced twice. */
  readonly seq: number;
  readonly notice: Notice;
}

export interface UiSlice {
  readonly dialog: DialogRequest | undefined;
  /** A sentence shown above the window's content until dismissed (command errors, notices). */
  readonly banner: string | undefined;
  readonly lastNotice: ReceivedNotice | undefined;
  readonly filter: string;
  openDialog(dialog: DialogRequest): void;
  closeDialog(): void;
  showBanner(text: string): void;
  dismissBanner(): void;
  setFilter(filter: string): void;
}

export interface SyncActions {
  receiveSnapshot(snapshot: { account: AccountId; state: MessengerState; settings: Settings }): void;
  /** Applies patches in order as one update; false when the mirror was out of step with one and needs a snapshot. */
  receivePatches(patches: readonly StatePatch[]): boolean;
  receiveSettings(settings: Settings): void;
  receiveNotice(notice: Notice): void;
}

export type MessengerStore = SessionSlice & ContactsSlice & ConversationsSlice & MailSlice & UiSlice & SyncActions;

type Slice<T> = StateCreator<MessengerStore, [], [], T>;

export const createSessionSlice: Slice<SessionSlice> = () => ({
  account: FIRST_ACCOUNT,
  session: INITIAL_STATE.session,
  profile: INITIAL_STATE.profile,
  settings: undefined,
  ready: false,
});

export const createContactsSlice: Slice<ContactsSlice> = () => ({
  contacts: INITIAL_STATE.contacts,
  privacy: INITIAL_STATE.privacy,
  addedBy: INITIAL_STATE.addedBy,
  removedBy: INITIAL_STATE.removedBy,
});

export const createConversationsSlice: Slice<ConversationsSlice> = () => ({
  conversations: INITIAL_STATE.conversations,
});

export const createMailSlice: Slice<MailSlice> = () => ({ mail: INITIAL_STATE.mail });

export const createUiSlice: Slice<UiSlice> = (set) => ({
  dialog: undefined,
  banner: undefined,
  lastNotice: undefined,
  filter: '',
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: undefined }),
  showBanner: (banner) => set({ banner }),
  dismissBanner: () => set({ banner: undefined }),
  setFilter: (filter) => set({ filter }),
});

export function mirroredState(store: MessengerStore): MessengerState {
  const { session, profile, privacy, mail, contacts, addedBy, removedBy, conversations } = store;
  return { session, profile, privacy, mail, contacts, addedBy, removedBy, conversations };
}

/** The banner once a notice arrived: errors that concern every window, and history's problems while they last. */
function bannerAfter(notice: Notice, banner: string | undefined): string | undefined {
  // A conversation's error is already a line in its transcript.
  if (notice.kind === 'error' && notice.conversationId === undefined) return strings.error(notice.error);
  if (notice.kind === 'history') return strings.history.problem(notice.problem, notice.setAsideAs);
  if (notice.kind === 'history-recovered' && strings.history.isLastingProblem(banner)) return undefined;
  return banner;
}

export const createSyncActions: Slice<SyncActions> = (set, get) => ({
  receiveSnapshot: ({ account, state, settings }) => {
    const current = get();
    set({ ...reuse(mirroredState(current), state), account, settings: reuse(current.settings, settings), ready: true });
  },
  receivePatches: (patches) => {
    const current = mirroredState(get());
    const { state: next, fits } = applyPatches(current, patches);
    if (next !== current) set(next);
    return fits;
  },
  receiveSettings: (settings) => set({ settings: reuse(get().settings, settings) }),
  receiveNotice: (notice) => {
    const seq = (get().lastNotice?.seq ?? 0) + 1;
    set({ lastNotice: { seq, notice }, banner: bannerAfter(notice, get().banner) });
  },
});
