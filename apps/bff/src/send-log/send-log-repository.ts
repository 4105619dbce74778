import { SEND_LOG_PAGE_SIZE, type PublicSendLogEntry, type SendLogKind, type SendLogResult } from '@saatja/core';
import type { Db } from '../db/database';

export function createSendLogRepository(db: Db) {
  return {
    /** The newest entries; only `userId`'s when given (SPEC §8: same permission checks as the settings). */
    async list(options: { userId: number | null; before: number | null }): Promise<PublicSendLogEntry[]> {
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
        .limit(SEND_LOG_PAGE_SIZE);
      if (options.userId !== null) query = query.where('l.user_id', '=', options.userId);
      if (options.before !== null) query = query.where('l.id', '<', options.before);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        at: row.at,
        kind: row.kind as SendLogKind,
        user: { code: row.user_code, name: row.user_name },
        actorCode: row.actor_user_id !== null && row.actor_user_id !== row.user_id ? row.actor_code : null,
        transport: row.transport,
        recipient: row.recipient,
        result: row.result as SendLogResult,
        serverReply: row.server_reply,
        errorCode: row.error_code,
        failureClass: row.failure_class,
        durationMs: row.duration_ms,
        messageId: row.message_id,
      }));
    },
  };
}
export type SendLogRepository = ReturnType<typeof createSendLogRepository>;
