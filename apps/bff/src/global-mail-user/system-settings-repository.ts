import type { Db } from '../db/database';

/** System settings by key; today only the global mail user (SPEC §3). */
export const MAIL_SENDING_USER = 'mail_sending_user_code';

export function createSystemSettingsRepository(db: Db) {
  return {
    async get(key: string): Promise<string | null> {
      const row = await db.selectFrom('system_settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value ?? null;
    },
    async set(key: string, value: string | null, at: Date): Promise<void> {
      const row = { key, value, updated_at: at.toISOString() };
      await db
        .insertInto('system_settings')
        .values(row)
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: row.updated_at }))
        .execute();
    },
  };
}
