import type { CheckMode } from '@saatja/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { LazyPart, lazyPart } from '../../../components/ui/lazy-part';
import { loadCardPartMessages } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { useCheckRun } from './use-check-run';

/** The results' code and messages, loaded at the first check, or before it when the pointer or focus reaches the buttons. */
const loadResults = () => Promise.all([import('./check-results'), loadCardPartMessages()]).then(([{ CheckResults }]) => CheckResults);
const CheckResults = lazyPart(loadResults);
const warmResults = () => void loadResults().catch(() => undefined);

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
  const results = useRef<HTMLDivElement>(null);
  const started = run.mode !== null;
  // The results may be far below the buttons (a phone): bring them into view as the check starts,
  // and move focus to them when it ends, so the verdict is where the user is.
  useEffect(() => {
    if (!started) return;
    const element = results.current;
    if (run.running) {
      element?.scrollIntoView({ block: 'nearest' });
    } else {
      element?.focus({ preventScroll: true });
      // The verdict, which comes last, is what the user must see.
      element?.lastElementChild?.scrollIntoView({ block: 'center' });
    }
  }, [started, run.running]);

  return (
    <section className="panel" aria-labelledby="test-mail-title" aria-describedby={introId} aria-busy={run.running}>
      <h2 id="test-mail-title">{t('testMail.title')}</h2>
      <p id={introId} className="note">
        {t('diagnostics.intro')}
      </p>
      {dirty && <p className="note">{t('testMail.saveFirst')}</p>}
      {canChooseRecipient && (
        <Field
          label={t('diagnostics.recipient')}
          hint={t('diagnostics.recipientHint')}
          error={recipientError ? t(`errors.${recipientError}`) : undefined}
        >
          <input type="email" autoComplete="off" value={recipient} onChange={(event) => setRecipient(event.target.value)} />
        </Field>
      )}
      <div className="actions" onPointerEnter={warmResults} onFocus={warmResults}>
        <button type="button" className="button" onClick={() => begin('dryRun')} disabled={run.running || dirty}>
          {busy('dryRun') ? t('diagnostics.checking') : t('diagnostics.checkConnection')}
        </button>
        <button type="button" className="button" onClick={() => begin('send')} disabled={run.running || dirty}>
          {busy('send') ? t('testMail.sending') : t('testMail.send')}
        </button>
      </div>
      <div ref={results} tabIndex={-1} className="check-results" aria-label={t('diagnostics.resultsLabel')} role="group">
        {started && (
          <LazyPart placeholder={null}>
            <CheckResults run={run} />
          </LazyPart>
        )}
      </div>
    </section>
  );
}
