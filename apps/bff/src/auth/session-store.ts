import { createHash, randomBytes } from 'node:crypto';
import { sql, type AliasedRawBuilder } from 'kysely';
import type { Db } from '../db/database';
import { preparedQuery } from '../db/prepared';
import type { UserRow } from './user-repository';

/** A session ends after this long without a request, ms (8 hours: a working day). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and at the latest this long after sign-in, ms (7 days). */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Refresh last_seen_at at most this often, ms, so reads do not write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** What the database keeps of a session id: its SHA-256, so a leaked table signs no one in. */
export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('base64url');

/** A session's columns that tell whether it is live, as `sessionColumns` selects them. */
export interface SessionColumns {
  session_id_hash: string;
  session_last_seen_at: string;
  session_expires_at: string;
}

/** The columns of SessionColumns for a query that joins `sessions as <alias>` (read back with sessionFrom). */
export function sessionColumns(alias: string): AliasedRawBuilder<unknown, string>[] {
  return (['id_hash', 'last_seen_at', 'expires_at'] as const).map((column) => sql.ref(`${alias}.${column}`).as(`session_${column}`));
}

export function sessionFrom(row: Record<string, unknown>): SessionColumns {
  const { session_id_hash, session_last_seen_at, session_expires_at } = row as unknown as SessionColumns;
  return { session_id_hash, session_last_seen_at, session_expires_at };
}

export interface LiveSession {
  userId: number;
  user: UserRow;
}

export interface SessionStore {
  create(userId: number): Promise<string>;
  /** The session's user, read together with the session (one query on every request). */
  find(id: string): Promise<LiveSession | null>;
  /**
   * A session read by another query (with the data a page needs) judged as `find` judges it: the
   * user's when it is live; an expired one is deleted, a used one marked seen.
   */
  admit(session: SessionColumns, user: UserRow): Promise<LiveSession | null>;
  destroy(id: string): Promise<void>;
}

/** Sessions in the database: they survive restarts and are shared by every BFF instance. */
export function createSessionStore(db: Db, now: () => Date = () => new Date()): SessionStore {
  const sessionWithUser = preparedQuery(db, (idHash: string) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('users', 'users.id', 's.user_id')
      .select(sessionColumns('s'))
      .select(['users.id', 'users.code', 'users.name', 'users.email', 'users.role', 'users.language'])
      .where('s.id_hash', '=', idHash),
  );

  async function admit(session: SessionColumns, user: UserRow): Promise<LiveSession | null> {
    const at = now();
    const idleSince = at.getTime() - Date.parse(session.session_last_seen_at);
    if (at.toISOString() >= session.session_expires_at || idleSince >= SESSION_IDLE_MS) {
      await db.deleteFrom('sessions').where('id_hash', '=', session.session_id_hash).execute();
      return null;
    }
    if (idleSince >= TOUCH_INTERVAL_MS) {
      await db.updateTable('sessions').set({ last_seen_at: at.toISOString() }).where('id_hash', '=', session.session_id_hash).execute();
    }
    return { userId: user.id, user };
  }

  return {
    async create(userId) {
      const id = randomBytes(32).toString('base64url');
      const at = now();
      await db
        .insertInto('sessions')
        .values({
          id_hash: hashSessionId(id),
          user_id: userId,
          created_at: at.toISOString(),
          last_seen_at: at.toISOString(),
          expires_at: new Date(at.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
        })
        .execute();
      return id;
    },
    async find(id) {
      const [row] = await sessionWithUser(hashSessionId(id));
      if (!row) return null;
      const { id: userId, code, name, email, role, language } = row;
      return admit(sessionFrom(row), { id: userId, code, name, email, role, language });
    },
    admit,
    async destroy(id) {
      await db.deleteFrom('sessions').where('id_hash', '=', hashSessionId(id)).execute();
    },
  };
}
