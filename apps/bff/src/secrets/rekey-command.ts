import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { rekeyAll } from './rekey';
import { createSecretBox } from './secret-box';

/**
 * `pnpm --filter @saatja/bff rekey`: with SAATJA_SECRETS_KEYS="new:…,old:…", re-seal every secret
 * under the new key; afterwards the old key can be removed from the setting.
 */
const config = loadConfig();
if (!config.secretsKeys) {
  console.error('SAATJA_SECRETS_KEYS is not set');
  process.exit(78);
}
const db = await openDatabase(config.databaseFile);
const box = createSecretBox(config.secretsKeys);
const count = await rekeyAll(db, box);
await db.destroy();
console.log(`Re-sealed ${count} secret(s) under key "${box.currentKeyId}".`);
