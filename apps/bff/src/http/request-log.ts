import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** ms from which a read counts as slow and is logged at info like a failure. */
export const SLOW_MS = 500;

const READS = new Set(['GET', 'HEAD']);

/**
 * One structured line per request: no query string, body or headers, so nothing secret is written.
 * At info: every change (PUT, POST, DELETE), every answer ≥ 400, and every read slower than SLOW_MS.
 * A read that succeeded quickly (the card's GET, most of the traffic) is logged at debug only: at
 * the default level it costs no write.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      const level = READS.has(req.method) && res.statusCode < 400 && ms < SLOW_MS ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level]({ method: req.method, path: req.path, status: res.statusCode, ms, user: req.user?.code }, 'request');
    });
    next();
  };
}
