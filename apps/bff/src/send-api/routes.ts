import {
  batchEstimateQuerySchema,
  idempotencyKeySchema,
  listMessagesQuerySchema,
  submitBatchSchema,
  submitMessageSchema,
} from '@saatja/core';
import express, { Router } from 'express';
import { currentToken, requireApiToken } from '../api-tokens/routes';
import type { ApiTokenService } from '../api-tokens/api-token-service';
import { AppError, parseBody } from '../http/app-error';
import type { OutboxService } from '../outbox/outbox-service';
import type { OutboxReads } from '../outbox/outbox-reads';
import { openApiDocument } from './openapi';

/** Request bodies up to this size: a message's attachments (10 MiB) as base64, or a big batch. */
const BODY_LIMIT = '25mb';

export interface SendApiDeps {
  tokens: ApiTokenService;
  outbox: OutboxService;
  reads: OutboxReads;
}

/**
 * /api/v1: the ERP's back end sends mail as its users (SPEC §10). Authenticated by bearer token
 * only, never by the session cookie, so a browser cannot be made to call it (no CSRF surface).
 */
export function sendApiRoutes(deps: SendApiDeps) {
  const router = Router();
  const document = openApiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  // The token first: a body of up to BODY_LIMIT is parsed for its holders only.
  router.use(requireApiToken(deps.tokens));
  router.use(express.json({ limit: BODY_LIMIT }));

  const key = (header: string | undefined) => parseBody(idempotencyKeySchema, header);
  const visibility = (req: express.Request) => deps.outbox.visibilityOfToken(currentToken(req).scope);
  const found = <T>(value: T | null | undefined): T => {
    if (!value) throw new AppError('notFound');
    return value;
  };

  router.post('/messages', async (req, res) => {
    const idempotencyKey = key(req.get('idempotency-key'));
    res.status(202).json(await deps.outbox.submitMessage(currentToken(req), parseBody(submitMessageSchema, req.body), idempotencyKey));
  });
  router.get('/messages', async (req, res) => {
    const query = parseBody(listMessagesQuerySchema, req.query);
    res.json(await deps.reads.list(await visibility(req), query));
  });
  router.get('/messages/:id', async (req, res) => {
    res.json(found(await deps.reads.message(await visibility(req), String(req.params.id))));
  });
  router.post('/messages/:id/cancel', async (req, res) => {
    res.json(await deps.outbox.cancelMessage(await visibility(req), String(req.params.id)));
  });

  router.post('/batches', async (req, res) => {
    const idempotencyKey = key(req.get('idempotency-key'));
    res.status(202).json(await deps.outbox.submitBatch(currentToken(req), parseBody(submitBatchSchema, req.body), idempotencyKey));
  });
  router.get('/batches/estimate', async (req, res) => {
    res.json(await deps.outbox.estimate(currentToken(req), parseBody(batchEstimateQuerySchema, req.query)));
  });
  router.get('/batches/:id', async (req, res) => {
    res.json(found((await deps.reads.batches(await visibility(req), String(req.params.id)))[0]));
  });
  const batchAction = (action: 'pause' | 'resume' | 'cancel') => async (req: express.Request, res: express.Response) => {
    res.json(await deps.outbox.batchAction(await visibility(req), String(req.params.id), action));
  };
  router.post('/batches/:id/pause', batchAction('pause'));
  router.post('/batches/:id/resume', batchAction('resume'));
  router.post('/batches/:id/cancel', batchAction('cancel'));
  router.use(() => {
    throw new AppError('notFound');
  });
  return router;
}
