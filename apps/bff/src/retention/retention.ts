import { EXPIRED_SIGN_IN_KEPT_MS, finishedStatuses, LONGEST_RATE_WINDOW_MS } from '@saatja/core';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { SESSION_IDLE_MS } from '../auth/session-store';
import type { RetentionDays } from '../config';
import type { Db } from '../db/database';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows deleted per statement, so a first purge of a large table never holds long locks. */
const BATCH = 5_000;
const finished = finishedStatuses.map((status) => sql.lit(status));
/** The advisory lock only one instance holds while it purges (an arbitrary, fixed number). */
export const PURGE_LOCK = 7_310_519_402;

export interface PurgeCounts {
  sessions: number;
  m365AuthStates: number;
  rateLimits: number;
  sendLog: number;
  events: number;
  inboundMessages: number;
  rawMailCleared: number;
  outboxMessages: number;
  outboxBatches: number;
  outboxSends: number;
}

/**
 * Remove what is past its retention (SPEC §9): expired sessions, rate-limit windows and sign-ins (an
 * hour after they expired, while a late callback is still told so),
 * send-log entries and events (with the messages they came from) older than their period, raw
 * inbound mail sooner, and the outbox's finished messages, emptied batches and sends no rate window
 * counts any more (SPEC §10; a message's attempts are send-log entries and keep that period). Queued
 * and in-flight messages are never touched. One instance at a time: null when another holds the
 * lock. The audit log stays.
 */
export async function purgeExpired(db: Db, days: RetentionDays, now: Date): Promise<PurgeCounts | null> {
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${PURGE_LOCK}) as locked`.execute(conn);
    if (!rows[0]?.locked) return null;
    try {
      const before = (periodDays: number) => new Date(now.getTime() - periodDays * DAY_MS).toISOString();
      const at = now.toISOString();
      const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
      const signInsExpiredBefore = new Date(now.getTime() - EXPIRED_SIGN_IN_KEPT_MS).toISOString();
      return {
        sessions: await inBatches((limit) =>
          sql`delete from sessions where id_hash in (select id_hash from sessions where expires_at <= ${at} or last_seen_at <= ${idleSince} limit ${limit})`.execute(
            conn,
          ),
        ),
        m365AuthStates: await inBatches((limit) =>
          sql`delete from m365_auth_states where state_hash in (select state_hash from m365_auth_states where expires_at < ${signInsExpiredBefore} limit ${limit})`.execute(
            conn,
          ),
        ),
        rateLimits: await inBatches((limit) =>
          sql`delete from rate_limits where key in (select key from rate_limits where window_ends_at <= now() limit ${limit})`.execute(
            conn,
          ),
        ),
        sendLog: await inBatches((limit) =>
          sql`delete from send_log where id in (select id from send_log where at < ${before(days.sendLog)} limit ${limit})`.execute(conn),
        ),
        events: await inBatches((limit) =>
          sql`delete from events where id in (select id from events where received_at < ${before(days.events)} limit ${limit})`.execute(
            conn,
          ),
        ),
        inboundMessages: await inBatches((limit) =>
          sql`delete from inbound_messages where id in (select id from inbound_messages where received_at < ${before(days.events)} limit ${limit})`.execute(
            conn,
          ),
        ),
        rawMailCleared: await inBatches((limit) =>
          sql`update inbound_messages set raw = null where id in (select id from inbound_messages where raw is not null and received_at < ${before(days.rawMail)} limit ${limit})`.execute(
            conn,
          ),
        ),
        // The status is checked again by the delete itself: a message sent again meanwhile stays.
        outboxMessages: await inBatches((limit) =>
          sql`delete from outbox_messages where id in (select id from outbox_messages where status in (${sql.join(finished)}) and finished_at < ${before(days.outbox)} limit ${limit}) and status in (${sql.join(finished)})`.execute(
            conn,
          ),
        ),
        // Only batches none of whose messages is left (deleting a batch would delete its messages).
        outboxBatches: await inBatches((limit) =>
          sql`delete from outbox_batches where id in (select b.id from outbox_batches b where b.created_at < ${before(days.outbox)} and not exists (select 1 from outbox_messages m where m.batch_id = b.id) limit ${limit})`.execute(
            conn,
          ),
        ),
        outboxSends: await inBatches((limit) =>
          sql`delete from outbox_sends where ctid in (select ctid from outbox_sends where at < ${new Date(now.getTime() - LONGEST_RATE_WINDOW_MS).toISOString()} limit ${limit})`.execute(
            conn,
          ),
        ),
      };
    } finally {
      await sql`select pg_advisory_unlock(${PURGE_LOCK})`.execute(conn);
    }
  });
}

async function inBatches(run: (limit: number) => Promise<{ numAffectedRows?: bigint }>): Promise<number> {
  let total = 0;
  for (;;) {
    const affected = Number((await run(BATCH)).numAffectedRows ?? 0n);
    total += affected;
    if (affected < BATCH) return total;
  }
}

/** How often each instance tries to purge, ms; whichever gets the lock does the work. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** The hourly purge of every instance; the first a few minutes after start, so restarts do not pile up. */
export function scheduleRetention(deps: { db: Db; days: RetentionDays; logger: Logger; now: () => Date }): { stop(): void } {
  const run = async () => {
    try {
      const counts = await purgeExpired(deps.db, deps.days, deps.now());
      if (counts) deps.logger.info({ purged: counts }, 'retention purge done');
    } catch (error) {
      deps.logger.warn({ err: error }, 'retention purge failed; it runs again later');
    }
  };
  const first = setTimeout(() => void run(), (1 + Math.random() * 4) * 60_000);
  const every = setInterval(() => void run(), PURGE_INTERVAL_MS);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
