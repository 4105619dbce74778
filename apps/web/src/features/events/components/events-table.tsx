import type { PublicEvent } from '@saatja/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

const COLUMNS = ['receivedAt', 'kind', 'recipient', 'reason', 'message'] as const;

/** Events newest first; scrolls in its own focusable region, and stacks with labels on a phone. */
export function EventsTable({ events, showUser }: { events: PublicEvent[]; showUser: boolean }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table events-table">
        <caption id={captionId} className="visually-hidden">
          {t('events.caption')}
        </caption>
        <thead>
          <tr>
            {[...COLUMNS, ...(showUser ? (['user'] as const) : [])].map((column) => (
              <th key={column} scope="col">
                {t(`events.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <EventRow key={event.id} event={event} showUser={showUser} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EventRow({ event, showUser }: { event: PublicEvent; showUser: boolean }) {
  const { t, i18n } = useTranslation();
  const format = (iso: string) => formatDateTime(i18n.language, iso);
  const label = (column: (typeof COLUMNS)[number] | 'user') => t(`events.columns.${column}`);
  const unknown = t('events.unknownRecipient');
  return (
    <tr>
      <td data-label={label('receivedAt')}>
        <time dateTime={event.receivedAt}>{format(event.receivedAt)}</time>
      </td>
      <td data-label={label('kind')}>{t(`events.kinds.${event.kind}`)}</td>
      <td data-label={label('recipient')}>
        {event.kind === 'reply' ? t('events.replyFrom', { from: event.from ?? unknown }) : (event.recipient ?? unknown)}
      </td>
      <td data-label={label('reason')}>
        <EventReason event={event} />
      </td>
      <td data-label={label('message')}>
        {event.sent
          ? t('events.sent', {
              kind: t(`events.sentKinds.${event.sent.kind}`, { defaultValue: event.sent.kind }),
              at: format(event.sent.at),
              recipient: event.sent.recipient,
            })
          : t('events.unmatched')}
      </td>
      {showUser && <td data-label={label('user')}>{event.user ? `${event.user.name} (${event.user.code})` : '–'}</td>}
    </tr>
  );
}

/** The reason in plain words, then the status code and the remote server's own words. */
function EventReason({ event }: { event: PublicEvent }) {
  const { t } = useTranslation();
  if (event.kind === 'reply') return <>{event.subject || t('events.noSubject')}</>;
  return (
    <>
      <strong>{t(`events.reasons.${event.reason ?? 'unknown'}`)}</strong>
      {event.status && <span className="event-detail">{t('events.status', { status: event.status })}</span>}
      {event.diagnostic && (
        <span className="event-detail event-detail--server">{t('events.serverSaid', { diagnostic: event.diagnostic })}</span>
      )}
    </>
  );
}
