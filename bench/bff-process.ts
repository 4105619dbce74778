import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUserRepository } from '../apps/bff/src/auth/user-repository';
import { hashPassword } from '../apps/bff/src/secrets/password-hash';
import { DEMO_M365_MAILBOXES, startTestStack } from '../apps/bff/test/support/stack';
import { createLocalTls, startSmtpServer } from '../packages/local-servers/src/index';
import { bareSend } from './bare-send.mjs';
import { answerRequests } from './child-side.mjs';
import { nodemailer } from './from-bff';
import { bareM365Credentials, countIdentityCalls } from './m365-side';
import { BENCH_PASSWORD, BENCH_USERS_PER_TARGET, benchUserCode, OWN_SMTP, SEND_TARGETS, type BffReady, type SendTarget } from './protocol';

/**
 * The BFF under test in its own process, so its resident memory is its own: the whole test stack
 * (its own database, relay catcher), an own SMTP server with AUTH, and the bench's extra users.
 * With the argument "m365" the stack also runs the identity emulator and its SMTP server; the
 * bench starts that separately, so the emulator's memory never counts as the BFF's.
 */
const withM365 = process.argv[2] === 'm365';
const tls = await createLocalTls();
const own = await startSmtpServer({ security: 'starttls', tls, users: { [OWN_SMTP.user]: OWN_SMTP.password } });
const stack = await startTestStack({ tls, openPorts: [own.port], m365: withM365 });
const identityCalls = withM365 ? countIdentityCalls(stack) : null;

const users = createUserRepository(stack.bff.db);
const passwordHash = await hashPassword(BENCH_PASSWORD);
for (const target of SEND_TARGETS) {
  for (let index = 0; index < BENCH_USERS_PER_TARGET; index++) {
    const code = benchUserCode(target, index);
    await users.insert({ code, name: `Bench ${code}`, email: `${code.toLowerCase()}@firma.ee`, role: 'user', passwordHash }, new Date());
  }
}

// The front-end baseline: the cheapest usable page this process can serve.
const HELLO_HTML =
  '<!doctype html><html lang="et"><head><meta charset="utf-8"><title>hello</title></head><body><input aria-label="hello"></body></html>';
const hello = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HELLO_HTML));
await new Promise<void>((resolve) => hello.listen(0, '127.0.0.1', resolve));

let m365Credentials: Promise<{ user: string; accessToken: string }> | null = null;

/** A bare nodemailer send from this process to the server the BFF sends to. */
async function bareSendTo(target: SendTarget): Promise<number> {
  const m365 = target === 'm365' ? await (m365Credentials ??= bareM365Credentials(stack)) : null;
  const port = { relay: stack.relay.port, smtp: own.port, m365: stack.m365?.smtp.port ?? 0 }[target];
  const auth = m365
    ? { type: 'OAuth2' as const, ...m365 }
    : target === 'smtp'
      ? { user: OWN_SMTP.user, pass: OWN_SMTP.password }
      : undefined;
  return bareSend(nodemailer, { port, ca: tls.ca, auth, ...(m365 ? { from: m365.user } : {}) });
}

answerRequests({
  send: bareSendTo,
  identityCalls: identityCalls ? () => ({ requests: identityCalls(), tokenRequests: stack.m365!.emulator.stats.tokenRequests }) : undefined,
});

const ready: BffReady = {
  kind: 'ready',
  url: stack.url,
  helloUrl: `http://localhost:${(hello.address() as AddressInfo).port}/`,
  ownSmtpPort: own.port,
  m365: stack.m365
    ? { emulatorCa: stack.m365.emulator.ca, mailboxes: DEMO_M365_MAILBOXES.map(({ email, password }) => ({ email, password })) }
    : null,
};
process.send?.(ready);

process.on('disconnect', () => {
  hello.close();
  void Promise.all([stack.close(), own.close()]).finally(() => process.exit(0));
});
