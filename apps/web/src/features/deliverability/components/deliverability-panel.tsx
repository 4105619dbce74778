import { adviseDeliverability, routeOfDraft, type CardChange, type SenderMode } from '@saatja/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../../lib/translate-error';
import { AdviceSummary } from './advice-summary';
import { DomainDetails } from './domain-details';
import { useDomainCheck } from './use-domain-check';
import './deliverability.css';

export interface DeliverabilityPanelProps {
  /** The address in the card's form now (saved or not). */
  email: string;
  mode: SenderMode;
  /** Mode `default` sends through the global mail user's server, not the relay. */
  inheritsServer: boolean;
  smtpHost: string | null;
  /** Change the card's form (not saved until the user saves). */
  apply: (change: CardChange) => void;
  userCode?: string | undefined;
  vendor: string;
}

/** "Will your mail arrive?": the e-mail domain's MX, SPF and DMARC judged for the card as it stands (SPEC §11). */
export function DeliverabilityPanel({ email, mode, inheritsServer, smtpHost, apply, userCode, vendor }: DeliverabilityPanelProps) {
  const { t } = useTranslation();
  const { check, recheck, domain } = useDomainCheck(email, userCode);
  const [applied, setApplied] = useState<CardChange | null>(null);
  if (!domain) return null;

  const change = (next: CardChange) => {
    apply(next);
    setApplied(next);
  };
  const appliedLabel =
    applied && (applied.mode === 'smtp' ? t(`presets.names.${applied.preset}`) : t(`card.modes.${applied.mode}`, { vendor }));

  return (
    <section className="section deliverability" aria-labelledby="deliverability-title">
      <h2 id="deliverability-title" className="deliverability__title">
        {t('deliverability.title')}
      </h2>
      <div aria-live="polite" className="deliverability__body">
        {check.status === 'done' ? (
          <>
            <AdviceSummary
              advice={adviseDeliverability(
                check.answer.facts,
                { route: routeOfDraft(mode, inheritsServer), mode, smtpHost },
                check.answer.vendor,
              )}
              checks={check.answer.facts.spf.checks.length}
              vendor={vendor}
              onChange={change}
            />
            <DomainDetails facts={check.answer.facts} />
          </>
        ) : check.status === 'failed' ? (
          <p>{t('deliverability.apiFailed', { domain, reason: translateError(t, check.error) })}</p>
        ) : (
          <p aria-busy="true">{t('deliverability.checking', { domain })}</p>
        )}
        {appliedLabel && <p className="note">{t('deliverability.applied', { choice: appliedLabel })}</p>}
      </div>
      {check.status !== 'checking' && check.status !== 'idle' && (
        <button type="button" className="button button--quiet" onClick={recheck}>
          {t('deliverability.recheck')}
        </button>
      )}
    </section>
  );
}
