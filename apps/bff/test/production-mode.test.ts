import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type RunningBff } from '../src/bootstrap';
import { ConfigError, loadConfig } from '../src/config';
import { seedDemoUsers } from '../src/dev/demo-users';
import { createLogger } from '../src/logger';
import { generateKeySpec } from '../src/secrets/secret-box';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const ORIGIN = 'https://mail.example.com';
let dir: string;
let bff: RunningBff;
let database: TestDatabase;
/** A listener on an open port of the production deployment: it must never see a connection. */
let trap: Server;
let trapConnections = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'saatja-prod-'));
  database = await createTestDatabase();
  trap = createServer((socket) => {
    trapConnections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  const config = loadConfig({
    SAATJA_OPEN_PORTS: `25,465,587,${(trap.address() as AddressInfo).port}`,
    SAATJA_MODE: 'production',
    PORT: '0',
    SAATJA_INBOUND_PORT: '0',
    SAATJA_DATA_DIR: dir,
    SAATJA_DATABASE_URL: database.url,
    SAATJA_PUBLIC_ORIGIN: ORIGIN,
    SAATJA_RELAY_HOST: 'relay.example.com',
    SAATJA_SECRETS_KEYS: generateKeySpec('p1'),
  });
  bff = await startBff({ ...config, logLevel: 'silent' }, createLogger('silent'));
  await seedDemoUsers(bff.db, new Date());
});

afterAll(async () => {
  await bff.close();
  await database.drop();
  trap.close();
  rmSync(dir, { recursive: true, force: true });
});

const signIn = (headers: Record<string, string>) =>
  fetch(`${bff.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ code: 'JAAN', password: 'jaan-demo-2026' }),
  });

describe('production mode', () => {
  it('when a user signs in, then the session cookie is __Host-, Secure, HttpOnly and SameSite', async () => {
    const response = await signIn({ Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-saatja_session=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('when a request comes from another origin, then it is refused', async () => {
    expect((await signIn({ Origin: 'https://evil.example' })).status).toBe(403);
    expect((await signIn({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await signIn({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
  });

  it('when any page is fetched, then strict security headers come with it', async () => {
    const response = await fetch(`${bff.url}/api/deployment`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('when a user points their card at a loopback server, then the test mail is refused before any socket opens', async () => {
    const signedIn = await signIn({ Origin: ORIGIN });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { 'Content-Type': 'application/json', Origin: ORIGIN, Cookie: cookie };
    const port = (trap.address() as AddressInfo).port;
    for (const host of ['127.0.0.1', 'localhost']) {
      const card = {
        name: 'Jaan',
        email: 'jaan@firma.ee',
        mailSender: { mode: 'smtp', smtp: { host, port, security: 'none', user: '', password: '', clearPassword: false } },
      };
      expect((await fetch(`${bff.url}/api/card`, { method: 'PUT', headers, body: JSON.stringify(card) })).status).toBe(200);
      const sent = await fetch(`${bff.url}/api/card/test-mail`, { method: 'POST', headers, body: '{}' });
      expect(sent.status).toBe(502);
      expect(await sent.json()).toMatchObject({ error: { code: 'sendFailed', detail: 'targetNotAllowed' } });
    }
    expect(trapConnections).toBe(0);
  });

  it('when production settings are missing, then start-up fails listing what is missing', () => {
    expect(() => loadConfig({ SAATJA_MODE: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ SAATJA_MODE: 'production' })).toThrow(/SAATJA_RELAY_HOST, SAATJA_SECRETS_KEYS, SAATJA_PUBLIC_ORIGIN/);
    expect(() => loadConfig({ SAATJA_OPEN_PORTS: '25,abc' })).toThrow(ConfigError);
    // A company name without a letter or digit would give the event mailbox an empty name.
    expect(() => loadConfig({ SAATJA_COMPANY_NAME: 'ООО «Ромашка»' })).toThrow(/SAATJA_COMPANY_NAME/);
  });

  // Last: it leaves this test's own address limited.
  it('when SAATJA_TRUST_PROXY is not set, then X-Forwarded-For is ignored and a spoofed header does not reset the limit', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 16; i++) {
      const response = await fetch(`${bff.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'X-Forwarded-For': `198.51.100.${i}` },
        body: JSON.stringify({ code: `GUESS${i}`, password: 'guess-1234' }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(15).fill(401), 429]);
  });
});
