// Options → Connection: this account's server and the proxy its connections go through (none,
// SOCKS5 or HTTP CONNECT), with a Test that reaches the chosen server through the typed proxy.

import { useState } from 'react';
import type { ServerPreset } from '../../../../shared/ipc';
import { PROXY_KINDS, type ProxyKind } from '../../../../shared/proxy';
import { command } from '../../bridge';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import { Checkbox } from '../../components/Checkbox';
import { strings } from '../../strings';
import { ServerField } from '../sign-in/ServerField';
import { type DraftUpdate, type OptionsDraft, draftProxy } from './draft';

interface ConnectionTabProps {
  readonly draft: OptionsDraft;
  readonly update: DraftUpdate;
  readonly problems: { readonly server?: string; readonly proxy?: string };
  readonly presets: readonly ServerPreset[];
  readonly connectedTo: string | undefined;
  /** The account has a proxy password saved: an empty box keeps it. */
  readonly hasProxyPassword: boolean;
}

const PROXY_CHOICES: readonly (ProxyKind | 'none')[] = ['none', ...PROXY_KINDS];

type TestOutcome = { readonly ok: boolean; readonly text: string } | 'testing' | undefined;

export function ConnectionTab({ draft, update, problems, presets, connectedTo, hasProxyPassword }: ConnectionTabProps) {
  const [outcome, setOutcome] = useState<TestOutcome>();

  const test = async () => {
    const proxy = draftProxy(draft);
    if (!proxy) return setOutcome({ ok: false, text: strings.error({ kind: 'input', reason: 'invalid-proxy' }) });
    setOutcome('testing');
    const result = await command('testProxy', { proxy, proxyPassword: draft.proxyPassword, server: draft.server.trim() });
    setOutcome(result.ok ? { ok: true, text: strings.options.proxyWorks(result.value) } : { ok: false, text: strings.error(result.error) });
  };

  return (
    <>
      {connectedTo && <p className="dialog__text">{strings.options.currentServer(connectedTo)}</p>}
      <ServerField presets={presets} value={draft.server} onChange={(server) => update({ server })} error={problems.server} testId="options-server" />
      <RadioGroup
        legend={strings.options.proxy}
        choices={PROXY_CHOICES}
        value={draft.proxyKind}
        label={strings.options.proxyKindLabel}
        onChange={(proxyKind) => {
          setOutcome(undefined);
          update({ proxyKind });
        }}
        testId="options-proxy-kind"
      />
      {draft.proxyKind !== 'none' && (
        <div className="options__proxy">
          <TextField label={strings.options.proxyHost} value={draft.proxyHost} onChange={(proxyHost) => update({ proxyHost })} error={problems.proxy} testId="options-proxy-host" spellCheck={false} />
          <TextField label={strings.options.proxyPort} value={draft.proxyPort} onChange={(proxyPort) => update({ proxyPort })} error={undefined} testId="options-proxy-port" />
          <TextField label={strings.options.proxyUser} value={draft.proxyUser} onChange={(proxyUser) => update({ proxyUser })} error={undefined} testId="options-proxy-user" spellCheck={false} autoComplete="off" />
          <TextField
            label={strings.options.proxyPassword}
            type="password"
            value={draft.proxyPassword}
            onChange={(proxyPassword) => update({ proxyPassword })}
            error={undefined}
            testId="options-proxy-password"
            autoComplete="off"
            placeholder={hasProxyPassword ? strings.options.proxyPasswordSaved : undefined}
          />
          <div className="options__proxy-test">
            <button type="button" className="button" onClick={() => void test()} disabled={outcome === 'testing'} data-testid="options-proxy-test">
              {strings.options.proxyTest}
            </button>
            <p role="status" className={`options__proxy-result${outcome !== 'testing' && outcome?.ok === false ? ' options__proxy-result--failed' : ''}`} data-testid="options-proxy-result">
              {outcome === 'testing' ? strings.options.proxyTesting : (outcome?.text ?? '')}
            </p>
          </div>
        </div>
      )}
      <p className="hint">{strings.options.serverHint}</p>
      <Checkbox
        label={strings.options.logMessageText}
        checked={draft.logMessageText}
        onChange={(logMessageText) => update({ logMessageText })}
        testId="options-log-message-text"
      />
      <p className="hint">{strings.options.logHint}</p>
    </>
  );
}
