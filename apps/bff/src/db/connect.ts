import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { openDatabase, type Db } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseConnection {
  db: Db;
  /** Where the data is, for the start-up message (no password). */
  where: string;
  /** The connection URL, for connections of their own (the outbox's LISTEN). Holds the password: never log it. */
  url: string;
  /** Close the pool, then stop the embedded server if this process started one. */
  close(): Promise<void>;
}

/** The database the embedded server keeps Saatja's data in. */
const EMBEDDED_DATABASE = 'saatja';

/**
 * Saatja's database (SPEC §7): SAATJA_DATABASE_URL's server, shared by every instance; without it
 * an embedded PostgreSQL under `<data>/pg`, started here and stopped by `close`. Not migrated yet:
 * callers run migrateToLatest (db/migrations.ts).
 */
export async function connectDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, logger: Logger): Promise<DatabaseConnection> {
  const onIdleError = (error: Error) => logger.warn({ err: error }, 'database connection lost');
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    return {
      db: openDatabase(config.databaseUrl, { onIdleError }),
      url: config.databaseUrl,
      where: `PostgreSQL at ${url.host}${url.pathname}`,
      close: async () => {},
    };
  }
  const dir = path.join(config.dataDir, 'pg');
  const server = await startEmbeddedPostgres({ dir, onLog: (line) => logger.debug({ postgres: line }, 'embedded PostgreSQL') });
  try {
    const url = await ensureDatabase(server.url, EMBEDDED_DATABASE);
    const db = openDatabase(url, { onIdleError });
    return {
      db,
      url,
      where: `embedded PostgreSQL in ${dir}`,
      async close() {
        await db.destroy();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Create `name` on the server of `adminUrl` unless it exists; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) {
      const from = template ? ` template ${client.escapeIdentifier(template)}` : '';
      await client.query(`create database ${client.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
