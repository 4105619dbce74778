import { sql } from 'kysely';
import type { Db } from '../db/database';

export interface RateLimitOptions {
  /** Names the limit in the shared table, so two limits never count each other's keys. */
  name: string;
  limit: number;
  windowMs: number;
}

/**
 * A fixed-window counter per key in the database, so every instance counts the same attempts; the
 * window runs on the database's clock. Expired windows are removed by the retention purge.
 */
export function createRateLimiter(db: Db, options: RateLimitOptions) {
  const rowKey = (key: string) => `${options.name}|${key}`;
  return {
    /** Count one attempt; false when the key is over its limit in the current window. */
    async take(key: string): Promise<boolean> {
      const windowEnd = sql<string>`now() + ${options.windowMs} * interval '1 millisecond'`;
      const expired = sql<boolean>`rate_limits.window_ends_at <= now()`;
      // One statement: concurrent attempts on any instance serialise on the row.
      const { hits } = await db
        .insertInto('rate_limits')
        .values({ key: rowKey(key), hits: 1, window_ends_at: windowEnd })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({
            hits: sql`case when ${expired} then 1 else rate_limits.hits + 1 end`,
            window_ends_at: sql`case when ${expired} then excluded.window_ends_at else rate_limits.window_ends_at end`,
          }),
        )
        .returning('hits')
        .executeTakeFirstOrThrow();
      return hits <= options.limit;
    },
    /** Give back one attempt counted in the current window (one that turned out not to count). */
    async release(key: string): Promise<void> {
      await db
        .updateTable('rate_limits')
        .set({ hits: sql<number>`greatest(rate_limits.hits - 1, 0)` })
        .where('key', '=', rowKey(key))
        .where('window_ends_at', '>', sql<string>`now()`)
        .execute();
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
