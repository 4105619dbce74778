import { m365StartInputSchema } from '@saatja/core';
import { Router, type Request } from 'express';
import { currentUser } from '../auth/session-middleware';
import type { UserRow } from '../auth/user-repository';
import { AppError, parseBody } from '../http/app-error';
import { sendCallbackPage } from './callback-page';
import type { M365AuthService } from './m365-auth-service';
import type { M365TokenService } from './m365-token-service';

export interface M365RoutesDeps {
  auth: M365AuthService;
  tokens: M365TokenService;
  /** The app's origin, the only one the popup posts its result to: that of the redirect URI. */
  appOrigin: string | null;
}

/**
 * A card's Microsoft 365 connection: the signed-in user's own (/api/card/m365) or, for admins,
 * any user's (/api/admin/users/:code/card/m365). `returnPath` is that card's page in the app.
 */
export function m365CardRoutes(deps: M365RoutesDeps, cardOwner: (req: Request) => Promise<UserRow>, returnPath: (req: Request) => string) {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    res.json(await deps.tokens.status(await cardOwner(req)));
  });

  router.post('/start', async (req, res) => {
    const owner = await cardOwner(req);
    const input = parseBody(m365StartInputSchema, req.body);
    if (!req.sessionId) throw new AppError('unauthenticated');
    res.json(await deps.auth.start(currentUser(req), owner, req.sessionId, input, returnPath(req)));
  });

  router.delete('/', async (req, res) => {
    const owner = await cardOwner(req);
    await deps.tokens.disconnect(currentUser(req), owner);
    res.json(await deps.tokens.status(owner));
  });

  return router;
}

/** The redirect URI: GET /api/m365/callback?code&state&client_info, or ?error&error_description&state. */
export function m365CallbackRoutes(deps: M365RoutesDeps) {
  const router = Router();
  router.get('/callback', async (req, res) => {
    if (!deps.appOrigin) throw new AppError('notFound', { detail: 'm365NotConfigured' });
    const { result, returnPath } = await deps.auth.complete(req.sessionId, req.query);
    sendCallbackPage(res, result, deps.appOrigin, returnPath);
  });
  return router;
}

export const adminCardPath = (req: Request) => `/admin/users/${encodeURIComponent(String(req.params.code))}`;
