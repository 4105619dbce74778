import { sql, type Insertable } from 'kysely';
import type { Db } from './database';
import type { Database } from './schema';

/**
 * A `\u0000` escape in JSON text (preceded by an even number of backslashes, so not an escaped
 * backslash followed by "u0000"). PostgreSQL's jsonb cannot hold U+0000.
 */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * Rows as one JSON parameter. U+0000 becomes U+FFFD, as it does in every other parameter
 * (database.ts): such a character reaches here only from outside, and the row is still kept.
 */
export function jsonParameter(rows: readonly object[]): string {
  const text = JSON.stringify(rows);
  return text.includes('\\u0000') ? text.replace(NUL_ESCAPE, '$1\uFFFD') : text;
}

/**
 * Insert many rows in one statement with one parameter: the rows as a JSON array, turned into the
 * table's row type by PostgreSQL (`jsonb_populate_recordset`). Kysely's multi-row VALUES costs a
 * parameter per cell: Kysely builds and compiles each, pg serialises each, and PostgreSQL parses
 * and plans a statement whose text changes with the row count (a new prepared statement for each
 * count). This text changes only with the set of columns. A column no row names keeps its default;
 * one that some rows leave out is null in those.
 */
export async function insertJsonRows<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) columns.add(column);
  const names = sql.join([...columns].sort().map((column) => sql.ref(column)));
  await sql`insert into ${sql.table(table)} (${names})
    select ${names} from jsonb_populate_recordset(null::${sql.table(table)}, ${jsonParameter(rows)}::jsonb)`.execute(db);
}
