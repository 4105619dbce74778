import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { startTestStack, type TestStack } from './support/stack';

type Role = 'anonymous' | 'user' | 'otherUser' | 'admin';
type Expected = Record<Role, number>;

const card = { name: 'Jaan Tamm', email: 'jaan@firma.ee', mailSender: { mode: 'replyTo' } };
const everyone = (status: number): Expected => ({ anonymous: status, user: status, otherUser: status, admin: status });
const signedIn = (status: number): Expected => ({ anonymous: 401, user: status, otherUser: status, admin: status });
const adminOnly = (status: number): Expected => ({ anonymous: 401, user: 403, otherUser: 403, admin: status });

/**
 * Every API route × who asks → the status. `user` is JAAN, whose data the `:code` routes name;
 * `otherUser` is PEEP, another ordinary user.
 */
const routes: { method: string; path: string; body?: unknown; expected: Expected }[] = [
  { method: 'GET', path: '/deployment', expected: everyone(200) },
  { method: 'GET', path: '/auth/me', expected: signedIn(200) },
  { method: 'GET', path: '/card', expected: signedIn(200) },
  { method: 'PUT', path: '/card', body: card, expected: signedIn(200) },
  { method: 'GET', path: '/card/effective', expected: signedIn(200) },
  { method: 'POST', path: '/card/test-mail', body: {}, expected: signedIn(200) },
  {
    method: 'POST',
    path: '/card/test-mail',
    body: { to: 'someone@else.ee' },
    expected: { anonymous: 401, user: 403, otherUser: 403, admin: 200 },
  },
  { method: 'GET', path: '/dev/mailbox', expected: signedIn(200) },
  { method: 'GET', path: '/admin/settings', expected: adminOnly(200) },
  { method: 'PUT', path: '/admin/settings', body: { mailSendingUserCode: null }, expected: adminOnly(200) },
  { method: 'POST', path: '/admin/settings/preview', body: { mailSendingUserCode: null }, expected: adminOnly(200) },
  { method: 'GET', path: '/admin/users', expected: adminOnly(200) },
  { method: 'GET', path: '/admin/audit', expected: adminOnly(200) },
  { method: 'GET', path: '/admin/users/JAAN/card', expected: adminOnly(200) },
  { method: 'PUT', path: '/admin/users/JAAN/card', body: card, expected: adminOnly(200) },
  { method: 'GET', path: '/admin/users/JAAN/card/effective', expected: adminOnly(200) },
  { method: 'POST', path: '/admin/users/JAAN/card/test-mail', body: {}, expected: adminOnly(200) },
  { method: 'PUT', path: '/admin/users/OLLI/password', body: { password: 'a-new-password-1' }, expected: adminOnly(204) },
  {
    method: 'POST',
    path: '/admin/users',
    body: { code: 'NEW', name: 'New', email: 'new@firma.ee', role: 'user', password: 'a-new-password-1' },
    expected: adminOnly(201),
  },
  { method: 'POST', path: '/card/check', body: { mode: 'dryRun' }, expected: signedIn(200) },
  { method: 'POST', path: '/admin/users/JAAN/card/check', body: { mode: 'dryRun' }, expected: adminOnly(200) },
  { method: 'GET', path: '/send-log', expected: signedIn(200) },
  { method: 'GET', path: '/events', expected: signedIn(200) },
  { method: 'GET', path: '/card/m365', expected: signedIn(200) },
  { method: 'POST', path: '/card/m365/start', body: { user: 'jaan@firma.onmicrosoft.com' }, expected: signedIn(200) },
  { method: 'DELETE', path: '/card/m365', expected: signedIn(200) },
  { method: 'GET', path: '/admin/users/JAAN/card/m365', expected: adminOnly(200) },
  { method: 'POST', path: '/admin/users/JAAN/card/m365/start', body: { user: 'jaan@firma.onmicrosoft.com' }, expected: adminOnly(200) },
  { method: 'DELETE', path: '/admin/users/JAAN/card/m365', expected: adminOnly(200) },
  { method: 'POST', path: '/auth/sign-out', expected: everyone(204) },
  { method: 'GET', path: '/no-such-route', expected: everyone(404) },
];

let stack: TestStack;
const clients = {} as Record<Role, ReturnType<typeof apiClient>>;

/** Everything a refused request must leave untouched. */
async function snapshot() {
  const db = stack.bff.db;
  return JSON.stringify([
    await db.selectFrom('users').selectAll().orderBy('id').execute(),
    await db.selectFrom('mail_settings').selectAll().orderBy('user_id').execute(),
    await db.selectFrom('system_settings').selectAll().orderBy('key').execute(),
    await db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
    await db.selectFrom('send_log').selectAll().orderBy('id').execute(),
  ]);
}

beforeAll(async () => {
  stack = await startTestStack({ m365: true });
  const admin = apiClient(stack.url);
  await admin.signIn('MARI', 'mari-demo-2026');
  await admin.call('POST', '/admin/users', {
    code: 'PEEP',
    name: 'Peep',
    email: 'peep@firma.ee',
    role: 'user',
    password: 'peep-password-1',
  });
  // OLLI's password is the one reset, so nobody in the matrix loses their session.
  await admin.call('POST', '/admin/users', {
    code: 'OLLI',
    name: 'Olli',
    email: 'olli@firma.ee',
    role: 'user',
    password: 'olli-password-1',
  });
  clients.anonymous = apiClient(stack.url);
  clients.user = apiClient(stack.url);
  clients.otherUser = apiClient(stack.url);
  clients.admin = admin;
  await clients.user.signIn('JAAN', 'jaan-demo-2026');
  await clients.otherUser.signIn('PEEP', 'peep-password-1');
});

afterAll(async () => {
  await stack.close();
});

describe('the authorization matrix', () => {
  const cases = routes.flatMap((route) =>
    (['anonymous', 'user', 'otherUser', 'admin'] as const).map((role) => ({ ...route, role, status: route.expected[role] })),
  );

  it.each(cases)('when $role calls $method $path, then the answer is $status', async ({ method, path, body, role, status }) => {
    const before = await snapshot();
    const response = await clients[role].call(method, path, body);
    expect(response.status).toBe(status);
    if (status >= 400) {
      expect(response.json).toMatchObject({ error: { code: expect.any(String) } });
      expect(await snapshot()).toBe(before);
    }
  });
});
