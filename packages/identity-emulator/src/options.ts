import type { EmulatorClient, IdentityEmulatorOptions } from './types';

/** Stands in for a tenant when none is given; any GUID works, this one is easy to recognise. */
export const DEFAULT_TENANT_ID = '5aa7ea00-0000-4000-8000-000000000001';
const DEFAULT_ACCESS_TOKEN_LIFETIME = 3600; // seconds, as at Microsoft
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface ValidatedOptions {
  port: number;
  /** Lower case, as Microsoft prints tenant ids. */
  tenantId: string;
  clients: ReadonlyMap<string, EmulatorClient>;
  accessTokenLifetimeSeconds: number;
}

/** Fails fast on a configuration that would only break later, in the middle of a sign-in. */
export function validateOptions(options: IdentityEmulatorOptions): ValidatedOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`port ${port} is not a TCP port`);
  const tenantId = (options.tenantId ?? DEFAULT_TENANT_ID).toLowerCase();
  if (!GUID.test(tenantId)) fail(`tenantId ${options.tenantId} is not a GUID`);
  if (options.clients.length === 0) fail('clients must list at least one app registration');
  const clients = new Map<string, EmulatorClient>();
  for (const client of options.clients) {
    if (client.clientId === '' || client.clientSecret === '') fail('every client needs a clientId and a clientSecret');
    if (clients.has(client.clientId)) fail(`client ${client.clientId} is listed twice`);
    if (client.redirectUris.length === 0) fail(`client ${client.clientId} has no redirect URI`);
    for (const uri of client.redirectUris) if (!URL.canParse(uri)) fail(`redirect URI ${uri} is not an absolute URL`);
    clients.set(client.clientId, client);
  }
  return {
    port,
    tenantId,
    clients,
    accessTokenLifetimeSeconds: checkLifetime(options.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME),
  };
}

/** Whole seconds, 0 or more (0 issues tokens that are expired on arrival, for tests). */
export function checkLifetime(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 0) fail(`access token lifetime ${seconds} is not a whole number of seconds >= 0`);
  return seconds;
}

function fail(message: string): never {
  throw new Error(`identity emulator: ${message}`);
}
