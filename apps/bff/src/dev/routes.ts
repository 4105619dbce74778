import type { ReceivedMail } from '@saatja/local-servers';
import { Router } from 'express';

/** The dev-mode mail catcher's contents, as the dev mailbox page shows them. */
export interface DevMailbox {
  list(): readonly ReceivedMail[];
}

export function devRoutes(mailbox: DevMailbox) {
  const router = Router();
  router.get('/mailbox', (_req, res) => {
    res.json(
      [...mailbox.list()].reverse().map(({ id, receivedAt, envelope, headers, text }) => ({ id, receivedAt, envelope, headers, text })),
    );
  });
  return router;
}
