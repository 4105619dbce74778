// The baseline: bare Express 5 routes in its own process like the BFF, on plain node like the built
// BFF (no TypeScript loader in either's memory). The GET runs one query by primary key on the BFF's
// own database (BENCH_DATABASE_URL), the least a request that reads something does; the POST stores
// the JSON it gets in one INSERT before answering 202, the least a submission that is kept does.
import { createRequire } from 'node:module';
import { answerRequests } from './child-side.mjs';

// bench/ is no workspace package: the BFF's own copies of express and pg, the versions the BFF runs.
const fromBff = createRequire(new URL('../apps/bff/package.json', import.meta.url));
const express = fromBff('express');
const pg = fromBff('pg');
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });

const app = express();
// A user's row by its key, answered shaped and sized like a user card, so JSON work is comparable.
app.get('/x', async (_req, res) => {
  const { rows } = await pool.query('select code, name, email, role from users where id = $1', [1]);
  res.json({ ...rows[0], mailSender: { mode: 'default', smtp: null, inherited: null } });
});
app.put('/x', express.json(), (req, res) => {
  res.json(req.body);
});
let table = null;
app.post('/x', express.json(), async (req, res) => {
  table ??= pool.query('create table if not exists bench_submissions (id bigserial primary key, body jsonb not null)');
  await table;
  const { rows } = await pool.query('insert into bench_submissions (body) values ($1) returning id', [req.body]);
  res.status(202).json({ id: String(rows[0].id), ...req.body });
});

const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ kind: 'ready', url: `http://127.0.0.1:${server.address().port}` });
});
answerRequests({});
process.on('disconnect', () => {
  server.close();
  server.closeAllConnections();
  void pool.end();
});
