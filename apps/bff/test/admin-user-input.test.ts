import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { dumpDatabase } from './support/dump-database';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  admin = apiClient(stack.url);
  expect((await admin.signIn('MARI', 'mari-demo-2026')).status).toBe(200);
});

afterAll(async () => {
  await stack.close();
});

const newUser = (fields: Record<string, string>) => ({
  code: 'NEW',
  name: 'Uus Kasutaja',
  email: 'uus@firma.ee',
  role: 'user',
  password: 'a-new-password-1',
  ...fields,
});

describe('an admin creating a user', () => {
  it.each([
    ['name', 'Uus\r\nBcc: x@evil.example', 'controlChars'],
    ['name', 'Uus\u0000', 'controlChars'],
    ['name', 'Uus\u2028Kasutaja', 'controlChars'],
    ['name', 'Uus\u202eKasutaja', 'controlChars'],
    ['email', 'uus@firma.ee\r\nBcc: x@evil.example', 'email.invalid'],
  ])('when the %s is %j, then the field is refused and no user is created', async (field, value, error) => {
    const before = await dumpDatabase(stack.bff.db);
    const created = await admin.call('POST', '/admin/users', newUser({ [field]: value }));
    expect(created.status).toBe(422);
    expect(created.json).toEqual({ error: { code: 'validation', fields: { [field]: error } } });
    expect(await dumpDatabase(stack.bff.db)).toBe(before);
  });

  it('when the name and e-mail are clean, then the user is created with them', async () => {
    expect((await admin.call('POST', '/admin/users', newUser({ name: ' Õie Ülle-Šõrm ' }))).status).toBe(201);
  });
});
