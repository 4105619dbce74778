import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createLocalTls } from '@saatja/local-servers';
import type { EmulatorContext } from './context';
import { createDirectory } from './directory';
import { createExpiringStore } from './expiring-store';
import { createEmulatorApp } from './http/create-app';
import { checkLifetime, validateOptions } from './options';
import { createRotationLedger } from './refresh-tokens';
import { generateSigningKey, loadSigningKeys } from './signing-keys';
import type { EmulatorOutage, EmulatorStats, IdentityEmulator, IdentityEmulatorOptions } from './types';
import { createAccessTokenVerifier } from './verify-access-token';

const HOST = '127.0.0.1';
/** ms a started sign-in may take until consent. */
const SIGN_IN_LIFETIME_MS = 15 * 60 * 1000;
/** ms codes are remembered: past their 10-minute validity, to answer "expired" / "already redeemed". */
const CODE_MEMORY_MS = 60 * 60 * 1000;

export async function startIdentityEmulator(options: IdentityEmulatorOptions): Promise<IdentityEmulator> {
  const { port: requestedPort, tenantId, clients, accessTokenLifetimeSeconds } = validateOptions(options);
  const directory = createDirectory(options.mailboxes);
  const tls = options.tls ?? (await createLocalTls());
  const keys = await loadSigningKeys(options.signingKey ?? (await generateSigningKey()));
  const server = createServer({ key: tls.key, cert: tls.cert });
  const port = await listen(server, requestedPort);
  const origin = `https://${HOST}:${port}`;
  let lifetime = accessTokenLifetimeSeconds;
  const stats: EmulatorStats = { tokenRequests: 0, authorizationCodeGrants: 0, refreshTokenGrants: 0 };
  let outage: EmulatorOutage | null = null;
  const context: EmulatorContext = {
    origin,
    tenantId,
    keys,
    accessTokenLifetime: () => lifetime,
    clients,
    directory,
    flows: createExpiringStore(SIGN_IN_LIFETIME_MS),
    codes: createExpiringStore(CODE_MEMORY_MS),
    rotation: createRotationLedger(),
    stats,
    tokenEndpointDown: () => outage === 'temporarilyUnavailable',
  };
  // Attached after listen: the app needs the origin, which needs the port the OS picked.
  server.on('request', createEmulatorApp(context));
  let closing: Promise<void> | undefined;

  return {
    origin,
    authority: `${origin}/${tenantId}`,
    knownAuthority: `${HOST}:${port}`,
    tenantId,
    ca: tls.ca,
    jwksUrl: `${origin}/${tenantId}/discovery/v2.0/keys`,
    verifyAccessToken: createAccessTokenVerifier({ keys: [keys.publicJwk] }, tenantId),
    revokeGrants(email) {
      directory.get(email).tokensValidFrom = Date.now();
    },
    setAuthenticatedSmtp(email, enabled) {
      directory.get(email).authenticatedSmtp = enabled;
    },
    isAuthenticatedSmtpEnabled: (email) => directory.get(email).authenticatedSmtp,
    setAccessTokenLifetime(seconds) {
      lifetime = checkLifetime(seconds);
    },
    async setOutage(next) {
      if (closing) throw new Error('identity emulator: closed');
      const listening = outage !== 'connectionRefused';
      if (listening && next === 'connectionRefused') await close(server);
      if (!listening && next !== 'connectionRefused') await listen(server, port);
      outage = next;
    },
    get stats() {
      return { ...stats };
    },
    // Idempotent, so a test may close early and still leave cleanup to afterEach.
    close: () => (closing ??= outage === 'connectionRefused' ? Promise.resolve() : close(server)),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`identity emulator: cannot listen on ${HOST}:${port}`, { cause: error })));
    server.listen({ port, host: HOST }, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // msal and fetch keep connections alive; without this close() waits for their idle timeout.
    server.closeAllConnections();
  });
}
