import { createRemoteJWKSet, customFetch, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpsNetworkClient } from '../src';
import { load } from './support/browser';
import { closeTestEmulators, MAILBOX, REDIRECT_URI, startTestEmulator } from './support/fixtures';
import { obtainCode, postToken, redeemFields } from './support/token-client';

afterEach(closeTestEmulators);

describe('OpenID metadata and keys', () => {
  it('when the tenant id is used, then discovery names that tenant in the issuer and every endpoint', async () => {
    const emulator = await startTestEmulator();
    const network = createHttpsNetworkClient([emulator.ca]);

    const { status, body } = await network.sendGetRequestAsync<Record<string, unknown>>(
      `${emulator.authority}/v2.0/.well-known/openid-configuration`,
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({
      issuer: `${emulator.authority}/v2.0`,
      authorization_endpoint: `${emulator.authority}/oauth2/v2.0/authorize`,
      token_endpoint: `${emulator.authority}/oauth2/v2.0/token`,
      end_session_endpoint: `${emulator.authority}/oauth2/v2.0/logout`,
      jwks_uri: emulator.jwksUrl,
      response_types_supported: ['code'],
    });
  });

  it('when organizations is used, then the issuer carries the {tenantid} placeholder as at Microsoft', async () => {
    const emulator = await startTestEmulator();
    const network = createHttpsNetworkClient([emulator.ca]);

    const { body } = await network.sendGetRequestAsync<Record<string, unknown>>(
      `${emulator.origin}/organizations/v2.0/.well-known/openid-configuration`,
    );

    expect(body).toMatchObject({
      issuer: `${emulator.origin}/{tenantid}/v2.0`,
      token_endpoint: `${emulator.origin}/organizations/oauth2/v2.0/token`,
    });
  });

  it('when an access token is checked against the published JWKS, then its signature verifies', async () => {
    const emulator = await startTestEmulator();
    const { code, verifier } = await obtainCode(emulator, MAILBOX);
    const { body } = await postToken(emulator, redeemFields(code, verifier));
    const network = createHttpsNetworkClient([emulator.ca]);
    // What the SMTP server of another process would do: fetch the keys over HTTPS.
    const jwks = createRemoteJWKSet(new URL(emulator.jwksUrl), {
      [customFetch]: async (url) => {
        const answer = await network.sendGetRequestAsync<unknown>(String(url));
        return new Response(JSON.stringify(answer.body), { status: answer.status });
      },
    });

    const { payload, protectedHeader } = await jwtVerify(String(body.access_token), jwks);

    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    expect(payload.upn).toBe(MAILBOX.email);
  });

  it('when the user signs out, then a page links back only to a registered redirect URI', async () => {
    const emulator = await startTestEmulator();
    const logout = (returnTo: string) =>
      load(`${emulator.authority}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(returnTo)}`, emulator.ca);

    const registered = await logout(REDIRECT_URI);
    const foreign = await logout('https://evil.test/');

    expect(registered.body).toContain(`<a href="${REDIRECT_URI}">`);
    expect(foreign.status).toBe(200);
    expect(foreign.body).not.toContain('evil.test');
  });
});
