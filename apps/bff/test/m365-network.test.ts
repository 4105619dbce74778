import { startIdentityEmulator, type IdentityEmulator } from '@saatja/identity-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEV_M365_CLIENT } from '../src/dev/dev-m365';
import { createHttpsNetworkClient } from '../src/m365/https-network-client';

let emulator: IdentityEmulator;

beforeEach(async () => {
  emulator = await startIdentityEmulator({
    clients: [{ ...DEV_M365_CLIENT, redirectUris: ['http://localhost:1/api/m365/callback'] }],
    mailboxes: [{ email: 'jaan@firma.onmicrosoft.com', password: 'x', name: 'Jaan' }],
  });
});

afterEach(async () => {
  await emulator.close();
});

const metadataUrl = () => `${emulator.authority}/v2.0/.well-known/openid-configuration`;

describe('the identity provider network client', () => {
  it('when the provider’s CA is among the extra trusted CAs, then msal gets its JSON answer', async () => {
    const response = await createHttpsNetworkClient([emulator.ca]).sendGetRequestAsync<{ issuer: string }>(metadataUrl());

    expect(response.status).toBe(200);
    expect(response.body.issuer).toBe(`${emulator.authority}/v2.0`);
    expect(response.headers['content-type']).toContain('application/json');
  });

  it('when the provider’s certificate is not trusted, then the request fails: verification is never skipped', async () => {
    await expect(createHttpsNetworkClient([]).sendGetRequestAsync(metadataUrl())).rejects.toMatchObject({
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
  });

  it('when a POST gets an error answer, then msal still gets the JSON body and status', async () => {
    const response = await createHttpsNetworkClient([emulator.ca]).sendPostRequestAsync<{ error: string }>(
      `${emulator.authority}/oauth2/v2.0/token`,
      {
        body: 'grant_type=refresh_token',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      },
    );

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
  });
});
