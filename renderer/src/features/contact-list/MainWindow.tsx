// The main window: the sign-in form, the sign-in progress, or the contact list, by session state,
// under the menu bar, with the dialogs of this window on top. It also plays the sounds and shows
// the alerts of every notice (features/alerts).

import { useEffect } from 'react';
import { Banner } from '../../components/Banner';
import { LiveRegion } from '../../components/LiveRegion';
import { useMessenger } from '../../store/context';
import { selectBanner, selectDismissBanner, selectReady, selectSession, selectSettings } from '../../store/selectors';
import { strings } from '../../strings';
import { AlertToast } from '../alerts/AlertToast';
import { useFocusRecord } from '../alerts/focused-conversation';
import { useAlerts } from '../alerts/use-alerts';
import { MainDialogs } from '../dialogs/MainDialogs';
import { MainMenuBar } from '../menus/MainMenuBar';
import { SignInForm } from '../sign-in/SignInForm';
import { SignInProgress } from '../sign-in/SignInProgress';
import { ContactList } from './ContactList';
import { RecoveredFiles } from './RecoveredFiles';

function Body() {
  const ready = useMessenger(selectReady);
  const session = useMessenger(selectSession);
  const settings = useMessenger(selectSettings);
  if (!ready || !settings) return null;
  if (session.state === 'offline') return <SignInForm settings={settings} />;
  if (session.state === 'online') return <ContactList />;
  return <SignInProgress state={session.state} handle={session.handle} />;
}

export function MainWindow() {
  const banner = useMessenger(selectBanner);
  const dismissBanner = useMessenger(selectDismissBanner);
  const toast = useAlerts();
  const session = useMessenger(selectSession);
  // Each account's window says whose it is while signed in (or signing in), so two side by side
  // (and in the taskbar) are told apart; a sign-in form is nobody's yet.
  const handle = session.state === 'offline' ? undefined : session.handle;
  useFocusRecord(undefined);
  useEffect(() => {
    document.title = strings.mainWindowTitle(handle);
  }, [handle]);
  return (
    <div className="window">
      <MainMenuBar />
      <Banner text={banner} onDismiss={dismissBanner} />
      <RecoveredFiles />
      <main className="window__content">
        <Body />
      </main>
      <MainDialogs />
      <AlertToast toast={toast} />
      <LiveRegion />
    </div>
  );
}
