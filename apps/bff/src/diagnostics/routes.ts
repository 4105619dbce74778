import { checkInputSchema, type CheckEvent } from '@saatja/core';
import { Router, type Request } from 'express';
import type { Logger } from 'pino';
import type { UserRow } from '../auth/user-repository';
import { currentUser } from '../auth/session-middleware';
import { parseBody } from '../http/app-error';
import type { DiagnosticsService } from './diagnostics-service';

/**
 * POST: run "Check connection" or "Send test mail" on a card, answering with NDJSON — one
 * CheckEvent per line as each step happens, the verdict last. Refusals (rate limit, permission,
 * validation) come before the stream, as ordinary JSON errors.
 */
export function diagnosticsRoutes(
  deps: { diagnostics: DiagnosticsService; logger: Logger },
  cardOwner: (req: Request) => Promise<UserRow>,
) {
  const router = Router({ mergeParams: true });
  router.post('/', async (req, res) => {
    const input = parseBody(checkInputSchema, req.body ?? {});
    const run = await deps.diagnostics.start(currentUser(req), await cardOwner(req), input);
    res.status(200).set({
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      // Proxies must pass each line on at once, or the steps arrive all together at the end.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    const emit = (event: CheckEvent) => {
      if (!res.writableEnded && !res.destroyed) res.write(`${JSON.stringify(event)}\n`);
    };
    try {
      await run(emit);
    } catch (error) {
      // The status line is gone already; a stream without a verdict tells the browser it failed.
      deps.logger.error({ err: error }, 'connection check failed unexpectedly');
    }
    res.end();
  });
  return router;
}
