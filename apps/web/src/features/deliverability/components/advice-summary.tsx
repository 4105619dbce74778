import { isAtRisk, type CardChange, type DeliverabilityAdvice, type Recommendation } from '@saatja/core';
import { useTranslation } from 'react-i18next';
import { ChangeButton } from './change-button';

const TONE = { ok: 'success', warning: 'warning', danger: 'error', unknown: 'info' } as const;

interface AdviceSummaryProps {
  advice: DeliverabilityAdvice;
  /** How many sending IPs were checked, to tell "some of the servers" from "the servers". */
  checks: number;
  vendor: string;
  onChange: (change: CardChange) => void;
}

/** The verdict in plain words, why, and what the user (or the domain's admin) can do about it. */
export function AdviceSummary({ advice, checks, vendor, onChange }: AdviceSummaryProps) {
  const { t } = useTranslation();
  const { domain } = advice;
  const atRisk = isAtRisk(advice.severity);
  const headline =
    advice.severity === 'ok'
      ? t(`deliverability.ok.${advice.route}`, { domain, vendor })
      : t(`deliverability.${advice.severity}`, { domain, vendor });
  return (
    <>
      <div className={`banner banner--${TONE[advice.severity]}`}>
        <strong>{headline}</strong>
        {atRisk && <span>{t(`deliverability.spf.${advice.spf}`, { domain, vendor })}</span>}
        {atRisk && advice.failing.length < checks && (
          <span>{t('deliverability.someServers', { vendor, ips: advice.failing.map((check) => check.ip).join(', ') })}</span>
        )}
        {atRisk && advice.dmarc !== 'absent' && <span>{t(`deliverability.dmarc.${advice.dmarc}`, { domain })}</span>}
      </div>
      {atRisk && (
        <div className="deliverability__todo">
          <h3>{t('deliverability.whatToDo')}</h3>
          <ul>
            {advice.recommendations.map((recommendation) => (
              <li key={recommendation.kind}>
                <RecommendationItem recommendation={recommendation} advice={advice} vendor={vendor} onChange={onChange} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {!atRisk && advice.suggestion && (
        <div className="banner banner--info">
          <span>{t(`deliverability.provider.${advice.provider}`, { domain })}</span>
          <ChangeButton change={advice.suggestion} vendor={vendor} onChange={onChange} />
        </div>
      )}
    </>
  );
}

interface RecommendationProps {
  recommendation: Recommendation;
  advice: DeliverabilityAdvice;
  vendor: string;
  onChange: (change: CardChange) => void;
}

function RecommendationItem({ recommendation, advice: { domain, provider }, vendor, onChange }: RecommendationProps) {
  const { t } = useTranslation();
  switch (recommendation.kind) {
    case 'replyTo':
      return (
        <>
          <p>{t('deliverability.recommend.replyTo', { vendor })}</p>
          <ChangeButton change={{ mode: 'replyTo' }} vendor={vendor} onChange={onChange} />
        </>
      );
    case 'ownServer':
      return (
        <>
          <p>
            {recommendation.suggestion
              ? t('deliverability.recommend.ownServerKnown', { domain, provider: t(`deliverability.providerNames.${provider}`) })
              : t('deliverability.recommend.ownServer')}
          </p>
          {recommendation.suggestion && <ChangeButton change={recommendation.suggestion} vendor={vendor} onChange={onChange} />}
        </>
      );
    case 'addToSpf': {
      const { fix } = recommendation;
      return (
        <>
          <p>
            {t(fix.record === null ? 'deliverability.recommend.repairSpf' : 'deliverability.recommend.addToSpf', { domain, vendor })}{' '}
            <code>{fix.add.join(' ')}</code>
          </p>
          {fix.record !== null && (
            <p>
              {t(fix.newRecord ? 'deliverability.recommend.newRecord' : 'deliverability.recommend.changedRecord')}{' '}
              <code className="deliverability__record">{fix.record}</code>
            </p>
          )}
        </>
      );
    }
  }
}
