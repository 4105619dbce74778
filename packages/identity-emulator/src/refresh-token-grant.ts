import { aadErrors } from './aad-errors';
import type { EmulatorContext } from './context';
import { fail, type FormFields, type GrantResult } from './grant-result';
import { readRefreshToken, type RefreshGrant } from './refresh-tokens';
import { isCoveredBy, isOidcScope, parseScopes, type ScopeParse } from './scopes';
import { tokenResponse } from './tokens';
import type { EmulatorClient } from './types';

/** grant_type=refresh_token for an authenticated client; the refresh token is rotated. */
export async function redeemRefreshToken(context: EmulatorContext, client: EmulatorClient, field: FormFields): Promise<GrantResult> {
  const token = field('refresh_token');
  if (token === undefined) return fail(aadErrors.missingParameter('refresh_token'));
  const read = await readRefreshToken(context.keys, token);
  if (!read.ok) return fail(read.reason === 'expired' ? aadErrors.refreshTokenExpired() : aadErrors.malformedGrant());
  const { grant } = read;
  if (grant.clientId !== client.clientId) {
    return fail(aadErrors.grantInvalid('The refresh token was issued to a different client.'));
  }
  const mailbox = context.directory.find(grant.email);
  if (mailbox === undefined) return fail(aadErrors.unknownUser(grant.email));
  if (mailbox.tokensValidFrom !== null && grant.authTime <= mailbox.tokensValidFrom) {
    return fail(aadErrors.grantRevoked(new Date(grant.authTime), new Date(mailbox.tokensValidFrom)));
  }
  const scopes = scopesWithin(grant, field('scope'));
  if (!scopes.ok) return fail(scopes.error);
  // Checked last: a request refused for another reason leaves the token usable.
  if (!context.rotation.claim(grant)) {
    return fail(aadErrors.grantInvalid('The refresh token was already redeemed; use the one issued in its place.'));
  }
  const next: RefreshGrant = { ...grant, generation: grant.generation + 1 };
  return { ok: true, body: await tokenResponse(context, { mailbox, grant: next, scopes: scopes.value }) };
}

/** The requested scopes, which must stay within what the user consented to. */
function scopesWithin(grant: RefreshGrant, raw: string | undefined): ScopeParse {
  if (raw === undefined) return { ok: true, value: grant.scopes };
  const parsed = parseScopes(raw);
  if (!parsed.ok) return parsed;
  // Only OpenID scopes asked for: the token is for the resource of the grant.
  const onlyOidc = raw.split(/\s+/).filter(Boolean).every(isOidcScope);
  if (onlyOidc) return { ok: true, value: { ...grant.scopes, oidc: parsed.value.oidc } };
  if (!isCoveredBy(parsed.value, grant.scopes)) return { ok: false, error: aadErrors.consentRequired(raw) };
  return parsed;
}
