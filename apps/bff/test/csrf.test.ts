import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { printFigure } from './support/figures';
import { startTestStack, type TestStack } from './support/stack';

const card = { name: 'Jaan Tamm', email: 'jaan@firma.ee', mailSender: { mode: 'replyTo' } };

/** Every state-changing route (`source` names its registration), with a body that would change something. */
const routes: { source: string; method: string; path: string; body?: unknown; as: 'JAAN' | 'MARI' }[] = [
  { source: 'auth POST /sign-in', method: 'POST', path: '/auth/sign-in', body: { code: 'JAAN', password: 'jaan-demo-2026' }, as: 'JAAN' },
  { source: 'auth POST /sign-out', method: 'POST', path: '/auth/sign-out', as: 'JAAN' },
  { source: 'auth PUT /me/language', method: 'PUT', path: '/auth/me/language', body: { language: 'en' }, as: 'JAAN' },
  { source: 'card PUT /', method: 'PUT', path: '/card', body: card, as: 'JAAN' },
  { source: 'card POST /test-mail', method: 'POST', path: '/card/test-mail', body: {}, as: 'JAAN' },
  { source: 'diagnostics POST /', method: 'POST', path: '/card/check', body: { mode: 'dryRun' }, as: 'JAAN' },
  { source: 'm365 POST /start', method: 'POST', path: '/card/m365/start', body: { user: 'jaan@firma.onmicrosoft.com' }, as: 'JAAN' },
  { source: 'm365 DELETE /', method: 'DELETE', path: '/card/m365', as: 'JAAN' },
  { source: 'admin PUT /settings', method: 'PUT', path: '/admin/settings', body: { mailSendingUserCode: 'MARI' }, as: 'MARI' },
  {
    source: 'admin POST /settings/preview',
    method: 'POST',
    path: '/admin/settings/preview',
    body: { mailSendingUserCode: 'MARI' },
    as: 'MARI',
  },
  {
    source: 'admin POST /users',
    method: 'POST',
    path: '/admin/users',
    body: { code: 'NEW', name: 'New', email: 'new@firma.ee', role: 'user', password: 'a-new-password-1' },
    as: 'MARI',
  },
  {
    source: 'admin PUT /users/:code/password',
    method: 'PUT',
    path: '/admin/users/JAAN/password',
    body: { password: 'a-new-password-1' },
    as: 'MARI',
  },
  { source: 'card PUT /', method: 'PUT', path: '/admin/users/JAAN/card', body: card, as: 'MARI' },
  { source: 'card POST /test-mail', method: 'POST', path: '/admin/users/JAAN/card/test-mail', body: {}, as: 'MARI' },
  { source: 'diagnostics POST /', method: 'POST', path: '/admin/users/JAAN/card/check', body: { mode: 'dryRun' }, as: 'MARI' },
  {
    source: 'm365 POST /start',
    method: 'POST',
    path: '/admin/users/JAAN/card/m365/start',
    body: { user: 'jaan@firma.onmicrosoft.com' },
    as: 'MARI',
  },
  { source: 'm365 DELETE /', method: 'DELETE', path: '/admin/users/JAAN/card/m365', as: 'MARI' },
  { source: 'api-tokens POST /', method: 'POST', path: '/admin/tokens', body: { name: 'ERP', scope: { kind: 'any' } }, as: 'MARI' },
  { source: 'api-tokens POST /:id/revoke', method: 'POST', path: '/admin/tokens/1/revoke', as: 'MARI' },
  {
    source: 'outbox PUT /',
    method: 'PUT',
    path: '/admin/server-limits',
    body: { host: 'smtp.firma.ee', perSecond: 1, perMinute: null, perHour: null, perDay: null, maxConnections: 1 },
    as: 'MARI',
  },
  { source: 'outbox DELETE /:host', method: 'DELETE', path: '/admin/server-limits/smtp.firma.ee', as: 'MARI' },
  { source: 'outbox POST /messages/:id/cancel', method: 'POST', path: '/outbox/messages/any/cancel', as: 'JAAN' },
  { source: 'outbox POST /messages/:id/retry', method: 'POST', path: '/outbox/messages/any/retry', as: 'JAAN' },
  { source: 'outbox POST /batches/:id/pause', method: 'POST', path: '/outbox/batches/any/pause', as: 'JAAN' },
  { source: 'outbox POST /batches/:id/resume', method: 'POST', path: '/outbox/batches/any/resume', as: 'JAAN' },
  { source: 'outbox POST /batches/:id/cancel', method: 'POST', path: '/outbox/batches/any/cancel', as: 'JAAN' },
];

/**
 * The ERP's API (/api/v1) takes bearer tokens only, never the session cookie, so a browser cannot be
 * made to call it: with a cookie and without a token, every state-changing route is 401.
 */
const message = { user: 'JAAN', to: ['klient@example.ee'], subject: 'Arve', text: 'Tere' };
const bearerRoutes: { source: string; method: string; path: string; body?: unknown }[] = [
  { source: 'send-api POST /messages', method: 'POST', path: '/v1/messages', body: message },
  { source: 'send-api POST /messages/:id/cancel', method: 'POST', path: '/v1/messages/any/cancel' },
  { source: 'send-api POST /batches', method: 'POST', path: '/v1/batches', body: { user: 'JAAN', messages: [message] } },
  { source: 'send-api POST /batches/:id/pause', method: 'POST', path: '/v1/batches/any/pause' },
  { source: 'send-api POST /batches/:id/resume', method: 'POST', path: '/v1/batches/any/resume' },
  { source: 'send-api POST /batches/:id/cancel', method: 'POST', path: '/v1/batches/any/cancel' },
];

const FOREIGN = 'https://evil.example';
const variants: [string, Record<string, string>][] = [
  ['no Origin and no Sec-Fetch-Site', {}],
  ['a foreign Origin', { Origin: FOREIGN }],
  ['cross-site', { 'Sec-Fetch-Site': 'cross-site', Origin: FOREIGN }],
  ['same-site', { 'Sec-Fetch-Site': 'same-site', Origin: 'http://www.localhost' }],
];

/** Every state-changing registration in the BFF's route files, as `<folder> <METHOD> <path>`. */
function registeredRoutes(): string[] {
  const src = path.resolve(import.meta.dirname, '../src');
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('routes.ts'))
    .flatMap((file) =>
      [...readFileSync(path.join(src, file), 'utf8').matchAll(/router\.(post|put|patch|delete)\('([^']*)'/g)].map(
        ([, method, route]) => `${path.dirname(file)} ${method!.toUpperCase()} ${route}`,
      ),
    );
}

let stack: TestStack;
const cookies: Record<'JAAN' | 'MARI', string> = { JAAN: '', MARI: '' };

/** Every row of every table: what "nothing changed" is checked against. */
async function snapshot(): Promise<string> {
  const db = stack.bff.db;
  const tables = await db.introspection.getTables();
  const rows: Record<string, unknown[]> = {};
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    rows[table.name] = await db
      .selectFrom(table.name as never)
      .selectAll()
      .execute();
  }
  return JSON.stringify(rows);
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const code of ['JAAN', 'MARI'] as const) {
    const client = apiClient(stack.url);
    expect((await client.signIn(code, `${code.toLowerCase()}-demo-2026`)).status).toBe(200);
    cookies[code] = client.cookie;
  }
});

afterAll(async () => {
  await stack?.close();
});

describe('CSRF: every state-changing route', () => {
  it('when the matrix lists the routes, then it covers every registration in the source', () => {
    expect(new Set([...routes, ...bearerRoutes].map((route) => route.source))).toEqual(new Set(registeredRoutes()));
  });

  it('when a browser’s session reaches the ERP’s API, same-origin or not, then it is refused with 401 and nothing changes', async () => {
    const before = await snapshot();
    for (const route of bearerRoutes) {
      for (const headers of [{ 'Sec-Fetch-Site': 'same-origin' }, ...variants.map(([, variant]) => variant)]) {
        const response = await fetch(`${stack.url}/api${route.path}`, {
          method: route.method,
          headers: { ...headers, Cookie: cookies.MARI, ...(route.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: route.body === undefined ? undefined : JSON.stringify(route.body),
        });
        expect(response.status, `${route.method} ${route.path}`).toBe(401);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('when a request is not provably same-origin, then it is refused with 403 and nothing changes', async () => {
    const before = await snapshot();
    let refused = 0;
    for (const route of routes) {
      for (const [variant, headers] of variants) {
        const response = await fetch(`${stack.url}/api${route.path}`, {
          method: route.method,
          headers: { ...headers, Cookie: cookies[route.as], ...(route.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: route.body === undefined ? undefined : JSON.stringify(route.body),
        });
        expect(response.status, `${route.method} ${route.path} with ${variant}`).toBe(403);
        expect(await response.json()).toEqual({ error: { code: 'csrf' } });
        refused += 1;
      }
    }
    expect(await snapshot()).toBe(before);
    // The sessions survived the refused sign-outs.
    const me = await fetch(`${stack.url}/api/auth/me`, { headers: { Cookie: cookies.JAAN } });
    expect(me.status).toBe(200);
    printFigure(
      `CSRF matrix: ${routes.length} routes × ${variants.length} variants = ${refused} requests, ${refused} refused with 403, database unchanged`,
    );
  });

  it('when a request is same-origin by Fetch Metadata or by Origin, then it goes through', async () => {
    const base = { 'Content-Type': 'application/json', Cookie: cookies.JAAN };
    const put = (headers: Record<string, string>) =>
      fetch(`${stack.url}/api/auth/me/language`, {
        method: 'PUT',
        headers: { ...base, ...headers },
        body: JSON.stringify({ language: 'en' }),
      });
    expect((await put({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await put({ Origin: stack.url })).status).toBe(200);
    expect((await put({ 'Sec-Fetch-Site': 'same-origin', Origin: FOREIGN })).status).toBe(403);
    expect((await put({ 'Sec-Fetch-Site': 'same-site', Origin: stack.url })).status).toBe(403);
  });
});
