import { listMessagesQuerySchema } from '@saatja/core';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod/mini';
import { currentUser } from '../auth/session-middleware';
import { AppError, parseBody } from '../http/app-error';
import type { OutboxReads } from './outbox-reads';
import type { OutboxService } from './outbox-service';

const batchQuery = z.strictObject({ batch: z.optional(z.string().check(z.uuid())) });

/** The Outbox page's API (/api/outbox): a user's own messages, an admin's all (SPEC §10). */
export function outboxRoutes(deps: { outbox: OutboxService; reads: OutboxReads }) {
  const router = Router();
  const visibility = (req: Request) => deps.outbox.visibilityOfUser(currentUser(req));

  router.get('/messages', async (req, res) => {
    const { batch, ...rest } = req.query;
    const query = parseBody(listMessagesQuerySchema, rest);
    const { batch: batchId } = parseBody(batchQuery, { batch });
    res.json(await deps.reads.list(visibility(req), { ...query, batchId }));
  });
  router.get('/messages/:id', async (req, res) => {
    const message = await deps.reads.message(visibility(req), String(req.params.id));
    if (!message) throw new AppError('notFound');
    res.json(message);
  });
  router.post('/messages/:id/cancel', async (req, res) => {
    res.json(await deps.outbox.cancelMessage(visibility(req), String(req.params.id)));
  });
  router.post('/messages/:id/retry', async (req, res) => {
    res.json(await deps.outbox.retryMessage(visibility(req), String(req.params.id)));
  });
  router.get('/batches', async (req, res) => {
    res.json(await deps.reads.batches(visibility(req)));
  });
  const batchAction = (action: 'pause' | 'resume' | 'cancel') => async (req: Request, res: Response) => {
    res.json(await deps.outbox.batchAction(visibility(req), String(req.params.id), action));
  };
  router.post('/batches/:id/pause', batchAction('pause'));
  router.post('/batches/:id/resume', batchAction('resume'));
  router.post('/batches/:id/cancel', batchAction('cancel'));
  return router;
}
