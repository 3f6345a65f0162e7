// Every sentence the user sees, in one place, so a translation replaces this module only.
// Functions take the parts that vary; nothing else in the renderer builds user-facing text.

import type { HistoryExportData, HistoryProblem } from '../../shared/history';
import type { ExportWords } from '../../shared/history-export';
import type { AppInfo } from '../../shared/ipc';
import type { DeliveryState, ListName, RecoveredFile, SessionState, StatusCode } from '../../shared/model';
import type { SignInAdvice, SilentStep } from '../../shared/troubleshoot';
import { type ConsoleWords, type WireCloseReason, isWireCloseReason } from '../../shared/console';
import type { ProxyKind } from '../../shared/proxy';
import type { ContactSound, PlusTagMode, ThemeChoice } from '../../shared/preferences';
import { STATUS_LABELS } from '../../shared/status-labels';
import { describeError, describeTranscriptEvent } from './error-strings';

export { STATUS_LABELS };

const LIST_LABELS: Readonly<Record<ListName, string>> = {
  FL: 'My contact list',
  AL: 'Allow list',
  BL: 'Block list',
  RL: 'Has added me to their contact list',
};

const SESSION_PROGRESS: Readonly<Record<SessionState, string>> = {
  offline: 'Not signed in',
  connecting: 'Connecting to the server…',
  authenticating: 'Checking your e-mail address and password…',
  redirected: 'Connecting to another server…',
  syncing: 'Getting your contact list…',
  online: 'Signed in',
  reconnecting: 'The connection was lost. Reconnecting…',
};

const THEME_LABELS: Readonly<Record<ThemeChoice, string>> = {
  classic: 'Classic',
  night: 'Classic Night',
  system: 'Follow my computer’s light or dark setting',
  'high-contrast': 'High contrast',
};

const PLUS_TAG_LABELS: Readonly<Record<PlusTagMode, string>> = {
  render: 'Show Messenger Plus! colours and styles',
  strip: 'Remove Messenger Plus! tags and show plain text',
};

const SOUND_LABELS: Readonly<Record<ContactSound, string>> = {
  default: 'The usual sound',
  none: 'No sound',
  chime: 'Chime',
  bell: 'Bell',
  knock: 'Knock',
  ripple: 'Ripple',
};

const PROXY_KIND_LABELS: Readonly<Record<ProxyKind | 'none', string>> = {
  none: 'No proxy (connect directly)',
  socks5: 'SOCKS5',
  http: 'HTTP (CONNECT)',
};

const plural = (count: number, one: string, many: string): string => (count === 1 ? one : many);

/** How a connection ended, as the protocol console says it. */
const CONNECTION_ENDS: Readonly<Record<WireCloseReason, string>> = {
  'closed-locally': 'Closed by MSN Messenger',
  'connection-closed': 'Closed by the server',
  'connection-lost': 'Connection lost',
  'line-too-long': 'Closed: the server sent a line too long to read',
  'cannot-connect': 'Could not connect',
  unreachable: 'No answer',
};

const CONSOLE_WORDS: ConsoleWords = {
  opened: (target, via) => `Connected to ${target}${via === undefined ? '' : ` through the proxy ${via}`}`,
  closed: (reason) => (isWireCloseReason(reason) ? CONNECTION_ENDS[reason] : reason),
};

/** "Alice", "Alice and Bob", "Alice, Bob and Carol". */
function nameList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

const OPTIONS_CONNECTION = 'Tools → Options → Connection';

/** What the server was doing when it fell silent, as the sign-in progress says it. */
const SILENT_STEPS: Readonly<Record<SilentStep, string>> = {
  VER: 'when asked which version of the protocol it speaks (VER)',
  CVR: 'when told which client is signing in (CVR)',
  INF: 'when asked how to sign in (INF)',
  USR: 'while checking your e-mail address and password (USR)',
  SYN: 'while sending your contact list (SYN)',
  CHG: 'while setting your status (CHG)',
  other: 'in the middle of signing in',
};

/** The sign-in troubleshooter: what to do about a failed sign-in (shared/troubleshoot.ts decides which case it is). */
function signInAdvice(advice: SignInAdvice): string {
  switch (advice.kind) {
    case 'md5-opt-in':
      return `This server lets old versions of MSN Messenger sign in only once you allow it: turn on old MSN (MD5) sign-in for this account on the server's website (${advice.website}), then sign in again. If it is already on, check your e-mail address and password.`;
    case 'server-unreachable':
      return advice.refused
        ? `Nothing accepted the connection at ${advice.host}:${advice.port}. Check the server's address and port, and that the server is running. If your network only lets connections out through a proxy, set it in ${OPTIONS_CONNECTION}.`
        : `${advice.host}:${advice.port} did not answer at all. Check the address, your Internet connection and any firewall. If your network only lets connections out through a proxy, set it in ${OPTIONS_CONNECTION}.`;
    case 'wrong-protocol':
      return advice.offered.length > 0
        ? `This server offered ${advice.offered.join(', ')}, but MSN Messenger 2.0 speaks only MSNP3 and MSNP2. Choose a server that still accepts MSN Messenger 2.0; its website says which versions it supports.`
        : 'This server does not accept MSN Messenger 2.0 (MSNP3 or MSNP2). Choose a server that still does; its website says which versions it supports.';
    case 'proxy':
      return proxyAdvice(advice.proxy, advice.problem);
    case 'server-silent':
      return `The server took the connection, then stopped answering ${SILENT_STEPS[advice.step]}. It may be busy or not an MSN server: check the address, wait a few minutes and try again.`;
  }
}

function proxyAdvice(proxy: string, problem: Extract<SignInAdvice, { kind: 'proxy' }>['problem']): string {
  const check = `Check the proxy in ${OPTIONS_CONNECTION} and press Test; choose "No proxy" if your network does not need one.`;
  switch (problem) {
    case 'unreachable':
      return `The MSN server was never reached: the proxy ${proxy} could not be reached. Check its address and port, and that it is running. ${check}`;
    case 'silent':
      return `The proxy ${proxy} took the connection but did not answer. ${check}`;
    case 'credentials':
      return `The proxy ${proxy} wants a user name and password it accepts. Type them in ${OPTIONS_CONNECTION}, then sign in again.`;
    case 'refused':
      return `The proxy ${proxy} would not connect to the MSN server: it may not allow that server or port. Ask whoever runs the proxy, or try another one.`;
    case 'not-a-proxy':
      return `${proxy} did not answer as a proxy of that kind. Check whether it is a SOCKS5 or an HTTP proxy, and its port. ${check}`;
  }
}
/** Problems that last until history has caught up; a damaged database is news once. */
const HISTORY_PROBLEMS: Readonly<Record<Exclude<HistoryProblem, 'damaged'>, string>> = {
  slow: 'Saving your message history is taking longer than usual. Your conversations go on; history catches up when the disk does.',
  'disk-full': 'Your message history cannot be saved: the disk is full. Your conversations go on; history is saved once there is room.',
  'write-failed': 'Your message history cannot be saved right now. Your conversations go on; Messenger keeps trying.',
  unavailable: 'Your message history cannot be opened: another copy of Messenger is using it.',
};

const DELIVERY_NOTES: Readonly<Partial<Record<DeliveryState, string>>> = {
  failed: '(not delivered)',
  sending: '(not confirmed as delivered)',
};

const RECOVERED_WHAT: Readonly<Record<RecoveredFile['file'], string>> = {
  settings: 'Your settings could not be read, so MSN Messenger started with the usual settings.',
  passwords: 'Your remembered passwords could not be read: type your password when you sign in.',
  'contact-list': 'The saved copy of your contact list could not be read, so it was fetched from the server again.',
};

/** Why main reloaded a window (crash-handlers.ts puts the reason in its address). */
const RELOADED_WHY: Readonly<Record<string, string>> = {
  unresponsive: 'This window stopped responding and was reloaded.',
  oom: 'This window ran out of memory and was reloaded.',
};

export const strings = {
  appName: 'MSN Messenger',
  /** appName in the header band's two weights. */
  brand: { msn: 'MSN', messenger: 'Messenger' },
  statusLabel: (status: StatusCode): string => STATUS_LABELS[status],
  /** The status text after a contact's name; Online needs none. */
  statusSuffix: (status: StatusCode): string => (status === 'NLN' ? '' : `(${STATUS_LABELS[status]})`),
  listLabel: (list: ListName): string => LIST_LABELS[list],
  /** An error main (or this window's link to it) reported, in words. */
  error: describeError,
  /** A conversation's line that is not a message. */
  transcriptLine: describeTranscriptEvent,
  close: 'Close',
  ok: 'OK',
  cancel: 'Cancel',
  apply: 'Apply',
  dismiss: 'Dismiss',

  menu: {
    bar: 'Menu bar',
    file: 'File',
    actions: 'Actions',
    tools: 'Tools',
    help: 'Help',
    format: 'Format',
    /** File already uses F. */
    formatMnemonic: 'o',
    signOut: 'Sign Out',
    close: 'Close',
    sendMessage: 'Send an Instant Message…',
    sendMail: 'Send Mail…',
    addContact: 'Add a Contact…',
    invite: 'Invite a Friend by E-mail…',
    options: 'Options…',
    openLogFolder: 'Open Log Folder',
    about: 'About MSN Messenger',
    messageHistory: 'Message History…',
    inviteToConversation: 'Invite Someone to This Conversation…',
    font: 'Font…',
    keyboardShortcuts: 'Keyboard Shortcuts',
    spellingLanguage: 'Spelling Language…',
    anotherAccount: 'Sign In with Another Account…',
    /** Brings back another account's contact list (named by its sign-in name, if it has one yet). */
    contactListOf: (handle: string | undefined): string => (handle ? `Contact List of ${handle}` : 'Contact List of the Account Not Yet Signed In'),
    protocolConsole: 'Protocol Console',
    addedYou: 'People Who Have Added You…',
  },

  /** The contact-list window's title: the address signed in on it, when there is one. */
  mainWindowTitle: (handle: string | undefined): string => (handle ? `${handle} - MSN Messenger` : 'MSN Messenger'),

  signIn: {
    title: 'Sign In',
    intro: 'Sign in to see your contacts and talk with them.',
    handle: 'E-mail address',
    handlePlaceholder: 'example@hotmail.com',
    password: 'Password',
    savedPassword: 'A saved password will be used. Type a new one to change it.',
    rememberPassword: 'Remember my password',
    noKeyring:
      'This computer has no keyring (such as GNOME Keyring or KWallet) to keep your password safe, so Messenger will not remember it.',
    autoSignIn: 'Sign me in automatically',
    status: 'Status',
    server: 'Server',
    customServer: 'Other server…',
    customServerAddress: 'Server address (host:port)',
    submit: 'Sign In',
    cancel: 'Cancel',
    progressLabel: 'Signing in',
    progress: (state: SessionState): string => SESSION_PROGRESS[state],
    signingInAs: (handle: string): string => `Signing in as ${handle}`,
    adviceTitle: 'What to do:',
    advice: signInAdvice,
  },

  contactList: {
    myStatus: 'My status',
    myStatusButton: (name: string, status: string): string => `${name} (${status}). Change my status`,
    mail: (count: number): string =>
      count === 0 ? 'No new e-mail messages' : `${count} new e-mail ${plural(count, 'message', 'messages')}`,
    mailLabel: (count: number): string => `${strings.contactList.mail(count)} in your Inbox. Open the Inbox`,
    filter: 'Find a contact',
    filterPlaceholder: 'Find a contact…',
    list: 'Contacts',
    online: 'Online',
    offline: 'Not Online',
    section: (name: string, count: number): string => `${name} (${count})`,
    empty: 'No one is on your contact list yet. Use Add a Contact to add someone.',
    noMatch: 'No contacts match your search.',
    nobodyOnline: 'No contacts online',
    nameTooltip: (name: string, handle: string): string => `${name} <${handle}>`,
    contactOffline: (name: string): string =>
      `${name} is not online, so you can't send an instant message now. You can send e-mail instead.`,
    contextMenu: (name: string): string => `Actions for ${name}`,
    sendMessage: 'Send an Instant Message',
    sendMail: 'Send E-mail',
    block: 'Block',
    unblock: 'Unblock',
    delete: 'Delete Contact',
    properties: 'View Properties',
    history: 'View Message History',
    blockedSuffix: '(Blocked)',
    addContact: 'Add a Contact',
    addShort: 'Add',
    sendShort: 'Send',
    mailShort: 'Mail',
    removedBy: (names: readonly string[]): string =>
      `${nameList(names)} removed you from ${plural(names.length, 'their contact list', 'their contact lists')} since you last signed in.`,
    removedBySee: 'See who has added you',
  },

  addedYou: {
    title: 'People Who Have Added You',
    intro: 'These people have you on their contact list (the server’s reverse list).',
    list: 'People who have added you',
    mutual: 'Mutual: on your list too',
    oneWay: 'One-way: not on your list',
    add: 'Add',
    addLabel: (name: string): string => `Add ${name} to your contact list`,
    none: 'Nobody has added you to their contact list.',
    removedTitle: 'Removed you from their list since you last signed in',
    removed: 'People who removed you',
    close: 'Close',
  },

  console: {
    title: (handle: string | undefined): string => (handle ? `Protocol Console - ${handle}` : 'Protocol Console'),
    words: CONSOLE_WORDS,
    record: 'Record',
    filter: 'Filter the lines',
    filterPlaceholder: 'Filter (any text in a line)…',
    connection: 'Connection',
    allConnections: 'All connections',
    copy: 'Copy',
    save: 'Save as Text…',
    clear: 'Clear',
    lines: 'Protocol lines',
    sent: 'Sent by MSN Messenger',
    received: 'Sent by the server',
    hidden: 'Passwords, the answers made from them, cookies and tickets show as [hidden].',
    off: 'Recording is off. Tick Record to see the lines MSN Messenger and the server exchange.',
    waiting: 'Nothing yet. Lines appear here as MSN Messenger talks to the server: sign in to see a whole sign-in.',
    noMatch: 'No line matches the filter.',
    count: (shown: number, total: number): string =>
      shown === total ? `${total} ${plural(total, 'line', 'lines')}.` : `${shown} of ${total} ${plural(total, 'line', 'lines')} shown.`,
    copied: (count: number): string => `${count} ${plural(count, 'line', 'lines')} copied.`,
    copyFailed: 'The lines could not be copied: this window may not use the clipboard. Save them as text instead.',
    saved: (count: number, file: string): string => `${count} ${plural(count, 'line', 'lines')} saved as ${file}.`,
  },

  conversation: {
    to: 'To:',
    /** `status`: the contact's status, when they are on one of my lists. */
    participant: (name: string, handle: string, status?: string): string => `${name}${strings.conversation.participantAfterName(handle, status)}`,
    /** What follows a participant's name, drawn with its own colours. */
    participantAfterName: (handle: string, status?: string): string => (status ? ` <${handle}> (${status})` : ` <${handle}>`),
    nobody: 'Nobody else is in this conversation.',
    transcript: 'Conversation',
    /** After the sender's name, drawn with its own colours. */
    saysAfterName: 'says:',
    /** After the time of an automatic reply (an away message). */
    automatic: '(automatic reply)',
    notDelivered: 'The following message could not be delivered to all recipients:',
    notDeliveredTo: (names: readonly string[]): string => `Not delivered to ${names.join(', ')}.`,
    resend: 'Resend',
    sending: 'Sending…',
    /** A row of the transcript whose older entry is on its way from main. */
    loadingEarlier: 'Loading earlier messages…',
    typing: (names: readonly string[]): string =>
      names.length === 1 ? `${names[0]} is typing a message.` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing a message.`,
    composer: 'Type your message',
    composerHint: 'Press Enter to send, Shift+Enter for a new line.',
    send: 'Send',
    font: 'Font',
    fontTitle: 'Change the font of my messages',
    invite: 'Invite',
    block: 'Block',
    blockTitle: 'Block or unblock someone in this conversation',
    blockPerson: (name: string): string => `Block ${name}`,
    unblockPerson: (name: string): string => `Unblock ${name}`,
    lastReceived: (time: string, date: string): string => `Last message received at ${time} on ${date}.`,
    noMessagesYet: 'No messages received yet.',
    ended: 'This conversation has ended.',
    /**
     * `names`: who else is in it (none: they left, or it ended); `me`: the address it is on, named
     * while the app has more than one account.
     */
    windowTitle: (names: string | undefined, me?: string): string => `${names ? `${names} - Conversation` : 'Conversation'}${me ? ` (as ${me})` : ''}`,
    inviteTitle: 'Invite Someone to This Conversation',
    inviteNone: 'None of your online contacts can be invited.',
  },

  font: {
    title: 'Font',
    name: 'Font',
    style: 'Font style',
    bold: 'Bold',
    italic: 'Italic',
    underline: 'Underline',
    strikethrough: 'Strikethrough',
    color: 'Colour',
    preview: 'Preview',
    sample: 'AaBbYyZz',
  },

  picker: {
    messageTitle: 'Send an Instant Message',
    mailTitle: 'Send Mail',
    prompt: 'Pick a contact:',
    contacts: 'Contacts',
    none: 'There is nobody to pick.',
    choose: 'OK',
  },

  addContact: {
    title: 'Add a Contact',
    prompt: "Type your contact's e-mail address:",
    handle: 'E-mail address',
    submit: 'Add',
    added: (handle: string): string => `${handle} was added to your contact list.`,
  },

  addedBy: {
    title: 'Someone Added You',
    text: (name: string, handle: string): string => `${name} (${handle}) has added you to their contact list.`,
    question: 'Do you want to:',
    allow: 'Allow this person to see when you are online and contact you',
    block: 'Block this person from seeing when you are online and contacting you',
    addToContacts: 'Add this person to my contact list',
  },

  inviteByEmail: {
    title: 'Invite a Friend by E-mail',
    prompt: "Type your friend's e-mail address. The server is asked to send them an invitation to use MSN Messenger.",
    honesty: 'Many servers accept the request without sending anything, so you may want to tell your friend yourself.',
    handle: 'E-mail address',
    submit: 'Send Invitation',
    sent: (handle: string): string => `The server accepted the invitation for ${handle}.`,
  },

  deleteContact: {
    title: 'Delete Contact',
    question: (name: string): string => `Are you sure you want to delete ${name} from your contact list?`,
    explanation:
      'Deleting does not block: this person can still see when you are online and send you messages. To stop that, block them.',
    submit: 'Delete',
  },

  contactPreferences: {
    alerts: 'Alerts',
    alertOnSignIn: (name: string): string => `Alert me when ${name} signs in`,
    /** The contact menu's checkbox item. */
    alertMenu: (name: string): string => `Alert Me When ${name} Signs In`,
    sound: 'Sound',
    soundLabel: (sound: ContactSound): string => SOUND_LABELS[sound],
    play: 'Play',
    spelling: 'Spelling language for conversations with this contact',
    spellingDefault: 'The usual language',
    spellingTitle: 'Spelling Language',
    spellingFor: (name: string): string => `Check the spelling of what I write to ${name} in:`,
    spellingNobody: 'There is nobody in this conversation to choose a language for.',
  },

  shortcuts: {
    title: 'Keyboard Shortcuts',
    key: 'Keys',
    does: 'What they do',
    contactList: 'In the contact list',
    conversation: 'In a conversation window',
    everywhere: 'In every window',
    menus: 'Open the menu bar; Alt and a letter opens that menu',
    find: 'Find a contact',
    openContact: 'Send an instant message to the selected contact',
    contactMenu: 'Open the selected contact’s menu',
    deleteContact: 'Delete the selected contact',
    send: 'Send the message',
    newLine: 'Start a new line',
    nextWindow: 'Go to the next conversation window',
    previousWindow: 'Go to the previous conversation window',
    closeWindow: 'Close the conversation window',
    escapeCloses: 'Close the conversation window (unless turned off in Options)',
    closeDialog: 'Close a menu or dialog',
    /** Key names as the keyboard shows them. */
    keys: {
      f10: 'F10',
      ctrlF: 'Ctrl+F',
      enter: 'Enter',
      shiftF10: 'Shift+F10',
      del: 'Delete',
      shiftEnter: 'Shift+Enter',
      ctrlTab: 'Ctrl+Tab',
      ctrlShiftTab: 'Ctrl+Shift+Tab',
      ctrlW: 'Ctrl+W',
      esc: 'Esc',
    },
  },

  properties: {
    title: (name: string): string => `${name} Properties`,
    handle: 'E-mail address',
    name: 'Name',
    status: 'Status',
    lists: 'Lists',
  },

  about: {
    title: 'About MSN Messenger',
    version: (version: string): string => `Version ${version}`,
    text: 'A modern replica of MSN Messenger 2.0, speaking MSNP3 and MSNP2.',
    runsOn: ({ electron, chromium, node }: AppInfo['versions']): string =>
      `Running on ${[electron && `Electron ${electron}`, chromium && `Chromium ${chromium}`, `Node.js ${node}`].filter(Boolean).join(', ')}.`,
    dataFolder: 'Data folder:',
    logFile: 'Log file:',
    noLogFile: 'None: no log is being written.',
  },

  /** Files of the app that were found damaged and set aside (Settings.recovered). */
  recovered: {
    sentence: ({ file, backup }: RecoveredFile): string =>
      `${RECOVERED_WHAT[file]}${backup ? ` The damaged file was kept as ${backup}.` : ''}`,
  },

  reloaded: (reason: string): string =>
    `${RELOADED_WHY[reason] ?? 'This window stopped unexpectedly and was reloaded.'} The log has the details (Help → Open Log Folder).`,

  options: {
    title: 'Options',
    tabs: 'Option pages',
    personal: 'Personal',
    preferences: 'Preferences',
    privacy: 'Privacy',
    connection: 'Connection',
    appearance: 'Appearance',
    away: 'Away',
    theme: 'Theme',
    themeLabel: (theme: ThemeChoice): string => THEME_LABELS[theme],
    scale: 'Size of text and pictures',
    scalePercent: (percent: number): string => `${percent}%`,
    plusTags: 'Messenger Plus! tags in names and messages',
    plusTagLabel: (mode: PlusTagMode): string => PLUS_TAG_LABELS[mode],
    escapeCloses: 'Close a conversation window with the Esc key',
    autoReply: 'Reply automatically while I am away',
    autoReplyHint: 'The first message in each conversation gets your reply, once, while your status stays the same. Leave a box empty for no reply.',
    autoReplyFor: (status: string): string => `When I am ${status}:`,
    friendlyName: 'My name as others see it',
    email: 'My e-mail address',
    autoIdle: (minutes: number): string =>
      `Show me as ${STATUS_LABELS.IDL} after ${minutes} ${plural(minutes, 'minute', 'minutes')} of inactivity`,
    autoIdleMinutes: 'Minutes of inactivity',
    sounds: 'Play sounds',
    toasts: 'Show alerts when contacts come online and messages arrive',
    signInAtStart: 'Run Messenger and sign in when the computer starts',
    logMessageText: 'Write what messages say in the log file (otherwise only their length)',
    logHint: 'The log helps with bug reports. It never holds your password.',
    currentServer: (server: string): string => `Currently connected to ${server}.`,
    serverHint: 'The new server and proxy are used the next time you sign in.',
    proxy: 'Connect through a proxy',
    proxyKindLabel: (kind: ProxyKind | 'none'): string => PROXY_KIND_LABELS[kind],
    proxyHost: 'Proxy address',
    proxyPort: 'Port',
    proxyUser: 'User name (if the proxy asks for one)',
    proxyPassword: 'Password',
    proxyPasswordSaved: 'Saved (type to change)',
    proxyTest: 'Test',
    proxyTesting: 'Connecting to the server through the proxy…',
    proxyWorks: (server: string): string => `The proxy works: ${server} answered through it.`,
    signInFirst: 'Sign in to change these options.',
    keepHistory: 'Keep a history of my conversations on this computer',
    keepHistorySignIn: 'Sign in to choose whether this account keeps a history of its conversations.',
  },

  history: {
    promptTitle: 'Message History',
    promptQuestion: 'Do you want Messenger to keep a history of your conversations on this computer?',
    promptExplanation: 'Only you can see it, in Tools > Message History. You can change this later in Options.',
    promptYes: 'Keep History',
    promptNo: 'No, Thanks',
    problem: (problem: HistoryProblem, setAsideAs?: string): string =>
      problem === 'damaged'
        ? `Your message history could not be read, so a new one was started. The old file was kept${setAsideAs ? ` as ${setAsideAs}` : ''}.`
        : HISTORY_PROBLEMS[problem],
    /** Whether a banner is one that goes away once history is saved again. */
    isLastingProblem: (text: string | undefined): boolean => Object.values(HISTORY_PROBLEMS).includes(text ?? ''),
    recovered: 'Your message history is being saved again.',
    recentLines: 'Earlier messages',
    windowTitle: 'Message History',
    search: 'Search all conversations',
    searchPlaceholder: 'Search all conversations…',
    contacts: 'Conversations by contact',
    noHistory: 'There are no saved conversations yet.',
    conversationLabel: (names: string, date: string): string => `${date} with ${names}`,
    conversationCount: (count: number): string => `${count} ${plural(count, 'message', 'messages')}`,
    choose: 'Choose a conversation on the left, or search for words in all of them.',
    hits: (count: number, more: boolean): string =>
      count === 0 ? 'No messages found.' : `${more ? 'The newest ' : ''}${count} ${plural(count, 'message', 'messages')} found${more ? '; type more words to narrow it down' : ''}.`,
    searching: 'Searching…',
    hitLabel: (name: string, date: string): string => `${name}, ${date}`,
    deliveryNote: (delivery: DeliveryState): string => DELIVERY_NOTES[delivery] ?? '',
    edit: 'Edit',
    deleteConversation: 'Delete This Conversation…',
    deleteContact: (name: string): string => `Delete All Conversations with ${name}…`,
    deleteAll: 'Delete All History…',
    exportContactText: (name: string): string => `Save All with ${name} as Text…`,
    exportContactHtml: (name: string): string => `Save All with ${name} as a Web Page…`,
    exportSearchText: 'Save Found Messages as Text…',
    exportSearchHtml: 'Save Found Messages as a Web Page…',
    /** Stands for the contact in the menu while none is chosen. */
    aContact: 'a Contact',
    contactLabel: (name: string, handle: string, count: number): string => `${name} <${handle}>, ${count} ${plural(count, 'conversation', 'conversations')}`,
    confirmTitle: 'Delete Message History',
    confirmConversation: (names: string, date: string): string => `Delete the conversation of ${date} with ${names}?`,
    confirmContact: (name: string): string => `Delete every saved conversation with ${name}?`,
    confirmAll: 'Delete your whole message history?',
    confirmExplanation: 'Deleted messages cannot be brought back.',
    confirmDelete: 'Delete',
    deleted: (count: number): string => `${count} ${plural(count, 'message was', 'messages were')} deleted.`,
    exported: (count: number, file: string): string => `${count} ${plural(count, 'message was', 'messages were')} saved to ${file}.`,
    signInFirst: 'Sign in to see your message history.',
    /** The words of a saved history file (text or web page). */
    exportFile: {
      language: 'en',
      title: (data: HistoryExportData): string =>
        data.scope.kind === 'contact'
          ? `Message history with ${data.contactName ?? data.scope.handle} (${data.scope.handle})`
          : `Messages containing "${data.scope.query}"`,
      exported: (time: string, count: number): string => `Exported ${time}, ${count} ${plural(count, 'message', 'messages')}.`,
      conversation: (time: string, people: string): string => `Conversation of ${time} with ${people}`,
      nobodyElse: 'nobody else',
      notDelivered: DELIVERY_NOTES.failed ?? '',
      notConfirmed: DELIVERY_NOTES.sending ?? '',
    } satisfies ExportWords,
  },

  privacy: {
    allowList: 'Allow list: these people can see my status and send me messages',
    blockList: 'Block list: these people cannot see my status or send me messages',
    block: 'Block ↓',
    allow: '↑ Allow',
    blockSelected: 'Move the selected person to the block list',
    allowSelected: 'Move the selected person to the allow list',
    others: 'All other users:',
    allowOthers: 'Can see my status and send me messages',
    blockOthers: 'Cannot see my status or send me messages',
    addedAlert: 'Alert me when other users add me to their contact list',
    reverseList: 'These people have added me to their contact list:',
    reverseListLabel: 'People who have added me',
    empty: '(nobody)',
  },

  notices: {
    message: (name: string, text: string): string => `${name} says: ${text}`,
    newMail: (from: string, subject: string): string => `New e-mail from ${from}: ${subject}`,
    online: (name: string): string => `${name} has just signed in.`,
    addedBy: (name: string): string => `${name} has added you to their contact list.`,
    removedBy: (name: string, handle: string): string => `${name} (${handle}) removed you from their contact list.`,
    signedOut: 'You have been signed out.',
    live: 'Notifications',
  },
} as const;
