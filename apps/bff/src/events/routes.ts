import { eventsQuerySchema } from '@saatja/core';
import { Router } from 'express';
import { currentUser } from '../auth/session-middleware';
import { parseBody } from '../http/app-error';
import type { EventsService } from './events-service';

/** GET /api/events?kind=&since= — newest first. */
export function eventsRoutes(deps: { events: EventsService }) {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseBody(eventsQuerySchema, req.query);
    res.json({ events: await deps.events.list(currentUser(req), query) });
  });
  return router;
}
