import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { setUpTestDatabaseServer } from '../apps/bff/test/support/test-database';
import {
  createToken,
  JAAN_CARD,
  JAAN_SMTP_PASSWORD,
  jaanUsesOwnServer,
  batchOf,
  setLocalServerLimits,
} from '../apps/bff/test/support/outbox';
import { startInstances } from '../apps/bff/test/support/instances';
import { startTestStack } from '../apps/bff/test/support/stack';
import { createLocalTls, startSmtpServer, type LocalSmtpServer } from '../packages/local-servers/src/index';
import { startChild } from './child';
import { nodemailer } from './from-bff';
import type { BaselineReady } from './protocol';

/**
 * `pnpm bench:outbox` (also the end of `pnpm bench`): the outbox's throughput to a local SMTP server
 * against a bare nodemailer pool with the same connections to the same server, and the submit API's
 * latency at a fixed 200 requests a second against bare Express storing the same JSON. Baselines
 * in the same run, alternated, as everywhere in the bench.
 */
const MESSAGES = 1_000;
const CONNECTIONS = 2;
const RATE = 200;
const DURATION_S = 10;
/**
 * Throughput rounds, the bare pool and the outbox alternated. The first of each is not counted: a
 * server that has sent before runs compiled code, and the outbox's path (HTTP, PostgreSQL, the worker)
 * has far more of it to warm up than a bare pool; both sides get the same round.
 */
const WARM_UP_ROUNDS = 1;
/** A round is short (under a second): single rounds of either side spread by 10–15 %, so five are measured. */
const MEASURED_ROUNDS = 5;
/** Submit-latency rounds, Saatja and its baseline alternated; the median round (by Saatja's p99) is reported. */
const LATENCY_ROUNDS = 3;

const started = performance.now();
const loadAtStart = loadavg()[0]!;
const stopDatabase = await setUpTestDatabaseServer();
const tls = await createLocalTls();
const own = await startSmtpServer({ security: 'starttls', tls, users: { jaan: JAAN_SMTP_PASSWORD }, maxKeptMails: 10 * MESSAGES });
// The outbox as production runs it (DEFAULT_OUTBOX_SETTINGS: its claim size, its poll and lease).
const stack = await startTestStack({ tls, openPorts: [own.port] });
await jaanUsesOwnServer(stack.url, own);
await setLocalServerLimits(stack.url, { maxConnections: CONNECTIONS });
const token = (await createToken(stack.url)).token;

/** Until the server holds `count` mails: woken by each arrival, so the wait costs both sides nothing. */
async function untilReceived(server: LocalSmtpServer, count: number): Promise<void> {
  let held = 0;
  await server.waitForMail(() => (held += 1) >= count, 120_000);
}

/** The From the outbox writes for JAAN (his card's name and address): the bare pool sends the same mail. */
const JAAN_FROM = { name: JAAN_CARD.name, address: JAAN_CARD.email };

/** Messages a second of a bare nodemailer pool of CONNECTIONS sending MESSAGES, all queued at once. */
async function bare(): Promise<number> {
  own.clear();
  const pool = nodemailer.createTransport({
    host: 'localhost',
    port: own.port,
    secure: false,
    requireTLS: true,
    tls: { ca: tls.ca },
    auth: { user: 'jaan', pass: JAAN_SMTP_PASSWORD },
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Infinity,
  });
  const t0 = performance.now();
  await Promise.all(batchOf(MESSAGES).messages.map((message) => pool.sendMail({ from: JAAN_FROM, ...message })));
  await untilReceived(own, MESSAGES);
  pool.close();
  return MESSAGES / ((performance.now() - t0) / 1000);
}

/**
 * Messages a second through the outbox: from the batch's submission to the last one at the server.
 * Like the bare pool, it starts without a connection: the last round's senders keep theirs for a
 * moment after their last message (to share it with what comes next), so wait until they let go.
 */
async function outbox(): Promise<{ perSecond: number; submitMs: number }> {
  while ((await stack.bff.db.selectFrom('outbox_connections').select('slot').execute()).length > 0)
    await new Promise((resolve) => setTimeout(resolve, 50));
  own.clear();
  const t0 = performance.now();
  const answer = await fetch(`${stack.url}/api/v1/batches`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(batchOf(MESSAGES)),
  });
  if (answer.status !== 202) throw new Error(`batch refused: ${answer.status}`);
  const submitMs = performance.now() - t0;
  await untilReceived(own, MESSAGES);
  return { perSecond: MESSAGES / ((performance.now() - t0) / 1000), submitMs };
}

const throughput = { bare: [] as number[], outbox: [] as number[], submitMs: [] as number[] };
const warmUp = { bare: [] as number[], outbox: [] as number[] };
for (let round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round += 1) {
  const bareRate = await bare();
  const measured = await outbox();
  const into = round < WARM_UP_ROUNDS ? warmUp : throughput;
  into.bare.push(bareRate);
  into.outbox.push(measured.perSecond);
  if (into === throughput) throughput.submitMs.push(measured.submitMs);
}

interface Latency {
  rate: number;
  p50: number;
  p99: number;
}

async function fixedRate(url: string, headers: Record<string, string>, body: unknown): Promise<Latency> {
  const options = {
    url,
    method: 'POST' as const,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections: 20,
    overallRate: RATE,
  };
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rate: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99 };
}

const message = {
  user: 'JAAN',
  to: ['klient@example.ee'],
  subject: 'Arve 2026-001',
  text: 'Tere! Arve on manuses.',
  reference: 'INV-2026-001',
};
await stack.close();

// The submit API as deployed: the BFF (with its worker, which sends what arrives) in a process of its
// own, the user's SMTP server in another, the load from this one. The baseline: bare Express in its
// own process storing the same JSON with one INSERT into the same database before answering 202.
const sink = await startChild<{ kind: 'ready'; port: number }>(new URL('./smtp-sink-process.ts', import.meta.url), {
  env: { BENCH_SINK: JSON.stringify({ tls, users: { jaan: JAAN_SMTP_PASSWORD } }) },
});
const instances = await startInstances(1, { openPorts: [sink.ready.port], extraCas: [tls.ca] });
const bffUrl = instances.all[0]!.url;
await jaanUsesOwnServer(bffUrl, { port: sink.ready.port, security: 'starttls' });
await setLocalServerLimits(bffUrl, { maxConnections: CONNECTIONS });
const submitToken = (await createToken(bffUrl)).token;
const bareExpress = await startChild<BaselineReady>(new URL('./bare-express-process.mjs', import.meta.url), {
  plain: true,
  env: { BENCH_DATABASE_URL: instances.databaseUrl },
});
const latencyRounds: { saatja: Latency; baseline: Latency }[] = [];
for (let round = 0; round < LATENCY_ROUNDS; round += 1) {
  const baseline = await fixedRate(`${bareExpress.ready.url}/x`, {}, message);
  latencyRounds.push({
    baseline,
    saatja: await fixedRate(`${bffUrl}/api/v1/messages`, { authorization: `Bearer ${submitToken}` }, message),
  });
}
await bareExpress.stop();
await instances.close();
await sink.stop();
// The round whose Saatja p99 is the median one, with its baseline.
const { saatja: submitLatency, baseline: baselineLatency } = [...latencyRounds].sort((x, y) => x.saatja.p99 - y.saatja.p99)[
  Math.floor(LATENCY_ROUNDS / 2)
]!;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const outboxRate = median(throughput.outbox);
const bareRate = median(throughput.bare);
const fmt = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 0 });
const rows = [
  [
    `Outbox throughput, 1,000 messages, 2 connections (median of ${MEASURED_ROUNDS} rounds after ${WARM_UP_ROUNDS} warm-up)`,
    `${fmt(outboxRate)} msg/s`,
    `${fmt(bareRate)} msg/s bare nodemailer pool`,
    `${(outboxRate / bareRate).toFixed(2)}×`,
    '≥ 0.80×',
    outboxRate / bareRate >= 0.8 ? 'met' : 'MISSED',
  ],
  ['Batch of 1,000 submitted (POST /api/v1/batches, median)', `${fmt(median(throughput.submitMs))} ms`, '–', '–', '–', '–'],
  [
    `Submit p50 / p99 at ${RATE} req/s (${DURATION_S} s, median of ${LATENCY_ROUNDS} rounds)`,
    `${submitLatency.p50} ms / ${submitLatency.p99} ms (${fmt(submitLatency.rate)} req/s)`,
    `${baselineLatency.p50} ms / ${baselineLatency.p99} ms bare Express + one INSERT`,
    `${(submitLatency.p99 / Math.max(1, baselineLatency.p99)).toFixed(2)}× (p99)`,
    'p99 < 50 ms',
    submitLatency.p99 < 50 ? 'met' : 'MISSED',
  ],
];
console.log('\n| Measure | Saatja | Baseline (same run) | Ratio | Budget | Result |\n|---|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(
  `\nNode ${process.version}, load average ${loadAtStart.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}, ${((performance.now() - started) / 1000).toFixed(0)} s; rounds: outbox ${throughput.outbox.map(fmt).join(', ')} msg/s, bare ${throughput.bare.map(fmt).join(', ')} msg/s, each round's ratio ${throughput.outbox.map((rate, round) => `${(rate / throughput.bare[round]!).toFixed(2)}×`).join(', ')} (warm-up: outbox ${warmUp.outbox.map(fmt).join(', ')}, bare ${warmUp.bare.map(fmt).join(', ')}); submit p99 ${latencyRounds.map((r) => `${r.saatja.p99} (bare ${r.baseline.p99})`).join(', ')} ms.`,
);

await own.close();
await stopDatabase();
