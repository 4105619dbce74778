import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { setUpTestDatabaseServer } from '../apps/bff/test/support/test-database';
import { measureOnInstances, startBareExpress } from './api';
import { buildProduction } from './bundle';
import { startBuiltBff } from './built-bff';
import { LOAD_SETTINGS } from './load';
import { scalingLines } from './rows';
import { signIn } from './session';

/**
 * `npm run bench:api`: only the GET /api/card budget (1 and 3 instances against bare Express with
 * the same query), for a quick loop on the request path. `--no-build` reuses dist/production;
 * `--bundle <dir>` measures another production bundle (an A/B against an older build);
 * `--cpu-prof <dir>` writes a V8 CPU profile of each BFF instance into <dir> when it stops.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const SCALE_TO = 3;
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? path.resolve(args[args.indexOf(name) + 1] ?? '') : undefined);
const cpuProfileDir = option('--cpu-prof');
const otherBundle = option('--bundle');
const BUNDLE = otherBundle ?? path.join(ROOT, 'dist/production');
const loadAtStart = loadavg()[0]!;

if (!args.includes('--no-build') && !otherBundle) {
  console.log('bench: building the production bundle');
  buildProduction(ROOT, BUNDLE);
}
if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
const stopDatabaseServer = await setUpTestDatabaseServer();
const built = await startBuiltBff(BUNDLE, { startupRuns: 0, cpuProfileDir });
const baseline = await startBareExpress(built.databaseUrl);
try {
  const jaan = await signIn(built.child.ready.url, 'JAAN', 'jaan-demo-2026');
  console.log(
    `bench: ${LOAD_SETTINGS.connections} connections per process, ${LOAD_SETTINGS.durationS} s after ${LOAD_SETTINGS.warmupS} s warm-up`,
  );
  const one = await measureOnInstances(built, baseline, jaan, 1);
  const many = await measureOnInstances(built, baseline, jaan, SCALE_TO);
  console.log(`\n${scalingLines(one, many).join('\n')}\n`);
  console.log(`Node ${process.version}, load average ${loadAtStart.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}.`);
} finally {
  await Promise.all([built.close(), baseline.stop()]);
  await stopDatabaseServer();
}
if (cpuProfileDir) console.log(`CPU profiles in ${cpuProfileDir}`);
