import { sql } from 'kysely';
import type { Db } from '../../src/db/database';

/** Every row of every table of the database as PostgreSQL prints it (bytea as hex), one line each. */
export async function dumpDatabase(db: Db): Promise<string> {
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
  const lines: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(db);
    lines.push(...rows.rows.map((row) => `${name}: ${row.row}`));
  }
  return lines.join('\n');
}
