import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { measureApi } from './api';
import { measureUsable } from './browser';
import { buildWeb, entryAssets } from './bundle';
import { analyseBundle } from './bundle-analysis';
import { startChild } from './child';
import { LOAD_SETTINGS } from './load';
import type { BaselineReady, BffReady } from './protocol';
import { fmt, formatTable } from './report';
import { buildRows, type Measured } from './rows';
import { measureSend } from './send';
import { signIn } from './session';

/**
 * `pnpm bench`: Saatja's performance budgets (issue 10). Every figure stands next to a baseline
 * measured in this same run on this same machine, because only ratios survive a noisy machine.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const started = performance.now();
const loadAtStart = loadavg()[0]!;
const step = (what: string) => console.log(`bench: ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`);

// Build before any server runs, so the build's CPU use does not land in a measurement.
step('building the web app');
buildWeb(ROOT);
const assets = entryAssets();
step('attributing the bundle to packages (source-map build in a temp folder)');
const contributions = analyseBundle(ROOT);

step('starting bare Express and the BFF, each in its own process');
const baseline = await startChild<BaselineReady>(new URL('./bare-express-process.ts', import.meta.url));
// Logging as in production (info: one line per request), written where nobody reads it.
const bff = await startChild<BffReady>(new URL('./bff-process.ts', import.meta.url), { env: { SAATJA_TEST_LOG_LEVEL: 'info' }, discardStdout: true });
let measured: Measured;
try {
  const jaan = await signIn(bff.ready.url, 'JAAN', 'jaan-demo-2026');
  const idle = { bff: await bff.memory(), baseline: await baseline.memory() };

  step(`API load: ${LOAD_SETTINGS.connections} connections, ${LOAD_SETTINGS.durationS} s per route after ${LOAD_SETTINGS.warmupS} s warm-up`);
  const api = await measureApi(bff, baseline, jaan);
  const afterLoad = { bff: await bff.memory(), baseline: await baseline.memory() };
  const afterCollection = { bff: await bff.memory(true), baseline: await baseline.memory(true) };

  step('send path: test mail through the BFF vs bare nodemailer');
  const send = [await measureSend(bff, 'relay'), await measureSend(bff, 'smtp')];

  step('front end: time to a usable page in headless Chromium');
  const session = { name: 'saatja_session', value: jaan.cookie.slice(jaan.cookie.indexOf('=') + 1) };
  const usable = await measureUsable([
    { name: 'hello', url: bff.ready.helloUrl },
    { name: 'signIn', url: `${bff.ready.url}/` },
    { name: 'card', url: `${bff.ready.url}/`, cookie: session },
  ]);
  const card = usable.get('card')!;
  const missing = card.assets.filter((asset) => !assets.some(({ file }) => `/${file}` === asset));
  if (missing.length > 0) throw new Error(`the card loaded assets the bundle measurement missed: ${missing.join(', ')}`);
  measured = { api, memory: { idle, afterLoad, afterCollection }, send, assets, contributions, usable: { hello: usable.get('hello')!, signIn: usable.get('signIn')!, card } };
} finally {
  await Promise.all([bff.stop(), baseline.stop()]);
}

const rows = buildRows(measured);
const seconds = (performance.now() - started) / 1000;
const loadAtEnd = loadavg()[0]!;
console.log(`\n${formatTable(rows)}\n`);
console.log(`Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadAtStart.toFixed(2)} → ${loadAtEnd.toFixed(2)}, ${seconds.toFixed(0)} s.`);
const missed = rows.filter(({ result }) => result === 'MISSED');
const met = rows.filter(({ result }) => result === 'met');
console.log(`Budgets: ${met.length} met, ${missed.length} missed${missed.length ? `: ${missed.map(({ measure }) => measure).join('; ')}` : ''}.`);
const { afterCollection: gc } = measured.memory;
console.log(`After the load and a forced full GC: BFF ${fmt.MB(gc.bff.rss)} resident, ${fmt.MB(gc.bff.heapUsed)} heap used; bare Express ${fmt.MB(gc.baseline.rss)}, ${fmt.MB(gc.baseline.heapUsed)}.`);
console.log('Both send times include smtp-server\'s fixed 100 ms wait before its greeting (early-talker check).');
console.log(`\nBiggest contributors to the card's JS (minified, gzip alone):`);
for (const { name, raw, gzip } of contributions.slice(0, 8)) console.log(`  ${name.padEnd(26)} ${fmt.kB(raw).padStart(9)} ${fmt.kB(gzip).padStart(9)}`);

const results = { date: new Date().toISOString(), node: process.version, cpus: availableParallelism(), loadAverage: { start: loadAtStart, end: loadAtEnd }, seconds, settings: LOAD_SETTINGS, rows, raw: measured };
writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench/results.json');
