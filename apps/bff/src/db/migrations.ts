import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database';
import { initial } from './migrations/0001-initial';
import { sendLogRefused } from './migrations/0002-send-log-refused';
import { sharedState } from './migrations/0003-shared-state';
import { outbox } from './migrations/0004-outbox';

/** Migrations in code, applied in name order. A new one is a file of its own under migrations/ and one line here. */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_send_log_refused': sendLogRefused,
  '0003_shared_state': sharedState,
  '0004_outbox': outbox,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Bring the schema up to date; what `saatja migrate` and every start run. Safe when several
 * instances start together: Kysely's migrator holds a PostgreSQL advisory lock while it migrates
 * and runs each migration in a transaction, so they are applied once and never half.
 * Returns the names of the migrations this call applied.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error || failed) throw new Error(`database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  return results.map((result) => result.migrationName);
}

/** Names of the migrations this build knows that the database has not applied; reads only (for /readyz). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const known = await new Migrator({ db, provider }).getMigrations();
  return known.filter((migration) => !migration.executedAt).map((migration) => migration.name);
}
