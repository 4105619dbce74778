import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS } from '../src/auth/session-store';
import type { MessageStatus } from '@saatja/core';
import type { Db } from '../src/db/database';
import { purgeExpired, PURGE_LOCK } from '../src/retention/retention';
import { openTestDatabase } from './support/test-database';

const NOW = new Date('2026-11-29T12:00:00Z');
const DAYS = { sendLog: 90, events: 60, rawMail: 7, outbox: 30 };
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;

beforeEach(async () => {
  database = await openTestDatabase();
  db = database.db;
  await db.insertInto('users').values({ code: 'A', name: 'A', email: 'a@x.ee', role: 'user', password_hash: 'x' }).execute();
});

afterEach(async () => {
  await database.close();
});

async function session(id: string, lastSeen: string, expires: string) {
  await db
    .insertInto('sessions')
    .values({ id_hash: id, user_id: 1, created_at: daysAgo(8), last_seen_at: lastSeen, expires_at: expires })
    .execute();
}

/** A Microsoft 365 sign-in begun by user 1, expiring `minutes` after NOW (negative: already expired). */
async function signIn(state: string, minutes: number) {
  const expires = new Date(NOW.getTime() + minutes * 60_000).toISOString();
  const row = { session_hash: 's', actor_user_id: 1, user_id: 1, mailbox: 'a@x.ee', code_verifier: 'v', nonce: 'n', return_path: '/' };
  await db
    .insertInto('m365_auth_states')
    .values({ ...row, state_hash: state, expires_at: expires })
    .execute();
}

async function sendLog(at: string) {
  const row = {
    user_id: 1,
    at,
    kind: 'test',
    transport: 'relay',
    recipient: 'a@x.ee',
    result: 'sent' as const,
    server_reply: null,
    error_code: null,
    duration_ms: 5,
    message_id: `<${at}@x>`,
  };
  return (await db.insertInto('send_log').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

async function inbound(receivedAt: string) {
  const raw = Buffer.from(`message of ${receivedAt}`);
  const { id } = await db
    .insertInto('inbound_messages')
    .values({
      received_at: receivedAt,
      envelope_from: '',
      envelope_to: 'x',
      size_bytes: raw.length,
      raw,
      content_sha256: createHash('sha256').update(raw).digest(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('events').values({ received_at: receivedAt, inbound_message_id: id, kind: 'bounce' }).execute();
  return id;
}

let sequence = 0;
/** An outbox message as the worker leaves it: `finishedAt` only once sent, failed or cancelled. */
async function outboxMessage(status: MessageStatus, finishedAt: string | null, batchId: string | null = null) {
  sequence += 1;
  const id = `m${sequence}-${status}`;
  await db
    .insertInto('outbox_messages')
    .values({
      id,
      user_id: 1,
      batch_id: batchId,
      message_id: `<${id}@x>`,
      account_key: 'relay',
      status,
      subject: 'Arve',
      to_addresses: ['klient@example.ee'],
      recipient_count: 1,
      // Submitted long ago: age alone never purges a message.
      next_attempt_at: daysAgo(40),
      deadline_at: daysAgo(38),
      lease_until: status === 'sending' ? daysAgo(-0.01) : null,
      worker: status === 'sending' ? 'instance-1' : null,
      created_at: daysAgo(45),
      sent_at: status === 'sent' ? finishedAt : null,
      finished_at: finishedAt,
    })
    .execute();
  return id;
}

async function batch(id: string, createdAt: string) {
  await db.insertInto('outbox_batches').values({ id, user_id: 1, status: 'active', total: 2, created_at: createdAt }).execute();
}

describe('retention', () => {
  it('when records pass their periods, then the purge removes exactly those and keeps the rest', async () => {
    await session('fresh', daysAgo(0), daysAgo(-5));
    await session('idle', new Date(NOW.getTime() - SESSION_IDLE_MS - 1000).toISOString(), daysAgo(-5));
    await session('expired', daysAgo(0), daysAgo(0.01));
    await signIn('running', 5);
    await signIn('expired-lately', -30);
    await signIn('expired-long-ago', -61);
    const keptLog = await sendLog(daysAgo(89));
    await sendLog(daysAgo(91));
    const recent = await inbound(daysAgo(1));
    const rawGone = await inbound(daysAgo(8));
    await inbound(daysAgo(61));
    await db
      .insertInto('rate_limits')
      .values([
        { key: 'old', hits: 3, window_ends_at: sql<string>`now() - interval '1 second'` },
        { key: 'current', hits: 3, window_ends_at: sql<string>`now() + interval '1 minute'` },
      ])
      .execute();

    const counts = await purgeExpired(db, DAYS, NOW);

    expect(counts).toEqual({
      sessions: 2,
      m365AuthStates: 1,
      rateLimits: 1,
      sendLog: 1,
      events: 1,
      inboundMessages: 1,
      rawMailCleared: 1,
      outboxMessages: 0,
      outboxBatches: 0,
      outboxSends: 0,
    });
    expect(await db.selectFrom('sessions').select('id_hash').execute()).toEqual([{ id_hash: 'fresh' }]);
    // Expired sign-ins stay an hour, so a late callback is told "expired" (m365-auth-service).
    const signIns = await db.selectFrom('m365_auth_states').select('state_hash').orderBy('state_hash').execute();
    expect(signIns).toEqual([{ state_hash: 'expired-lately' }, { state_hash: 'running' }]);
    expect(await db.selectFrom('send_log').select('id').execute()).toEqual([{ id: keptLog }]);
    const messages = await db.selectFrom('inbound_messages').select(['id', 'raw']).orderBy('id').execute();
    expect(messages).toEqual([
      { id: recent, raw: expect.any(Buffer) },
      { id: rawGone, raw: null },
    ]);
    expect(await db.selectFrom('events').select('inbound_message_id').orderBy('inbound_message_id').execute()).toEqual([
      { inbound_message_id: recent },
      { inbound_message_id: rawGone },
    ]);
    expect(await db.selectFrom('rate_limits').select('key').execute()).toEqual([{ key: 'current' }]);
  });

  it('when outbox messages finished before the outbox period, then they and their emptied batches go; queued and in-flight ones never do', async () => {
    await batch('done', daysAgo(45));
    await batch('still-sending', daysAgo(45));
    await batch('recent', daysAgo(45));
    const gone = [
      await outboxMessage('sent', daysAgo(31), 'done'),
      await outboxMessage('failed', daysAgo(31), 'done'),
      await outboxMessage('cancelled', daysAgo(40)),
      await outboxMessage('sent', daysAgo(35), 'still-sending'),
    ];
    const kept = [
      await outboxMessage('queued', null, 'still-sending'),
      await outboxMessage('sending', null, 'still-sending'),
      await outboxMessage('queued', null),
      await outboxMessage('sending', null),
      await outboxMessage('sent', daysAgo(29), 'recent'),
      await outboxMessage('failed', daysAgo(1)),
    ];
    const sends = (agoHours: number[]) =>
      agoHours.map((hours) => ({ account_key: 'relay', at: new Date(NOW.getTime() - hours * 3_600_000).toISOString(), recipients: 1 }));
    await db
      .insertInto('outbox_sends')
      .values(sends([1, 23, 25, 48]))
      .execute();

    const counts = await purgeExpired(db, DAYS, NOW);

    expect(counts).toMatchObject({ outboxMessages: gone.length, outboxBatches: 1, outboxSends: 2 });
    const left = await db.selectFrom('outbox_messages').select('id').orderBy('id').execute();
    expect(left.map((row) => row.id).sort()).toEqual([...kept].sort());
    expect((await db.selectFrom('outbox_batches').select('id').orderBy('id').execute()).map((row) => row.id)).toEqual([
      'recent',
      'still-sending',
    ]);
    // A day is the longest rate window: sends within it still count against the account's limits.
    expect(await db.selectFrom('outbox_sends').select('at').orderBy('at').execute()).toEqual(sends([23, 1]).map(({ at }) => ({ at })));
    expect(await purgeExpired(db, DAYS, NOW)).toMatchObject({ outboxMessages: 0, outboxBatches: 0, outboxSends: 0 });
  });

  it('when another instance is purging, then this one leaves the work to it', async () => {
    await session('expired', daysAgo(0), daysAgo(0.01));
    const whileHeld = await db.connection().execute(async (other) => {
      await sql`select pg_advisory_lock(${PURGE_LOCK})`.execute(other);
      try {
        return await purgeExpired(db, DAYS, NOW);
      } finally {
        await sql`select pg_advisory_unlock(${PURGE_LOCK})`.execute(other);
      }
    });

    expect(whileHeld).toBeNull();
    expect(await db.selectFrom('sessions').select('id_hash').execute()).toHaveLength(1);
    expect((await purgeExpired(db, DAYS, NOW))?.sessions).toBe(1);
  });
});
