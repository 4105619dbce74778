import type { Config } from '../config';
import { migrateToLatest } from './migrations';
import { withDatabase } from './with-database';

export const MIGRATE_HELP = `saatja migrate

  Brings the database schema up to date and lists what it applied. The server does the same at
  start (under a lock, so instances starting together apply each migration once); run it on its
  own to migrate before rolling out new instances.`;

export async function migrateCommand(_args: string[], config: Config): Promise<number> {
  const applied = await withDatabase(config, migrateToLatest, { migrate: false });
  console.log(applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.length} migration(s): ${applied.join(', ')}.`);
  return 0;
}
