// Shown while main connects: the real session state, and a way out.

import type { SessionState } from '../../../../shared/model';
import { command } from '../../bridge';
import { strings } from '../../strings';
import { SignInLayout } from './SignInLayout';

export function SignInProgress({ state, handle }: { readonly state: SessionState; readonly handle?: string }) {
  return (
    <SignInLayout walking>
      <section className="sign-in__progress" aria-label={strings.signIn.progressLabel} data-testid="sign-in-progress" data-state={state}>
        {handle && <p className="sign-in__who">{strings.signIn.signingInAs(handle)}</p>}
        <p role="status" className="sign-in__state">
          {strings.signIn.progress(state)}
        </p>
        <button type="button" className="button" onClick={() => void command('signOut')} data-testid="sign-in-cancel">
          {strings.signIn.cancel}
        </button>
      </section>
    </SignInLayout>
  );
}
