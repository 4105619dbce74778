import type { WaitReason } from '@saatja/core';
import { useTranslation } from 'react-i18next';
import { formatSoon } from '../../../lib/format';

/** Why a queued message has not gone yet, in plain words ("Gmail limit: next slot 10:42"). */
export function WaitText({ wait }: { wait: WaitReason }) {
  const { t, i18n } = useTranslation();
  const at = (iso: string) => formatSoon(i18n.language, iso);
  const provider = 'provider' in wait && wait.provider ? t(`presets.names.${wait.provider}`) : null;
  switch (wait.kind) {
    case 'due':
      return <>{t('outbox.wait.due')}</>;
    case 'paused':
      return <>{t('outbox.wait.paused')}</>;
    case 'rateLimit':
      return (
        <>
          {provider ? t('outbox.wait.providerLimit', { provider, time: at(wait.until) }) : t('outbox.wait.limit', { time: at(wait.until) })}
        </>
      );
    case 'retry':
      return <>{t('outbox.wait.retry', { time: at(wait.until) })}</>;
    case 'connections':
      return <>{t('outbox.wait.connections')}</>;
  }
}
