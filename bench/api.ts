import type { BuiltBff } from './built-bff';
import { startChild, type Child } from './child';
import { load, meanOf, type LoadResult, type LoadTarget } from './load';
import type { BaselineReady, BffReady } from './protocol';
import { expectOk, SAME_ORIGIN, type Session } from './session';

export interface ApiResults {
  baselineGet: LoadResult;
  cardGet: LoadResult;
  baselinePut: LoadResult;
  cardPutDefault: LoadResult;
  cardPutSmtp: LoadResult;
}

/** The bodies the SPA sends: the form's values after the shared schema dropped the other modes. */
const defaultCard = { name: 'Jaan Tamm', email: 'jaan@firma.ee', mailSender: { mode: 'default' } };
const smtpCard = (port: number, password: string) => ({
  name: 'Jaan Tamm',
  email: 'jaan@firma.ee',
  mailSender: { mode: 'smtp', smtp: { host: 'localhost', port, security: 'starttls', user: 'jaan', password, clearPassword: false } },
});

/**
 * Baseline, Saatja, baseline again (averaged): both sides see about the same background load from
 * whatever else the machine runs. The baseline PUT parses and echoes the same JSON body.
 */
export async function measureApi(bff: Child<BffReady>, baseline: Child<BaselineReady>, jaan: Session): Promise<ApiResults> {
  const signedIn = { ...SAME_ORIGIN, cookie: jaan.cookie };
  const card = `${bff.ready.url}/api/card`;
  const bare = `${baseline.ready.url}/x`;
  const port = bff.ready.ownSmtpPort;

  const bareGet = () => load({ url: bare });
  const barePut = () => load({ url: bare, method: 'PUT', body: defaultCard });

  const getBefore = await bareGet();
  const cardGet = await load({ url: card, headers: signedIn });
  const baselineGet = meanOf(getBefore, await bareGet());
  const putBefore = await barePut();
  const cardPutDefault = await load({ url: card, method: 'PUT', headers: signedIn, body: defaultCard });
  // The password is entered once; afterwards the form sends it blank ("keep the stored one").
  await expectOk(jaan, 'PUT', '/card', smtpCard(port, 'jaan-smtp-secret'));
  const cardPutSmtp = await load({ url: card, method: 'PUT', headers: signedIn, body: smtpCard(port, '') });
  const baselinePut = meanOf(putBefore, await barePut());
  await expectOk(jaan, 'PUT', '/card', defaultCard);
  return { baselineGet, cardGet, baselinePut, cardPutDefault, cardPutSmtp };
}

/** GET /api/card on several BFF instances at once, each next to as many bare Express processes. */
export interface ScalingResult {
  instances: number;
  card: LoadResult;
  baseline: LoadResult;
}

/**
 * The same load on every process at once, as a load balancer spreads it: throughputs add up; the
 * worst process's percentiles stand for all (a merged histogram would be a little kinder).
 */
async function loadAll(targets: LoadTarget[]): Promise<LoadResult> {
  const results = await Promise.all(targets.map((target) => load(target)));
  const sum = (pick: (result: LoadResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  const worst = (pick: (result: LoadResult) => number) => Math.max(...results.map(pick));
  return {
    requestsPerSecond: sum((r) => r.requestsPerSecond),
    p50: worst((r) => r.p50),
    p99: worst((r) => r.p99),
    requests: sum((r) => r.requests),
  };
}

/** Baseline, Saatja, baseline again, on `bffUrls.length` instances; one session serves them all. */
export async function measureScaling(bffUrls: readonly string[], baselineUrls: readonly string[], jaan: Session): Promise<ScalingResult> {
  const signedIn = { ...SAME_ORIGIN, cookie: jaan.cookie };
  const bare = () => loadAll(baselineUrls.map((url) => ({ url: `${url}/x` })));
  const before = await bare();
  const card = await loadAll(bffUrls.map((url) => ({ url: `${url}/api/card`, headers: signedIn })));
  return { instances: bffUrls.length, card, baseline: meanOf(before, await bare()) };
}

/** A bare Express baseline (bare-express-process.mjs) in its own plain-node process, querying `databaseUrl`. */
export function startBareExpress(databaseUrl: string): Promise<Child<BaselineReady>> {
  return startChild<BaselineReady>(new URL('./bare-express-process.mjs', import.meta.url), {
    plain: true,
    env: { BENCH_DATABASE_URL: databaseUrl },
  });
}

/**
 * GET /api/card on `count` instances of the built BFF (the one running and count - 1 more) against
 * `baseline` and count - 1 more bare
 * Express processes on the same database; the extra processes are stopped afterwards.
 */
export async function measureOnInstances(
  built: BuiltBff,
  baseline: Child<BaselineReady>,
  jaan: Session,
  count: number,
): Promise<ScalingResult> {
  const moreBaselines = await Promise.all(Array.from({ length: count - 1 }, () => startBareExpress(built.databaseUrl)));
  try {
    const urls = [built.child.ready.url, ...(await built.moreInstances(count - 1))];
    return await measureScaling(
      urls,
      [baseline, ...moreBaselines].map((child) => child.ready.url),
      jaan,
    );
  } finally {
    await Promise.all(moreBaselines.map((child) => child.stop()));
  }
}
