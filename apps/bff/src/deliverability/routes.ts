import { deliverabilityQuerySchema, type DeliverabilityAnswer } from '@saatja/core';
import { Router, type Request } from 'express';
import type { UserRow } from '../auth/user-repository';
import type { GlobalMailUserService } from '../global-mail-user/global-mail-user-service';
import { currentUser } from '../auth/session-middleware';
import { AppError, parseBody } from '../http/app-error';
import type { RateLimiter } from '../http/rate-limiter';
import type { DeliverabilityService } from './deliverability-service';

/**
 * GET ?email=…[&refresh=1]: the DNS facts of the address's domain, for the card's panel. The address
 * is the one typed on the card (not yet saved), so it comes as a parameter; whose card it is decides
 * who may ask (the owner, or an admin), and the limiter keeps the DNS from being used as a tool.
 */
export function deliverabilityRoutes(
  deps: { deliverability: DeliverabilityService; limiter: RateLimiter },
  cardOwner: (req: Request) => Promise<UserRow>,
) {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    await cardOwner(req);
    const query = parseBody(deliverabilityQuerySchema, req.query);
    if (!(await deps.limiter.take(currentUser(req).code))) throw new AppError('rateLimited');
    const answer: DeliverabilityAnswer = {
      facts: await deps.deliverability.factsForEmail(query.email, query.refresh === '1'),
      vendor: deps.deliverability.vendor,
    };
    res.set('Cache-Control', 'no-store').json(answer);
  });
  return router;
}

/** GET: every user's verdict as their saved card sends, for the admin's users page (SPEC §11). */
export function usersDeliverabilityRoutes(deps: { deliverability: DeliverabilityService; globalMailUser: GlobalMailUserService }) {
  const router = Router();
  router.get('/', async (_req, res) => {
    const users = await deps.globalMailUser.preview(await deps.globalMailUser.currentCode());
    res.set('Cache-Control', 'no-store').json(await deps.deliverability.forUsers(users));
  });
  return router;
}
