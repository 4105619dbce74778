// The baseline: bare Express 5 routes, nothing else, in its own process like the BFF, on plain
// node like the built BFF (no TypeScript loader in either's memory).
import { createRequire } from 'node:module';
import { answerRequests } from './child-side.mjs';

// bench/ is no workspace package: the BFF's own copy of express, the version the BFF runs.
const express = createRequire(new URL('../apps/bff/package.json', import.meta.url))('express');

/** What the baseline GET returns: shaped and sized like a user card, so JSON work is comparable. */
const SAMPLE_CARD = {
  code: 'JAAN',
  name: 'Jaan Tamm',
  email: 'jaan@firma.ee',
  role: 'user',
  mailSender: { mode: 'default', smtp: null, inherited: null },
};

const app = express();
app.get('/x', (_req, res) => {
  res.json(SAMPLE_CARD);
});
app.put('/x', express.json(), (req, res) => {
  res.json(req.body);
});

const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ kind: 'ready', url: `http://127.0.0.1:${server.address().port}` });
});
answerRequests({});
process.on('disconnect', () => {
  server.close();
  server.closeAllConnections();
});
