import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadOrCreateLocalTls, startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import type { Config } from '../config';
import { generateKeySpec } from '../secrets/secret-box';

/** A secrets key made once and kept under the data folder, so dev restarts can open what they sealed. */
function devSecretsKeys(dataDir: string): string {
  const file = path.join(dataDir, 'secrets.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, generateKeySpec('dev1'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * Dev mode's embedded defaults (SPEC §7): a secrets key under ./data, the local TLS CA trusted,
 * and a local mail catcher as the vendor relay unless one is configured.
 */
export async function prepareDevEnvironment(config: Config): Promise<{ config: Config; catcher: LocalSmtpServer | null }> {
  const tls = await loadOrCreateLocalTls(path.join(config.dataDir, 'tls'));
  const catcher = config.relay ? null : await startSmtpServer({ security: 'starttls', tls, name: 'mail-catcher.local' });
  return {
    catcher,
    config: {
      ...config,
      secretsKeys: config.secretsKeys ?? devSecretsKeys(config.dataDir),
      extraCas: [...config.extraCas, tls.ca],
      relay: config.relay ?? { host: 'localhost', port: catcher!.port, security: 'starttls' },
    },
  };
}
