import type { Db } from '../db/database';
import type { MailSettingsTable } from '../db/schema';

export type MailSettingsRow = MailSettingsTable;

export function createMailSettingsRepository(db: Db) {
  return {
    async find(userId: number): Promise<MailSettingsRow | undefined> {
      return db.selectFrom('mail_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
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
