import type { Config } from '../config';
import { createLogger } from '../logger';
import { connectDatabase } from './connect';
import type { Db } from './database';
import { migrateToLatest } from './migrations';

/**
 * For the command line: connect as the server does (log lines to stderr, so the command's own
 * output stays clean), bring the schema up to date unless told not to, run `work`, disconnect.
 */
export async function withDatabase<T>(config: Config, work: (db: Db) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const database = await connectDatabase(config, createLogger(config.logLevel, process.stderr));
  try {
    if (options.migrate ?? true) await migrateToLatest(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}
