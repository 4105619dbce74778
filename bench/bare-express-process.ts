import type { AddressInfo } from 'node:net';
import { express } from './from-bff';
import type { BaselineReady } from './protocol';
import { answerRequests } from './child-side';

/** What the baseline GET returns: shaped and sized like a user card, so JSON work is comparable. */
const SAMPLE_CARD = {
  code: 'JAAN',
  name: 'Jaan Tamm',
  email: 'jaan@firma.ee',
  role: 'user',
  mailSender: { mode: 'default', smtp: null, inherited: null },
};

/** The baseline: bare Express 5 routes, nothing else, in its own process like the BFF. */
const app = express();
app.get('/x', (_req, res) => {
  res.json(SAMPLE_CARD);
});
app.put('/x', express.json(), (req, res) => {
  res.json(req.body);
});

const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  const ready: BaselineReady = { kind: 'ready', url: `http://127.0.0.1:${port}` };
  process.send?.(ready);
});
answerRequests({});
process.on('disconnect', () => {
  server.close();
  server.closeAllConnections();
});
