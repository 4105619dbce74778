import { eventKinds, type EventKind, type PublicOutboxMessageDetail } from '@saatja/core';
import { useTranslation } from 'react-i18next';
import { failureReason } from '../../../lib/failure-reason';
import { formatDateTime } from '../../../lib/format';
const isEventKind = (value: string): value is EventKind => (eventKinds as readonly string[]).includes(value);

/** One message: its Message-ID, every attempt, and the bounces matched to it. */
export function MessageDetail({ message, onClose }: { message: PublicOutboxMessageDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => <time dateTime={iso}>{formatDateTime(i18n.language, iso)}</time>;
  return (
    <section className="section" aria-labelledby="outbox-detail-title">
      <h2 id="outbox-detail-title">{message.subject}</h2>
      <dl className="outbox__facts">
        <dt>{t('outbox.to')}</dt>
        <dd>{message.to.join(', ')}</dd>
        <dt>{t('outbox.messageId')}</dt>
        <dd>
          <code>{message.messageId}</code>
        </dd>
        {message.reference && (
          <>
            <dt>{t('outbox.reference')}</dt>
            <dd>{message.reference}</dd>
          </>
        )}
      </dl>
      <h3>{t('outbox.attemptsTitle')}</h3>
      {message.attemptLog.length === 0 ? (
        <p className="note">{t('outbox.noAttempts')}</p>
      ) : (
        <ol className="outbox__attempts">
          {message.attemptLog.map((attempt, index) => (
            <li key={index}>
              {time(attempt.at)} ·{' '}
              <span className={attempt.result === 'sent' ? 'tag tag--own' : 'tag tag--warning'}>
                {t(`outbox.attemptResult.${attempt.result}`)}
              </span>{' '}
              {failureReason(t, attempt.failureClass ?? attempt.errorCode)} {attempt.serverReply && <code>{attempt.serverReply}</code>}
            </li>
          ))}
        </ol>
      )}
      <h3>{t('outbox.eventsTitle')}</h3>
      {message.events.length === 0 ? (
        <p className="note">{t('outbox.noEvents')}</p>
      ) : (
        <ul className="outbox__events">
          {message.events.map((event) => (
            <li key={event.id}>
              {time(event.receivedAt)} ·{' '}
              <span className="tag tag--warning">{isEventKind(event.kind) ? t(`events.kinds.${event.kind}`) : event.kind}</span>{' '}
              {event.recipient}: {t(`events.reasons.${event.reason ?? 'unknown'}`)} {event.status && <code>{event.status}</code>}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('outbox.closeDetails')}
        </button>
      </div>
    </section>
  );
}
