import type { PublicSendLogEntry } from '@saatja/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { failureReason } from '../../../lib/failure-reason';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { RouteText } from './route-text';
import { ServerReply } from './server-reply';

const COLUMNS = ['at', 'kind', 'transport', 'recipient', 'result', 'reply', 'duration'] as const;
type Column = (typeof COLUMNS)[number] | 'user';

interface SendLogTableProps {
  entries: PublicSendLogEntry[];
  showUser: boolean;
  vendor: string;
}

/** Send attempts newest first, in words; scrolls in its own focusable region, and stacks with labels on a phone. */
export function SendLogTable({ entries, showUser, vendor }: SendLogTableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const columns: Column[] = showUser ? ['at', 'user', ...COLUMNS.slice(1)] : [...COLUMNS];
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table send-log-table">
        <caption id={captionId} className="visually-hidden">
          {t('sendLog.caption')}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`sendLog.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <SendLogRow key={entry.id} entry={entry} columns={columns} vendor={vendor} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SendLogRow({ entry, columns, vendor }: { entry: PublicSendLogEntry; columns: Column[]; vendor: string }) {
  const { t, i18n } = useTranslation();
  const reason = failureReason(t, entry.result === 'refused' ? entry.errorCode : entry.failureClass);
  const cells: Record<Column, ReactNode> = {
    at: <time dateTime={entry.at}>{formatDateTime(i18n.language, entry.at)}</time>,
    user: (
      <>
        {entry.user.name} ({entry.user.code})
        {entry.actorCode && <span className="muted"> · {t('sendLog.startedBy', { code: entry.actorCode })}</span>}
      </>
    ),
    kind: t(`sendLog.kinds.${entry.kind}`),
    transport: <RouteText route={entry.transport} vendor={vendor} />,
    recipient: entry.recipient,
    result: (
      <>
        <span className={entry.result === 'failed' || entry.result === 'refused' ? 'tag tag--warning' : 'tag tag--own'}>
          {t(`sendLog.results.${entry.result}`)}
        </span>
        {reason && <span className="send-log__reason"> {reason}</span>}
      </>
    ),
    reply: entry.serverReply ? <ServerReply text={entry.serverReply} /> : '–',
    duration: t('sendLog.duration', { seconds: formatNumber(i18n.language, entry.durationMs / 1000, 1) }),
  };
  return (
    <tr>
      {columns.map((column) => (
        <td key={column} data-label={t(`sendLog.columns.${column}`)}>
          {cells[column]}
        </td>
      ))}
    </tr>
  );
}
