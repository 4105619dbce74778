import { ConfidentialClientApplication, LogLevel, type ICachePlugin, type INetworkModule } from '@azure/msal-node';
import type { Logger } from 'pino';
import type { M365Config } from '../config';
import { createHttpsNetworkClient } from './https-network-client';

export interface MsalFactory {
  /** A client for one user's token cache (Microsoft's advice for web apps: one per request). */
  create(cachePlugin: ICachePlugin): Promise<ConfidentialClientApplication>;
  readonly config: M365Config;
}

/**
 * msal-node clients for the configured app registration. The authority's OpenID metadata is fetched
 * once per process and handed to every client, so a send with a cached token makes no call to the
 * identity provider at all. Nothing here knows whether the authority is Microsoft or the emulator.
 */
export function createMsalFactory(config: M365Config, extraCas: readonly string[], logger: Logger): MsalFactory {
  const networkClient = createHttpsNetworkClient(extraCas);
  // host:port; msal needs the port when there is one, and then skips cloud instance discovery.
  const knownAuthorities = [new URL(config.authority).host];
  let metadata: Promise<string> | null = null;
  const authorityMetadata = () => {
    metadata ??= fetchMetadata(networkClient, config.authority).catch((error: unknown) => {
      metadata = null; // try again on the next request
      throw error;
    });
    return metadata;
  };
  const log = logger.child({ component: 'msal' });

  return {
    config,
    async create(cachePlugin) {
      return new ConfidentialClientApplication({
        auth: {
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          authority: config.authority,
          knownAuthorities,
          authorityMetadata: await authorityMetadata(),
        },
        cache: { cachePlugin },
        system: {
          networkClient,
          loggerOptions: {
            logLevel: LogLevel.Warning,
            piiLoggingEnabled: false,
            // Discovery and TLS failures show their cause only here.
            loggerCallback: (level, message, containsPii) => {
              if (containsPii) return;
              if (level === LogLevel.Error) log.error(message);
              else log.warn(message);
            },
          },
        },
      });
    },
  };
}

/** The v2.0 OpenID configuration of the authority, as msal would fetch it, as a string for `authorityMetadata`. */
async function fetchMetadata(network: INetworkModule, authority: string): Promise<string> {
  const url = `${authority}/v2.0/.well-known/openid-configuration`;
  const response = await network.sendGetRequestAsync<Record<string, unknown>>(url, {});
  const body = response.body;
  const complete = ['issuer', 'authorization_endpoint', 'token_endpoint'].every((name) => typeof body[name] === 'string');
  if (response.status !== 200 || !complete) throw new Error(`${url} answered ${response.status} without OpenID metadata`);
  return JSON.stringify(body);
}
