import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PublicBatch } from '@saatja/core';
import { createLocalTls, startSmtpServer } from '@saatja/local-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { startBff } from '../src/bootstrap';
import { createLogger } from '../src/logger';
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
  setLocalServerLimits,
} from './support/outbox';
import { printFigure } from './support/figures';
import { startTestStack, type TestStack } from './support/stack';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(limits: { perSecond: number | null; maxConnections: number | null }, maxSenders = FAST_OUTBOX.maxSenders) {
  const tls = await createLocalTls();
  const own = await startSmtpServer({ security: 'starttls', tls, users: { jaan: JAAN_SMTP_PASSWORD }, maxKeptMails: 5_000 });
  cleanups.push(() => own.close());
  const stack = await startTestStack({ tls, openPorts: [own.port], outbox: { ...FAST_OUTBOX, ...(maxSenders ? { maxSenders } : {}) } });
  cleanups.push(() => stack.close());
  await jaanUsesOwnServer(stack.url, own);
  await setLocalServerLimits(stack.url, limits);
  const api = sendApi(stack.url, (await createToken(stack.url)).token);
  return { own, stack, api };
}

/** More instances on the same database, in this process: each its own pool, listener and worker. */
async function moreInstances(stack: TestStack, count: number) {
  for (let i = 0; i < count; i += 1) {
    const bff = await startBff({ ...stack.config, port: 0, inboundPort: 0 }, createLogger('silent'));
    cleanups.push(() => bff.close());
  }
}

const finished = (api: ReturnType<typeof sendApi>, id: string, timeoutMs: number) =>
  eventually(
    async () => (await api('GET', `/batches/${id}`)).json as unknown as PublicBatch,
    (batch) => batch.counts.queued + batch.counts.sending === 0,
    timeoutMs,
  );

async function submit(api: ReturnType<typeof sendApi>, count: number): Promise<PublicBatch> {
  const answer = await api('POST', '/batches', batchOf(count));
  expect(answer.status).toBe(202);
  return answer.json as unknown as PublicBatch;
}

describe('the outbox across instances', () => {
  it(
    'when a worker instance is killed with SIGKILL mid-batch, then no message is lost and duplicates are at most those it had in flight',
    { timeout: 120_000 },
    async () => {
      // One sender per instance, so that the killed instance holds one of the two connection slots.
      const { own, stack, api } = await setUp({ perSecond: null, maxConnections: 2 }, 1);
      const dir = mkdtempSync(path.join(tmpdir(), 'saatja-child-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const configFile = path.join(dir, 'config.json');
      writeFileSync(configFile, JSON.stringify({ ...stack.config, port: 0, inboundPort: 0 }));
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support/outbox-child.ts'), configFile], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      cleanups.push(() => void child.kill('SIGKILL'));
      const childWorker = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const match = /ready (\S+)/.exec(chunk.toString());
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
      });
      const count = 600;
      const batch = await submit(api, count);

      const db = stack.bff.db;
      await eventually(
        () =>
          db
            .selectFrom('outbox_messages')
            .select('id')
            .where('worker', 'like', `${childWorker}/%`)
            .where('status', '=', 'sending')
            .execute(),
        (rows) => rows.length > 0 && own.received().length > count / 5,
        60_000,
      );
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const inFlight = (
        await db
          .selectFrom('outbox_messages')
          .select('id')
          .where('worker', 'like', `${childWorker}/%`)
          .where('status', '=', 'sending')
          .execute()
      ).length;
      const done = await finished(api, batch.id, 90_000);

      const ids = await batchMessageIds(db, batch.id);
      const counts = arrivals(own);
      const lost = ids.filter((id) => !counts.has(id)).length;
      const duplicates = ids.reduce((sum, id) => sum + Math.max(0, (counts.get(id) ?? 0) - 1), 0);
      printFigure(`SIGKILL mid-batch: ${inFlight} in flight at the kill, ${lost} lost, ${duplicates} duplicate(s) of ${count}`);
      expect(done.counts.sent).toBe(count);
      expect(lost).toBe(0);
      expect(duplicates).toBeLessThanOrEqual(inFlight);
    },
  );

  it(
    'when an account is limited to N a second, then three instances together send N a second (±10 %) over 30 s',
    { timeout: 120_000 },
    async () => {
      const perSecond = 10;
      const { own, stack, api } = await setUp({ perSecond, maxConnections: 3 });
      await moreInstances(stack, 2);
      const count = perSecond * 36;
      const batch = await submit(api, count);

      await finished(api, batch.id, 90_000);

      const times = own
        .received()
        .map((mail) => Date.parse(mail.receivedAt))
        .sort((a, b) => a - b);
      const start = times[0]!;
      const inWindow = times.filter((at) => at >= start + 1_000 && at < start + 31_000).length;
      let busiestSecond = 0;
      for (let i = 0, j = 0; i < times.length; i += 1) {
        while (times[i]! - times[j]! >= 1_000) j += 1;
        busiestSecond = Math.max(busiestSecond, i - j + 1);
      }
      printFigure(
        `rate limit ${perSecond}/s across 3 instances: ${inWindow} in 30 s (expected ${perSecond * 30}), busiest second ${busiestSecond}`,
      );
      expect(inWindow).toBeGreaterThanOrEqual(perSecond * 30 * 0.9);
      expect(inWindow).toBeLessThanOrEqual(perSecond * 30 * 1.1);
    },
  );

  it(
    'when an account’s connection cap is 2, then three instances never hold more than 2 connections, counted by the server',
    { timeout: 120_000 },
    async () => {
      const { own, stack, api } = await setUp({ perSecond: null, maxConnections: 2 });
      await moreInstances(stack, 2);
      const count = 400;
      const batch = await submit(api, count);

      const done = await finished(api, batch.id, 90_000);

      const connections = own.connections();
      printFigure(`connection cap 2 across 3 instances: peak ${connections.peak} open, ${connections.total} opened in all`);
      expect(done.counts.sent).toBe(count);
      expect(connections.peak).toBeLessThanOrEqual(2);
      expect(new Set((await batchMessageIds(stack.bff.db, batch.id)).filter((id) => arrivals(own).get(id) === 1)).size).toBe(count);
    },
  );
});
