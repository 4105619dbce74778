import { randomUUID } from 'node:crypto';
import { ConfidentialClientApplication, CryptoProvider, LogLevel, type AuthenticationResult, type ICachePlugin } from '@azure/msal-node';
import { createHttpsNetworkClient, type EmulatorClient, type IdentityEmulator } from '../../src';
import { CLIENT, SMTP_SCOPE } from './fixtures';
import { authorizeInBrowser, type Credentials } from './sign-in';

export interface MsalHarness {
  app: ConfidentialClientApplication;
  /** msal's warnings and errors: discovery and TLS failures show their cause only here. */
  log: string[];
}

/** A confidential client configured exactly as Saatja's BFF configures it, against the emulator. */
export function createMsalApp(
  emulator: IdentityEmulator,
  options: { client?: EmulatorClient; clientSecret?: string; cachePlugin?: ICachePlugin; authority?: string } = {},
): MsalHarness {
  const client = options.client ?? CLIENT;
  const log: string[] = [];
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: client.clientId,
      clientSecret: options.clientSecret ?? client.clientSecret,
      authority: options.authority ?? emulator.authority,
      knownAuthorities: [emulator.knownAuthority],
    },
    ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
    system: {
      networkClient: createHttpsNetworkClient([emulator.ca]),
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (_level, message) => log.push(message),
      },
    },
  });
  return { app, log };
}

export interface CodeFlowOptions extends Credentials {
  scopes?: string[];
  client?: EmulatorClient;
}

/** The BFF's sign-in: PKCE + state + nonce kept "in the session", the browser part, then the code. */
export async function signInWithMsal(
  emulator: IdentityEmulator,
  { app }: MsalHarness,
  { scopes = [SMTP_SCOPE], client = CLIENT, ...credentials }: CodeFlowOptions,
): Promise<AuthenticationResult> {
  const redirectUri = client.redirectUris[0] ?? '';
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const session = { state: randomUUID(), nonce: randomUUID(), verifier };
  const authorizeUrl = await app.getAuthCodeUrl({
    scopes,
    redirectUri,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
    state: session.state,
    nonce: session.nonce,
    loginHint: credentials.email,
    prompt: 'select_account',
    responseMode: 'query',
  });
  const back = await authorizeInBrowser(authorizeUrl, emulator.ca, credentials);
  const code = back.searchParams.get('code');
  if (code === null) throw new Error(`No code in the redirect: ${back.toString()}`);
  return app.acquireTokenByCode(
    { code, scopes, redirectUri, codeVerifier: session.verifier, nonce: session.nonce, state: session.state },
    {
      code,
      state: back.searchParams.get('state') ?? undefined,
      client_info: back.searchParams.get('client_info') ?? undefined,
    },
  );
}
