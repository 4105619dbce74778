import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/database';
import { preparedQuery } from '../src/db/prepared';
import { openTestDatabase } from './support/test-database';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let sql: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase({ log: (event) => void sql.push(event.query.sql) });
  db = database.db;
  await db
    .insertInto('users')
    .values(
      ['A', 'B', 'C'].map((code) => ({
        code,
        name: `User ${code}`,
        email: `${code.toLowerCase()}@x.ee`,
        role: 'user',
        password_hash: 'x',
      })),
    )
    .execute();
});

afterAll(async () => {
  await database.close();
});

describe('a query compiled once', () => {
  it('when it runs with different arguments, then each run answers for its own arguments, with the same SQL text', async () => {
    const byCodeAndRole = preparedQuery(db, (code: string, role: 'user' | 'admin') =>
      db.selectFrom('users').select(['code', 'name']).where('code', '=', code).where('role', '=', role).where('email', 'like', '%@x.ee'),
    );
    sql = [];

    expect(await byCodeAndRole('B', 'user')).toEqual([{ code: 'B', name: 'User B' }]);
    expect(await byCodeAndRole('C', 'user')).toEqual([{ code: 'C', name: 'User C' }]);
    expect(await byCodeAndRole('C', 'admin')).toEqual([]);
    expect(new Set(sql).size).toBe(1);
  });

  it('when an argument is a value Kysely would treat as SQL, then it is still only a parameter', async () => {
    const byCode = preparedQuery(db, (code: string) => db.selectFrom('users').select('code').where('code', '=', code));

    expect(await byCode("A' or '1'='1")).toEqual([]);
    expect(await byCode('A')).toEqual([{ code: 'A' }]);
  });

  it('when the builder leaves an argument unused, then it is refused when it is made, not at a request', () => {
    expect(() => preparedQuery(db, (_code: string) => db.selectFrom('users').select('code'))).toThrow(/uses 0 of its 1 arguments/);
  });
});
