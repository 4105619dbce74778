import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LogPage, PublicSendLogEntry } from '@saatja/core';
import nodemailer from 'nodemailer';
import { createLocalTls, startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeySpec } from '../src/secrets/secret-box';
import { apiClient } from './support/api-client';
import { imageEnv } from './support/image-env';
import { createEmptyTestDatabase, type TestDatabase } from './support/test-database';
import { productionBundle, runCli, startProduction, type RunningProduction } from './support/production-bundle';

const PASSWORD = 'first-admin-pass-2026';
/** ms the slow relay waits before answering DATA: long enough to send SIGTERM in between. */
const SLOW_DATA_MS = 1_500;

let bundle: string;
let dir: string;
let relay: LocalSmtpServer;
let caFile: string;
/** Set by the slow relay when a message has arrived and its 250 is being held back. */
let onHeldMail: (() => void) | null = null;
let holdMs = 0;
const secretsKeys = generateKeySpec('prod1');
/** Empty databases (no tables) on the run's PostgreSQL, by deployment; the others run an embedded one. */
const databases: Record<string, TestDatabase> = {};

beforeAll(async () => {
  bundle = productionBundle();
  dir = mkdtempSync(path.join(tmpdir(), 'saatja-production-'));
  // Run as root, the embedded PostgreSQL runs as the postgres user, which must reach its folder.
  chmodSync(dir, 0o755);
  const tls = await createLocalTls();
  caFile = path.join(dir, 'relay-ca.pem');
  writeFileSync(caFile, tls.ca);
  relay = await startSmtpServer({
    security: 'starttls',
    tls,
    name: 'relay.test',
    beforeDataReply: async () => {
      onHeldMail?.();
      await new Promise((resolve) => setTimeout(resolve, holdMs));
    },
  });
  writeFileSync(path.join(dir, 'password'), `${PASSWORD}\n`);
  for (const name of ['first', 'drain']) databases[name] = await createEmptyTestDatabase();
}, 300_000);

afterAll(async () => {
  await relay?.close();
  for (const database of Object.values(databases)) await database.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The image's environment with a deployment's settings, on its own data folder; nothing on a fixed port. */
const settings = (data: string, extra: Record<string, string> = {}) => ({
  ...imageEnv(),
  SAATJA_MODE: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  SAATJA_INBOUND_PORT: '0',
  SAATJA_DATA_DIR: path.join(dir, data),
  ...(databases[data] ? { SAATJA_DATABASE_URL: databases[data].url } : {}),
  SAATJA_PUBLIC_ORIGIN: 'https://saatja.test',
  SAATJA_RELAY_HOST: 'localhost',
  SAATJA_RELAY_PORT: String(relay.port),
  SAATJA_RELAY_SECURITY: 'starttls',
  SAATJA_EXTRA_CA_FILES: caFile,
  SAATJA_SECRETS_KEYS: secretsKeys,
  ...extra,
});

const createAdmin = (data: string, code: string, more: string[] = [], stdin = '') =>
  runCli(
    bundle,
    ['create-admin', '--code', code, '--name', `Admin ${code}`, '--email', `${code.toLowerCase()}@firma.ee`, ...more],
    settings(data),
    stdin,
  );

async function stop(server: RunningProduction): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

describe('the production bundle', { timeout: 120_000 }, () => {
  it('when built, then it holds no dev-only package and refuses to run without production mode', async () => {
    expect(existsSync(path.join(bundle, 'node_modules/@saatja'))).toBe(false);
    const installed = readdirSync(path.join(bundle, 'node_modules/.pnpm')).join('\n');
    expect(installed).toContain('smtp-server@'); // a production dependency is there …
    expect(installed).not.toContain('selfsigned@'); // … the local servers' own dependencies are not
    for (const file of readdirSync(path.join(bundle, 'dist')).filter((name) => name.endsWith('.js'))) {
      expect(readFileSync(path.join(bundle, 'dist', file), 'utf8')).not.toMatch(/startIdentityEmulator|seedDemoUsers|startSmtpServer/);
    }

    const devSettings: Record<string, string> = settings('dev');
    delete devSettings.SAATJA_MODE;
    const server = startProduction(bundle, devSettings);
    await expect(server).rejects.toThrow(
      /exited with 78: This is the production build of Saatja: it runs with SAATJA_MODE=production only/,
    );
  });

  it.runIf(process.getuid?.() === 0)(
    'when run as root on a data folder the postgres user cannot reach, then the start exits 78 naming the folder, without a stack trace',
    async () => {
      const closed = path.join(dir, 'closed');
      mkdirSync(closed, { mode: 0o700 });
      const failure = await startProduction(bundle, settings('closed/data')).then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(failure).toContain(`exited with 78: the embedded PostgreSQL runs as the postgres user, which cannot pass through ${closed}`);
      expect(failure).not.toMatch(/\n\s+at /);
    },
  );

  it('when started on an empty database, then the first admin made with the command signs in, saves a card and sends a test mail', async () => {
    const server = await startProduction(bundle, settings('first'));
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
    const mari = apiClient(server.url);
    expect((await mari.signIn('MARI', PASSWORD)).status).toBe(401);

    const created = await createAdmin('first', 'MARI', ['--password-file', path.join(dir, 'password')]);
    expect(created).toMatchObject({ code: 0, stdout: 'Created admin MARI (Admin MARI, mari@firma.ee).\n' });
    expect(created.stdout + created.stderr).not.toContain(PASSWORD);

    expect((await mari.signIn('MARI', PASSWORD)).status).toBe(200);
    expect(mari.cookie).toMatch(/^__Host-saatja_session=/);
    const card = { name: 'Mari Maasikas', email: 'mari@firma.ee', mailSender: { mode: 'default' } };
    expect((await mari.call('PUT', '/card', card)).status).toBe(200);
    expect((await mari.call('POST', '/card/test-mail', {})).status).toBe(200);
    await relay.waitForMail((mail) => mail.envelope.to.includes('mari@firma.ee'));
    const log = ((await mari.call('GET', '/send-log')).json as unknown as LogPage<PublicSendLogEntry>).entries;
    expect(log).toMatchObject([{ kind: 'test', recipient: 'mari@firma.ee', result: 'sent', transport: { kind: 'relay' } }]);

    expect(await stop(server)).toBe(0);
  });

  it('when create-admin runs again for a code, then it refuses and changes nothing; a generated password is printed once', async () => {
    const again = await createAdmin('first', 'mari', ['--password-stdin'], 'another-password-2026\n');
    expect(again).toMatchObject({ code: 1, stdout: '', stderr: 'A user with code MARI already exists; nothing was changed.\n' });

    const generated = await createAdmin('first', 'JUKU');
    expect(generated.code).toBe(0);
    const password = /Generated password, shown only now: (\S+)\n$/.exec(generated.stdout)?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);

    const invalid = await runCli(
      bundle,
      ['create-admin', '--code', 'Ä!', '--email', 'nope', '--password-stdin'],
      settings('first'),
      'short\n',
    );
    expect(invalid).toMatchObject({ code: 65, stdout: '' });
    expect(invalid.stderr).toContain('--code must be 1–20 characters');
    expect(invalid.stderr).toContain('--email is not an e-mail address');
    expect(invalid.stderr).toContain('the password must be at least 10 characters');
    expect(invalid.stderr).not.toContain('short');

    const server = await startProduction(bundle, settings('first'));
    expect((await apiClient(server.url).signIn('MARI', PASSWORD)).status).toBe(200);
    expect((await apiClient(server.url).signIn('MARI', 'another-password-2026')).status).toBe(401);
    expect((await apiClient(server.url).signIn('JUKU', password!)).status).toBe(200);
    expect(await stop(server)).toBe(0);
  });

  it('when the one-shot first-admin setting is given (and no database URL: the embedded PostgreSQL), then it creates the admin only while none exists', async () => {
    const firstFile = path.join(dir, 'password');
    const laterFile = path.join(dir, 'later-password');
    writeFileSync(laterFile, 'a-later-password-2026');
    const initial = (file: string) => ({
      SAATJA_INITIAL_ADMIN_CODE: 'ADMIN',
      SAATJA_INITIAL_ADMIN_EMAIL: 'admin@firma.ee',
      SAATJA_INITIAL_ADMIN_PASSWORD_FILE: file,
    });

    const first = await startProduction(bundle, settings('oneshot', initial(firstFile)));
    expect((await apiClient(first.url).signIn('ADMIN', PASSWORD)).status).toBe(200);
    expect(await stop(first)).toBe(0);

    const second = await startProduction(bundle, settings('oneshot', initial(laterFile)));
    expect((await apiClient(second.url).signIn('ADMIN', PASSWORD)).status).toBe(200);
    expect((await apiClient(second.url).signIn('ADMIN', 'a-later-password-2026')).status).toBe(401);
    expect(JSON.stringify(second.logs)).not.toContain(PASSWORD);
    expect(await stop(second)).toBe(0);
  });
});

describe('saatja commands beside a running server', { timeout: 120_000 }, () => {
  it('when create-admin runs while the server runs on the embedded PostgreSQL, then both share it and the server keeps answering', async () => {
    const server = await startProduction(bundle, settings('beside'));
    const created = await createAdmin('beside', 'MARI', ['--password-file', path.join(dir, 'password')]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(await runCli(bundle, ['migrate'], settings('beside'))).toMatchObject({ code: 0 });

    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const mari = apiClient(server.url);
    expect((await mari.signIn('MARI', PASSWORD)).status).toBe(200);
    expect((await mari.call('PUT', '/card', { name: 'Mari', email: 'mari@firma.ee', mailSender: { mode: 'default' } })).status).toBe(200);
    expect(await stop(server)).toBe(0);
  });
});

describe('saatja inbound', { timeout: 120_000 }, () => {
  it('when the event mailbox runs alone, then it accepts mail for the mailbox into the shared database and stops at SIGTERM', async () => {
    const inbound = await startProduction(bundle, settings('first', { SAATJA_INBOUND_PORT: '0' }), {
      args: ['dist/cli.js', 'inbound'],
      readyMsg: 'event mailbox listening',
    });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.ready.port as number, secure: false, ignoreTLS: true });
    const info = await transport.sendMail({
      from: 'mailer-daemon@example.net',
      to: 'demofirmaou@event.data.directo.ee',
      subject: 'Re: test',
      text: 'a reply',
    });
    expect(info.response).toMatch(/^250 /);
    await expect(transport.sendMail({ from: 'x@example.net', to: 'someone-else@event.data.directo.ee', text: 'no' })).rejects.toMatchObject(
      { responseCode: 550 },
    );
    expect(await stop(inbound)).toBe(0);
  });
});

/** MARI's test mail from a server on `data`, held by the relay before its 250: a request in flight. */
async function testMailInFlight(data: string, recipient: string) {
  await createAdmin(data, 'MARI', ['--password-file', path.join(dir, 'password')]);
  const server = await startProduction(bundle, settings(data));
  const mari = apiClient(server.url);
  await mari.signIn('MARI', PASSWORD);
  await mari.call('PUT', '/card', { name: 'Mari', email: recipient, mailSender: { mode: 'default' } });
  holdMs = SLOW_DATA_MS;
  const held = new Promise<void>((resolve) => (onHeldMail = resolve));
  const sending = mari.call('POST', '/card/test-mail', {});
  await held;
  return { server, sending };
}

/** Once the server has stopped: a new start on the same data shows the held mail as sent in MARI's send log. */
async function expectLoggedAsSent(data: string, recipient: string) {
  holdMs = 0;
  onHeldMail = null;
  const after = await startProduction(bundle, settings(data));
  const again = apiClient(after.url);
  await again.signIn('MARI', PASSWORD);
  const log = ((await again.call('GET', '/send-log')).json as unknown as LogPage<PublicSendLogEntry>).entries;
  expect(log).toMatchObject([{ recipient, result: 'sent' }]);
  expect(relay.received().filter((mail) => mail.envelope.to.includes(recipient))).toHaveLength(1);
  expect(await stop(after)).toBe(0);
}

describe('draining on SIGTERM', { timeout: 120_000 }, () => {
  it('when SIGTERM comes during a slow test mail, then new connections are refused, the mail is sent and logged, and the process exits 0', async () => {
    const { server, sending } = await testMailInFlight('drain', 'mari.drain@firma.ee');
    server.child.kill('SIGTERM');
    await server.waitForLog('draining: no new connections; requests in flight may finish');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    expect((await sending).status).toBe(200);
    expect(await server.exited).toBe(0);
    await expectLoggedAsSent('drain', 'mari.drain@firma.ee');
  });

  it('when Ctrl+C (SIGINT to the process group) comes during a slow test mail on the embedded PostgreSQL, then the mail is sent and logged, and PostgreSQL stops after the server', async () => {
    const { server, sending } = await testMailInFlight('ctrl-c', 'mari.ctrl-c@firma.ee');
    process.kill(-server.child.pid!, 'SIGINT');
    await server.waitForLog('draining: no new connections; requests in flight may finish');

    expect((await sending).status).toBe(200);
    expect(await server.exited).toBe(0);
    const warnings = server.logs.filter((entry) => (entry.level as number) >= 40);
    expect(warnings.map(({ msg, err }) => `${msg as string}: ${(err as { message?: string } | undefined)?.message}`)).toEqual([]);
    // The server stopped its PostgreSQL last: no server is left holding the cluster.
    expect(existsSync(path.join(dir, 'ctrl-c', 'pg', 'postmaster.pid'))).toBe(false);
    await expectLoggedAsSent('ctrl-c', 'mari.ctrl-c@firma.ee');
  });

  it('when SIGTERM comes during a streamed connection check, then the stream ends with its verdict and the process exits 0', async () => {
    const server = await startProduction(bundle, settings('drain'));
    const mari = apiClient(server.url);
    await mari.signIn('MARI', PASSWORD);

    holdMs = SLOW_DATA_MS;
    const held = new Promise<void>((resolve) => (onHeldMail = resolve));
    const checking = mari.call('POST', '/card/check', { mode: 'send' });
    await held;
    server.child.kill('SIGTERM');
    await server.waitForLog('draining: no new connections; requests in flight may finish');

    const { status, text } = await checking;
    expect(status).toBe(200);
    const events = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toContainEqual(expect.objectContaining({ type: 'step', step: 'send', status: 'ok' }));
    expect(events.at(-1)).toMatchObject({ type: 'verdict', ok: true, mode: 'send', to: 'mari.drain@firma.ee' });
    expect(await server.exited).toBe(0);
    holdMs = 0;
    onHeldMail = null;
  });

  it('when a request outlasts SAATJA_DRAIN_TIMEOUT_MS, then its connection is cut and the process still exits 0', async () => {
    const server = await startProduction(bundle, settings('drain', { SAATJA_DRAIN_TIMEOUT_MS: '200' }));
    const mari = apiClient(server.url);
    await mari.signIn('MARI', PASSWORD);

    holdMs = SLOW_DATA_MS;
    const held = new Promise<void>((resolve) => (onHeldMail = resolve));
    const sending = mari.call('POST', '/card/test-mail', {});
    await held;
    server.child.kill('SIGTERM');

    await expect(sending).rejects.toThrow();
    expect(await server.exited).toBe(0);
    expect(server.logs.map((entry) => entry.msg)).toContain('drain time is up; closing the connections still open');
    holdMs = 0;
    onHeldMail = null;
  });
});
