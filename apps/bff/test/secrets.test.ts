import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/database';
import { openTestDatabase } from './support/test-database';
import { rekeyAll } from '../src/secrets/rekey';
import { createSecretBox, generateKeySpec } from '../src/secrets/secret-box';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;

beforeEach(async () => {
  database = await openTestDatabase();
  db = database.db;
  await db.insertInto('users').values({ code: 'A', name: 'A', email: 'a@x.ee', role: 'user', password_hash: 'x' }).execute();
});

afterEach(async () => {
  await database.close();
});

describe('the secret box', () => {
  it('when a value is sealed, then it opens only in its own context and carries its key id', () => {
    const box = createSecretBox(generateKeySpec('k1'));
    const sealed = box.seal('hunter2', 'smtp-password:1');
    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain('hunter2');
    expect(box.open(sealed, 'smtp-password:1')).toBe('hunter2');
    expect(() => box.open(sealed, 'smtp-password:2')).toThrow();
  });

  it('when a sealed value is tampered with, then it does not open', () => {
    const box = createSecretBox(generateKeySpec('k1'));
    const [format, kid, iv, tag, body] = box.seal('hunter2', 'c').split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => box.open([format, kid, iv, tag, flipped.toString('base64url')].join('.'), 'c')).toThrow();
  });

  it('when keys are rotated and rekey runs, then every secret is under the new key and the old key can go', async () => {
    const oldKey = generateKeySpec('old');
    const old = createSecretBox(oldKey);
    await db
      .insertInto('mail_settings')
      .values({
        user_id: 1,
        mode: 'smtp',
        smtp_host: 'h',
        smtp_port: 587,
        smtp_security: 'starttls',
        smtp_user: 'u',
        smtp_password_sealed: old.seal('pw', 'smtp-password:1'),
        password_host: 'h',
        password_port: 587,
        password_security: 'starttls',
        updated_at: new Date().toISOString(),
      })
      .execute();
    const newKey = generateKeySpec('new');
    const rotated = createSecretBox(`${newKey},${oldKey}`);
    expect(await rekeyAll(db, rotated)).toBe(1);
    expect(await rekeyAll(db, rotated)).toBe(0);
    const row = await db.selectFrom('mail_settings').select('smtp_password_sealed').executeTakeFirstOrThrow();
    expect(row.smtp_password_sealed).toMatch(/^v1\.new\./);
    expect(createSecretBox(newKey).open(row.smtp_password_sealed!, 'smtp-password:1')).toBe('pw');
  });
});
