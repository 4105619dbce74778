import { serverLimitInputSchema } from '@saatja/core';
import { Router } from 'express';
import type { AuditLog } from '../audit/audit-log';
import { currentUser } from '../auth/session-middleware';
import { AppError, parseBody } from '../http/app-error';
import type { ServerLimits } from './server-limits';

/** /api/admin/server-limits (behind requireAdmin), audited. */
export function serverLimitRoutes(deps: { limits: ServerLimits; audit: AuditLog }) {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await deps.limits.list());
  });
  router.put('/', async (req, res) => {
    const input = parseBody(serverLimitInputSchema, req.body);
    const before = (await deps.limits.list()).find((limit) => limit.host === input.host) ?? {};
    await deps.limits.put(input);
    await deps.audit.record(currentUser(req).id, 'serverLimits.set', `server:${input.host}`, { before, after: input });
    res.json(await deps.limits.list());
  });
  router.delete('/:host', async (req, res) => {
    const host = String(req.params.host);
    const before = (await deps.limits.list()).find((limit) => limit.host === host.toLowerCase());
    if (!before || !(await deps.limits.remove(host))) throw new AppError('notFound');
    await deps.audit.record(currentUser(req).id, 'serverLimits.remove', `server:${before.host}`, { before, after: {} });
    res.status(204).end();
  });
  return router;
}
