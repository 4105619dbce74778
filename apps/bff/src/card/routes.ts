import { makeCardInputSchema, testMailInputSchema } from '@saatja/core';
import { Router } from 'express';
import { currentUser } from '../auth/session-middleware';
import { parseBody } from '../http/app-error';
import type { TestMailService } from '../mail/test-mail-service';
import type { CardService } from './card-service';

/** The signed-in user's own card. */
export function cardRoutes(deps: { cards: CardService; testMail: TestMailService; openPorts: readonly number[] }) {
  const router = Router();
  const cardInput = makeCardInputSchema(deps.openPorts);

  router.get('/', async (req, res) => {
    res.json(await deps.cards.getCard(currentUser(req)));
  });

  router.put('/', async (req, res) => {
    const user = currentUser(req);
    res.json(await deps.cards.saveCard(user, user, parseBody(cardInput, req.body)));
  });

  router.get('/effective', async (req, res) => {
    res.json(await deps.testMail.effectiveConfigOf(currentUser(req)));
  });

  router.post('/test-mail', async (req, res) => {
    const user = currentUser(req);
    res.json(await deps.testMail.send(user, user, parseBody(testMailInputSchema, req.body ?? {})));
  });

  return router;
}
