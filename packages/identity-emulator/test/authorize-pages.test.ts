import { afterEach, describe, expect, it } from 'vitest';
import type { IdentityEmulator } from '../src';
import { load, parseForm } from './support/browser';
import { closeTestEmulators, CLIENT, MAILBOX, REDIRECT_URI, SMTP_SCOPE, startTestEmulator } from './support/fixtures';
import { answerConsent, signIn } from './support/sign-in';
import { authorizeUrl, pkcePair } from './support/token-client';

afterEach(closeTestEmulators);

/** Parameters to change; null removes one. */
type Overrides = Record<string, string | null>;

function validParams(overrides: Overrides = {}): Record<string, string> {
  const params: Overrides = {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    response_mode: 'query',
    scope: `${SMTP_SCOPE} openid profile offline_access`,
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    state: 'state-123',
    login_hint: MAILBOX.email,
    prompt: 'select_account',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== null));
}

const open = (emulator: IdentityEmulator, overrides: Overrides = {}) => load(authorizeUrl(emulator, validParams(overrides)), emulator.ca);

describe('authorize: sign-in and consent pages', () => {
  it('when the authorize URL is opened, then an accessible sign-in page without script has the login hint filled in', async () => {
    const emulator = await startTestEmulator();

    const page = await open(emulator, { login_hint: 'a"<b>@saatja.test' });

    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('<title>Sign in to your account</title>');
    expect(page.body).toContain('<label for="login">Email address</label>');
    expect(page.body).toContain('<label for="passwd">Password</label>');
    expect(page.body).not.toContain('<script');
    expect(parseForm(page.body).values.login).toBe('a"<b>@saatja.test');
  });

  it('when the password is wrong, then the sign-in page returns with an alert, and the right password then leads to consent', async () => {
    const emulator = await startTestEmulator();
    const url = authorizeUrl(emulator, validParams());

    const wrong = await signIn(url, emulator.ca, { email: MAILBOX.email, password: 'nope' });
    const form = parseForm(wrong.page.body);
    const retry = await load(wrong.url, emulator.ca, { ...form.values, passwd: MAILBOX.password });

    expect(wrong.page.status).toBe(200);
    expect(wrong.page.body).toContain('role="alert">Your account or password is incorrect.');
    expect(wrong.page.body).toContain('aria-describedby="sign-in-error"');
    expect(form.values.login).toBe(MAILBOX.email);
    expect(retry.body).toContain('<h1>Permissions requested</h1>');
  });

  it('when the user accepts, then the consent page listed the permissions and the redirect carries code, state and client_info', async () => {
    const emulator = await startTestEmulator();

    const signedIn = await signIn(authorizeUrl(emulator, validParams()), emulator.ca, MAILBOX);
    const back = await answerConsent(signedIn, emulator.ca, 'Accept');

    expect(signedIn.page.body).toContain('<li>Send emails from mailboxes using SMTP AUTH.</li>');
    expect(signedIn.page.body).toContain('<li>Maintain access to data you have given it access to</li>');
    expect(parseForm(signedIn.page.body).buttons.map((button) => button.label)).toEqual(['Cancel', 'Accept']);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get('code')).toMatch(/^[\w-]{40,}$/);
    expect(back.searchParams.get('state')).toBe('state-123');
    expect(back.searchParams.get('client_info')).toBeTruthy();
  });

  it('when the user cancels consent, then the redirect carries access_denied with AADSTS65004 and the state', async () => {
    const emulator = await startTestEmulator();

    const signedIn = await signIn(authorizeUrl(emulator, validParams()), emulator.ca, MAILBOX);
    const back = await answerConsent(signedIn, emulator.ca, 'Cancel');

    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_subcode')).toBe('cancel');
    expect(back.searchParams.get('error_description')).toMatch(/^AADSTS65004: User declined to consent/);
    expect(back.searchParams.get('state')).toBe('state-123');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it.each<{ case: string; overrides: Overrides; code: number }>([
    { case: 'the client is unknown', overrides: { client_id: '00000000-0000-4000-8000-000000000000' }, code: 700016 },
    { case: 'the redirect URI is not registered', overrides: { redirect_uri: 'https://evil.test/cb' }, code: 50011 },
    { case: 'the redirect URI is missing', overrides: { redirect_uri: null }, code: 900144 },
    { case: 'the response mode is not query', overrides: { response_mode: 'fragment' }, code: 9002313 },
  ])('when $case, then an error page shows AADSTS$code and nothing is redirected', async ({ overrides, code }) => {
    const emulator = await startTestEmulator();

    const page = await open(emulator, overrides);

    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.body).toContain(`AADSTS${code}:`);
  });

  it.each<{ case: string; overrides: Overrides; error: string; code: number }>([
    { case: 'PKCE is missing', overrides: { code_challenge: null }, error: 'invalid_request', code: 9002325 },
    { case: 'PKCE is plain', overrides: { code_challenge_method: 'plain' }, error: 'invalid_request', code: 9002325 },
    { case: 'the response type is a token', overrides: { response_type: 'token' }, error: 'unsupported_response_type', code: 700054 },
    { case: 'the scope is missing', overrides: { scope: null }, error: 'invalid_request', code: 900144 },
    { case: 'the scope names two resources', overrides: { scope: `${SMTP_SCOPE} Mail.Send` }, error: 'invalid_request', code: 28000 },
    {
      case: 'the scope names an unknown resource',
      overrides: { scope: 'https://example.test/Do.It' },
      error: 'invalid_resource',
      code: 500011,
    },
    { case: 'prompt is none', overrides: { prompt: 'none' }, error: 'login_required', code: 50058 },
  ])('when $case, then the browser is sent back with $error', async ({ overrides, error, code }) => {
    const emulator = await startTestEmulator();

    const page = await open(emulator, overrides);

    expect(page.status).toBe(302);
    const back = new URL(page.location ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get('error')).toBe(error);
    expect(back.searchParams.get('error_description')).toMatch(new RegExp(`^AADSTS${code}: `));
    expect(back.searchParams.get('state')).toBe('state-123');
  });

  it('when the tenant is organizations, then the sign-in works; when it is unknown, then an error page shows AADSTS90002', async () => {
    const emulator = await startTestEmulator();
    const url = (tenant: string) => authorizeUrl(emulator, validParams()).replace(`/${emulator.tenantId}/`, `/${tenant}/`);

    const signedIn = await signIn(url('organizations'), emulator.ca, MAILBOX);
    const unknown = await load(url('contoso.onmicrosoft.com'), emulator.ca);

    expect(signedIn.page.body).toContain('<h1>Permissions requested</h1>');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('AADSTS90002:');
  });

  it('when a form names no sign-in in progress, then an error page asks to start again', async () => {
    const emulator = await startTestEmulator();

    const page = await load(`${emulator.authority}/login`, emulator.ca, { flow: 'unknown', login: MAILBOX.email, passwd: 'x' });

    expect(page.status).toBe(400);
    expect(page.body).toContain('AADSTS50089:');
  });
});
