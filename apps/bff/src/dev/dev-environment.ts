import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadOrCreateLocalTls, startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import type { Config } from '../config';
import { generateKeySpec } from '../secrets/secret-box';
import { M365_CALLBACK_PATH } from '../config/m365-config';
import { DEV_IDENTITY_PORT, devSigningKeyFile, startLocalM365, type LocalM365 } from './dev-m365';

/** The dev catcher bounces mail to this address back to the event mailbox, to try the Events view. */
export const DEV_BOUNCE_ADDRESS = 'bounce@saatja.invalid';

/** A secrets key made once and kept under the data folder, so dev restarts can open what they sealed. */
function devSecretsKeys(dataDir: string): string {
  const file = path.join(dataDir, 'secrets.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, generateKeySpec('dev1'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** Where the browser reaches the dev BFF, as bootstrap prints it. */
function devOrigin(config: Config): string {
  return config.publicOrigin ?? `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
}

/**
 * Dev mode's embedded defaults (SPEC §7): a secrets key under ./data, the local TLS CA trusted,
 * a local mail catcher as the vendor relay unless one is configured, and, unless Microsoft 365 is
 * configured, the local identity emulator (on a fixed port) with its SMTP server.
 */
export async function prepareDevEnvironment(
  config: Config,
): Promise<{ config: Config; catcher: LocalSmtpServer | null; m365: LocalM365 | null }> {
  const tls = await loadOrCreateLocalTls(path.join(config.dataDir, 'tls'));
  const inboundPort = config.inboundPort;
  // With the event mailbox off in this instance there is nowhere to bounce to.
  const bounce = {
    recipients: inboundPort === null ? [] : [DEV_BOUNCE_ADDRESS],
    deliverTo: () => ({ host: config.host, port: inboundPort ?? 0 }),
  };
  const catcher = config.relay ? null : await startSmtpServer({ security: 'starttls', tls, name: 'mail-catcher.local', bounce });
  // The redirect URI names the BFF's port, so with a port picked by the OS (0) M365 stays unconfigured.
  const m365 =
    config.m365 || config.port === 0
      ? null
      : await startLocalM365({
          tls,
          port: DEV_IDENTITY_PORT,
          redirectUri: `${devOrigin(config)}${M365_CALLBACK_PATH}`,
          signingKeyFile: devSigningKeyFile(config.dataDir),
        });
  return {
    catcher,
    m365,
    config: {
      ...config,
      secretsKeys: config.secretsKeys ?? devSecretsKeys(config.dataDir),
      extraCas: [...config.extraCas, tls.ca],
      relay: config.relay ?? { host: 'localhost', port: catcher!.port, security: 'starttls' },
      m365: config.m365 ?? m365?.config ?? null,
    },
  };
}
