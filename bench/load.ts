import autocannon from 'autocannon';

/** A few connections, as a handful of users saving cards at once would open; not a stress test. */
const CONNECTIONS = 4;
/** s of each measured run, and of the unmeasured warm-up before it (JIT, caches, sockets). */
const DURATION_S = 5;
const WARMUP_S = 1;

export interface LoadTarget {
  url: string;
  method?: 'GET' | 'PUT';
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** ms; autocannon's histogram has whole-millisecond resolution. */
  p50: number;
  /** ms */
  p99: number;
  requests: number;
}

async function run(target: LoadTarget, duration: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: { ...target.headers, ...(target.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: target.body === undefined ? undefined : JSON.stringify(target.body),
    connections: CONNECTIONS,
    duration,
  });
  // Throughput of error answers is no throughput: a refused cookie or CSRF check must stop the bench.
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.method ?? 'GET'} ${target.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result;
}

/** Warm up, then load `target` for a bounded time. */
export async function load(target: LoadTarget): Promise<LoadResult> {
  await run(target, WARMUP_S);
  const result = await run(target, DURATION_S);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

/** Two runs of the same target (before and after the one compared with them), averaged. */
export function meanOf(a: LoadResult, b: LoadResult): LoadResult {
  const mid = (x: number, y: number) => (x + y) / 2;
  return {
    requestsPerSecond: mid(a.requestsPerSecond, b.requestsPerSecond),
    p50: mid(a.p50, b.p50),
    p99: mid(a.p99, b.p99),
    requests: a.requests + b.requests,
  };
}

export const LOAD_SETTINGS = { connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S };
