// No schemas here (they are in m365-schemas.ts): the card's first screen imports these without loading zod.
import type { ServerRef } from './effective-config';
import type { M365AuthResult } from './m365-schemas';

/** Microsoft 365's SMTP submission server (SPEC §2): STARTTLS on 587, XOAUTH2. */
export const M365_SMTP_SERVER: ServerRef = { host: 'smtp.office365.com', port: 587, security: 'starttls' };

/** The only resource scope Saatja asks for: a Graph-audience token would get `535 5.7.3` (SPEC §2). */
export const M365_SMTP_SCOPE = 'https://outlook.office.com/SMTP.Send';
/** Asked for at sign-in: SMTP, a refresh token, and the OpenID scopes that name the account. */
export const M365_SIGN_IN_SCOPES: readonly string[] = [M365_SMTP_SCOPE, 'offline_access', 'openid', 'profile', 'email'];

/** ms an expired sign-in is kept, so a late callback is told "expired" rather than "unknown". */
export const EXPIRED_SIGN_IN_KEPT_MS = 60 * 60 * 1000;

/** The `type` of the popup's postMessage to its opener. */
export const M365_MESSAGE_TYPE = 'saatja:m365';

/** Mailbox addresses compare case-insensitively (and without stray spaces), as Exchange compares them. */
export function isSameMailbox(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** What an identity-provider error means for the user. */
export type AadErrorKind = 'cancelled' | 'reauthRequired' | 'failed';

/** Errors after which only a new interactive sign-in helps; msal's own client-side codes included. */
const REAUTH_ERRORS = new Set([
  'invalid_grant',
  'interaction_required',
  'login_required',
  'consent_required',
  'no_tokens_found',
  'refresh_token_expired',
  'bad_token',
  'native_account_unavailable',
]);
const REAUTH_SUBERRORS = new Set([
  'consent_required',
  'basic_action',
  'additional_action',
  'message_only',
  'user_password_expired',
  'bad_token',
]);
/**
 * AADSTS codes that need a new sign-in: revoked (50173), expired (70008, 700082, SPA 700084),
 * MFA or consent required (50076, 50078, 50079, 50158, 65001), signed out or changed password
 * (16000, 50058, 50133), account disabled (50057).
 */
const REAUTH_CODES = new Set([
  '16000',
  '50057',
  '50058',
  '50076',
  '50078',
  '50079',
  '50133',
  '50158',
  '50173',
  '65001',
  '70008',
  '700082',
  '700084',
]);
/** The user pressed Cancel on the consent page. */
const DECLINED_CODE = '65004';

/** `AADSTS50173` from an error_description such as "AADSTS50173: The provided grant has expired…". */
export function aadErrorCode(description: string | null | undefined): string | null {
  const match = /\bAADSTS(\d{4,8})\b/.exec(description ?? '');
  return match ? `AADSTS${match[1]}` : null;
}

/** Classifies on `error`, the AADSTS number and `suberror` — never on the description's wording. */
export function classifyAadError(error: { error: string | null; description?: string | null; subError?: string | null }): AadErrorKind {
  const number = aadErrorCode(error.description)?.slice('AADSTS'.length) ?? null;
  if (error.error === 'access_denied' || number === DECLINED_CODE) return 'cancelled';
  if (error.error !== null && REAUTH_ERRORS.has(error.error)) return 'reauthRequired';
  if (error.subError && REAUTH_SUBERRORS.has(error.subError)) return 'reauthRequired';
  if (number !== null && REAUTH_CODES.has(number)) return 'reauthRequired';
  return 'failed';
}

/** A code safe to show and log: `AADSTS…` when there is one, else a plain OAuth error name. */
export function displayableAadCode(error: { error: string | null; description?: string | null }): string | null {
  return aadErrorCode(error.description) ?? (error.error !== null && /^[a-z_]{1,64}$/.test(error.error) ? error.error : null);
}

/** Query parameters of the same-window fallback's return to the card. */
export const M365_QUERY = { outcome: 'm365', account: 'm365Account', expected: 'm365Expected', code: 'm365Code' } as const;

export function m365ResultToQuery(result: M365AuthResult): Record<string, string> {
  const query: Record<string, string> = { [M365_QUERY.outcome]: result.outcome };
  if ('account' in result) query[M365_QUERY.account] = result.account;
  if ('expected' in result) query[M365_QUERY.expected] = result.expected;
  if ('code' in result && result.code !== null) query[M365_QUERY.code] = result.code;
  return query;
}

/** The names of the fallback's query parameters, so the card can remove them after reading. */
export const M365_QUERY_PARAMS: readonly string[] = Object.values(M365_QUERY);

/** The card's Microsoft 365 connection, as GET …/card/m365 answers. Never holds a token. */
export interface M365Status {
  /** Tokens are stored for this card. */
  connected: boolean;
  /** The signed-in mailbox (the token's account), when connected. */
  account: string | null;
  /** The grant was revoked or expired: nothing is sent until the user authenticates again. */
  needsReauthentication: boolean;
  /** The identity provider's code for why, e.g. "AADSTS50173". */
  reauthReason: string | null;
  /** The card's User differs from the signed-in account: sending is refused until they match. */
  accountMismatch: boolean;
  /** ISO 8601. */
  authenticatedAt: string | null;
}
