import { SLOW_BATCH_SECONDS, type PublicBatch } from '@saatja/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { formatDuration } from './format-duration';

interface BatchListProps {
  batches: PublicBatch[];
  busy: boolean;
  onAction: (batch: PublicBatch, action: 'pause' | 'resume' | 'cancel') => void;
  onShow: (batch: PublicBatch) => void;
}

/** Mass mailings with their progress; pause, resume and cancel while messages are left. */
export function BatchList({ batches, busy, onAction, onShow }: BatchListProps) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="batch-list">
      {batches.map((batch) => {
        const done = batch.counts.sent + batch.counts.failed + batch.counts.cancelled;
        const open = batch.counts.queued + batch.counts.sending > 0;
        const name = batch.name ?? t('outbox.batchUnnamed');
        const provider = batch.provider ? t(`presets.names.${batch.provider}`) : t('outbox.thisServer');
        return (
          <li key={batch.id} className="batch">
            <div className="batch__head">
              <strong>{name}</strong>
              <span className="muted">
                {batch.user.name} ({batch.user.code}) · {formatDateTime(i18n.language, batch.createdAt)}
              </span>
              <span className={batch.status === 'active' ? 'tag tag--own' : 'tag tag--warning'}>
                {t(`outbox.batchStatus.${open || batch.status !== 'active' ? batch.status : 'done'}`)}
              </span>
            </div>
            <label className="batch__progress">
              <span>{t('outbox.progress', { sent: batch.counts.sent, failed: batch.counts.failed, total: batch.total })}</span>
              <progress max={batch.total} value={done} />
            </label>
            {open && batch.estimateSeconds >= SLOW_BATCH_SECONDS && (
              <p className="note">
                {t('outbox.slowBatch', {
                  provider,
                  count: batch.counts.queued + batch.counts.sending,
                  duration: formatDuration(t, batch.estimateSeconds),
                })}
              </p>
            )}
            <div className="actions">
              <button type="button" className="button button--quiet" onClick={() => onShow(batch)}>
                {t('outbox.showBatch', { name })}
              </button>
              {open && batch.status === 'active' && (
                <button type="button" className="button button--quiet" disabled={busy} onClick={() => onAction(batch, 'pause')}>
                  {t('outbox.pause')}
                </button>
              )}
              {open && batch.status === 'paused' && (
                <button type="button" className="button button--quiet" disabled={busy} onClick={() => onAction(batch, 'resume')}>
                  {t('outbox.resume')}
                </button>
              )}
              {open && batch.status !== 'cancelled' && (
                <button type="button" className="button button--quiet" disabled={busy} onClick={() => onAction(batch, 'cancel')}>
                  {t('outbox.cancelBatch')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
