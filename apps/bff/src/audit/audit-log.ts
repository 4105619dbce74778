import { LOG_PAGE_SIZE, type AuditEntry, type AuditQuery, type LogPage } from '@saatja/core';
import type { Db } from '../db/database';

type Fields = Record<string, unknown>;

/** Old → new of the fields that changed. Callers pass no secret values, only flags. */
export function diff(before: Fields, after: Fields): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

export function createAuditLog(db: Db, now: () => Date) {
  return {
    async record(actorUserId: number | null, action: string, target: string, change: { before: Fields; after: Fields }) {
      const changes = diff(change.before, change.after);
      if (Object.keys(changes).length === 0) return;
      await db
        .insertInto('audit_log')
        .values({ actor_user_id: actorUserId, at: now().toISOString(), action, target, changes: JSON.stringify(changes) })
        .execute();
    },

    /** One page, newest first; `user` matches who acted or whose card it was. Portable query-builder code. */
    async list(filter: AuditQuery): Promise<LogPage<AuditEntry>> {
      let query = db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
        .select(['audit_log.id', 'audit_log.at', 'users.code as actor', 'audit_log.action', 'audit_log.target', 'audit_log.changes'])
        .orderBy('audit_log.id', 'desc')
        .limit(LOG_PAGE_SIZE + 1);
      if (filter.user !== undefined) {
        const code = filter.user.toUpperCase();
        query = query.where((eb) => eb.or([eb('users.code', '=', code), eb('audit_log.target', '=', `user:${code}`)]));
      }
      if (filter.action !== undefined) query = query.where('audit_log.action', '=', filter.action);
      if (filter.from !== undefined) query = query.where('audit_log.at', '>=', new Date(filter.from).toISOString());
      if (filter.to !== undefined) query = query.where('audit_log.at', '<', new Date(filter.to).toISOString());
      if (filter.before !== undefined) query = query.where('audit_log.id', '<', filter.before);
      const rows = await query.execute();
      const page = rows.slice(0, LOG_PAGE_SIZE);
      return {
        next: rows.length > LOG_PAGE_SIZE ? page.at(-1)!.id : null,
        entries: page,
      };
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
