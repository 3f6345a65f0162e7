// The desktop app's spell checker is Electron's, and its languages belong to the whole session,
// not to one text box. So the session follows the conversation window in front: when one takes the
// focus (or its contact's language changes while it has it), the session checks in the language
// the account chose for that contact, or in the languages it started with.

import { app, BrowserWindow, Menu, session, type ContextMenuParams, type WebContents } from 'electron';
import { contactPreferences } from '../../shared/preferences';
import { parseRoute } from '../../shared/routes';
import type { MessengerApp } from '../app/app-core';
import { shellStrings } from './strings';

/** The spelling languages Electron has dictionaries for; none where the system checks (macOS). */
export function availableSpellCheckLanguages(): readonly string[] {
  return process.platform === 'darwin' ? [] : session.defaultSession.availableSpellCheckerLanguages;
}

/** The language chosen for the contact in the conversation a window shows, if any. */
export function spellCheckLanguageOf(messengerApp: MessengerApp, url: string): string | undefined {
  const route = parseRoute(URL.canParse(url) ? new URL(url).hash : '');
  if (route.kind !== 'conversation') return undefined;
  const { state, settings } = messengerApp.snapshot(route.account);
  const conversation = state.conversations[route.id];
  const contact = conversation?.participants[0]?.handle;
  const account = state.session.handle?.toLowerCase();
  return contact === undefined ? undefined : contactPreferences(settings.contactPreferences, account, contact).spellCheckLanguage;
}

/**
 * The checker underlines a misspelt word; Electron shows no menu of its own, so a right-click on
 * one offers the checker's suggestions and "Add to Dictionary", as a system text box would.
 */
export function offerSpellingSuggestions(contents: WebContents): void {
  contents.on('context-menu', (_event, params: ContextMenuParams) => {
    if (!params.isEditable || params.misspelledWord === '') return;
    const suggestions = params.dictionarySuggestions.slice(0, 5).map((word) => ({ label: word, click: () => contents.replaceMisspelling(word) }));
    Menu.buildFromTemplate([
      ...(suggestions.length > 0 ? suggestions : [{ label: shellStrings.spelling.noSuggestions, enabled: false }]),
      { type: 'separator' },
      { label: shellStrings.spelling.addToDictionary, click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord) },
    ]).popup();
  });
}

export function followSpellCheckLanguages(messengerApp: MessengerApp): void {
  // macOS checks with the system's own checker, which picks the language by itself.
  if (process.platform === 'darwin') return;
  const spelling = session.defaultSession;
  const usual = spelling.getSpellCheckerLanguages();
  let applied = usual.join();
  const follow = (window: BrowserWindow | null): void => {
    if (!window || window.isDestroyed()) return;
    const chosen = spellCheckLanguageOf(messengerApp, window.webContents.getURL());
    const languages = chosen !== undefined && spelling.availableSpellCheckerLanguages.includes(chosen) ? [chosen] : usual;
    if (languages.join() === applied) return;
    applied = languages.join();
    spelling.setSpellCheckerLanguages(languages);
  };
  app.on('browser-window-focus', (_event, window) => follow(window));
  messengerApp.on('settings', () => follow(BrowserWindow.getFocusedWindow()));
}
