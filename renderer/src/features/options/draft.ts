// The Options dialog edits a draft; OK sends only what changed, in order, and stops at the
// first failure so the user sees it on the page it concerns.

import type { CommandResult } from '../../../../shared/commands';
import type { AccountSettings, Settings } from '../../../../shared/ipc';
import { type ProxyKind, type ProxySettings, proxySettingsSchema } from '../../../../shared/proxy';
import { type AddedAlertMode, MAX_ENCODED_NAME_BYTES, type MessengerState, type PrivacyMode } from '../../../../shared/model';
import type { AutoReplies, PlusTagMode, ThemeChoice, UiScale } from '../../../../shared/preferences';
import { command } from '../../bridge';
import { strings } from '../../strings';
import { defaultServer, serverAddressProblem } from '../sign-in/server-address';

export interface OptionsDraft {
  readonly friendlyName: string;
  readonly autoIdle: boolean;
  readonly autoIdleMinutes: number;
  readonly sounds: boolean;
  readonly toasts: boolean;
  readonly signInAtStart: boolean;
  readonly logMessageText: boolean;
  readonly server: string;
  readonly privacyMode: PrivacyMode;
  readonly addedAlert: AddedAlertMode;
  /** The signed-in account keeps a chat history (false while nobody is signed in). */
  readonly keepHistory: boolean;
  readonly theme: ThemeChoice;
  readonly uiScale: UiScale;
  readonly plusTags: PlusTagMode;
  readonly escapeClosesConversation: boolean;
  readonly autoReply: boolean;
  readonly autoReplies: AutoReplies;
  readonly proxyKind: ProxyKind | 'none';
  readonly proxyHost: string;
  readonly proxyPort: string;
  readonly proxyUser: string;
  /** Empty keeps the saved password (when the account has one). */
  readonly proxyPassword: string;
}

export type DraftUpdate = (change: Partial<OptionsDraft>) => void;

const DEFAULT_IDLE_MINUTES = 5;

export function initialDraft(
  session: MessengerState['session'],
  privacy: MessengerState['privacy'],
  settings: Settings,
  account: AccountSettings | undefined,
): OptionsDraft {
  const proxy = account?.proxy;
  return {
    friendlyName: session.friendlyName ?? '',
    autoIdle: settings.autoIdleMinutes > 0,
    autoIdleMinutes: settings.autoIdleMinutes || DEFAULT_IDLE_MINUTES,
    sounds: settings.sounds,
    toasts: settings.toasts,
    signInAtStart: settings.signInAtStart,
    logMessageText: settings.logMessageText,
    server: defaultServer(account, settings.presets),
    privacyMode: privacy.mode,
    addedAlert: privacy.addedAlert,
    keepHistory: session.handle !== undefined && settings.history[session.handle.toLowerCase()] === true,
    theme: settings.theme,
    uiScale: settings.uiScale,
    plusTags: settings.plusTags,
    escapeClosesConversation: settings.escapeClosesConversation,
    autoReply: settings.autoReply.enabled,
    autoReplies: settings.autoReply.messages,
    proxyKind: proxy?.kind ?? 'none',
    proxyHost: proxy?.host ?? '',
    proxyPort: proxy ? String(proxy.port) : '',
    proxyUser: proxy?.username ?? '',
    proxyPassword: '',
  };
}

/** The draft's proxy: null for none, undefined when what was typed is not one. */
export function draftProxy(draft: OptionsDraft): ProxySettings | null | undefined {
  if (draft.proxyKind === 'none') return null;
  const user = draft.proxyUser.trim();
  const parsed = proxySettingsSchema.safeParse({
    kind: draft.proxyKind,
    host: draft.proxyHost.trim(),
    port: /^\d{1,5}$/.test(draft.proxyPort.trim()) ? Number(draft.proxyPort.trim()) : Number.NaN,
    ...(user && { username: user }),
  });
  return parsed.success ? parsed.data : undefined;
}

export interface DraftProblems {
  readonly friendlyName?: string;
  readonly server?: string;
  readonly proxy?: string;
}

export function draftProblems(draft: OptionsDraft): DraftProblems {
  const name = draft.friendlyName.trim();
  // The same rule, and the same words, as main's answer to a name it cannot send.
  const friendlyName = !name
    ? strings.error({ kind: 'input', reason: 'empty-name' })
    : encodeURIComponent(name).length > MAX_ENCODED_NAME_BYTES
      ? strings.error({ kind: 'input', reason: 'name-too-long', detail: { maxBytes: MAX_ENCODED_NAME_BYTES } })
      : undefined;
  const server = draft.server.trim() === 'demo' ? undefined : serverAddressProblem(draft.server);
  const proxy = draftProxy(draft) === undefined ? strings.error({ kind: 'input', reason: 'invalid-proxy' }) : undefined;
  return { friendlyName, server, proxy };
}

type Step = () => Promise<CommandResult<unknown>>;

/** Only the statuses with something to say: an emptied box turns that status's reply off. */
function typedReplies(replies: AutoReplies): AutoReplies {
  return Object.fromEntries(Object.entries(replies).flatMap(([status, text]) => (text?.trim() ? [[status, text.trim()]] : [])));
}

/** The commands that turn `before` into `after`; session-bound ones only while signed in. */
export function draftSteps(before: OptionsDraft, after: OptionsDraft, signedIn: boolean): Step[] {
  const steps: Step[] = [];
  const name = after.friendlyName.trim();
  if (signedIn && name !== before.friendlyName.trim()) steps.push(() => command('setFriendlyName', name));
  const settingsPatch = {
    autoIdleMinutes: after.autoIdle ? after.autoIdleMinutes : 0,
    sounds: after.sounds,
    toasts: after.toasts,
    signInAtStart: after.signInAtStart,
    logMessageText: after.logMessageText,
    theme: after.theme,
    uiScale: after.uiScale,
    plusTags: after.plusTags,
    escapeClosesConversation: after.escapeClosesConversation,
    autoReply: { enabled: after.autoReply, messages: typedReplies(after.autoReplies) },
  };
  steps.push(() => command('saveSettings', settingsPatch));
  const proxy = draftProxy(after);
  steps.push(() =>
    command('saveAccountSettings', {
      lastServer: after.server.trim(),
      ...(proxy !== undefined && { proxy }),
      ...(after.proxyPassword && { proxyPassword: after.proxyPassword }),
    }),
  );
  if (signedIn && after.privacyMode !== before.privacyMode) steps.push(() => command('setPrivacyMode', after.privacyMode));
  if (signedIn && after.addedAlert !== before.addedAlert) steps.push(() => command('setAddedAlert', after.addedAlert));
  if (signedIn && after.keepHistory !== before.keepHistory) steps.push(() => command('setHistoryEnabled', after.keepHistory));
  return steps;
}
