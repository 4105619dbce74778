import type { Db } from '../db/database';
import { m365CacheContext, smtpPasswordContext } from './seal-contexts';
import type { SecretBox } from './secret-box';

/** Every sealed column, with the context its values are bound to. A new secret column adds a line. */
export const sealedColumns = [
  { table: 'mail_settings', key: 'user_id', column: 'smtp_password_sealed', context: smtpPasswordContext },
  { table: 'm365_tokens', key: 'user_id', column: 'token_cache_sealed', context: m365CacheContext },
] as const;

/**
 * Re-seal every secret under the current key (the first of SAATJA_SECRETS_KEYS), so an old key can
 * then be dropped. Values already under the current key are left alone; one transaction, so a
 * failure changes nothing. Returns how many values were re-sealed.
 */
export async function rekeyAll(db: Db, box: SecretBox): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let count = 0;
    for (const { table, key, column, context } of sealedColumns) {
      const rows = await trx.selectFrom(table).select([key, column]).where(column, 'is not', null).execute();
      for (const row of rows) {
        const sealed = row[column] as string;
        if (sealed.split('.')[1] === box.currentKeyId) continue;
        const id = row[key] as number;
        const resealed = box.seal(box.open(sealed, context(id)), context(id));
        await trx
          .updateTable(table)
          .set({ [column]: resealed })
          .where(key, '=', id)
          .execute();
        count += 1;
      }
    }
    return count;
  });
}
