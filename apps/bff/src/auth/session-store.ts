import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { preparedQuery } from '../db/prepared';
import type { UserRow } from './user-repository';

/** A session ends after this long without a request, ms (8 hours: a working day). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and at the latest this long after sign-in, ms (7 days). */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Refresh last_seen_at at most this often, ms, so reads do not write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');

export interface SessionStore {
  create(userId: number): Promise<string>;
  /** The session's user, read together with the session (one query on every request). */
  find(id: string): Promise<{ userId: number; user: UserRow } | null>;
  destroy(id: string): Promise<void>;
}

/** Sessions in the database: they survive restarts and are shared by every BFF instance. */
export function createSessionStore(db: Db, now: () => Date = () => new Date()): SessionStore {
  const sessionWithUser = preparedQuery(db, (idHash: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id_hash', 'sessions.user_id', 'sessions.last_seen_at', 'sessions.expires_at'])
      .select(['users.id', 'users.code', 'users.name', 'users.email', 'users.role', 'users.language'])
      .where('sessions.id_hash', '=', idHash),
  );
  return {
    async create(userId) {
      const id = randomBytes(32).toString('base64url');
      const at = now();
      await db
        .insertInto('sessions')
        .values({
          id_hash: hashId(id),
          user_id: userId,
          created_at: at.toISOString(),
          last_seen_at: at.toISOString(),
          expires_at: new Date(at.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
        })
        .execute();
      return id;
    },
    async find(id) {
      const [row] = await sessionWithUser(hashId(id));
      if (!row) return null;
      const at = now();
      const idleSince = at.getTime() - Date.parse(row.last_seen_at);
      if (at.toISOString() >= row.expires_at || idleSince >= SESSION_IDLE_MS) {
        await db.deleteFrom('sessions').where('id_hash', '=', row.id_hash).execute();
        return null;
      }
      if (idleSince >= TOUCH_INTERVAL_MS) {
        await db.updateTable('sessions').set({ last_seen_at: at.toISOString() }).where('id_hash', '=', row.id_hash).execute();
      }
      const { id: userId, code, name, email, role, language } = row;
      return { userId, user: { id: userId, code, name, email, role, language } };
    },
    async destroy(id) {
      await db.deleteFrom('sessions').where('id_hash', '=', hashId(id)).execute();
    },
  };
}
