// What the signed-in account remembers about a contact (sign-in alert, sound, spelling language),
// read from the settings main sends; changes go back with setContactPreferences.

import { useCallback } from 'react';
import { type ContactPreferences, contactPreferences } from '../../../../shared/preferences';
import { useCommandWithBanner } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import { selectAccount, selectAllContactPreferences } from '../../store/selectors';

export function useContactPreferences(handle: string | undefined): ContactPreferences {
  const account = useMessenger(selectAccount);
  const all = useMessenger(selectAllContactPreferences);
  return contactPreferences(all ?? {}, account, handle ?? '');
}

/** Saves a contact's preferences; a failure shows in the window's banner. */
export function useSaveContactPreferences(): (handle: string, preferences: ContactPreferences) => Promise<boolean> {
  const runWithBanner = useCommandWithBanner();
  return useCallback(async (handle, preferences) => (await runWithBanner('setContactPreferences', handle, preferences)).ok, [runWithBanner]);
}
