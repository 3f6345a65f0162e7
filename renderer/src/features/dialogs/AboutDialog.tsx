// Help > About: the version, what the app runs on, and where its data and log are.

import { BuddiesArt } from '../../components/BuddiesArt';
import { Dialog } from '../../components/Dialog';
import { DismissButton } from '../../components/DialogButtons';
import { strings } from '../../strings';
import { useAppInfo } from './use-app-info';

export function AboutDialog({ onClose }: { readonly onClose: () => void }) {
  const info = useAppInfo();
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
          {info && (
            <>
              <p className="dialog__text" data-testid="about-runtime">
                {strings.about.runsOn(info.versions)}
              </p>
              <dl className="about__paths">
                <dt>{strings.about.dataFolder}</dt>
                <dd data-testid="about-data-folder">{info.dataFolder}</dd>
                <dt>{strings.about.logFile}</dt>
                <dd data-testid="about-log-file">{info.logFile ?? strings.about.noLogFile}</dd>
              </dl>
            </>
          )}
        </div>
      </div>
      <DismissButton onClose={onClose} />
    </Dialog>
  );
}
