import { sql, type AliasedRawBuilder } from 'kysely';
import type { UserRow } from '../auth/user-repository';
import type { Db } from '../db/database';
import type { MailSettingsTable } from '../db/schema';

export type MailSettingsRow = MailSettingsTable;

const COLUMNS = [
  'user_id',
  'mode',
  'smtp_host',
  'smtp_port',
  'smtp_security',
  'smtp_user',
  'smtp_password_sealed',
  'password_host',
  'password_port',
  'password_security',
  'updated_at',
] as const satisfies readonly (keyof MailSettingsRow)[];

/** A card's mail settings as columns of a joined query: `<alias>.x as <prefix>x` … (read back with settingsFrom). */
export function settingsColumns(alias: string, prefix: string): AliasedRawBuilder<unknown, string>[] {
  return COLUMNS.map((column) => sql.ref(`${alias}.${column}`).as(`${prefix}${column}`));
}

/** The settings in a joined row, or undefined when the join found none. */
export function settingsFrom(row: Record<string, unknown>, prefix: string): MailSettingsRow | undefined {
  if (row[`${prefix}user_id`] === null || row[`${prefix}user_id`] === undefined) return undefined;
  return Object.fromEntries(COLUMNS.map((column) => [column, row[`${prefix}${column}`]])) as unknown as MailSettingsRow;
}

/** The mail_settings table: one row per card that left the default (SPEC §1). */
export function createMailSettingsRepository(db: Db) {
  return {
    async find(userId: number): Promise<MailSettingsRow | undefined> {
      return db.selectFrom('mail_settings').select(COLUMNS).where('user_id', '=', userId).executeTakeFirst();
    },
    /** Every user with their settings, in user-code order: one query however many users there are. */
    async listWithUsers(): Promise<{ user: UserRow; settings: MailSettingsRow | undefined }[]> {
      const rows = await db
        .selectFrom('users as u')
        .leftJoin('mail_settings as m', 'm.user_id', 'u.id')
        .select(['u.id', 'u.code', 'u.name', 'u.email', 'u.role', 'u.language'])
        .select(settingsColumns('m', 'm_'))
        .orderBy('u.code')
        .execute();
      return rows.map((row) => {
        const { id, code, name, email, role, language } = row;
        return { user: { id, code, name, email, role, language }, settings: settingsFrom(row, 'm_') };
      });
    },
    async save(row: MailSettingsRow): Promise<void> {
      await db
        .insertInto('mail_settings')
        .values(row)
        .onConflict((conflict) => conflict.column('user_id').doUpdateSet(row))
        .execute();
    },
  };
}
export type MailSettingsRepository = ReturnType<typeof createMailSettingsRepository>;
