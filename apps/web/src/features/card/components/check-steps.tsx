import type { StepDetail } from '@saatja/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CertificateFacts } from './certificate-facts';
import { StepWait } from './step-wait';
import type { StepState } from './use-check-run';

/** Shapes beside the status word; the word carries the meaning, never the colour or shape alone. */
const ICONS: Record<StepState['status'], string> = { running: '…', ok: '✓', warning: '!', failed: '✗', skipped: '–' };

/** The check's steps as they happen, each with its status in words and what it found. */
export function CheckSteps({ steps }: { steps: StepState[] }) {
  const { t } = useTranslation();
  if (steps.length === 0) return null;
  return (
    <ol className="check-steps" aria-label={t('diagnostics.stepsLabel')}>
      {steps.map(({ step, status, detail, limitMs }) => (
        <li key={step} className={`check-step check-step--${status}`}>
          <span className="check-step__icon" aria-hidden="true">
            {ICONS[status]}
          </span>
          <span className="check-step__name">{t(`diagnostics.steps.${step}`)}</span>
          <span className="check-step__status">{t(`diagnostics.status.${status}`)}</span>
          {status === 'running' && limitMs !== null && <StepWait step={step} limitMs={limitMs} />}
          {detail && <StepFacts detail={detail} />}
        </li>
      ))}
    </ol>
  );
}

function StepFacts({ detail }: { detail: StepDetail }) {
  const { t } = useTranslation();
  if (detail.skipped) return <p className="check-step__detail">{t(`diagnostics.skipped.${detail.skipped}`)}</p>;
  const facts: ReactNode[] = [];
  if (detail.addresses) facts.push(t('diagnostics.detail.addresses', { list: detail.addresses.join(', ') }));
  if (detail.address) facts.push(t('diagnostics.detail.connected', { address: detail.address }));
  if (detail.protocol) facts.push(t('diagnostics.detail.protocol', { protocol: detail.protocol }));
  if (detail.greeting) facts.push(<code>{detail.greeting}</code>);
  if (detail.authMechanisms) {
    facts.push(
      detail.authMechanisms.length > 0
        ? t('diagnostics.detail.mechanisms', { list: detail.authMechanisms.join(', ') })
        : t('diagnostics.detail.noMechanisms'),
    );
  }
  if (detail.extensions?.length) facts.push(t('diagnostics.detail.extensions', { list: detail.extensions.join(', ') }));
  if (detail.mechanism && detail.user) facts.push(t('diagnostics.detail.loggedIn', { mechanism: detail.mechanism, user: detail.user }));
  if (detail.reply) facts.push(<code>{detail.reply}</code>);
  if (detail.messageId) facts.push(t('diagnostics.detail.messageId', { id: detail.messageId }));
  if (detail.deliverability) {
    const { domain, severity } = detail.deliverability;
    facts.push(t('diagnostics.detail.deliverability', { domain, verdict: t(`deliverability.severity.${severity}`) }));
  }
  return (
    <div className="check-step__detail">
      {facts.map((fact, index) => (
        <p key={index}>{fact}</p>
      ))}
      {detail.certificate && <CertificateFacts certificate={detail.certificate} />}
    </div>
  );
}
