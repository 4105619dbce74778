import type { PublicOutboxMessage } from '@saatja/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { failureReason } from '../../../lib/failure-reason';
import { formatDateTime } from '../../../lib/format';
import { WaitText } from './wait-text';

const COLUMNS = ['createdAt', 'message', 'status', 'attempts', 'actions'] as const;
type Column = (typeof COLUMNS)[number] | 'user';

interface MessageTableProps {
  messages: PublicOutboxMessage[];
  showUser: boolean;
  busy: boolean;
  onAction: (message: PublicOutboxMessage, action: 'cancel' | 'retry') => void;
  onShow: (message: PublicOutboxMessage) => void;
}

/** Outbox messages newest first; on a phone each row stacks with its labels. */
export function MessageTable({ messages, showUser, busy, onAction, onShow }: MessageTableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const columns: Column[] = showUser ? ['createdAt', 'user', ...COLUMNS.slice(1)] : [...COLUMNS];
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId} className="visually-hidden">
          {t('outbox.caption')}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`outbox.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <MessageRow key={message.id} message={message} columns={columns} busy={busy} onAction={onAction} onShow={onShow} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MessageRow({
  message,
  columns,
  busy,
  onAction,
  onShow,
}: { message: PublicOutboxMessage; columns: Column[] } & Omit<MessageTableProps, 'messages' | 'showUser'>) {
  const { t, i18n } = useTranslation();
  const tone = message.status === 'sent' ? 'tag tag--own' : message.status === 'failed' ? 'tag tag--warning' : 'tag';
  // Why it failed, or why the last try did not send (a server's refusal, Microsoft's sign-in unreachable, …).
  const why = message.status === 'failed' || message.wait?.kind === 'retry' ? failureReason(t, message.failureClass) : null;
  const cells: Record<Column, ReactNode> = {
    createdAt: <time dateTime={message.createdAt}>{formatDateTime(i18n.language, message.createdAt)}</time>,
    user: `${message.user.name} (${message.user.code})`,
    message: (
      <>
        <strong>{message.subject}</strong>
        <span className="outbox__to">{message.to.join(', ')}</span>
        {message.reference && <span className="muted"> · {message.reference}</span>}
      </>
    ),
    status: (
      <>
        <span className={tone}>{t(`outbox.status.${message.status}`)}</span>
        {message.wait && (
          <span className="outbox__why">
            {' '}
            <WaitText wait={message.wait} />
          </span>
        )}
        {why && <span className="outbox__why"> {why}</span>}
      </>
    ),
    attempts: message.attempts,
    actions: (
      <div className="actions">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => onShow(message)}
          aria-label={t('outbox.detailsOf', { subject: message.subject })}
        >
          {t('outbox.details')}
        </button>
        {message.status === 'queued' && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => onAction(message, 'cancel')}
            aria-label={t('outbox.cancelOf', { subject: message.subject })}
          >
            {t('outbox.cancel')}
          </button>
        )}
        {message.status === 'failed' && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => onAction(message, 'retry')}
            aria-label={t('outbox.retryOf', { subject: message.subject })}
          >
            {t('outbox.retry')}
          </button>
        )}
      </div>
    ),
  };
  return (
    <tr>
      {columns.map((column) => (
        <td key={column} data-label={t(`outbox.columns.${column}`)}>
          {cells[column]}
        </td>
      ))}
    </tr>
  );
}
