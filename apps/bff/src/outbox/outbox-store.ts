import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/database';
import { insertJsonRows } from '../db/json-rows';
import type { OutboxBatchesTable, OutboxMessagesTable } from '../db/schema';

/**
 * The channel instances LISTEN on: a message became due now (submitted, resumed, retried by hand).
 * A single message's NOTIFY carries its account key, so an instance already sending for that account
 * only wakes its sender.
 */
export const OUTBOX_CHANNEL = 'saatja_outbox';

export type NewMessage = Insertable<OutboxMessagesTable>;

/** The stored row's id, whether this call created it, and the body hash it was created with. */
export interface Stored {
  id: string;
  created: boolean;
  requestHash: string | null;
}

/**
 * Insert unless the (token, Idempotency-Key) exists. PostgreSQL makes a concurrent insert of the
 * same key wait for the first one's commit, then skip it: exactly one row is created.
 */
async function insertOnce(
  insert: () => Promise<{ id: string } | undefined>,
  existing: () => Promise<{ id: string; request_hash: string | null }>,
  requestHash: string | null,
): Promise<Stored> {
  const inserted = await insert();
  if (inserted) return { id: inserted.id, created: true, requestHash };
  const row = await existing();
  return { id: row.id, created: false, requestHash: row.request_hash };
}

/** Stored and announced in one transaction: the API answers only after the commit. */
export function createOutboxStore(db: Db) {
  const notify = (trx: Db) => sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);

  return {
    /**
     * A message, or the existing one of the same (token, Idempotency-Key). The row and its NOTIFY
     * are one statement, so one transaction and one round trip: the API's answer waits for nothing else.
     */
    async insertMessage(row: NewMessage): Promise<Stored> {
      return insertOnce(
        () =>
          db
            .with('inserted', (cte) =>
              cte
                .insertInto('outbox_messages')
                .values(row)
                .onConflict((c) => c.columns(['token_id', 'idempotency_key']).doNothing())
                .returning('id'),
            )
            .selectFrom('inserted')
            .select(['inserted.id', sql<string>`pg_notify(${OUTBOX_CHANNEL}, ${row.account_key})`.as('notified')])
            .executeTakeFirst(),
        () =>
          db
            .selectFrom('outbox_messages')
            .select(['id', 'request_hash'])
            .where('token_id', '=', row.token_id ?? null)
            .where('idempotency_key', '=', row.idempotency_key ?? null)
            .executeTakeFirstOrThrow(),
        row.request_hash ?? null,
      );
    },

    /** A batch and all its messages, or the existing batch of the same (token, Idempotency-Key). */
    async insertBatch(batch: Insertable<OutboxBatchesTable>, messages: NewMessage[]): Promise<Stored> {
      return db.transaction().execute(async (trx) => {
        const stored = await insertOnce(
          () =>
            trx
              .insertInto('outbox_batches')
              .values(batch)
              .onConflict((c) => c.columns(['token_id', 'idempotency_key']).doNothing())
              .returning('id')
              .executeTakeFirst(),
          () =>
            trx
              .selectFrom('outbox_batches')
              .select(['id', 'request_hash'])
              .where('token_id', '=', batch.token_id ?? null)
              .where('idempotency_key', '=', batch.idempotency_key ?? null)
              .executeTakeFirstOrThrow(),
          batch.request_hash ?? null,
        );
        if (!stored.created) return stored;
        await insertJsonRows(trx, 'outbox_messages', messages);
        await notify(trx);
        return stored;
      });
    },

    /** Cancel queued messages (one, or a batch's); a message being sent finishes its attempt. */
    async cancelQueued(where: { id: string } | { batchId: string }, at: string): Promise<number> {
      let query = db
        .updateTable('outbox_messages')
        .set({ status: 'cancelled', finished_at: at, content: null })
        .where('status', '=', 'queued');
      query = 'id' in where ? query.where('id', '=', where.id) : query.where('batch_id', '=', where.batchId);
      return Number((await query.executeTakeFirst()).numUpdatedRows);
    },

    async setBatchStatus(id: string, status: OutboxBatchesTable['status']): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('outbox_batches').set({ status }).where('id', '=', id).execute();
        if (status === 'active') await notify(trx);
      });
    },

    /** A failed message sent again by hand: due now, with a fresh deadline and attempt count. */
    async requeueFailed(id: string, at: string, deadline: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('outbox_messages')
          .set({ status: 'queued', next_attempt_at: at, deadline_at: deadline, attempts: 0, wait_kind: null, finished_at: null })
          .where('id', '=', id)
          .where('status', '=', 'failed')
          .where('content', 'is not', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await notify(trx);
        return true;
      });
    },
  };
}
export type OutboxStore = ReturnType<typeof createOutboxStore>;
