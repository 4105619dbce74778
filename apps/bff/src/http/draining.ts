import type { RequestHandler } from 'express';
import type { Lifecycle } from '../health/routes';

/**
 * While the process drains, no connection is kept alive: answers say `Connection: close`, and a
 * request that was already in flight when draining began closes its socket once its answer is out.
 * Clients then reconnect to another instance, and the server's close() can complete.
 */
export function drainingConnections(lifecycle: Lifecycle): RequestHandler {
  return (req, res, next) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    res.once('finish', () => {
      if (lifecycle.draining && !req.socket.destroyed) req.socket.end();
    });
    next();
  };
}
