import { longestWindowMs, nextSlot, type SendingLimits, type SentSlot } from '@saatja/core';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { OutboxMessagesTable } from '../db/schema';
import { sendLogInsert, type SendLogEntry } from '../mail/send-log';

/** What sending a claimed message needs: the claim reads no more (a claim is on every sender's path). */
const CLAIMED = [
  'id',
  'user_id',
  'account_key',
  'message_id',
  'subject',
  'to_addresses',
  'content',
  'attempts',
  'next_attempt_at',
  'deadline_at',
] as const satisfies readonly (keyof OutboxMessagesTable)[];
export type ClaimedMessage = Pick<Selectable<OutboxMessagesTable>, (typeof CLAIMED)[number]>;

const iso = (ms: number) => new Date(ms).toISOString();

/** Queued messages whose batch (if any) is active: the only ones a worker may take. */
function sendable(db: Db) {
  return db
    .selectFrom('outbox_messages as m')
    .leftJoin('outbox_batches as b', 'b.id', 'm.batch_id')
    .where('m.status', '=', 'queued')
    .where((eb) => eb.or([eb('m.batch_id', 'is', null), eb('b.status', '=', 'active')]));
}

interface ClaimInput {
  accountKey: string;
  limits: SendingLimits;
  max: number;
  holder: string;
  leaseMs: number;
  now: number;
}

/** The account's due messages, oldest first, locked for this claim (others' locks skipped). */
function dueOf(db: Db, input: ClaimInput) {
  return sendable(db)
    .where('m.account_key', '=', input.accountKey)
    .where('m.next_attempt_at', '<=', iso(input.now))
    .orderBy('m.next_attempt_at')
    .orderBy('m.id')
    .limit(input.max)
    .forUpdate('m')
    .skipLocked();
}

/** Claimed: `sending` under this holder's lease, one attempt more. */
function take(db: Db, input: ClaimInput) {
  return db.updateTable('outbox_messages').set((eb) => ({
    status: 'sending',
    lease_until: iso(input.now + input.leaseMs),
    worker: input.holder,
    attempts: eb('attempts', '+', 1),
    wait_kind: null,
  }));
}

const inOrder = (messages: ClaimedMessage[]) =>
  messages.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id.localeCompare(b.id));

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
     * rate limit stopped the claim. An account without rate windows has nothing to count: one
     * statement, SKIP LOCKED keeping two workers apart.
     */
    async claim(input: ClaimInput): Promise<{ messages: ClaimedMessage[]; waitUntil: number | null }> {
      if (input.limits.windows.length === 0) {
        const due = dueOf(db, input).select('m.id');
        return { messages: inOrder(await take(db, input).where('id', 'in', due).returning(CLAIMED).execute()), waitUntil: null };
      }
      return db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtextextended(${input.accountKey}, 0))`.execute(trx);
        const candidates = await dueOf(trx, input).select(['m.id', 'm.recipient_count']).execute();
        if (candidates.length === 0) return { messages: [] as ClaimedMessage[], waitUntil: null };
        const recent = await recentSends(trx, input.accountKey, input.now - longestWindowMs(input.limits));
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
        const rateWaitUntil = waitUntil === null ? null : iso(waitUntil);
        await trx
          .insertInto('outbox_accounts')
          .values({ account_key: input.accountKey, rate_wait_until: rateWaitUntil })
          .onConflict((conflict) => conflict.column('account_key').doUpdateSet({ rate_wait_until: rateWaitUntil }))
          .execute();
        if (chosen.length === 0) return { messages: [], waitUntil };
        await trx
          .insertInto('outbox_sends')
          .values(chosen.map((message) => ({ account_key: input.accountKey, at: iso(input.now), recipients: message.recipient_count })))
          .execute();
        const ids = chosen.map((message) => message.id);
        return { messages: inOrder(await take(trx, input).where('id', 'in', ids).returning(CLAIMED).execute()), waitUntil };
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

    /**
     * The ends of attempts and their send-log entries, in one statement: each message sent, failed for
     * good, queued for a retry, or handed back untried (`moved`). Only messages this holder still has
     * are changed; the entries are stored either way (the attempts were made).
     */
    async settleMany(
      holder: string,
      settled: readonly { id: string; outcome: Outcome }[],
      entries: readonly SendLogEntry[] = [],
    ): Promise<void> {
      if (settled.length === 0) return;
      const rows = settled.map(({ id, outcome }) => ({
        id,
        kind: outcome.kind,
        at: outcome.kind === 'sent' || outcome.kind === 'failed' ? outcome.at : null,
        next_at: outcome.kind === 'retry' ? outcome.nextAt : null,
        reply: outcome.kind === 'moved' ? null : outcome.reply,
        failure_class: outcome.kind === 'failed' || outcome.kind === 'retry' ? outcome.failureClass : null,
        account_key: outcome.kind === 'moved' ? outcome.accountKey : null,
      }));
      const logged = entries.length > 0 ? sql`with logged as (${sendLogInsert(entries)}) ` : sql``;
      await sql`${logged}
        update outbox_messages m set
          status = case v.kind when 'sent' then 'sent' when 'failed' then 'failed' else 'queued' end,
          lease_until = null,
          worker = null,
          sent_at = case v.kind when 'sent' then v.at else m.sent_at end,
          finished_at = case when v.kind in ('sent', 'failed') then v.at else m.finished_at end,
          content = case v.kind when 'sent' then null else m.content end,
          last_reply = case v.kind when 'moved' then m.last_reply else v.reply end,
          failure_class = case v.kind when 'moved' then m.failure_class else v.failure_class end,
          next_attempt_at = case v.kind when 'retry' then v.next_at else m.next_attempt_at end,
          wait_kind = case v.kind when 'retry' then 'retry' else m.wait_kind end,
          account_key = case v.kind when 'moved' then v.account_key else m.account_key end,
          attempts = case v.kind when 'moved' then greatest(m.attempts - 1, 0) else m.attempts end
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as v(id text, kind text, at timestamptz, next_at timestamptz, reply text, failure_class text, account_key text)
        where m.id = v.id and m.worker = ${holder} and m.status = 'sending'`.execute(db);
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
