import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { OUTLOOK_RESOURCE } from './scopes';
import { accessTokenIssuer } from './tokens';
import type { AccessTokenVerdict } from './types';

const SMTP_SEND = 'SMTP.Send';

/** Checks a token the way Exchange Online's SMTP endpoint does before it looks at the user. */
export function createAccessTokenVerifier(jwks: JSONWebKeySet, tenantId: string) {
  const keySet = createLocalJWKSet(jwks);
  return async (token: string): Promise<AccessTokenVerdict> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, { issuer: accessTokenIssuer(tenantId), algorithms: ['RS256'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      if (error instanceof errors.JOSEError) return { ok: false, reason: 'invalid' };
      throw error;
    }
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(OUTLOOK_RESOURCE)) return { ok: false, reason: 'audience' };
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(SMTP_SEND)) return { ok: false, reason: 'scope' };
    const mailbox = stringClaim(payload.upn) ?? stringClaim(payload.preferred_username);
    if (mailbox === undefined) return { ok: false, reason: 'invalid' };
    return { ok: true, mailbox };
  };
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
