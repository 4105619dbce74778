import type { AuditEntry } from '@saatja/core';
import type { Db } from '../db/database';

/** How many entries the admin's audit page shows, newest first. */
const AUDIT_PAGE_SIZE = 200;

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

    async newest(): Promise<AuditEntry[]> {
      return db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
        .select(['audit_log.id', 'audit_log.at', 'users.code as actor', 'audit_log.action', 'audit_log.target', 'audit_log.changes'])
        .orderBy('audit_log.id', 'desc')
        .limit(AUDIT_PAGE_SIZE)
        .execute();
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
