import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/database';
import { insertJsonRows, jsonParameter } from '../src/db/json-rows';
import { seedDemoUsers } from '../src/dev/demo-users';
import type { SendLogEntry } from '../src/mail/send-log';
import { openTestDatabase } from './support/test-database';

let db: Db;
let close: () => Promise<void>;
let userId: number;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  await seedDemoUsers(db, new Date('2026-11-29T10:00:00Z'));
  userId = (await db.selectFrom('users').select('id').where('code', '=', 'JAAN').executeTakeFirstOrThrow()).id;
});
afterAll(() => close());

const entry = (recipient: string, extra: Partial<SendLogEntry> = {}): SendLogEntry => ({
  user_id: userId,
  at: '2026-11-29T10:00:00.123Z',
  kind: 'send',
  transport: '{"kind":"smtp"}',
  recipient,
  result: 'sent',
  server_reply: '250 OK',
  error_code: null,
  duration_ms: 12,
  message_id: `<${recipient}@firma.ee>`,
  ...extra,
});

describe('rows inserted as one JSON parameter', () => {
  it.each([
    ['a plain string', 'tere', 'tere'],
    ['U+0000', 'a\0b', 'a\uFFFDb'],
    ['a backslash before U+0000', 'a\\\0b', 'a\\\uFFFDb'],
    ['the six characters \\u0000', 'a\\u0000b', 'a\\u0000b'],
    ['two backslashes, then \\u0000 as text', 'a\\\\u0000b', 'a\\\\u0000b'],
  ])('when a value holds %s, then the JSON text keeps it, U+0000 replaced', (_, value, stored) => {
    expect(JSON.parse(jsonParameter([{ value }]))).toEqual([{ value: stored }]);
  });

  it('when rows name different columns, then each is stored as given and a column a row leaves out is null', async () => {
    const rows = [
      entry('klient1@example.ee', { failure_class: 'authFailed', server_reply: 'kaks\0null' }),
      entry('klient2@example.ee', { server_reply: 'tagurpidi \\u0000 kaldkriips' }),
    ];
    await insertJsonRows(db, 'send_log', rows);

    const stored = await db
      .selectFrom('send_log')
      .select(['recipient', 'at', 'duration_ms', 'server_reply', 'failure_class', 'actor_user_id'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      {
        recipient: 'klient1@example.ee',
        at: '2026-11-29T10:00:00.123Z',
        duration_ms: 12,
        server_reply: 'kaks\uFFFDnull',
        failure_class: 'authFailed',
        actor_user_id: null,
      },
      {
        recipient: 'klient2@example.ee',
        at: '2026-11-29T10:00:00.123Z',
        duration_ms: 12,
        server_reply: 'tagurpidi \\u0000 kaldkriips',
        failure_class: null,
        actor_user_id: null,
      },
    ]);
  });

  it('when rows share some values and differ in others, then each row is stored with its own and the shared ones', async () => {
    const shared = { user_id: userId, at: '2026-11-29T11:00:00.000Z', server_reply: 'sama\0vastus', failure_class: null };
    const rows = [
      entry('jagatud1@example.ee', { ...shared, duration_ms: 1 }),
      entry('jagatud2@example.ee', { ...shared, duration_ms: 2, error_code: 'EAUTH' }),
      entry('jagatud3@example.ee', { ...shared, duration_ms: 3 }),
    ];
    await insertJsonRows(db, 'send_log', rows);

    const stored = await db
      .selectFrom('send_log')
      .select(['recipient', 'at', 'duration_ms', 'server_reply', 'failure_class', 'error_code', 'result'])
      .where('recipient', 'like', 'jagatud%')
      .orderBy('id')
      .execute();
    const common = { at: '2026-11-29T11:00:00.000Z', server_reply: 'sama\uFFFDvastus', failure_class: null, result: 'sent' };
    expect(stored).toEqual([
      { recipient: 'jagatud1@example.ee', duration_ms: 1, error_code: null, ...common },
      { recipient: 'jagatud2@example.ee', duration_ms: 2, error_code: 'EAUTH', ...common },
      { recipient: 'jagatud3@example.ee', duration_ms: 3, error_code: null, ...common },
    ]);
  });

  it('when there are no rows, then nothing is run', async () => {
    await expect(insertJsonRows(db, 'send_log', [])).resolves.toBeUndefined();
  });
});
