import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase } from '../../src/db/connect';
import { openDatabase, type DatabaseOptions, type Db } from '../../src/db/database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres';
import { migrateToLatest } from '../../src/db/migrations';

/** Set by the global setup for the test processes it starts: the server and the migrated template. */
const ADMIN_URL = 'SAATJA_TEST_PG_ADMIN_URL';
const TEMPLATE = 'SAATJA_TEST_PG_TEMPLATE';

/**
 * One PostgreSQL per test run (vitest's and Playwright's global setup): SAATJA_TEST_DATABASE_URL's
 * server when set (its user needs CREATEDB), else an embedded throwaway one. A template database is
 * migrated once; each test's database is a copy of it (createTestDatabase). Returns the teardown.
 */
export async function setUpTestDatabaseServer(): Promise<() => Promise<void>> {
  const external = process.env.SAATJA_TEST_DATABASE_URL;
  let dir: string | null = null;
  let server: EmbeddedPostgres | null = null;
  if (!external) {
    dir = mkdtempSync(path.join(tmpdir(), 'saatja-test-pg-'));
    // Runs as the postgres user when the tests run as root: it must reach its folder.
    chmodSync(dir, 0o755);
    server = await startEmbeddedPostgres({ dir: path.join(dir, 'cluster'), throwaway: true });
  }
  const adminUrl = external ?? server!.url;
  const runId = randomBytes(4).toString('hex');
  const template = `saatja_t${runId}`;
  const db = openDatabase(await ensureDatabase(adminUrl, template), { maxConnections: 1 });
  await migrateToLatest(db);
  await db.destroy();
  process.env[ADMIN_URL] = adminUrl;
  process.env[TEMPLATE] = template;
  return async () => {
    // Every database of this run: the template and any a crashed test left behind.
    await withAdmin(adminUrl, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${template}%`]);
      for (const { datname } of rows) await admin.query(`drop database if exists ${admin.escapeIdentifier(datname)} with (force)`);
    });
    // A throwaway cluster: its sessions are ended, not waited for.
    await server?.stop('fast');
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file or stack, copied from the template. */
export function createTestDatabase(): Promise<TestDatabase> {
  return create(true);
}

/** A fresh database with no tables at all (for tests of the migrations themselves). */
export function createEmptyTestDatabase(): Promise<TestDatabase> {
  return create(false);
}

async function create(migrated: boolean): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL];
  const template = process.env[TEMPLATE];
  if (!adminUrl || !template)
    throw new Error('no test database server: run the tests through vitest or Playwright (their global setup starts it)');
  const name = `${template}_${randomBytes(6).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name, migrated ? template : undefined);
  return {
    url,
    async drop() {
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`));
    },
  };
}

/** A fresh database with a Kysely pool on it; `close` destroys the pool and drops the database. */
export async function openTestDatabase(options: DatabaseOptions = {}): Promise<{ db: Db; url: string; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const db = openDatabase(database.url, options);
  return {
    db,
    url: database.url,
    async close() {
      await db.destroy();
      await database.drop();
    },
  };
}

async function withAdmin<T>(adminUrl: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}
