import { auditQuerySchema, createUserInputSchema, mailSendingUserInputSchema, resetPasswordInputSchema } from '@saatja/core';
import { Router, type RequestHandler } from 'express';
import { currentUser } from '../auth/session-middleware';
import type { UserRepository } from '../auth/user-repository';
import { cardRoutes, type CardRoutesDeps } from '../card/routes';
import type { GlobalMailUserService } from '../global-mail-user/global-mail-user-service';
import { AppError, parseBody } from '../http/app-error';
import type { AuditLog } from '../audit/audit-log';
import { cardOwnerByCode } from './card-owner';
import type { UserAdminService } from './user-admin-service';

export const requireAdmin: RequestHandler = (req, _res, next) =>
  next(!req.user ? new AppError('unauthenticated') : req.user.role !== 'admin' ? new AppError('forbidden') : undefined);

/** System settings and every user's card; admins only (SPEC §6). */
export interface AdminRoutesDeps extends CardRoutesDeps {
  users: UserRepository;
  globalMailUser: GlobalMailUserService;
  userAdmin: UserAdminService;
  audit: AuditLog;
}

export function adminRoutes(deps: AdminRoutesDeps) {
  const router = Router();
  router.use(requireAdmin);

  router.get('/settings', async (_req, res) => {
    res.json({ mailSendingUserCode: await deps.globalMailUser.currentCode() });
  });

  router.put('/settings', async (req, res) => {
    const input = parseBody(mailSendingUserInputSchema, req.body);
    await deps.globalMailUser.set(currentUser(req), input.mailSendingUserCode);
    res.json({ mailSendingUserCode: await deps.globalMailUser.currentCode() });
  });

  /** Every user's effective configuration if the given code were the global mail user. */
  router.post('/settings/preview', async (req, res) => {
    const input = parseBody(mailSendingUserInputSchema, req.body);
    res.json(await deps.globalMailUser.preview(input.mailSendingUserCode));
  });

  router.get('/audit', async (req, res) => {
    res.json(await deps.audit.list(parseBody(auditQuerySchema, req.query)));
  });

  router.get('/users', async (_req, res) => {
    res.json(await deps.globalMailUser.preview(await deps.globalMailUser.currentCode()));
  });

  router.post('/users', async (req, res) => {
    res.status(201).json(await deps.userAdmin.create(currentUser(req), parseBody(createUserInputSchema, req.body)));
  });

  router.put('/users/:code/password', async (req, res) => {
    const input = parseBody(resetPasswordInputSchema, req.body);
    await deps.userAdmin.resetPassword(currentUser(req), String(req.params.code), input.password);
    res.status(204).end();
  });

  router.use('/users/:code/card', cardRoutes(deps, cardOwnerByCode(deps.users)));

  return router;
}
