import type { Migration } from 'kysely';
import { initial } from './migrations/0001-initial';

/**
 * Migrations in code, applied in name order; portable SQL so PostgreSQL can follow. A new one is a
 * file of its own under migrations/ and one line here.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
};
