import type { CheckMode } from '@saatja/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { CheckSteps } from './check-steps';
import { CheckVerdict } from './check-verdict';
import { useCheckRun } from './use-check-run';
import './diagnostics.css';

interface TestMailPanelProps {
  dirty: boolean;
  /** Set when an admin works on another user's card. */
  userCode?: string | undefined;
  /** Admins may send the test mail to another address (SPEC §5). */
  canChooseRecipient?: boolean;
}

/**
 * "Check connection" (a dry run) and "Send test mail", through the effective configuration of the
 * card as saved (SPEC §5), showing each step as it happens and then the verdict.
 */
export function TestMailPanel({ dirty, userCode, canChooseRecipient = false }: TestMailPanelProps) {
  const { t } = useTranslation();
  const { run, start } = useCheckRun(userCode);
  const [recipient, setRecipient] = useState('');
  const introId = useId();
  const recipientError = run.error instanceof ApiError ? run.error.fields.to : undefined;
  const begin = (mode: CheckMode) => void start(mode, canChooseRecipient && recipient.trim() ? recipient.trim() : undefined);
  const busy = (mode: CheckMode) => run.running && run.mode === mode;

  return (
    <section className="panel" aria-labelledby="test-mail-title" aria-describedby={introId} aria-busy={run.running}>
      <h2 id="test-mail-title">{t('testMail.title')}</h2>
      <p id={introId} className="note">
        {t('diagnostics.intro')}
      </p>
      {dirty && <p className="note">{t('testMail.saveFirst')}</p>}
      {canChooseRecipient && (
        <Field label={t('diagnostics.recipient')} hint={t('diagnostics.recipientHint')} error={recipientError ? t(`errors.${recipientError}`) : undefined}>
          <input type="email" autoComplete="off" value={recipient} onChange={(event) => setRecipient(event.target.value)} />
        </Field>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={() => begin('dryRun')} disabled={run.running || dirty}>
          {busy('dryRun') ? t('diagnostics.checking') : t('diagnostics.checkConnection')}
        </button>
        <button type="button" className="button" onClick={() => begin('send')} disabled={run.running || dirty}>
          {busy('send') ? t('testMail.sending') : t('testMail.send')}
        </button>
      </div>
      <CheckSteps steps={run.steps} />
      <CheckVerdict run={run} />
    </section>
  );
}
