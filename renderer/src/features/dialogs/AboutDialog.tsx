// Help > About.

import { BuddiesArt } from '../../components/BuddiesArt';
import { Dialog } from '../../components/Dialog';
import { DismissButton } from '../../components/DialogButtons';
import { strings } from '../../strings';

export function AboutDialog({ onClose }: { readonly onClose: () => void }) {
  return (
    <Dialog title={strings.about.title} onClose={onClose} testId="about-dialog">
      <div className="about">
        <BuddiesArt className="about__art" />
        <div>
          <p className="dialog__text">
            <strong>{strings.appName}</strong>
            <br />
            <span data-testid="about-version">{strings.about.version(__APP_VERSION__)}</span>
          </p>
          <p className="dialog__text">{strings.about.text}</p>
        </div>
      </div>
      <DismissButton onClose={onClose} />
    </Dialog>
  );
}
