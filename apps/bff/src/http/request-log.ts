import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** One structured line per request: no query string, body or headers, so nothing secret is written. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
          user: req.user?.code,
        },
        'request',
      );
    });
    next();
  };
}
