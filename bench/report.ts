export type Verdict = 'met' | 'MISSED' | '–';

export interface Row {
  area: string;
  measure: string;
  saatja: string;
  baseline: string;
  ratio: string;
  budget: string;
  result: Verdict;
}

export const verdict = (met: boolean): Verdict => (met ? 'met' : 'MISSED');

/** Units: ms, decimal kB and MB (as Vite's build report), whole requests per second. */
export const fmt = {
  ms: (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`,
  /** autocannon's latencies: whole milliseconds, so no false decimals (0 means under 1 ms). */
  wholeMs: (ms: number) => (ms < 1 ? '< 1 ms' : `${Math.round(ms)} ms`),
  rps: (rps: number) => `${Math.round(rps).toLocaleString('en-US')} req/s`,
  kB: (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`,
  MB: (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`,
  ratio: (value: number, base: number) => `${(value / base).toFixed(2)}×`,
};

const COLUMNS: [keyof Row, string][] = [
  ['area', 'Area'],
  ['measure', 'Measure'],
  ['saatja', 'Saatja'],
  ['baseline', 'Baseline (same run)'],
  ['ratio', 'Ratio'],
  ['budget', 'Budget'],
  ['result', 'Result'],
];

/** A Markdown table padded to line up in a terminal too, so the README can carry it verbatim. */
export function formatTable(rows: readonly Row[]): string {
  const widths = COLUMNS.map(([key, title]) => Math.max(title.length, ...rows.map((row) => row[key].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(COLUMNS.map(([, title]) => title)),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(COLUMNS.map(([key]) => row[key]))),
  ].join('\n');
}
