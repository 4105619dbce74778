import { loadConfig } from '../config';
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrations';
import { createLogger } from '../logger';
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
const database = await connectDatabase(config, createLogger(config.logLevel));
try {
  await migrateToLatest(database.db);
  const box = createSecretBox(config.secretsKeys);
  const count = await rekeyAll(database.db, box);
  console.log(`Re-sealed ${count} secret(s) under key "${box.currentKeyId}".`);
} finally {
  await database.close();
}
