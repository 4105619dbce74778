import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, createSessionStore } from '../src/auth/session-store';
import type { Db } from '../src/db/database';
import { openTestDatabase } from './support/test-database';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let clock: number;
const now = () => new Date(clock);

beforeEach(async () => {
  database = await openTestDatabase();
  db = database.db;
  await db.insertInto('users').values({ code: 'A', name: 'A', email: 'a@x.ee', role: 'user', password_hash: 'x' }).execute();
  clock = Date.parse('2026-11-27T08:00:00Z');
});

afterEach(async () => {
  await database.close();
});

describe('database sessions', () => {
  it('when a session is created, then only a hash of its id is stored', async () => {
    const id = await createSessionStore(db, now).create(1);
    const rows = await db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(id);
  });

  it('when the store is opened again (a restart or another instance), then the session is still valid', async () => {
    const id = await createSessionStore(db, now).create(1);
    expect(await createSessionStore(db, now).find(id)).toMatchObject({ userId: 1, user: { code: 'A' } });
  });

  it('when the session was idle too long, then it is gone', async () => {
    const store = createSessionStore(db, now);
    const id = await store.create(1);
    clock += SESSION_IDLE_MS - 60_000;
    expect(await store.find(id)).toMatchObject({ userId: 1, user: { code: 'A' } });
    clock += SESSION_IDLE_MS - 1000;
    expect(await store.find(id)).toMatchObject({ userId: 1, user: { code: 'A' } });
    clock += SESSION_IDLE_MS;
    expect(await store.find(id)).toBeNull();
    expect(await db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
  });

  it('when the session is used all the time, then it still ends at its absolute expiry', async () => {
    const store = createSessionStore(db, now);
    const id = await store.create(1);
    const end = clock + SESSION_ABSOLUTE_MS;
    while (clock + SESSION_IDLE_MS / 2 < end) {
      clock += SESSION_IDLE_MS / 2;
      expect(await store.find(id)).not.toBeNull();
    }
    clock = end;
    expect(await store.find(id)).toBeNull();
  });

  it('when a session is destroyed (sign-out), then its id no longer works', async () => {
    const store = createSessionStore(db, now);
    const id = await store.create(1);
    await store.destroy(id);
    expect(await store.find(id)).toBeNull();
  });
});
