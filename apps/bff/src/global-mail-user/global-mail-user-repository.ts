import type { Language, Role } from '@saatja/core';
import { sessionColumns, sessionFrom, type SessionColumns } from '../auth/session-store';
import type { UserRow } from '../auth/user-repository';
import type { Db } from '../db/database';
import { preparedQuery } from '../db/prepared';
import { settingsColumns, settingsFrom, type MailSettingsRow } from '../mail-settings/mail-settings-repository';
import { MAIL_SENDING_USER } from './system-settings-repository';

/** A user named by their code (the send API) or their id (a stored message). */
export type UserKey = { code: string } | { id: number };

export interface FoundUser {
  user: UserRow;
  settings: MailSettingsRow | undefined;
}

const GLOBAL_USER = [
  'g.id as g_id',
  'g.code as g_code',
  'g.name as g_name',
  'g.email as g_email',
  'g.role as g_role',
  'g.language as g_language',
] as const;

interface GlobalColumns {
  g_id: number | null;
  g_code: string | null;
  g_name: string | null;
  g_email: string | null;
  g_role: Role | null;
  g_language: Language | null;
}

function globalFrom(row: GlobalColumns & Record<string, unknown>): FoundUser | null {
  const { g_id: id, g_code: code, g_name: name, g_email: email, g_role: role, g_language: language } = row;
  if (id === null || code === null || name === null || email === null || role === null || language === null) return null;
  return { user: { id, code, name, email, role, language }, settings: settingsFrom(row, 'gs_') };
}

/** The global mail user's row and settings, found by the system setting or by code, each in one query. */
export function createGlobalMailUserRepository(db: Db) {
  const globalUser = () =>
    db
      .selectFrom('users as g')
      .leftJoin('mail_settings as gs', 'gs.user_id', 'g.id')
      .select(GLOBAL_USER)
      .select(settingsColumns('gs', 'gs_'));
  /** `me`'s own settings and the global mail user with theirs: the card's data, without a where yet. */
  const ownAndGlobal = () =>
    db
      .selectFrom('users as me')
      .leftJoin('mail_settings as own', 'own.user_id', 'me.id')
      .leftJoin('system_settings as ss', (join) => join.on('ss.key', '=', (eb) => eb.val(MAIL_SENDING_USER)))
      .leftJoin('users as g', 'g.code', 'ss.value')
      .leftJoin('mail_settings as gs', 'gs.user_id', 'g.id')
      .select(settingsColumns('own', 'own_'))
      .select(GLOBAL_USER)
      .select(settingsColumns('gs', 'gs_'));
  // Read on every card request: built once (see preparedQuery).
  const ownWithGlobal = preparedQuery(db, (userId: number) => ownAndGlobal().where('me.id', '=', userId));
  const ofSession = preparedQuery(db, (sessionIdHash: string) =>
    ownAndGlobal()
      .innerJoin('sessions as s', 's.user_id', 'me.id')
      .select(sessionColumns('s'))
      .select(['me.id', 'me.code', 'me.name', 'me.email', 'me.role', 'me.language'])
      .where('s.id_hash', '=', sessionIdHash),
  );
  const withUser = () => ownAndGlobal().select(['me.id', 'me.code', 'me.name', 'me.email', 'me.role', 'me.language']);
  // Read on every send API submission, and by the outbox's senders for each chunk they claim.
  const ofCode = preparedQuery(db, (code: string) => withUser().where('me.code', '=', code));
  const ofId = preparedQuery(db, (id: number) => withUser().where('me.id', '=', id));

  return {
    async byCode(code: string): Promise<FoundUser | null> {
      const row = await globalUser().where('g.code', '=', code).executeTakeFirst();
      return row ? globalFrom(row) : null;
    },

    async current(): Promise<FoundUser | null> {
      const row = await globalUser()
        .innerJoin('system_settings as ss', 'ss.value', 'g.code')
        .where('ss.key', '=', MAIL_SENDING_USER)
        .executeTakeFirst();
      return row ? globalFrom(row) : null;
    },

    /** `userId`'s own settings and the global mail user with theirs. */
    async withGlobal(userId: number): Promise<{ settings: MailSettingsRow | undefined; global: FoundUser | null }> {
      const [row] = await ownWithGlobal(userId);
      return row ? { settings: settingsFrom(row, 'own_'), global: globalFrom(row) } : { settings: undefined, global: null };
    },

    /**
     * The same for the user of a session (by its id's hash), with the session and the user: a card
     * page's whole read in one query. The caller judges whether the session is live (SessionStore.admit).
     */
    async withGlobalOfSession(sessionIdHash: string): Promise<(FoundUser & { session: SessionColumns; global: FoundUser | null }) | null> {
      const [row] = await ofSession(sessionIdHash);
      if (!row) return null;
      const { id, code, name, email, role, language } = row;
      const user = { id, code, name, email, role, language };
      return { session: sessionFrom(row), user, settings: settingsFrom(row, 'own_'), global: globalFrom(row) };
    },

    /** The user (by code or id), their settings and the global mail user's, in one query. */
    async userWithGlobal(key: UserKey): Promise<(FoundUser & { global: FoundUser | null }) | null> {
      const [row] = await ('code' in key ? ofCode(key.code) : ofId(key.id));
      if (!row) return null;
      const { id, name, email, role, language } = row;
      return { user: { id, code: row.code, name, email, role, language }, settings: settingsFrom(row, 'own_'), global: globalFrom(row) };
    },
  };
}
