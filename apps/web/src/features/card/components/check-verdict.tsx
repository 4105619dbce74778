import type { CheckMode, Diagnosis } from '@saatja/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { translateError } from '../../../lib/translate-error';
import { CertificateFacts } from './certificate-facts';
import { m365ErrorText } from './m365-messages';
import type { CheckRun } from './use-check-run';

/**
 * The verdict in a live region that is always present, so screen readers announce it when it
 * arrives; the technical facts behind a failure follow outside it.
 */
export function CheckVerdict({ run }: { run: CheckRun }) {
  const { t } = useTranslation();
  const { verdict } = run;
  const diagnosis = verdict && !verdict.ok ? verdict.diagnosis : null;
  const failed = diagnosis !== null || run.error !== null || run.incomplete;
  const tone = verdict?.ok ? 'success' : failed ? 'error' : null;
  return (
    <div className={tone ? `check-verdict banner banner--${tone}` : 'check-verdict'}>
      <div role="status" aria-live="polite" aria-atomic="true">
        {verdict?.ok && <p>{verdict.mode === 'send' ? t('testMail.sent', { to: verdict.to }) : t('diagnostics.passed')}</p>}
        {diagnosis && verdict && <p className="check-verdict__summary">{failedSummary(t, verdict.mode, run)}</p>}
        {diagnosis && <DiagnosisText diagnosis={diagnosis} />}
        {run.error !== null && <p>{refusalText(t, run.error)}</p>}
        {run.incomplete && <p>{t('diagnostics.incomplete')}</p>}
      </div>
      {diagnosis && <DiagnosisFacts diagnosis={diagnosis} />}
    </div>
  );
}

/** The failed check's closing line, as a passed one has its own: which step it stopped at. */
function failedSummary(t: ReturnType<typeof useTranslation>['t'], mode: CheckMode, run: CheckRun): string {
  const failed = run.steps.find((step) => step.status === 'failed')?.step;
  const step = failed ? t(`diagnostics.steps.${failed}`) : t('diagnostics.unknownStep');
  return mode === 'send' ? t('testMail.failedAt', { step }) : t('diagnostics.failedAt', { step });
}

function refusalText(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  const detail = error instanceof ApiError ? error.body.detail : undefined;
  if (detail === 'passwordNeeded') return t('effective.passwordNeeded');
  if (detail === 'targetNotAllowed') return t('errors.targetNotAllowed');
  return m365ErrorText(t, error) ?? translateError(t, error);
}

function DiagnosisText({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="check-verdict__message">{t(diagnosis.messageKey)}</p>
      <p>
        <strong>{t('diagnostics.fixTitle')}:</strong> {t(diagnosis.fixKey)}
      </p>
    </>
  );
}

function DiagnosisFacts({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t } = useTranslation();
  const { host, port, reply, certificate, challenge, authOffered, authWanted } = diagnosis.params;
  return (
    <div className="check-verdict__facts">
      <p>{t('diagnostics.server', { host, port })}</p>
      {authOffered && diagnosis.failureClass === 'authNotOffered' && (
        <>
          <p>{t('diagnostics.offered', { list: authOffered.length > 0 ? authOffered.join(', ') : t('diagnostics.none') })}</p>
          {authWanted && <p>{t('diagnostics.wanted', { wanted: authWanted })}</p>}
        </>
      )}
      {certificate && <CertificateFacts certificate={certificate} />}
      {challenge !== null && (
        <>
          <p>{t('diagnostics.challengeTitle')}</p>
          {typeof challenge === 'string' ? (
            <code className="banner__detail">{challenge}</code>
          ) : (
            <dl className="facts check-facts">
              {Object.entries(challenge).flatMap(([key, value]) => [
                <dt key={`${key}-term`}>{key}</dt>,
                <dd key={`${key}-value`}>{value}</dd>,
              ])}
            </dl>
          )}
        </>
      )}
      {reply && (
        <p className="banner__detail">
          {t('diagnostics.serverReply')}: <code>{reply}</code>
        </p>
      )}
    </div>
  );
}
