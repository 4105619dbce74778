import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_M365_MAILBOXES } from '../src/dev/dev-m365';
import { apiClient } from './support/api-client';
import { authorizeInBrowser } from './support/identity-browser';
import { connectM365, loadCallback, startSignIn } from './support/m365-flow';
import { startTestStack, type TestStack } from './support/stack';

const [JAAN_MAILBOX, MARI_MAILBOX] = DEMO_M365_MAILBOXES as [(typeof DEMO_M365_MAILBOXES)[0], (typeof DEMO_M365_MAILBOXES)[0]];

let stack: TestStack;
let jaan: ReturnType<typeof apiClient>;

beforeEach(async () => {
  stack = await startTestStack({ m365: true });
  jaan = apiClient(stack.url);
  expect((await jaan.signIn('JAAN', 'jaan-demo-2026')).status).toBe(200);
});

afterEach(async () => {
  await stack.close();
});

const status = async (client = jaan, path = '/card/m365') => (await client.call('GET', path)).json;
const tokenRows = () => stack.bff.db.selectFrom('m365_tokens').selectAll().execute();

describe('Authenticate Microsoft 365: the code flow', () => {
  it('when the sign-in starts, then the authorize URL asks for SMTP.Send only, with PKCE, state, nonce and select_account', async () => {
    const url = new URL(await startSignIn(jaan, JAAN_MAILBOX.email));

    expect(`${url.origin}${url.pathname}`).toBe(`${stack.m365!.emulator.authority}/oauth2/v2.0/authorize`);
    const params = url.searchParams;
    expect(params.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['https://outlook.office.com/SMTP.Send', 'offline_access', 'openid', 'profile', 'email']),
    );
    expect(params.get('scope')).not.toContain('graph.microsoft.com');
    expect(params.get('redirect_uri')).toBe(`${stack.url}/api/m365/callback`);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(params.get('nonce')?.length).toBeGreaterThanOrEqual(32);
    expect(params.get('prompt')).toBe('select_account');
    // msal-common drops the hint with prompt=select_account: Entra ID refuses the two together
    // (msal-js PR #3315); the signed-in account is checked against the card on the way back instead.
    expect(params.get('login_hint')).toBeNull();
    expect(params.get('response_mode')).toBe('query');
    // Only a hash of the state is stored.
    const states = await stack.bff.db.selectFrom('m365_auth_states').selectAll().execute();
    expect(states).toHaveLength(1);
    expect(JSON.stringify(states)).not.toContain(params.get('state'));
  });

  it('when the user signs in and accepts, then the popup page reports success to the app origin only, and the card is saved in m365 mode', async () => {
    const page = await connectM365(stack, jaan, JAAN_MAILBOX);

    expect(page.result).toEqual({ outcome: 'authenticated', account: JAAN_MAILBOX.email });
    expect(page.html).toContain(`"origin":"${stack.url}"`);
    expect(page.fallback).toBe(`/?m365=authenticated&m365Account=${encodeURIComponent(JAAN_MAILBOX.email)}`);
    const nonce = /<script nonce="([^"]+)">/.exec(page.html)?.[1];
    expect(page.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');

    expect((await jaan.call('GET', '/card')).json).toMatchObject({
      mailSender: { mode: 'm365', smtp: { host: 'smtp.office365.com', port: 587, user: JAAN_MAILBOX.email } },
    });
    expect(await status()).toMatchObject({
      connected: true,
      account: JAAN_MAILBOX.email,
      needsReauthentication: false,
      accountMismatch: false,
      authenticatedAt: expect.any(String),
    });
  });

  it('when the tokens are stored, then they are sealed at rest, never in an API answer, and a restart keeps the connection', async () => {
    await connectM365(stack, jaan, JAAN_MAILBOX);
    const [row] = await tokenRows();

    expect(row?.token_cache_sealed).toMatch(/^v1\.test1\./);
    expect(row?.token_cache_sealed).not.toContain('RefreshToken');
    // No JWT in the clear (header.payload); a bare "eyJ" turns up in random ciphertext now and then.
    expect(row?.token_cache_sealed).not.toMatch(/eyJ[\w-]+\.eyJ/);
    const audit = await stack.bff.db.selectFrom('audit_log').selectAll().where('action', '=', 'm365.connect').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.changes)).not.toContain('eyJ');

    await stack.restart();
    const after = await jaan.call('GET', '/card/m365');
    expect(after.json).toMatchObject({ connected: true, account: JAAN_MAILBOX.email });
    expect(after.text).not.toContain('eyJ');
  });

  it('when the same callback is loaded twice, then the second time the state is refused and nothing changes', async () => {
    const authorizeUrl = await startSignIn(jaan, JAAN_MAILBOX.email);
    const back = await authorizeInBrowser(authorizeUrl, stack.m365!.emulator.ca, JAAN_MAILBOX);
    expect((await loadCallback(jaan, back)).result.outcome).toBe('authenticated');
    const tokenRequests = stack.m365!.emulator.stats.tokenRequests;

    const replay = await loadCallback(jaan, back);

    expect(replay.result).toEqual({ outcome: 'invalidState' });
    expect(stack.m365!.emulator.stats.tokenRequests).toBe(tokenRequests);
  });

  it('when another session brings the callback, then the state is refused there and still works for the session that started it', async () => {
    const authorizeUrl = await startSignIn(jaan, JAAN_MAILBOX.email);
    const back = await authorizeInBrowser(authorizeUrl, stack.m365!.emulator.ca, JAAN_MAILBOX);
    const attacker = apiClient(stack.url);
    await attacker.signIn('MARI', 'mari-demo-2026');
    const anonymous = apiClient(stack.url);

    expect((await loadCallback(attacker, back)).result).toEqual({ outcome: 'invalidState' });
    expect((await loadCallback(anonymous, back)).result).toEqual({ outcome: 'invalidState' });
    expect(await tokenRows()).toEqual([]);
    expect(stack.m365!.emulator.stats.tokenRequests).toBe(0);

    expect((await loadCallback(jaan, back)).result).toEqual({ outcome: 'authenticated', account: JAAN_MAILBOX.email });
  });

  it('when the callback comes after the sign-in expired, then it says so and the code is not redeemed', async () => {
    const authorizeUrl = await startSignIn(jaan, JAAN_MAILBOX.email);
    const back = await authorizeInBrowser(authorizeUrl, stack.m365!.emulator.ca, JAAN_MAILBOX);
    await stack.bff.db
      .updateTable('m365_auth_states')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();

    expect((await loadCallback(jaan, back)).result).toEqual({ outcome: 'expiredState' });
    expect(stack.m365!.emulator.stats.tokenRequests).toBe(0);
    expect(await tokenRows()).toEqual([]);
  });

  it('when the state is made up or missing, then the page reports an invalid state', async () => {
    expect((await loadCallback(jaan, `${stack.url}/api/m365/callback?code=abc&state=made-up`)).result).toEqual({ outcome: 'invalidState' });
    expect((await loadCallback(jaan, `${stack.url}/api/m365/callback?code=abc`)).result).toEqual({ outcome: 'invalidState' });
    expect((await loadCallback(jaan, `${stack.url}/api/m365/callback?code=a&state=b&state=c`)).result).toEqual({ outcome: 'invalidState' });
  });

  it('when the user cancels consent, then the result is "cancelled" and nothing is saved', async () => {
    const page = await connectM365(stack, jaan, JAAN_MAILBOX, { answer: 'Cancel' });

    expect(page.result).toEqual({ outcome: 'cancelled' });
    expect(await tokenRows()).toEqual([]);
    expect((await jaan.call('GET', '/card')).json).toMatchObject({ mailSender: { mode: 'default' } });
    expect(stack.m365!.emulator.stats.tokenRequests).toBe(0);
  });

  it('when another mailbox signs in than the card names, then both names are reported and no token is kept', async () => {
    const page = await connectM365(stack, jaan, MARI_MAILBOX, { cardUser: JAAN_MAILBOX.email.toUpperCase() });

    expect(page.result).toEqual({ outcome: 'accountMismatch', account: MARI_MAILBOX.email, expected: JAAN_MAILBOX.email.toUpperCase() });
    expect(await tokenRows()).toEqual([]);
    expect((await jaan.call('GET', '/card')).json).toMatchObject({ mailSender: { mode: 'default' } });
    expect(await status()).toMatchObject({ connected: false, account: null });
  });

  it('when the card’s mailbox differs only in letter case, then it is the same mailbox and the sign-in succeeds', async () => {
    const page = await connectM365(stack, jaan, JAAN_MAILBOX, { cardUser: 'Jaan@Firma.OnMicrosoft.com' });

    expect(page.result).toEqual({ outcome: 'authenticated', account: JAAN_MAILBOX.email });
  });

  it('when the user disconnects, then the tokens are forgotten', async () => {
    await connectM365(stack, jaan, JAAN_MAILBOX);

    const disconnected = await jaan.call('DELETE', '/card/m365');

    expect(disconnected.status).toBe(200);
    expect(disconnected.json).toMatchObject({ connected: false, account: null, needsReauthentication: false });
    expect(await tokenRows()).toEqual([]);
    const audit = await stack.bff.db.selectFrom('audit_log').select('action').where('action', 'like', 'm365.%').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['m365.connect', 'm365.disconnect']);
  });

  it('when an admin authenticates another user’s card, then that card is connected and the fallback returns to its page', async () => {
    const admin = apiClient(stack.url);
    await admin.signIn('MARI', 'mari-demo-2026');

    const page = await connectM365(stack, admin, JAAN_MAILBOX, { cardPath: '/admin/users/JAAN/card' });

    expect(page.result.outcome).toBe('authenticated');
    expect(page.fallback).toMatch(/^\/admin\/users\/JAAN\?m365=authenticated/);
    expect(await status(admin, '/admin/users/JAAN/card/m365')).toMatchObject({ connected: true, account: JAAN_MAILBOX.email });
    expect(await status()).toMatchObject({ connected: true });
    expect((await jaan.call('POST', '/admin/users/MARI/card/m365/start', { user: MARI_MAILBOX.email })).status).toBe(403);
  });

  it('when the start has no valid mailbox or no session, then it is refused and no sign-in begins', async () => {
    const bad = await jaan.call('POST', '/card/m365/start', { user: 'not-an-address' });
    expect(bad.status).toBe(422);
    expect(bad.json).toEqual({ error: { code: 'validation', fields: { user: 'email.invalid' } } });
    expect((await apiClient(stack.url).call('POST', '/card/m365/start', { user: JAAN_MAILBOX.email })).status).toBe(401);
    const crossSite = await jaan.call('POST', '/card/m365/start', { user: JAAN_MAILBOX.email }, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(await stack.bff.db.selectFrom('m365_auth_states').selectAll().execute()).toEqual([]);
  });
});

describe('Microsoft 365 not configured', () => {
  it('when the deployment has no app registration, then starting says so and the status is "not connected"', async () => {
    const plain = await startTestStack();
    try {
      const client = apiClient(plain.url);
      await client.signIn('JAAN', 'jaan-demo-2026');
      const started = await client.call('POST', '/card/m365/start', { user: JAAN_MAILBOX.email });
      expect(started.json).toEqual({ error: { code: 'notFound', detail: 'm365NotConfigured' } });
      expect((await client.call('GET', '/card/m365')).json).toMatchObject({ connected: false });
    } finally {
      await plain.close();
    }
  });
});
