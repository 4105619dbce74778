import type { ConfidentialClientApplication, ICachePlugin } from '@azure/msal-node';
import { afterEach, describe, expect, it } from 'vitest';
import { stableObjectId } from '../src';
import { closeTestEmulators, CLIENT, MAILBOX, SMTP_SCOPE, startTestEmulator } from './support/fixtures';
import { createMsalApp, signInWithMsal } from './support/msal-app';
import { postToken } from './support/token-client';

afterEach(closeTestEmulators);

/** The refresh token msal keeps in its cache (there is one account in these tests). */
function cachedRefreshToken(app: ConfidentialClientApplication): string {
  const cache = JSON.parse(app.getTokenCache().serialize()) as { RefreshToken: Record<string, { secret: string }> };
  const [entry] = Object.values(cache.RefreshToken);
  if (!entry) throw new Error('no refresh token in the msal cache');
  return entry.secret;
}

/** A persisted cache, as the BFF keeps one per user (there encrypted at rest). */
function memoryCachePlugin(): ICachePlugin {
  let stored = '';
  return {
    beforeCacheAccess: async (context) => context.tokenCache.deserialize(stored),
    afterCacheAccess: async (context) => {
      if (context.cacheHasChanged) stored = context.tokenCache.serialize();
    },
  };
}

describe('msal-node code flow against the emulator', () => {
  it('when the user signs in and accepts, then acquireTokenByCode returns the mailbox account and an SMTP token that verifies', async () => {
    const emulator = await startTestEmulator();
    const msal = createMsalApp(emulator);

    const result = await signInWithMsal(emulator, msal, MAILBOX);

    expect(result.account?.username).toBe(MAILBOX.email);
    expect(result.account?.name).toBe(MAILBOX.name);
    expect(result.account?.homeAccountId).toBe(`${stableObjectId(MAILBOX.email)}.${emulator.tenantId}`);
    expect(result.account?.environment).toBe(emulator.knownAuthority);
    expect(result.scopes).toContain(SMTP_SCOPE);
    expect(result.idTokenClaims).toMatchObject({ aud: CLIENT.clientId, tid: emulator.tenantId, ver: '2.0' });
    await expect(emulator.verifyAccessToken(result.accessToken)).resolves.toEqual({ ok: true, mailbox: MAILBOX.email });
    expect(emulator.stats).toEqual({ tokenRequests: 1, authorizationCodeGrants: 1, refreshTokenGrants: 0 });
    // A missing client_info or a discovery problem would show up as a warning.
    expect(msal.log).toEqual([]);
  });

  it('when a token is cached, then acquireTokenSilent returns it with no call to the token endpoint', async () => {
    const emulator = await startTestEmulator();
    const msal = createMsalApp(emulator);
    const first = await signInWithMsal(emulator, msal, MAILBOX);
    const before = emulator.stats.tokenRequests;

    const silent = await msal.app.acquireTokenSilent({ account: first.account!, scopes: [SMTP_SCOPE] });

    expect(silent.accessToken).toBe(first.accessToken);
    expect(silent.fromCache).toBe(true);
    expect(emulator.stats.tokenRequests - before).toBe(0);
  });

  it('when a new app instance reads the persisted cache, then it finds the account and its token offline', async () => {
    const emulator = await startTestEmulator();
    const cachePlugin = memoryCachePlugin();
    await signInWithMsal(emulator, createMsalApp(emulator, { cachePlugin }), MAILBOX);
    const requestsAfterSignIn = emulator.stats.tokenRequests;

    const { app } = createMsalApp(emulator, { cachePlugin });
    const [account] = await app.getTokenCache().getAllAccounts();
    const silent = await app.acquireTokenSilent({ account: account!, scopes: [SMTP_SCOPE] });

    expect(account?.username).toBe(MAILBOX.email);
    await expect(emulator.verifyAccessToken(silent.accessToken)).resolves.toMatchObject({ ok: true });
    expect(emulator.stats.tokenRequests).toBe(requestsAfterSignIn);
  });

  it('when forceRefresh is set, then the refresh grant issues a new token and rotates the refresh token', async () => {
    const emulator = await startTestEmulator();
    const msal = createMsalApp(emulator);
    const first = await signInWithMsal(emulator, msal, MAILBOX);
    const oldRefreshToken = cachedRefreshToken(msal.app);

    const refreshed = await msal.app.acquireTokenSilent({ account: first.account!, scopes: [SMTP_SCOPE], forceRefresh: true });

    expect(emulator.stats.refreshTokenGrants).toBe(1);
    expect(refreshed.fromCache).toBe(false);
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    await expect(emulator.verifyAccessToken(refreshed.accessToken)).resolves.toMatchObject({ ok: true });
    expect(cachedRefreshToken(msal.app)).not.toBe(oldRefreshToken);
    const reuse = await postToken(emulator, {
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: oldRefreshToken,
      scope: `${SMTP_SCOPE} offline_access`,
    });
    expect(reuse).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [70000] } });
  });

  it('when the cached token is about to expire, then acquireTokenSilent refreshes it', async () => {
    const emulator = await startTestEmulator();
    // msal renews tokens that expire within 5 minutes.
    emulator.setAccessTokenLifetime(60);
    const msal = createMsalApp(emulator);
    const first = await signInWithMsal(emulator, msal, MAILBOX);

    const silent = await msal.app.acquireTokenSilent({ account: first.account!, scopes: [SMTP_SCOPE] });

    expect(silent.accessToken).not.toBe(first.accessToken);
    expect(emulator.stats.refreshTokenGrants).toBe(1);
  });

  it('when the grants were revoked, then the refresh fails with invalid_grant and a new sign-in works again', async () => {
    const emulator = await startTestEmulator();
    const msal = createMsalApp(emulator);
    const first = await signInWithMsal(emulator, msal, MAILBOX);

    emulator.revokeGrants(MAILBOX.email);
    const failure = await msal.app
      .acquireTokenSilent({ account: first.account!, scopes: [SMTP_SCOPE], forceRefresh: true })
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ errorCode: 'invalid_grant', errorMessage: expect.stringContaining('AADSTS50173') });
    const again = await signInWithMsal(emulator, msal, MAILBOX);
    await expect(msal.app.acquireTokenSilent({ account: again.account!, scopes: [SMTP_SCOPE], forceRefresh: true })).resolves.toMatchObject(
      { account: { username: MAILBOX.email } },
    );
  });

  it('when the authority is organizations, then sign-in and refresh work and the account is in the real tenant', async () => {
    const emulator = await startTestEmulator();
    const msal = createMsalApp(emulator, { authority: `${emulator.origin}/organizations` });

    const result = await signInWithMsal(emulator, msal, MAILBOX);
    const refreshed = await msal.app.acquireTokenSilent({ account: result.account!, scopes: [SMTP_SCOPE], forceRefresh: true });

    expect(result.account).toMatchObject({ username: MAILBOX.email, tenantId: emulator.tenantId });
    expect(refreshed.fromCache).toBe(false);
    expect(msal.log).toEqual([]);
  });

  it('when the app is configured with the wrong client secret, then the code redemption fails with invalid_client', async () => {
    const emulator = await startTestEmulator();
    const msal = createMsalApp(emulator, { clientSecret: 'not-the-secret' });

    const failure = await signInWithMsal(emulator, msal, MAILBOX).catch((error: unknown) => error);

    expect(failure).toMatchObject({ errorCode: 'invalid_client', errorMessage: expect.stringContaining('AADSTS7000215') });
  });
});
