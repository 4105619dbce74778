import { describe, expect, it } from 'vitest';
import {
  aadErrorCode,
  classifyAadError,
  displayableAadCode,
  isSameMailbox,
  M365_QUERY_PARAMS,
  m365ResultToQuery,
  type AadErrorKind,
} from '../src/m365';
import {
  m365CallbackQuerySchema,
  m365MessageSchema,
  m365ResultFromQuery,
  m365StartInputSchema,
  type M365AuthResult,
} from '../src/m365-schemas';

describe('isSameMailbox', () => {
  it.each([
    ['jaan@firma.onmicrosoft.com', 'jaan@firma.onmicrosoft.com', true],
    ['Jaan@Firma.OnMicrosoft.com', 'jaan@firma.onmicrosoft.com', true],
    [' jaan@firma.onmicrosoft.com ', 'JAAN@FIRMA.ONMICROSOFT.COM', true],
    ['jaan@firma.onmicrosoft.com', 'mari@firma.onmicrosoft.com', false],
    ['jaan@firma.onmicrosoft.com', 'jaan@firma.ee', false],
    ['', 'jaan@firma.ee', false],
  ])('when %j is compared with %j, then the answer is %s', (a, b, same) => {
    expect(isSameMailbox(a, b)).toBe(same);
    expect(isSameMailbox(b, a)).toBe(same);
  });
});

describe('classifyAadError', () => {
  const revoked = 'AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. Trace ID: x';
  it.each<[string, { error: string | null; description?: string | null; subError?: string | null }, AadErrorKind]>([
    ['the user cancelled consent', { error: 'access_denied', description: 'AADSTS65004: User declined to consent' }, 'cancelled'],
    ['access was denied without a code', { error: 'access_denied' }, 'cancelled'],
    ['only the code says declined', { error: 'invalid_request', description: 'AADSTS65004: declined' }, 'cancelled'],
    ['the grant was revoked', { error: 'invalid_grant', description: revoked }, 'reauthRequired'],
    ['the refresh token expired (code only)', { error: 'server_error', description: 'AADSTS700082: expired' }, 'reauthRequired'],
    ['MFA is now required', { error: 'unknown_error', description: 'AADSTS50076: Due to a configuration change' }, 'reauthRequired'],
    ['msal says interaction is required', { error: 'interaction_required' }, 'reauthRequired'],
    ['msal found no refresh token', { error: 'no_tokens_found' }, 'reauthRequired'],
    ['the suberror asks for consent', { error: 'server_error', subError: 'consent_required' }, 'reauthRequired'],
    ['the client secret is wrong', { error: 'invalid_client', description: 'AADSTS7000215: Invalid client secret' }, 'failed'],
    ['the scope is invalid', { error: 'invalid_scope', description: 'AADSTS70011: bad scope' }, 'failed'],
    ['nothing is known', { error: null }, 'failed'],
    ['a network failure', { error: 'network_error', description: null, subError: null }, 'failed'],
  ])('when %s, then it is %s', (_when, error, kind) => {
    expect(classifyAadError(error)).toBe(kind);
  });
});

describe('aadErrorCode and displayableAadCode', () => {
  it.each([
    ['AADSTS50173: revoked', 'AADSTS50173'],
    ['Error: AADSTS700082: expired. Trace ID: 1', 'AADSTS700082'],
    ['no code here', null],
    ['XAADSTS50173 is not a code', null],
    [null, null],
    [undefined, null],
  ])('when the description is %j, then the code is %j', (description, code) => {
    expect(aadErrorCode(description)).toBe(code);
  });

  it('when there is an AADSTS code, then it is what is shown; else a plain error name; else nothing', () => {
    expect(displayableAadCode({ error: 'invalid_grant', description: 'AADSTS70008: expired' })).toBe('AADSTS70008');
    expect(displayableAadCode({ error: 'server_error' })).toBe('server_error');
    expect(displayableAadCode({ error: '<script>', description: 'no code' })).toBeNull();
    expect(displayableAadCode({ error: null })).toBeNull();
  });
});

describe('m365 result in the fallback URL', () => {
  const results: M365AuthResult[] = [
    { outcome: 'authenticated', account: 'jaan@firma.onmicrosoft.com' },
    { outcome: 'cancelled' },
    { outcome: 'invalidState' },
    { outcome: 'expiredState' },
    { outcome: 'accountMismatch', account: 'mari@firma.onmicrosoft.com', expected: 'jaan@firma.onmicrosoft.com' },
    { outcome: 'failed', code: 'AADSTS7000215' },
    { outcome: 'failed', code: null },
  ];

  it.each(results)('when %j goes through the query string, then it comes back unchanged', (result) => {
    const query = new URLSearchParams(m365ResultToQuery(result));
    expect(m365ResultFromQuery(query)).toEqual(result);
    for (const name of query.keys()) expect(M365_QUERY_PARAMS).toContain(name);
  });

  it.each([
    ['no m365 parameter', ''],
    ['an unknown outcome', 'm365=hacked'],
    ['a mismatch without the names', 'm365=accountMismatch'],
    ['a code with markup', 'm365=failed&m365Code=%3Cb%3E'],
  ])('when the URL has %s, then there is no result', (_when, search) => {
    expect(m365ResultFromQuery(new URLSearchParams(search))).toBeNull();
  });
});

describe('m365 schemas', () => {
  it('when the popup message has the right type and a valid result, then it parses; otherwise not', () => {
    expect(m365MessageSchema.safeParse({ type: 'saatja:m365', result: { outcome: 'cancelled' } }).success).toBe(true);
    expect(m365MessageSchema.safeParse({ type: 'other', result: { outcome: 'cancelled' } }).success).toBe(false);
    expect(m365MessageSchema.safeParse({ type: 'saatja:m365', result: { outcome: 'authenticated' } }).success).toBe(false);
  });

  it('when the start input is not an e-mail address, then the user field gets the shared error', () => {
    expect(m365StartInputSchema.safeParse({ user: ' jaan@firma.onmicrosoft.com ' })).toEqual({
      success: true,
      data: { user: 'jaan@firma.onmicrosoft.com' },
    });
    const bad = m365StartInputSchema.safeParse({ user: 'jaan' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['user'], message: 'email.invalid' });
  });

  it('when a callback parameter is repeated, then the query does not parse', () => {
    expect(m365CallbackQuerySchema.safeParse({ state: 's', code: 'c' }).success).toBe(true);
    expect(m365CallbackQuerySchema.safeParse({ state: ['s', 't'], code: 'c' }).success).toBe(false);
    expect(m365CallbackQuerySchema.safeParse({ state: '' }).success).toBe(false);
  });
});
