import type { ServerLimitOverride } from '@saatja/core';
import type { Db } from '../db/database';

/** Admins' per-server limits, read by every instance's worker (SPEC §10: overridable per server). */
export function createServerLimits(db: Db, now: () => Date) {
  return {
    async list(): Promise<ServerLimitOverride[]> {
      const rows = await db.selectFrom('server_limits').selectAll().orderBy('host').execute();
      return rows.map((row) => ({
        host: row.host,
        perSecond: row.per_second,
        perMinute: row.per_minute,
        perHour: row.per_hour,
        perDay: row.per_day,
        maxConnections: row.max_connections,
      }));
    },
    async put(input: ServerLimitOverride): Promise<void> {
      const values = {
        per_second: input.perSecond,
        per_minute: input.perMinute,
        per_hour: input.perHour,
        per_day: input.perDay,
        max_connections: input.maxConnections,
        updated_at: now().toISOString(),
      };
      await db
        .insertInto('server_limits')
        .values({ host: input.host, ...values })
        .onConflict((conflict) => conflict.column('host').doUpdateSet(values))
        .execute();
    },
    async remove(host: string): Promise<boolean> {
      const result = await db.deleteFrom('server_limits').where('host', '=', host.toLowerCase()).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
export type ServerLimits = ReturnType<typeof createServerLimits>;
