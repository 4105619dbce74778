import { longestWindowMs, nextSlot, type SendingLimits, type SentSlot } from '@saatja/core';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { OutboxMessagesTable } from '../db/schema';

export type ClaimedMessage = Selectable<OutboxMessagesTable>;

const iso = (ms: number) => new Date(ms).toISOString();

/** Queued messages whose batch (if any) is active: the only ones a worker may take. */
function sendable(db: Db) {
  return db
    .selectFrom('outbox_messages as m')
    .leftJoin('outbox_batches as b', 'b.id', 'm.batch_id')
    .where('m.status', '=', 'queued')
    .where((eb) => eb.or([eb('m.batch_id', 'is', null), eb('b.status', '=', 'active')]));
}

/** The worker's side of the outbox: what is due, claiming it within the account's limits, the outcome. */
export function createOutboxClaims(db: Db) {
  return {
    /** Messages whose worker vanished (its lease ran out) are due again: at-least-once, never lost. */
    async sweepExpired(now: number): Promise<number> {
      const result = await db
        .updateTable('outbox_messages')
        .set({ status: 'queued', lease_until: null, worker: null })
        .where('status', '=', 'sending')
        .where('lease_until', '<', iso(now))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Each account with sendable messages, and when its earliest one is due. */
    async dueAccounts(): Promise<{ accountKey: string; dueAt: number }[]> {
      const rows = await sendable(db)
        .select(['m.account_key', (eb) => eb.fn.min('m.next_attempt_at').as('due')])
        .groupBy('m.account_key')
        .execute();
      return rows.map((row) => ({ accountKey: row.account_key, dueAt: Date.parse(String(row.due)) }));
    },

    /**
     * Take up to `max` due messages of one account, as many as its rate windows allow now. The
     * account's advisory lock serialises this across instances, so two never count the same slot;
     * SKIP LOCKED lets claims of other accounts pass. `waitUntil` is the next free slot when the
     * rate limit stopped the claim.
     */
    async claim(input: { accountKey: string; limits: SendingLimits; max: number; holder: string; leaseMs: number; now: number }) {
      return db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtextextended(${input.accountKey}, 0))`.execute(trx);
        const candidates = await sendable(trx)
          .select(['m.id', 'm.recipient_count'])
          .where('m.account_key', '=', input.accountKey)
          .where('m.next_attempt_at', '<=', iso(input.now))
          .orderBy('m.next_attempt_at')
          .orderBy('m.id')
          .limit(input.max)
          .forUpdate('m')
          .skipLocked()
          .execute();
        if (candidates.length === 0) return { messages: [] as ClaimedMessage[], waitUntil: null };
        const recent: SentSlot[] =
          input.limits.windows.length === 0 ? [] : await recentSends(trx, input.accountKey, input.now - longestWindowMs(input.limits));
        const chosen: typeof candidates = [];
        let waitUntil: number | null = null;
        for (const candidate of candidates) {
          const slot = nextSlot(input.limits.windows, recent, input.now, candidate.recipient_count);
          if (slot > input.now) {
            waitUntil = slot;
            break;
          }
          recent.push({ at: input.now, recipients: candidate.recipient_count });
          chosen.push(candidate);
        }
        if (input.limits.windows.length > 0)
          await trx
            .insertInto('outbox_accounts')
            .values({ account_key: input.accountKey, rate_wait_until: waitUntil === null ? null : iso(waitUntil) })
            .onConflict((conflict) =>
              conflict.column('account_key').doUpdateSet({ rate_wait_until: waitUntil === null ? null : iso(waitUntil) }),
            )
            .execute();
        if (chosen.length === 0) return { messages: [], waitUntil };
        if (input.limits.windows.length > 0) {
          await trx
            .insertInto('outbox_sends')
            .values(chosen.map((message) => ({ account_key: input.accountKey, at: iso(input.now), recipients: message.recipient_count })))
            .execute();
        }
        const messages = await trx
          .updateTable('outbox_messages')
          .set((eb) => ({
            status: 'sending',
            lease_until: iso(input.now + input.leaseMs),
            worker: input.holder,
            attempts: eb('attempts', '+', 1),
            wait_kind: null,
          }))
          .where(
            'id',
            'in',
            chosen.map((message) => message.id),
          )
          .returningAll()
          .execute();
        messages.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id.localeCompare(b.id));
        return { messages, waitUntil };
      });
    },

    /** Keep the claim of messages still being worked on. */
    async renew(ids: readonly string[], holder: string, until: number): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('outbox_messages')
        .set({ lease_until: iso(until) })
        .where('id', 'in', [...ids])
        .where('worker', '=', holder)
        .where('status', '=', 'sending')
        .execute();
    },

    /** The end of one attempt: sent, failed for good, queued for a retry, or handed back untried. */
    async settle(id: string, holder: string, outcome: Outcome): Promise<void> {
      const common = { lease_until: null, worker: null };
      const change =
        outcome.kind === 'sent'
          ? {
              ...common,
              status: 'sent' as const,
              sent_at: outcome.at,
              finished_at: outcome.at,
              content: null,
              last_reply: outcome.reply,
              failure_class: null,
            }
          : outcome.kind === 'failed'
            ? {
                ...common,
                status: 'failed' as const,
                finished_at: outcome.at,
                last_reply: outcome.reply,
                failure_class: outcome.failureClass,
              }
            : outcome.kind === 'retry'
              ? {
                  ...common,
                  status: 'queued' as const,
                  next_attempt_at: outcome.nextAt,
                  wait_kind: 'retry' as const,
                  last_reply: outcome.reply,
                  failure_class: outcome.failureClass,
                }
              : { ...common, status: 'queued' as const, account_key: outcome.accountKey, attempts: sql<number>`greatest(attempts - 1, 0)` };
      await db
        .updateTable('outbox_messages')
        .set(change)
        .where('id', '=', id)
        .where('worker', '=', holder)
        .where('status', '=', 'sending')
        .execute();
    },
  };
}
export type OutboxClaims = ReturnType<typeof createOutboxClaims>;

export type Outcome =
  | { kind: 'sent'; at: string; reply: string | null }
  | { kind: 'failed'; at: string; reply: string | null; failureClass: string | null }
  | { kind: 'retry'; nextAt: string; reply: string | null; failureClass: string | null }
  /** Not attempted: the user's configuration now goes through another account. */
  | { kind: 'moved'; accountKey: string };

async function recentSends(db: Db, accountKey: string, since: number): Promise<SentSlot[]> {
  const rows = await db
    .selectFrom('outbox_sends')
    .select(['at', 'recipients'])
    .where('account_key', '=', accountKey)
    .where('at', '>', iso(since))
    .execute();
  return rows.map((row) => ({ at: Date.parse(row.at), recipients: row.recipients }));
}
