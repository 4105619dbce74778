// The built BFF (the production bundle) in its own process for the bench, in plain JavaScript so no
// TypeScript loader shares its memory: `node --expose-gc bench/built-bff.mjs <bundle>`, with the
// production settings in the environment and the bench's in SAATJA_BENCH (JSON). Besides the
// server it answers the bench's IPC requests (memory, a bare nodemailer send) from this process,
// and serves the front end's baseline page, as bff-process.ts does for the source build.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bareSend } from './bare-send.mjs';
import { answerRequests } from './child-side.mjs';

const bundle = path.resolve(process.argv[2]);
const bench = JSON.parse(process.env.SAATJA_BENCH);
delete process.env.SAATJA_BENCH;
process.chdir(bundle);
// The same nodemailer the server uses, from the bundle's production dependencies.
const nodemailer = createRequire(path.join(bundle, 'package.json'))('nodemailer');

const HELLO_HTML =
  '<!doctype html><html lang="et"><head><meta charset="utf-8"><title>hello</title></head><body><input aria-label="hello"></body></html>';
// The front end's baselines: the plain page (the cold-load budget's), and at /with-headers the same
// page with the headers Saatja's own pages carry (copied from its index.html below), whose
// Cross-Origin-Opener-Policy alone moves a page into a new renderer process: what any page of
// Saatja's would cost before its content.
let pageHeaders = {};
const hello = createServer((req, res) =>
  res.writeHead(200, { ...(req.url === '/with-headers' ? pageHeaders : {}), 'Content-Type': 'text/html; charset=utf-8' }).end(HELLO_HTML),
);
await new Promise((resolve) => hello.listen(0, '127.0.0.1', resolve));

const PORTS = { relay: bench.relayPort, smtp: bench.ownSmtpPort };
const bareSendTo = (target) =>
  bareSend(nodemailer, { port: PORTS[target], ca: bench.ca, auth: target === 'smtp' ? bench.ownSmtp : undefined });

answerRequests({ send: bareSendTo });

await import(pathToFileURL(path.join(bundle, 'dist/server.js')).href);
const url = `http://localhost:${process.env.PORT}`;
for (;;) {
  const ready = await fetch(`${url}/readyz`).then(
    (response) => response.ok,
    () => false,
  );
  if (ready) break;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
/** Headers about the response itself, not about how the browser treats the page. */
const OWN_HEADERS = new Set([
  'content-length',
  'content-type',
  'etag',
  'last-modified',
  'date',
  'connection',
  'keep-alive',
  'cache-control',
  'accept-ranges',
  'vary',
  'transfer-encoding',
]);
const index = await fetch(`${url}/`);
await index.arrayBuffer();
pageHeaders = Object.fromEntries([...index.headers].filter(([name]) => !OWN_HEADERS.has(name)));
process.send({ kind: 'ready', url, helloUrl: `http://localhost:${hello.address().port}/`, ownSmtpPort: bench.ownSmtpPort, m365: null });
// The bench cuts the IPC channel to stop: drain as at SIGTERM.
process.on('disconnect', () => {
  hello.close();
  process.kill(process.pid, 'SIGTERM');
});
