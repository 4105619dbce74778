import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { LOAD_SETTINGS } from './load';
import { fmt, formatTable, type Row } from './report';
import { scalingLines, type Measured } from './rows';

export interface RunInfo {
  seconds: number;
  /** 1-minute load averages: how busy the machine was besides the bench. */
  loadAverage: { start: number; end: number };
}

/** The table, then what a reader needs to judge it: the machine, the verdicts, the known causes. */
export function printSummary(rows: readonly Row[], measured: Measured, run: RunInfo): void {
  console.log(`\n${formatTable(rows)}\n`);
  console.log(`${scalingLines({ card: measured.api.cardGet, baseline: measured.api.baselineGet }, measured.scaling).join('\n')}\n`);
  const { start, end } = run.loadAverage;
  console.log(
    `Node ${process.version}, ${availableParallelism()} CPUs, load average ${start.toFixed(2)} → ${end.toFixed(2)}, ${run.seconds.toFixed(0)} s.`,
  );
  const missed = rows.filter(({ result }) => result === 'MISSED');
  const met = rows.filter(({ result }) => result === 'met');
  console.log(
    `Budgets: ${met.length} met, ${missed.length} missed${missed.length ? `: ${missed.map(({ measure }) => measure).join('; ')}` : ''}.`,
  );
  const { bff, baseline } = measured.memory.afterCollection;
  console.log(
    `After the load and a forced full GC: BFF ${fmt.MB(bff.rss)} resident, ${fmt.MB(bff.heapUsed)} heap used; bare Express ${fmt.MB(baseline.rss)}, ${fmt.MB(baseline.heapUsed)}.`,
  );
  console.log("All send times include smtp-server's fixed 100 ms wait before its greeting (its early-talker check).");
  console.log(`\nBiggest contributors to the card's JS (minified, gzip alone):`);
  for (const { name, raw, gzip } of measured.contributions.slice(0, 8)) {
    console.log(`  ${name.padEnd(26)} ${fmt.kB(raw).padStart(9)} ${fmt.kB(gzip).padStart(9)}`);
  }
}

export function writeResults(file: string, rows: readonly Row[], measured: Measured, run: RunInfo): void {
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    ...run,
    settings: LOAD_SETTINGS,
    rows,
    raw: measured,
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
