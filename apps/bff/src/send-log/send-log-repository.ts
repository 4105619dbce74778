import {
  LOG_PAGE_SIZE,
  type LogPage,
  type PublicSendLogEntry,
  type SendLogKind,
  type SendLogQuery,
  type SendLogResult,
} from '@saatja/core';
import type { Db } from '../db/database';
import { readRoute } from '../mail/send-log';

/** Whose entries a reader may see: only `userId`'s, or everyone's (admins; SPEC §8). */
export interface SendLogScope {
  userId: number | null;
}

export function createSendLogRepository(db: Db) {
  return {
    /** One page, newest first, filtered; plain query-builder code that any SQL database runs. */
    async list(scope: SendLogScope, filter: SendLogQuery): Promise<LogPage<PublicSendLogEntry>> {
      let query = db
        .selectFrom('send_log as l')
        .innerJoin('users as u', 'u.id', 'l.user_id')
        .leftJoin('users as a', 'a.id', 'l.actor_user_id')
        .select([
          'l.id',
          'l.at',
          'l.kind',
          'l.transport',
          'l.recipient',
          'l.result',
          'l.server_reply',
          'l.error_code',
          'l.failure_class',
          'l.duration_ms',
          'l.message_id',
          'l.user_id',
          'l.actor_user_id',
          'u.code as user_code',
          'u.name as user_name',
          'a.code as actor_code',
        ])
        .orderBy('l.id', 'desc')
        // One more than a page tells whether an older page exists.
        .limit(LOG_PAGE_SIZE + 1);
      if (scope.userId !== null) query = query.where('l.user_id', '=', scope.userId);
      if (filter.user !== undefined) query = query.where('u.code', '=', filter.user.toUpperCase());
      if (filter.kind !== undefined) query = query.where('l.kind', '=', filter.kind);
      if (filter.result !== undefined) query = query.where('l.result', '=', filter.result);
      if (filter.from !== undefined) query = query.where('l.at', '>=', new Date(filter.from).toISOString());
      if (filter.to !== undefined) query = query.where('l.at', '<', new Date(filter.to).toISOString());
      if (filter.before !== undefined) query = query.where('l.id', '<', filter.before);
      const rows = await query.execute();
      const page = rows.slice(0, LOG_PAGE_SIZE);
      return {
        next: rows.length > LOG_PAGE_SIZE ? page.at(-1)!.id : null,
        entries: page.map((row) => ({
          id: row.id,
          at: row.at,
          kind: row.kind as SendLogKind,
          user: { code: row.user_code, name: row.user_name },
          actorCode: row.actor_user_id !== null && row.actor_user_id !== row.user_id ? row.actor_code : null,
          transport: readRoute(row.transport),
          recipient: row.recipient,
          result: row.result as SendLogResult,
          serverReply: row.server_reply,
          errorCode: row.error_code,
          failureClass: row.failure_class,
          durationMs: row.duration_ms,
          messageId: row.message_id,
        })),
      };
    },
  };
}
export type SendLogRepository = ReturnType<typeof createSendLogRepository>;
