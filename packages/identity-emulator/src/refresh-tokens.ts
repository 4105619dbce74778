import { EncryptJWT, errors, jwtDecrypt } from 'jose';
import type { ScopeRequest } from './scopes';
import type { SigningKeys } from './signing-keys';

/** What a refresh token stands for. */
export interface RefreshGrant {
  clientId: string;
  /** The mailbox as configured. */
  email: string;
  /** What the user consented to. */
  scopes: ScopeRequest;
  /** ms since epoch of the sign-in that started the grant; kept through rotation. */
  authTime: number;
  /** Random id of the rotation chain, and this token's position in it. */
  family: string;
  generation: number;
}

/** Web-platform refresh tokens expire after 90 days without use. */
const INACTIVITY_LIFETIME = '90d';

/**
 * Refresh tokens are self-contained and encrypted (opaque to clients, as at Microsoft) with a key
 * derived from the signing key: with a persisted key they survive an emulator restart.
 */
export function issueRefreshToken(keys: SigningKeys, grant: RefreshGrant): Promise<string> {
  return new EncryptJWT({ grant })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(INACTIVITY_LIFETIME)
    .encrypt(keys.refreshTokenKey);
}

export type RefreshTokenRead = { ok: true; grant: RefreshGrant } | { ok: false; reason: 'malformed' | 'expired' };

export async function readRefreshToken(keys: SigningKeys, token: string): Promise<RefreshTokenRead> {
  try {
    const { payload } = await jwtDecrypt(token, keys.refreshTokenKey);
    return isRefreshGrant(payload.grant) ? { ok: true, grant: payload.grant } : { ok: false, reason: 'malformed' };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JOSEError) return { ok: false, reason: 'malformed' };
    throw error;
  }
}

/** Tracks the newest token of each rotation chain, so a rotated-away token cannot be used again. */
export interface RotationLedger {
  /** Atomically checks that `grant` is the newest of its chain and retires it. */
  claim(grant: RefreshGrant): boolean;
}

export function createRotationLedger(): RotationLedger {
  const next = new Map<string, number>();
  return {
    claim(grant) {
      const expected = next.get(grant.family);
      // An unknown chain was issued before a restart (persisted key); adopt it.
      if (expected !== undefined && grant.generation !== expected) return false;
      next.set(grant.family, grant.generation + 1);
      return true;
    },
  };
}

function isRefreshGrant(value: unknown): value is RefreshGrant {
  if (typeof value !== 'object' || value === null) return false;
  const grant = value as Partial<RefreshGrant>;
  return (
    typeof grant.clientId === 'string' &&
    typeof grant.email === 'string' &&
    typeof grant.authTime === 'number' &&
    typeof grant.family === 'string' &&
    typeof grant.generation === 'number' &&
    typeof grant.scopes === 'object' &&
    grant.scopes !== null &&
    typeof grant.scopes.resource === 'string' &&
    Array.isArray(grant.scopes.permissions) &&
    Array.isArray(grant.scopes.resourceScopes) &&
    Array.isArray(grant.scopes.oidc)
  );
}
