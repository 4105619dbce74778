import { makeCardInputSchema, testMailInputSchema } from '@saatja/core';
import { Router, type Request, type RequestHandler } from 'express';
import type { UserRow } from '../auth/user-repository';
import { currentUser, readCookie, type SessionCookie } from '../auth/session-middleware';
import type { GlobalMailUserService } from '../global-mail-user/global-mail-user-service';
import { AppError, parseBody } from '../http/app-error';
import type { TestMailService } from '../mail/test-mail-service';
import type { CardService } from './card-service';

export interface CardRoutesDeps {
  cards: CardService;
  testMail: TestMailService;
  globalMailUser: GlobalMailUserService;
  openPorts: readonly number[];
}

/**
 * A user card's routes. `cardOwner` picks whose card: the signed-in user's own (/api/card) or, for
 * admins, any user's (/api/admin/users/:code/card).
 */
export function cardRoutes(deps: CardRoutesDeps, cardOwner: (req: Request) => Promise<UserRow>) {
  const router = Router({ mergeParams: true });
  // Built once: making a schema costs ~30× parsing with it.
  const schemas = {
    own: makeCardInputSchema({ openPorts: deps.openPorts, inheritsServer: false }),
    inheriting: makeCardInputSchema({ openPorts: deps.openPorts, inheritsServer: true }),
  };

  router.get('/', async (req, res) => {
    res.json(await deps.cards.getCard(await cardOwner(req)));
  });

  router.put('/', async (req, res) => {
    const user = await cardOwner(req);
    const global = await deps.globalMailUser.current();
    const schema = deps.globalMailUser.inheritedFrom(user, global)?.server != null ? schemas.inheriting : schemas.own;
    res.json(await deps.cards.saveCard(currentUser(req), user, parseBody(schema, req.body), global));
  });

  router.get('/effective', async (req, res) => {
    res.json(await deps.testMail.effectiveConfigOf(await cardOwner(req)));
  });

  router.post('/test-mail', async (req, res) => {
    res.json(await deps.testMail.send(currentUser(req), await cardOwner(req), parseBody(testMailInputSchema, req.body ?? {})));
  });

  return router;
}

/**
 * GET /api/card for the signed-in user, mounted before the session middleware: it reads the session
 * in the card's own query, one round trip instead of two on the request every card page makes.
 */
export function ownCardRoute(cards: CardService, cookie: SessionCookie): RequestHandler {
  return async (req, res) => {
    const sessionId = readCookie(req, cookie.name);
    const own = sessionId ? await cards.ownCard(sessionId) : null;
    if (!own) throw new AppError('unauthenticated');
    req.user = own.user;
    req.sessionId = sessionId;
    res.json(own.card);
  };
}
