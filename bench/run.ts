import { loadavg } from 'node:os';
import path from 'node:path';
import { setUpTestDatabaseServer } from '../apps/bff/test/support/test-database';
import { measureApi, measureOnInstances, startBareExpress } from './api';
import { measureCardLoads } from './browser';
import { buildProduction, entryAssets } from './bundle';
import { startBuiltBff } from './built-bff';
import { measureDeliverability, printDeliverability } from './deliverability';
import { analyseBundle } from './bundle-analysis';
import { startChild } from './child';
import { LOAD_SETTINGS } from './load';
import type { BffReady } from './protocol';
import { buildRows, type Measured } from './rows';
import { measureSend } from './send';
import { signIn } from './session';
import { printSummary, writeResults } from './summary';

/**
 * `npm run bench`: Saatja's performance budgets. Every figure stands next to a baseline
 * measured in this same run on this same machine, because only ratios survive a noisy machine.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
/** BFF instances in the scaling measurement: 1 and 3 side by side. */
const SCALE_TO = 3;
const started = performance.now();
const loadAtStart = loadavg()[0]!;
const step = (what: string) => console.log(`bench: ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`);

// Build before any server runs, so the build's CPU use does not land in a measurement.
step('building the production bundle (scripts/build-production.sh, with the web app)');
const BUNDLE = path.join(ROOT, 'dist/production');
buildProduction(ROOT, BUNDLE);
const assets = entryAssets();
step('attributing the bundle to packages (source-map build in a temp folder)');
const contributions = analyseBundle(ROOT);

step('starting PostgreSQL (one server; each BFF gets a database of its own)');
const stopDatabaseServer = await setUpTestDatabaseServer();
step(
  "starting the built BFF (production bundle, plain node) and bare Express (querying its database), each in its own process; timing the bundle's start-up",
);
const built = await startBuiltBff(BUNDLE);
const bff = built.child;
const baseline = await startBareExpress(built.databaseUrl);
let measured: Measured;
try {
  const jaan = await signIn(bff.ready.url, 'JAAN', 'jaan-demo-2026');
  const idle = { bff: await bff.memory(), baseline: await baseline.memory() };

  step(
    `API load: ${LOAD_SETTINGS.connections} connections, ${LOAD_SETTINGS.durationS} s per route after ${LOAD_SETTINGS.warmupS} s warm-up`,
  );
  const api = await measureApi(bff, baseline, jaan);
  const afterLoad = { bff: await bff.memory(), baseline: await baseline.memory() };
  const afterCollection = { bff: await bff.memory(true), baseline: await baseline.memory(true) };

  step(`GET /api/card on ${SCALE_TO} instances of one database, against ${SCALE_TO} bare Express processes`);
  const scaling = await measureOnInstances(built, baseline, jaan, SCALE_TO);

  step('send path: test mail through the BFF vs bare nodemailer');
  const send = [await measureSend(bff, 'relay'), await measureSend(bff, 'smtp')];

  step('front end: time to a usable page in headless Chromium');
  const usable = await measureCardLoads(bff.ready, jaan, assets);
  measured = {
    api,
    scaling,
    memory: { idle, afterLoad, afterCollection },
    startupMs: built.startupMs,
    send,
    assets,
    contributions,
    usable,
  };
} finally {
  await Promise.all([built.close(), baseline.stop()]);
}

// A second BFF with the identity emulator beside it (from source: the emulator and the local M365
// SMTP server are dev-only), started only now so that their memory and CPU never count above.
step('send path: Microsoft 365 (identity emulator, XOAUTH2)');
// Logging as in production (info), written where nobody reads it.
const m365 = await startChild<BffReady>(new URL('./bff-process.ts', import.meta.url), {
  args: ['m365'],
  env: { SAATJA_TEST_LOG_LEVEL: 'info' },
  discardStdout: true,
});
try {
  measured.send.push(await measureSend(m365, 'm365'));
} finally {
  await m365.stop();
  await stopDatabaseServer();
}

step('deliverability advice against a local DNS server');
const deliverability = await measureDeliverability();

const rows = buildRows(measured);
const run = { seconds: (performance.now() - started) / 1000, loadAverage: { start: loadAtStart, end: loadavg()[0]! } };
printSummary(rows, measured, run);
printDeliverability(deliverability);
writeResults(path.join(ROOT, 'bench/results.json'), rows, measured, run);
console.log('\nWrote bench/results.json');
