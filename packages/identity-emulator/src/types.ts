import type { TlsMaterial } from '@saatja/local-servers';

export interface EmulatorMailbox {
  email: string;
  password: string;
  /** Display name, becomes the id token's `name`. */
  name: string;
  /** Default true; false = Authenticated SMTP disabled on the mailbox (SMTP answers 535 5.7.139). */
  authenticatedSmtp?: boolean;
}

/** An app registration with a client secret and *Web* platform redirect URIs. */
export interface EmulatorClient {
  clientId: string;
  clientSecret: string;
  /** Compared exactly, as Microsoft does. */
  redirectUris: string[];
  /** Shown on the consent page; default "Saatja". */
  displayName?: string;
}

export interface IdentityEmulatorOptions {
  /** Default 0 (the OS picks). Dev mode uses a fixed port: msal's cache keys contain host:port. */
  port?: number;
  /** Default: fresh material from createLocalTls(). */
  tls?: TlsMaterial;
  /** A GUID; default DEFAULT_TENANT_ID. */
  tenantId?: string;
  clients: EmulatorClient[];
  mailboxes: EmulatorMailbox[];
  /** Seconds; default 3600. */
  accessTokenLifetimeSeconds?: number;
  /**
   * PKCS#8 PEM of an RSA key (see loadOrCreateSigningKey). Signs access and id tokens and protects
   * refresh tokens, so a persisted key keeps dev-mode tokens valid across restarts. Default: a new
   * key per run.
   */
  signingKey?: string;
}

export type AccessTokenVerdict = { ok: true; mailbox: string } | { ok: false; reason: 'invalid' | 'expired' | 'audience' | 'scope' };

export interface EmulatorStats {
  /** Every POST to a token endpoint, successful or not. */
  tokenRequests: number;
  authorizationCodeGrants: number;
  refreshTokenGrants: number;
}

/**
 * An outage of the identity platform, for tests of what callers do meanwhile: the token endpoint
 * answering 503 `temporarily_unavailable` (AADSTS90033), or nothing listening (connections refused).
 */
export type EmulatorOutage = 'temporarilyUnavailable' | 'connectionRefused';

export interface IdentityEmulator {
  /** https://127.0.0.1:<port> */
  readonly origin: string;
  /** `${origin}/${tenantId}`: msal's `auth.authority`. */
  readonly authority: string;
  /** `127.0.0.1:<port>`: msal's `auth.knownAuthorities` entry (the port is required). */
  readonly knownAuthority: string;
  readonly tenantId: string;
  /** PEM of the CA that signed the emulator's certificate. */
  readonly ca: string;
  readonly jwksUrl: string;
  /**
   * Verifies an access token as Microsoft's SMTP server would: signature (JWKS), issuer, audience
   * https://outlook.office.com, scp containing SMTP.Send, not expired.
   */
  verifyAccessToken(token: string): Promise<AccessTokenVerdict>;
  /** Refresh tokens granted to this mailbox so far then fail with invalid_grant (AADSTS50173). */
  revokeGrants(email: string): void;
  setAuthenticatedSmtp(email: string, enabled: boolean): void;
  isAuthenticatedSmtpEnabled(email: string): boolean;
  /** Seconds, for tokens issued from now on; 0 issues tokens that are already expired. */
  setAccessTokenLifetime(seconds: number): void;
  /** Starts an outage, or ends it (null): the same port and state (grants, keys) afterwards. */
  setOutage(outage: EmulatorOutage | null): Promise<void>;
  /** A snapshot of the counters since start. */
  readonly stats: EmulatorStats;
  close(): Promise<void>;
}
