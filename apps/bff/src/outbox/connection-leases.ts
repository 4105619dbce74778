import { sql } from 'kysely';
import type { Db } from '../db/database';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * An account's connection cap across instances: slots 0 … cap-1 in the database, each leased by
 * one sender for a while and renewed while it works. A crashed instance's slots free themselves
 * when their lease runs out; its sockets died with it.
 */
export function createConnectionLeases(db: Db) {
  return {
    /** A free (or expired) slot of the account, now held by `holder`; null when all are taken. */
    async acquire(input: { accountKey: string; cap: number; holder: string; now: number; leaseMs: number }): Promise<number | null> {
      const taken = await db
        .selectFrom('outbox_connections')
        .select('slot')
        .where('account_key', '=', input.accountKey)
        .where('lease_until', '>=', iso(input.now))
        .execute();
      const busy = new Set(taken.map((row) => row.slot));
      for (let slot = 0; slot < input.cap; slot += 1) {
        if (busy.has(slot)) continue;
        // Two instances may race for the same free slot: the upsert's condition lets only one win.
        const won = await db
          .insertInto('outbox_connections')
          .values({ account_key: input.accountKey, slot, holder: input.holder, lease_until: iso(input.now + input.leaseMs) })
          .onConflict((conflict) =>
            conflict
              .columns(['account_key', 'slot'])
              .doUpdateSet({ holder: input.holder, lease_until: iso(input.now + input.leaseMs) })
              .where('outbox_connections.lease_until', '<', sql<string>`${iso(input.now)}::timestamptz`),
          )
          .returning('slot')
          .executeTakeFirst();
        if (won) return slot;
      }
      return null;
    },

    /** Extend the lease; false when it was lost (this sender stalled past it and must stop). */
    async renew(accountKey: string, slot: number, holder: string, until: number): Promise<boolean> {
      const result = await db
        .updateTable('outbox_connections')
        .set({ lease_until: iso(until) })
        .where('account_key', '=', accountKey)
        .where('slot', '=', slot)
        .where('holder', '=', holder)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async release(accountKey: string, slot: number, holder: string): Promise<void> {
      await db
        .deleteFrom('outbox_connections')
        .where('account_key', '=', accountKey)
        .where('slot', '=', slot)
        .where('holder', '=', holder)
        .execute();
    },

    /** Slots held now, per account: the Outbox page says "waiting for a connection" from it. */
    async busy(now: number): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('outbox_connections')
        .select(['account_key', (eb) => eb.fn.countAll<number>().as('held')])
        .where('lease_until', '>=', iso(now))
        .groupBy('account_key')
        .execute();
      return new Map(rows.map((row) => [row.account_key, Number(row.held)]));
    },
  };
}
export type ConnectionLeases = ReturnType<typeof createConnectionLeases>;
