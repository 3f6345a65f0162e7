// Files main found damaged and set aside at start or sign-in (Settings.recovered): told once, in
// the contact-list window, until the user dismisses it for every window.

import { Banner } from '../../components/Banner';
import { command } from '../../bridge';
import { useMessenger } from '../../store/context';
import { selectSettings } from '../../store/selectors';
import { strings } from '../../strings';

export function RecoveredFiles() {
  const recovered = useMessenger(selectSettings)?.recovered ?? [];
  if (recovered.length === 0) return null;
  return <Banner text={recovered.map(strings.recovered.sentence).join(' ')} onDismiss={() => void command('dismissRecovered')} testId="recovered-files" />;
}
