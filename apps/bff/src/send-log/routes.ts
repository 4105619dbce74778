import { sendLogQuerySchema } from '@saatja/core';
import { Router } from 'express';
import { currentUser } from '../auth/session-middleware';
import { parseBody } from '../http/app-error';
import type { SendLogRepository } from './send-log-repository';

/** The send log: users see their own attempts, admins everyone's (SPEC §5, §8). */
export function sendLogRoutes(deps: { sendLog: SendLogRepository }) {
  const router = Router();
  router.get('/', async (req, res) => {
    const user = currentUser(req);
    const query = parseBody(sendLogQuerySchema, req.query);
    res.json(await deps.sendLog.list({ userId: user.role === 'admin' ? null : user.id }, query));
  });
  return router;
}
