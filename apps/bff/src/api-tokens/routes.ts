import { createTokenSchema } from '@saatja/core';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod/mini';
import { currentUser } from '../auth/session-middleware';
import { AppError, parseBody } from '../http/app-error';
import type { ApiTokenService } from './api-token-service';
import type { TokenRow } from './api-token-repository';
import { bearerToken } from './token-secret';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      apiToken?: TokenRow;
    }
  }
}

const idParam = z.coerce.number().check(z.int(), z.positive());

/** Admins' token management: /api/admin/tokens (behind requireAdmin). */
export function apiTokenAdminRoutes(tokens: ApiTokenService) {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await tokens.list());
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await tokens.create(currentUser(req), parseBody(createTokenSchema, req.body)));
  });
  router.post('/:id/revoke', async (req, res) => {
    const id = z.safeParse(idParam, req.params.id);
    if (!id.success || !(await tokens.revoke(currentUser(req), id.data))) throw new AppError('notFound');
    res.status(204).end();
  });
  return router;
}

/** /api/v1 is for the ERP's back end: a bearer token, never the browser's session cookie. */
export function requireApiToken(tokens: ApiTokenService): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    const row = token ? await tokens.authenticate(token) : null;
    if (!row) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="saatja"');
      return next(new AppError('unauthenticated'));
    }
    req.apiToken = row;
    next();
  };
}

export function currentToken(req: Parameters<RequestHandler>[0]): TokenRow {
  if (!req.apiToken) throw new AppError('unauthenticated');
  return req.apiToken;
}
