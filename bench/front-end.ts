import { loadavg } from 'node:os';
import path from 'node:path';
import { setUpTestDatabaseServer } from '../apps/bff/test/support/test-database';
import { measureCardLoads } from './browser';
import { buildProduction, entryAssets } from './bundle';
import { analyseBundle } from './bundle-analysis';
import { startBuiltBff } from './built-bff';
import { fmt, formatTable } from './report';
import { frontEndRows } from './rows';
import { signIn } from './session';

/**
 * `npm run bench:front-end`: only the front-end rows of `npm run bench` (the card's JS, the cold
 * loads against a static page), in about a minute, for measuring a front-end change before and after.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const loadAtStart = loadavg()[0]!;
const BUNDLE = path.join(ROOT, 'dist/production');
buildProduction(ROOT, BUNDLE);
const assets = entryAssets();
const contributions = analyseBundle(ROOT);
const stopDatabaseServer = await setUpTestDatabaseServer();
const built = await startBuiltBff(BUNDLE);
try {
  const jaan = await signIn(built.child.ready.url, 'JAAN', 'jaan-demo-2026');
  const usable = await measureCardLoads(built.child.ready, jaan, assets);
  console.log(`\n${formatTable(frontEndRows({ assets, contributions, usable }))}\n`);
  console.log('Where the time goes (ms after navigation start, medians): HTML, scripts and styles, start-up reads, usable');
  for (const [name, { phases, runs }] of Object.entries(usable)) {
    const { html, assets: scripts, reads, usable: at } = phases;
    const cells = [html, scripts, reads, at].map((ms) => ms.toFixed(0).padStart(5)).join(' ');
    console.log(`  ${name.padEnd(7)} ${cells}   runs: ${runs.map((ms) => ms.toFixed(0)).join(' ')}`);
  }
  console.log(`Load average ${loadAtStart.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}.\n\nThe card's first-visit assets (raw, gzip):`);
  for (const { file, raw, gzip } of assets) console.log(`  ${file.padEnd(44)} ${fmt.kB(raw).padStart(9)} ${fmt.kB(gzip).padStart(9)}`);
  console.log('By package (minified, gzip alone):');
  for (const { name, raw, gzip } of contributions)
    console.log(`  ${name.padEnd(44)} ${fmt.kB(raw).padStart(9)} ${fmt.kB(gzip).padStart(9)}`);
} finally {
  await built.close();
  await stopDatabaseServer();
}
