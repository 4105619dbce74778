import type { Config } from '../config';
import { withDatabase } from '../db/with-database';
import { rekeyAll } from './rekey';
import { createSecretBox } from './secret-box';

export const REKEY_HELP = `saatja rekey

  With SAATJA_SECRETS_KEYS="new:…,old:…", re-seals every stored secret under the first (new) key;
  afterwards the old key can be removed from the setting.`;

export async function rekeyCommand(_args: string[], config: Config): Promise<number> {
  const keys = config.secretsKeys;
  if (!keys) {
    console.error('SAATJA_SECRETS_KEYS is not set');
    return 78;
  }
  const box = createSecretBox(keys);
  const count = await withDatabase(config, (db) => rekeyAll(db, box));
  console.log(`Re-sealed ${count} secret(s) under key "${box.currentKeyId}".`);
  return 0;
}
