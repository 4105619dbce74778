import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;

const OID = { int8: 20, timestamptz: 1184 } as const;

const parseTimestamptz = pg.types.getTypeParser(OID.timestamptz);

/**
 * How values come back from PostgreSQL: timestamptz as ISO 8601 UTC strings (what the app writes
 * and compares), bigint ids and counts as numbers. Set on this pool only, not on the pg module.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.timestamptz) return (value: string) => (parseTimestamptz(value) as Date).toISOString();
    if (oid === OID.int8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * PostgreSQL text cannot hold U+0000, and a parameter with one fails the whole query. Such a
 * character reaches here only from outside (a remote server's reply, an inbound message, a lookup
 * key no one can have): it becomes U+FFFD, so a lookup finds nothing and a record is still kept.
 */
const withoutNul = (value: unknown) => (typeof value === 'string' && value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value);

/** Statements a connection keeps prepared at most; Saatja's queries are few and fixed. */
const PREPARED_PER_CONNECTION = 200;
/** Statement names by SQL text, so a request hashes nothing. */
const NAMES_KEPT = 1_000;
const names = new Map<string, string>();

/**
 * Queries with parameters run as named prepared statements: PostgreSQL then parses and plans the
 * card's five-table join once per connection instead of on every request. Not for `*` selections:
 * a column added by a newer instance's migration would fail an older instance's prepared plan.
 */
function statementName(text: string, values: readonly unknown[], prepared: Set<string>): string | undefined {
  // No parameters: schema changes and transaction control, nothing worth keeping.
  if (values.length === 0 || text.includes('*')) return undefined;
  let name = names.get(text);
  if (name === undefined) {
    name = `s${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size < NAMES_KEPT) names.set(text, name);
  }
  if (!prepared.has(name)) {
    if (prepared.size >= PREPARED_PER_CONNECTION) return undefined;
    prepared.add(name);
  }
  return name;
}

class Client extends pg.Client {
  readonly #prepared = new Set<string>();

  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && args.length === 2) {
      const query = { name: statementName(text, values, this.#prepared), text, values: values.map(withoutNul) };
      return (super.query as (config: unknown) => never)(query);
    }
    return (super.query as (...args: unknown[]) => never)(...args);
  }
}

export interface DatabaseOptions {
  /** Connections this process keeps at most (pg's default is 10). */
  maxConnections?: number;
  /** Called with errors of idle connections (a restarted server), which must not crash the process. */
  onIdleError?: (error: Error) => void;
  /** Sees every query run (tests count them). */
  log?: (event: LogEvent) => void;
}

/** A pool on `url` (postgres://…); nothing is connected until the first query. */
export function openDatabase(url: string, options: DatabaseOptions = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types, Client });
  pool.on('error', (error) => options.onIdleError?.(error));
  // A connection that dies while checked out (its query already failed) emits 'error' once more;
  // unheard, that would end the process. The query's caller has the failure; log this one.
  pool.on('connect', (client) => client.on('error', (error) => options.onIdleError?.(error)));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(options.log ? { log: options.log } : {}) });
}
