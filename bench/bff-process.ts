import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestStack } from '../apps/bff/test/support/stack';
import { createUserRepository } from '../apps/bff/src/auth/user-repository';
import { hashPassword } from '../apps/bff/src/secrets/password-hash';
import { createLocalTls, startSmtpServer } from '../packages/local-servers/src/index';
import { answerRequests } from './child-side';
import { nodemailer } from './from-bff';
import { BENCH_PASSWORD, BENCH_USERS_PER_TARGET, benchUserCode, OWN_SMTP, type BffReady, type SendTarget } from './protocol';

/**
 * The BFF under test in its own process, so its resident memory is its own: the whole test stack
 * (temporary SQLite, relay catcher), an own SMTP server with AUTH, and the bench's extra users.
 */
const tls = await createLocalTls();
const own = await startSmtpServer({ security: 'starttls', tls, users: { [OWN_SMTP.user]: OWN_SMTP.password } });
const stack = await startTestStack({ tls, openPorts: [own.port] });

const users = createUserRepository(stack.bff.db);
const passwordHash = await hashPassword(BENCH_PASSWORD);
for (const target of ['relay', 'smtp'] as const) {
  for (let index = 0; index < BENCH_USERS_PER_TARGET; index++) {
    const code = benchUserCode(target, index);
    await users.insert({ code, name: `Bench ${code}`, email: `${code.toLowerCase()}@firma.ee`, role: 'user', passwordHash }, new Date());
  }
}

// The front-end baseline: the cheapest usable page this process can serve.
const HELLO_HTML = '<!doctype html><html lang="et"><head><meta charset="utf-8"><title>hello</title></head><body><input aria-label="hello"></body></html>';
const hello = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HELLO_HTML));
await new Promise<void>((resolve) => hello.listen(0, '127.0.0.1', resolve));

/** What the BFF's transport does, minus the BFF: a fresh STARTTLS connection trusting the local CA. */
async function bareSend(target: SendTarget): Promise<number> {
  const started = performance.now();
  const transporter = nodemailer.createTransport({
    host: 'localhost',
    port: target === 'relay' ? stack.relay.port : own.port,
    secure: false,
    requireTLS: true,
    tls: { ca: tls.ca },
    auth: target === 'smtp' ? { user: OWN_SMTP.user, pass: OWN_SMTP.password } : undefined,
  });
  try {
    await transporter.sendMail({
      from: { name: 'Jaan Tamm', address: 'jaan@firma.ee' },
      to: 'jaan@firma.ee',
      subject: 'Directo: testkiri / test mail',
      text: `Bare nodemailer test mail sent ${new Date().toISOString()} to ${target}.`,
    });
  } finally {
    transporter.close();
  }
  return performance.now() - started;
}

answerRequests((request) => bareSend(request.target));

const ready: BffReady = {
  kind: 'ready',
  url: stack.url,
  helloUrl: `http://localhost:${(hello.address() as AddressInfo).port}/`,
  ownSmtpPort: own.port,
};
process.send?.(ready);

process.on('disconnect', () => {
  hello.close();
  void Promise.all([stack.close(), own.close()]).finally(() => process.exit(0));
});
