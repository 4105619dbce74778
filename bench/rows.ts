import type { ApiResults, ScalingResult } from './api';
import type { Asset } from './bundle';
import type { Contribution } from './bundle-analysis';
import type { UsableResult } from './browser';
import type { LoadResult } from './load';
import { fmt, verdict, type Row } from './report';
import type { SendTarget } from './protocol';
import type { SendResult } from './send';
import { median } from './stats';

/** The budgets of issue 10. */
export const BUDGETS = {
  /** GET /api/card throughput as a share of bare Express's. */
  getThroughputShare: 0.5,
  /** ms, every API route. */
  p99Ms: 25,
  /** test-mail time over a bare nodemailer send's. */
  sendRatio: 1.3,
  /** bytes of gzipped JS the card loads. */
  jsGzipBytes: 110_000,
  /** a cold load of the signed-in card, as a multiple of a static page's. */
  cardLoadRatio: 4,
  /** identity-provider calls per 1,000 Microsoft 365 sends (a cached token serves them). */
  identityCallsPer1000: 1,
  /** bytes of BFF resident memory after the API load. */
  rssAfterLoadBytes: 150_000_000,
};

/** What a first visit needs at least: the UI library (React and react-dom), nothing of ours. */
const REACT_FLOOR = new Set(['react', 'react-dom', 'scheduler']);

export interface Measured {
  api: ApiResults;
  /** GET /api/card on several instances at once (one database), against as many bare Express processes. */
  scaling: ScalingResult;
  /** `afterCollection`: after the load and a forced full GC, to tell garbage from retained memory. */
  memory: Record<'idle' | 'afterLoad' | 'afterCollection', { bff: NodeJS.MemoryUsage; baseline: NodeJS.MemoryUsage }>;
  /** ms from `node dist/server.js` to listening, per run. */
  startupMs: number[];
  send: SendResult[];
  assets: Asset[];
  contributions: Contribution[];
  usable: { hello: UsableResult; helloWithHeaders: UsableResult; signIn: UsableResult; card: UsableResult };
}

function apiRows(name: string, saatja: LoadResult, base: LoadResult, baseName: string, throughputBudget: boolean): Row[] {
  const share = saatja.requestsPerSecond / base.requestsPerSecond;
  return [
    {
      area: 'API',
      measure: `${name} throughput`,
      saatja: fmt.rps(saatja.requestsPerSecond),
      baseline: `${fmt.rps(base.requestsPerSecond)} ${baseName}`,
      ratio: fmt.ratio(saatja.requestsPerSecond, base.requestsPerSecond),
      budget: throughputBudget ? `≥ ${BUDGETS.getThroughputShare.toFixed(2)}×` : '–',
      result: throughputBudget ? verdict(share >= BUDGETS.getThroughputShare) : '–',
    },
    {
      area: 'API',
      measure: `${name} latency p50 / p99`,
      saatja: `${fmt.wholeMs(saatja.p50)} / ${fmt.wholeMs(saatja.p99)}`,
      baseline: `${fmt.wholeMs(base.p50)} / ${fmt.wholeMs(base.p99)}`,
      // A sub-millisecond baseline counts as 1 ms: the histogram cannot say how much less.
      ratio: `${fmt.ratio(saatja.p99, Math.max(base.p99, 1))} (p99)`,
      budget: `p99 < ${BUDGETS.p99Ms} ms`,
      result: verdict(saatja.p99 < BUDGETS.p99Ms),
    },
  ];
}

const SEND_NAMES: Record<SendTarget, string> = {
  relay: 'Test mail, default card → relay (STARTTLS)',
  smtp: 'Test mail, SMTP card → own server (STARTTLS+AUTH)',
  m365: 'Test mail, Microsoft 365 card → local M365 SMTP (XOAUTH2)',
};

/** Identity-provider calls per 1,000 sends, from the sends the test-mail limit allows. */
function identityRow(send: SendResult | undefined): Row {
  const measure = 'Microsoft 365: identity-provider calls per 1,000 sends';
  if (!send?.identity)
    return {
      area: 'Send',
      measure,
      saatja: 'not measured yet (Microsoft 365 flow not built)',
      baseline: '–',
      ratio: '–',
      budget: '≤ 1',
      result: '–',
    };
  const { requests, tokenRequests, sends } = send.identity;
  const perThousand = (requests / sends) * 1000;
  return {
    area: 'Send',
    measure,
    // Two observers: this process's HTTP requests to the emulator, and the emulator's token count.
    saatja: `${perThousand.toFixed(0)} (${requests} requests, ${tokenRequests} token grants in ${sends} sends)`,
    baseline: '– (counts, no ratio)',
    ratio: '–',
    budget: `≤ ${BUDGETS.identityCallsPer1000}`,
    result: verdict(perThousand <= BUDGETS.identityCallsPer1000),
  };
}

/** What the front-end rows need: the bench's full run has it, and so has `bench/front-end.ts`. */
export type FrontEndMeasured = Pick<Measured, 'assets' | 'contributions' | 'usable'>;

/** The card's JS against its budget, and the cold loads against a static page's. */
export function frontEndRows(m: FrontEndMeasured): Row[] {
  const { usable } = m;
  const js = m.assets.filter(({ kind }) => kind === 'js').reduce((sum, asset) => sum + asset.gzip, 0);
  const css = m.assets.filter(({ kind }) => kind === 'css').reduce((sum, asset) => sum + asset.gzip, 0);
  const floor = m.contributions.filter(({ name }) => REACT_FLOOR.has(name)).reduce((sum, c) => sum + c.gzip, 0);
  const hello = `${fmt.ms(usable.hello.median)} static hello page`;
  return [
    {
      area: 'Front end',
      measure: 'JS + CSS the card loads, gzip',
      saatja: `${fmt.kB(js)} JS + ${fmt.kB(css)} CSS`,
      baseline: `${fmt.kB(floor)} the UI library alone (React)`,
      ratio: `${fmt.ratio(js, floor)} (JS)`,
      budget: `JS ≤ ${fmt.kB(BUDGETS.jsGzipBytes)}`,
      result: verdict(js <= BUDGETS.jsGzipBytes),
    },
    ...(
      [
        ['Sign-in page usable, cold load', usable.signIn, null],
        ['Card usable, signed in, cold load', usable.card, BUDGETS.cardLoadRatio],
      ] as const
    ).map(([measure, result, budget]): Row => ({
      area: 'Front end',
      measure: `${measure} (median of ${result.runs.length})`,
      saatja: fmt.ms(result.median),
      baseline: hello,
      ratio: fmt.ratio(result.median, usable.hello.median),
      budget: budget === null ? '–' : `≤ ${budget.toFixed(2)}×`,
      result: budget === null ? '–' : verdict(result.median <= budget * usable.hello.median),
    })),
    {
      // For reading the card's figure: what Saatja's response headers alone cost a page (its
      // Cross-Origin-Opener-Policy starts a new renderer process); the budget is against the plain page.
      area: 'Front end',
      measure: `Card usable, against the static page with Saatja's headers (median of ${usable.card.runs.length})`,
      saatja: fmt.ms(usable.card.median),
      baseline: `${fmt.ms(usable.helloWithHeaders.median)} static hello page with Saatja's headers`,
      ratio: fmt.ratio(usable.card.median, usable.helloWithHeaders.median),
      budget: '–',
      result: '–',
    },
  ];
}

export function buildRows(m: Measured): Row[] {
  const { api, memory } = m;
  return [
    ...apiRows('GET /api/card, 1 instance', api.cardGet, api.baselineGet, 'bare Express GET + the same indexed query', true),
    ...apiRows(
      `GET /api/card, ${m.scaling.instances} instances`,
      m.scaling.card,
      m.scaling.baseline,
      `${m.scaling.instances} bare Express processes, same query`,
      true,
    ),
    ...apiRows('PUT /api/card (default)', api.cardPutDefault, api.baselinePut, 'bare Express PUT (JSON echo)', false),
    ...apiRows('PUT /api/card (SMTP)', api.cardPutSmtp, api.baselinePut, 'bare Express PUT (JSON echo)', false),
    ...m.send.map((send): Row => ({
      area: 'Send',
      measure: `${SEND_NAMES[send.target]} (median of ${send.sends})`,
      saatja: `${fmt.ms(send.bff)} per mail (+${fmt.ms(send.bff - send.bare)})`,
      baseline: `${fmt.ms(send.bare)} bare nodemailer`,
      ratio: fmt.ratio(send.bff, send.bare),
      budget: `≤ ${BUDGETS.sendRatio.toFixed(2)}×`,
      result: verdict(send.bff / send.bare <= BUDGETS.sendRatio),
    })),
    identityRow(m.send.find(({ target }) => target === 'm365')),
    ...frontEndRows(m),
    {
      area: 'Memory',
      measure: 'BFF resident memory, idle',
      saatja: fmt.MB(memory.idle.bff.rss),
      baseline: `${fmt.MB(memory.idle.baseline.rss)} bare Express`,
      ratio: fmt.ratio(memory.idle.bff.rss, memory.idle.baseline.rss),
      budget: '–',
      result: '–',
    },
    {
      area: 'Memory',
      measure: 'BFF resident memory, after the API load',
      saatja: fmt.MB(memory.afterLoad.bff.rss),
      baseline: `${fmt.MB(memory.afterLoad.baseline.rss)} bare Express`,
      ratio: fmt.ratio(memory.afterLoad.bff.rss, memory.afterLoad.baseline.rss),
      budget: `< ${fmt.MB(BUDGETS.rssAfterLoadBytes)}`,
      result: verdict(memory.afterLoad.bff.rss < BUDGETS.rssAfterLoadBytes),
    },
    {
      area: 'Start-up',
      measure: `Production bundle, node dist/server.js until it listens (median of ${m.startupMs.length})`,
      saatja: fmt.ms(median(m.startupMs)),
      baseline: '–',
      ratio: '–',
      budget: '–',
      result: '–',
    },
  ];
}

/** GET /api/card on one instance and on several, side by side: what adding instances buys. */
export function scalingLines(one: { card: LoadResult; baseline: LoadResult }, many: ScalingResult): string[] {
  const columns = [
    { name: '1 instance', ...one },
    { name: `${many.instances} instances`, card: many.card, baseline: many.baseline },
  ];
  const row = (label: string, cell: (column: (typeof columns)[number]) => string) =>
    `  ${label.padEnd(34)}${columns.map((column) => cell(column).padEnd(22)).join('')}`;
  return [
    'GET /api/card on one PostgreSQL, instances side by side:',
    row('', (column) => column.name),
    row('Saatja throughput', (column) => fmt.rps(column.card.requestsPerSecond)),
    row('bare Express + 1 query', (column) => fmt.rps(column.baseline.requestsPerSecond)),
    row('ratio (budget ≥ 0.50×)', (column) => fmt.ratio(column.card.requestsPerSecond, column.baseline.requestsPerSecond)),
    row('Saatja p50 / p99', (column) => `${fmt.wholeMs(column.card.p50)} / ${fmt.wholeMs(column.card.p99)}`),
    row('baseline p50 / p99', (column) => `${fmt.wholeMs(column.baseline.p50)} / ${fmt.wholeMs(column.baseline.p99)}`),
  ];
}
