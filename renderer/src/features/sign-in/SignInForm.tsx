// The sign-in form of this window's account. Problems are shown next to the field they concern
// (AppError.field), or above the form when they concern no field; when the case has advice (the
// troubleshooter, shared/troubleshoot.ts), what to do is said above the form too.

import { useId, useState, type FormEvent } from 'react';
import type { AccountSettings, Settings, SignInRequest } from '../../../../shared/ipc';
import { signInAdvice } from '../../../../shared/troubleshoot';
import type { AppError, SettableStatus } from '../../../../shared/model';
import { handleSchema } from '../../../../shared/schemas';
import { command } from '../../bridge';
import { Checkbox } from '../../components/Checkbox';
import { FieldError, FormError } from '../../components/FieldError';
import { TextField } from '../../components/TextField';
import { inputError, useCommand } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import { selectAccountSettings, selectSession } from '../../store/selectors';
import { strings } from '../../strings';
import { defaultServer, serverAddressProblem } from './server-address';
import { ServerField } from './ServerField';
import { SignInLayout } from './SignInLayout';

const SIGN_IN_STATUSES: readonly SettableStatus[] = ['NLN', 'BSY', 'BRB', 'AWY', 'PHN', 'LUN', 'HDN'];

type Field = NonNullable<AppError['field']>;
type FieldProblems = Partial<Record<Field, string>>;

function handleProblem(handle: string): string | undefined {
  return handleSchema.safeParse(handle).success ? undefined : strings.error(inputError('invalid-handle'));
}

/** A slot the settings do not know yet (they arrive with the next settings event). */
const NEW_ACCOUNT: AccountSettings = {
  lastServer: '',
  lastHandle: '',
  rememberPassword: false,
  autoSignIn: false,
  hasSavedPassword: false,
  hasProxyPassword: false,
};

export function SignInForm({ settings }: { readonly settings: Settings }) {
  const session = useMessenger(selectSession);
  const account = useMessenger(selectAccountSettings) ?? NEW_ACCOUNT;
  const [handle, setHandle] = useState(account.lastHandle);
  const [password, setPassword] = useState('');
  const [rememberPassword, setRememberPassword] = useState(account.rememberPassword);
  const [autoSignIn, setAutoSignIn] = useState(account.autoSignIn);
  const [status, setStatus] = useState<SettableStatus>('NLN');
  const [server, setServer] = useState(() => defaultServer(account, settings.presets));
  const [problems, setProblems] = useState<FieldProblems>({});
  const signIn = useCommand();
  const ids = { password: useId(), status: useId(), noKeyring: useId(), advice: useId() };

  const usesSavedPassword =
    account.hasSavedPassword && handle.trim().toLowerCase() === account.lastHandle.trim().toLowerCase();
  // Without a keyring worth the name the password would be stored as good as in the clear: not offered.
  const canRemember = settings.passwordStorage !== 'none';
  const remember = canRemember && rememberPassword;
  const error = signIn.error ?? session.error;
  const advice = error && signInAdvice(error, session.server ?? server, settings.presets);
  const fieldProblem = (field: Field): string | undefined =>
    problems[field] ?? (error?.field === field ? strings.error(error) : undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblems = {
      handle: handleProblem(handle),
      password: !password && !usesSavedPassword ? strings.error(inputError('missing-password')) : undefined,
      server: server.trim() === 'demo' ? undefined : serverAddressProblem(server),
    };
    setProblems(found);
    signIn.setError(undefined);
    if (found.handle || found.password || found.server) return;
    const request: SignInRequest = {
      server: server.trim(),
      handle: handle.trim(),
      password,
      status,
      rememberPassword: remember,
      autoSignIn: remember && autoSignIn,
    };
    void signIn.run(() => command('signIn', request));
  };

  const handleError = fieldProblem('handle');
  const passwordError = fieldProblem('password');

  return (
    <SignInLayout>
      <form className="sign-in__form" onSubmit={onSubmit} noValidate data-testid="sign-in-form" aria-label={strings.signIn.title}>
        <p className="hint">{strings.signIn.intro}</p>
        <FormError error={error?.field ? undefined : error} testId="sign-in-error" />
        {advice && (
          <section className="sign-in__advice" data-testid="sign-in-advice" aria-labelledby={ids.advice}>
            <strong id={ids.advice}>{strings.signIn.adviceTitle}</strong> {strings.signIn.advice(advice)}
          </section>
        )}
        <TextField
          label={strings.signIn.handle}
          type="email"
          value={handle}
          onChange={setHandle}
          testId="sign-in-handle"
          error={handleError}
          autoComplete="username"
          placeholder={strings.signIn.handlePlaceholder}
          spellCheck={false}
          autoFocus
        />
        <div className="field">
          <label htmlFor={ids.password}>{strings.signIn.password}</label>
          <input
            id={ids.password}
            type="password"
            value={password}
            autoComplete="current-password"
            data-testid="sign-in-password"
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? `${ids.password}-error` : usesSavedPassword ? `${ids.password}-saved` : undefined}
            onChange={(event) => setPassword(event.target.value)}
          />
          {usesSavedPassword && !passwordError && (
            <p id={`${ids.password}-saved`} className="hint">
              {strings.signIn.savedPassword}
            </p>
          )}
          <FieldError id={`${ids.password}-error`} error={passwordError} />
        </div>
        <Checkbox
          label={strings.signIn.rememberPassword}
          checked={remember}
          disabled={!canRemember}
          onChange={setRememberPassword}
          testId="sign-in-remember"
          describedBy={canRemember ? undefined : ids.noKeyring}
        />
        {!canRemember && (
          <p id={ids.noKeyring} className="hint" data-testid="sign-in-no-keyring">
            {strings.signIn.noKeyring}
          </p>
        )}
        <Checkbox
          label={strings.signIn.autoSignIn}
          checked={remember && autoSignIn}
          disabled={!remember}
          onChange={setAutoSignIn}
          testId="sign-in-auto"
        />
        <div className="field">
          <label htmlFor={ids.status}>{strings.signIn.status}</label>
          <select
            id={ids.status}
            value={status}
            data-testid="sign-in-status"
            onChange={(event) => setStatus(event.target.value as SettableStatus)}
          >
            {SIGN_IN_STATUSES.map((code) => (
              <option key={code} value={code}>
                {strings.statusLabel(code)}
              </option>
            ))}
          </select>
        </div>
        <ServerField
          presets={settings.presets}
          value={server}
          onChange={setServer}
          error={fieldProblem('server')}
          testId="sign-in-server"
        />
        <div className="sign-in__actions">
          <button type="submit" className="button button--primary" disabled={signIn.pending} data-testid="sign-in-submit">
            {strings.signIn.submit}
          </button>
        </div>
      </form>
    </SignInLayout>
  );
}
