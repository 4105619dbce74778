import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  admin = apiClient(stack.url);
  await admin.signIn('MARI', 'mari-demo-2026');
});

afterAll(async () => {
  await stack.close();
});

async function snapshot() {
  const db = stack.bff.db;
  return JSON.stringify([
    await db.selectFrom('users').selectAll().orderBy('id').execute(),
    await db.selectFrom('mail_settings').selectAll().orderBy('user_id').execute(),
    await db.selectFrom('system_settings').selectAll().orderBy('key').execute(),
  ]);
}

const text = fc.oneof(fc.string(), fc.constantFrom('', ' ', 'a\r\nBcc: x@evil.example', 'smtp.firma.ee', 'x'.repeat(300), '😀', '\u0000'));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
/** Payloads shaped like the real ones, with wrong types, missing and extra fields. */
const smtpLike = fc.record(
  {
    host: scalar,
    port: fc.oneof(fc.constantFrom(25, 465, 587, 22, 0, -1, 65536, 587.5), scalar),
    security: fc.oneof(fc.constantFrom('none', 'ssl', 'starttls', 'tls'), scalar),
    user: scalar,
    password: scalar,
    clearPassword: scalar,
  },
  { requiredKeys: [] },
);
const cardLike = fc.record(
  {
    name: scalar,
    email: fc.oneof(fc.constantFrom('jaan@firma.ee', 'not-an-email', 'a@b\r\nc'), scalar),
    mailSender: fc.oneof(
      fc.record(
        { mode: fc.oneof(fc.constantFrom('default', 'smtp', 'm365', 'replyTo', 'SMTP'), scalar), smtp: smtpLike, m365: fc.anything() },
        { requiredKeys: [] },
      ),
      scalar,
    ),
  },
  { requiredKeys: [] },
);

const payloads: { method: string; path: string; body: fc.Arbitrary<unknown> }[] = [
  { method: 'PUT', path: '/card', body: fc.oneof(cardLike, fc.anything()) },
  { method: 'PUT', path: '/admin/users/JAAN/card', body: fc.oneof(cardLike, fc.anything()) },
  { method: 'POST', path: '/card/test-mail', body: fc.oneof(fc.record({ to: scalar }, { requiredKeys: [] }), fc.anything()) },
  {
    method: 'PUT',
    path: '/admin/settings',
    body: fc.oneof(fc.record({ mailSendingUserCode: scalar }, { requiredKeys: [] }), fc.anything()),
  },
  { method: 'POST', path: '/admin/settings/preview', body: fc.oneof(fc.record({ mailSendingUserCode: scalar }), fc.anything()) },
  {
    method: 'POST',
    path: '/admin/users',
    body: fc.oneof(
      fc.record({ code: scalar, name: scalar, email: scalar, role: scalar, password: scalar }, { requiredKeys: [] }),
      fc.anything(),
    ),
  },
  {
    method: 'PUT',
    path: '/admin/users/JAAN/password',
    body: fc.oneof(fc.record({ password: fc.oneof(fc.string({ maxLength: 9 }), scalar) }), fc.anything()),
  },
  {
    method: 'POST',
    path: '/auth/sign-in',
    body: fc.oneof(fc.record({ code: scalar, password: scalar }, { requiredKeys: [] }), fc.anything()),
  },
];

describe('every payload, fuzzed', () => {
  it.each(payloads)(
    'when $method $path gets arbitrary input, then the answer is never a 5xx and a refusal changes nothing',
    async ({ method, path, body }) => {
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const before = await snapshot();
          const response = await admin.call(method, path, payload ?? null);
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            expect(await snapshot()).toBe(before);
            if (response.status === 422) expect(response.json).toMatchObject({ error: { code: 'validation', fields: expect.any(Object) } });
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});
