import type { Directory } from './directory';
import type { ExpiringStore } from './expiring-store';
import type { RotationLedger } from './refresh-tokens';
import type { ScopeRequest } from './scopes';
import type { IssuerContext } from './tokens';
import type { EmulatorClient, EmulatorStats } from './types';

/** A validated authorize request, kept while the user signs in and consents. */
export interface AuthorizeRequest {
  /** The tenant segment the request came in on: the tenant id, `organizations` or `common`. */
  tenant: string;
  client: EmulatorClient;
  redirectUri: string;
  state: string | undefined;
  nonce: string | undefined;
  scopes: ScopeRequest;
  codeChallenge: string;
  loginHint: string | undefined;
}

export interface SignInFlow {
  request: AuthorizeRequest;
  /** Set once the password was right; the consent step needs it. */
  email: string | null;
}

export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  email: string;
  scopes: ScopeRequest;
  nonce: string | undefined;
  /** ms since epoch of the sign-in. */
  authTime: number;
  /** ms since epoch; the store keeps the entry longer, to tell "expired" from "unknown". */
  expiresAt: number;
  redeemed: boolean;
}

export interface EmulatorContext extends IssuerContext {
  clients: ReadonlyMap<string, EmulatorClient>;
  directory: Directory;
  flows: ExpiringStore<SignInFlow>;
  codes: ExpiringStore<IssuedCode>;
  rotation: RotationLedger;
  stats: EmulatorStats;
  /** True while the token endpoint answers 503 temporarily_unavailable. */
  tokenEndpointDown: () => boolean;
}
