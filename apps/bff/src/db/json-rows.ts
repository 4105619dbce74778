import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Db } from './database';
import type { Database } from './schema';

/**
 * A `\u0000` escape in JSON text (preceded by an even number of backslashes, so not an escaped
 * backslash followed by "u0000"). PostgreSQL's jsonb cannot hold U+0000.
 */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * Rows (or one row) as one JSON parameter. U+0000 becomes U+FFFD, as it does in every other parameter
 * (database.ts): such a character reaches here only from outside, and the row is still kept.
 */
export function jsonParameter(value: object): string {
  const text = JSON.stringify(value);
  return text.includes('\\u0000') ? text.replace(NUL_ESCAPE, '$1\uFFFD') : text;
}

const isScalar = (value: unknown) => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Which columns have one and the same plain value in every row (a batch's user, account and times; a
 * write-behind's route and result): those are sent once, not once per row.
 */
function splitColumns(rows: readonly Record<string, unknown>[]): { shared: string[]; varying: string[] } {
  const columns = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) columns.add(column);
  const first = rows[0]!;
  const shared: string[] = [];
  const varying: string[] = [];
  for (const column of [...columns].sort()) {
    const value = first[column];
    const same = rows.length > 1 && isScalar(value) && rows.every((row) => Object.hasOwn(row, column) && row[column] === value);
    (same ? shared : varying).push(column);
  }
  return { shared, varying };
}

const pick = (row: Record<string, unknown>, columns: readonly string[]) => {
  const picked: Record<string, unknown> = {};
  for (const column of columns) picked[column] = row[column];
  return picked;
};

/**
 * The statement inserting many rows at once (at least one): the rows as a JSON array, turned into
 * the table's row type by PostgreSQL (`jsonb_populate_recordset`), and the values every row shares
 * as one JSON object beside it (`jsonb_populate_record`), so PostgreSQL parses them once. Kysely's multi-row VALUES costs a
 * parameter per cell: Kysely builds and compiles each, pg serialises each, and PostgreSQL parses and
 * plans a statement whose text changes with the row count (a new prepared statement for each count).
 * This text changes only with the columns and which of them are shared. A column no row names keeps
 * its default; one that some rows leave out is null in those.
 */
export function jsonRowsInsert<T extends keyof Database & string>(table: T, rows: readonly Insertable<Database[T]>[]): RawBuilder<unknown> {
  const records = rows as readonly Record<string, unknown>[];
  const { shared, varying } = splitColumns(records);
  const sharedSet = new Set(shared);
  const columns = [...shared, ...varying].sort();
  const names = sql.join(columns.map((column) => sql.ref(column)));
  const values = sql.join(columns.map((column) => sql.ref(`${sharedSet.has(column) ? 's' : 'v'}.${column}`)));
  const perRow = sql`jsonb_populate_recordset(null::${sql.table(table)}, ${jsonParameter(records.map((row) => pick(row, varying)))}::jsonb) as v`;
  const from =
    shared.length === 0
      ? perRow
      : sql`${perRow} cross join jsonb_populate_record(null::${sql.table(table)}, ${jsonParameter(pick(records[0]!, shared))}::jsonb) as s`;
  return sql`insert into ${sql.table(table)} (${names}) select ${values} from ${from}`;
}

/** `jsonRowsInsert`, run; no rows, no statement. */
export async function insertJsonRows<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length > 0) await jsonRowsInsert(table, rows).execute(db);
}
