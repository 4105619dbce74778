import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PublicBatch } from '@saatja/core';
import { createLocalTls, startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../src/db/connect';
import { openDatabase } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { migrateToLatest } from '../src/db/migrations';
import { freePort } from '../src/network/free-port';
import {
  arrivals,
  batchMessageIds,
  batchOf,
  createToken,
  eventually,
  FAST_OUTBOX,
  JAAN_SMTP_PASSWORD,
  jaanUsesOwnServer,
  sendApi,
} from './support/outbox';
import { printFigure } from './support/figures';
import { startTestStack, type TestStack } from './support/stack';

/** The figures: a 1,000-message batch, the server away for 30 s in the middle of it. */
const BATCH = 1_000;
const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 30_000);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function ownServer(): Promise<{ own: LocalSmtpServer; tls: Awaited<ReturnType<typeof createLocalTls>> }> {
  const tls = await createLocalTls();
  const own = await startSmtpServer({ security: 'starttls', tls, users: { jaan: JAAN_SMTP_PASSWORD }, maxKeptMails: 10 * BATCH });
  cleanups.push(() => own.close());
  return { own, tls };
}

async function submitBatch(stack: TestStack, count: number): Promise<{ api: ReturnType<typeof sendApi>; batch: PublicBatch }> {
  const api = sendApi(stack.url, (await createToken(stack.url)).token);
  const answer = await api('POST', '/batches', batchOf(count));
  expect(answer.status).toBe(202);
  return { api, batch: answer.json as unknown as PublicBatch };
}

const finished = (api: ReturnType<typeof sendApi>, id: string, timeoutMs: number) =>
  eventually(
    async () => (await api('GET', `/batches/${id}`)).json as unknown as PublicBatch,
    (batch) => batch.counts.queued + batch.counts.sending === 0,
    timeoutMs,
  );

describe('outbox faults', () => {
  it(
    'when the server refuses connections for 30 s in the middle of a 1,000-message batch, then all are delivered, each Message-ID exactly once',
    { timeout: 240_000 },
    async () => {
      const { own, tls } = await ownServer();
      const stack = await startTestStack({ tls, openPorts: [own.port], outbox: FAST_OUTBOX });
      cleanups.push(() => stack.close());
      await jaanUsesOwnServer(stack.url, own);
      const { api, batch } = await submitBatch(stack, BATCH);

      await eventually(
        async () => own.received().length,
        (n) => n >= BATCH / 3,
        120_000,
      );
      await own.refuseConnections();
      // Mails whose data had arrived before the cut are still being parsed by the server.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const atOutage = own.received().length;
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - 1_000));
      expect(own.received().length).toBe(atOutage);
      await own.acceptConnections();
      const done = await finished(api, batch.id, 180_000);

      const ids = await batchMessageIds(stack.bff.db, batch.id);
      const counts = arrivals(own);
      const failures = await stack.bff.db
        .selectFrom('send_log')
        .select(['error_code', 'failure_class', (eb) => eb.fn.countAll<number>().as('n')])
        .where('result', '=', 'failed')
        .groupBy(['error_code', 'failure_class'])
        .execute();
      printFigure(`failed attempts: ${JSON.stringify(failures)}`);
      printFigure(`outage: ${atOutage} delivered before, ${BATCH - atOutage} after; ${own.connections().total} connections`);
      expect(done.counts).toMatchObject({ sent: BATCH, failed: 0 });
      const notOnce = ids.filter((id) => counts.get(id) !== 1);
      // When it fails: each such message's attempts say how it came to arrive twice (or not at all).
      const attempts = notOnce.length
        ? await stack.bff.db
            .selectFrom('send_log')
            .select(['message_id', 'at', 'result', 'error_code', 'failure_class', 'duration_ms'])
            .where('message_id', 'in', notOnce)
            .orderBy('id')
            .execute()
        : [];
      expect({ notOnce, attempts }).toEqual({ notOnce: [], attempts: [] });
      expect(own.received()).toHaveLength(BATCH);
    },
  );

  it(
    'when the database restarts in the middle of a batch, then the workers recover without a restart and deliver all',
    { timeout: 180_000 },
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'saatja-restart-pg-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const port = await freePort();
      const cluster = { dir: path.join(dir, 'cluster'), throwaway: true, port };
      let server = await startEmbeddedPostgres(cluster);
      cleanups.push(() => server.stop('fast'));
      const url = await ensureDatabase(server.url, 'saatja');
      const migrating = openDatabase(url, { maxConnections: 1 });
      await migrateToLatest(migrating);
      await migrating.destroy();
      const { own, tls } = await ownServer();
      const stack = await startTestStack({ tls, openPorts: [own.port], outbox: FAST_OUTBOX, database: { url, drop: async () => {} } });
      cleanups.push(() => stack.close());
      await jaanUsesOwnServer(stack.url, own);
      const count = 300;
      const { api, batch } = await submitBatch(stack, count);

      await eventually(
        async () => own.received().length,
        (n) => n >= count / 4,
        60_000,
      );
      await server.stop('fast');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      server = await startEmbeddedPostgres(cluster);
      const done = await finished(api, batch.id, 120_000);

      const ids = await batchMessageIds(stack.bff.db, batch.id);
      const counts = arrivals(own);
      const duplicates = ids.filter((id) => (counts.get(id) ?? 0) > 1).length;
      printFigure(`database restart: ${duplicates} duplicate(s) of ${count}`);
      expect(done.counts).toMatchObject({ sent: count, failed: 0 });
      expect(ids.filter((id) => !counts.has(id))).toEqual([]);
    },
  );
});
