import { Router } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import { pendingMigrations } from '../db/migrations';

/** ms a readiness probe waits for the database before calling it unreachable. */
const PROBE_TIMEOUT_MS = 2_000;

export interface Lifecycle {
  /** Set at SIGTERM: the load balancer should stop sending new requests here. */
  draining: boolean;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Why this instance should not get traffic now, in a few words; null when it is ready. */
async function notReadyBecause(db: Db, lifecycle: Lifecycle, logger: Logger): Promise<string | null> {
  if (lifecycle.draining) return 'shutting down';
  try {
    const pending = await withTimeout(pendingMigrations(db), PROBE_TIMEOUT_MS);
    if (pending.length === 0) return null;
    logger.warn({ pending }, 'readiness: migrations not applied');
    return 'migrations pending';
  } catch (error) {
    logger.warn({ err: error }, 'readiness: database unreachable');
    return 'database unreachable';
  }
}

/**
 * `/healthz` (the process answers) and `/readyz` (database reachable, migrations applied) for
 * orchestrators: no session, no CSRF, no request log, and no version, host or error detail.
 */
export function healthRoutes(deps: { db: Db; lifecycle: Lifecycle; logger: Logger }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const reason = await notReadyBecause(deps.db, deps.lifecycle, deps.logger);
    res.set('Cache-Control', 'no-store');
    if (reason) res.status(503).json({ status: 'unavailable', reason });
    else res.json({ status: 'ready' });
  });
  return router;
}
