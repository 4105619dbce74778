import { createHash, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { MailboxRecord } from './directory';
import { issueRefreshToken, type RefreshGrant } from './refresh-tokens';
import { responseScope, type ScopeRequest } from './scopes';
import type { SigningKeys } from './signing-keys';

/** Seconds an id token stays valid, as at Microsoft. */
const ID_TOKEN_LIFETIME = 3600;

export interface IssuerContext {
  origin: string;
  tenantId: string;
  keys: SigningKeys;
  /** Seconds; read at issue time so tests can change it between requests. */
  accessTokenLifetime(): number;
}

/** The v1 issuer Exchange Online's tokens carry; verifyAccessToken checks exactly this. */
export function accessTokenIssuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

export function idTokenIssuer(origin: string, tenantId: string): string {
  return `${origin}/${tenantId}/v2.0`;
}

/** base64url JSON {uid, utid}: msal builds the account's homeAccountId from it. */
export function clientInfo(mailbox: MailboxRecord, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: mailbox.oid, utid: tenantId })).toString('base64url');
}

export interface Issue {
  mailbox: MailboxRecord;
  /** Carried by the refresh token; it is returned when the grant includes offline_access. */
  grant: RefreshGrant;
  /** What this request asked for, within the grant. */
  scopes: ScopeRequest;
  nonce?: string | undefined;
}

/** The JSON body of a successful token response. */
export async function tokenResponse(context: IssuerContext, { mailbox, grant, scopes, nonce }: Issue) {
  const lifetime = context.accessTokenLifetime();
  const now = Math.floor(Date.now() / 1000);
  const clientId = grant.clientId;
  return {
    token_type: 'Bearer',
    scope: responseScope(scopes),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: await accessToken(context, mailbox, clientId, scopes, now, lifetime),
    ...(grant.scopes.oidc.includes('offline_access') ? { refresh_token: await issueRefreshToken(context.keys, grant) } : {}),
    ...(scopes.oidc.includes('openid') ? { id_token: await idToken(context, mailbox, clientId, scopes, now, nonce) } : {}),
    client_info: clientInfo(mailbox, context.tenantId),
  };
}

function accessToken(
  context: IssuerContext,
  mailbox: MailboxRecord,
  clientId: string,
  scopes: ScopeRequest,
  now: number,
  lifetime: number,
) {
  // Shaped like the v1 tokens Exchange Online gets: upn/unique_name carry the mailbox.
  return sign(context.keys, {
    aud: scopes.resource,
    iss: accessTokenIssuer(context.tenantId),
    iat: now,
    nbf: now,
    exp: now + lifetime,
    appid: clientId,
    appidacr: '1',
    amr: ['pwd'],
    idtyp: 'user',
    name: mailbox.name,
    oid: mailbox.oid,
    scp: scopes.permissions.join(' '),
    sub: pairwiseSubject(mailbox, clientId),
    tid: context.tenantId,
    unique_name: mailbox.email,
    upn: mailbox.email,
    preferred_username: mailbox.email,
    uti: randomBytes(16).toString('base64url'),
    ver: '1.0',
  });
}

function idToken(
  context: IssuerContext,
  mailbox: MailboxRecord,
  clientId: string,
  scopes: ScopeRequest,
  now: number,
  nonce: string | undefined,
) {
  return sign(context.keys, {
    aud: clientId,
    iss: idTokenIssuer(context.origin, context.tenantId),
    iat: now,
    nbf: now,
    exp: now + ID_TOKEN_LIFETIME,
    name: mailbox.name,
    oid: mailbox.oid,
    preferred_username: mailbox.email,
    ...(scopes.oidc.includes('email') ? { email: mailbox.email } : {}),
    sub: pairwiseSubject(mailbox, clientId),
    tid: context.tenantId,
    uti: randomBytes(16).toString('base64url'),
    ver: '2.0',
    ...(nonce === undefined ? {} : { nonce }),
  });
}

function sign(keys: SigningKeys, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' }).sign(keys.privateKey);
}

/** Microsoft's `sub` differs per app for the same user; 43 base64url characters. */
function pairwiseSubject(mailbox: MailboxRecord, clientId: string): string {
  return createHash('sha256').update(`${mailbox.oid}:${clientId}`).digest('base64url');
}
