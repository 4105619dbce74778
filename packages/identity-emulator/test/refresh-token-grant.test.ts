import { afterEach, describe, expect, it } from 'vitest';
import type { IdentityEmulator } from '../src';
import { closeTestEmulators, CLIENT, MAILBOX, OTHER_CLIENT, SMTP_SCOPE, startTestEmulator } from './support/fixtures';
import { obtainCode, postToken, redeemFields } from './support/token-client';

afterEach(closeTestEmulators);

async function refreshTokenFor(emulator: IdentityEmulator): Promise<string> {
  const { code, verifier } = await obtainCode(emulator, MAILBOX);
  const { body } = await postToken(emulator, redeemFields(code, verifier));
  return String(body.refresh_token);
}

function refresh(emulator: IdentityEmulator, refreshToken: string, client = CLIENT, scope?: string) {
  return postToken(emulator, {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    ...(scope === undefined ? {} : { scope }),
  });
}

describe('token endpoint: refresh_token grant', () => {
  it('when a refresh token is redeemed, then new tokens come back and only the new refresh token works afterwards', async () => {
    const emulator = await startTestEmulator();
    const first = await refreshTokenFor(emulator);

    const rotated = await refresh(emulator, first, CLIENT, `${SMTP_SCOPE} openid profile offline_access`);
    const reuse = await refresh(emulator, first);
    const next = await refresh(emulator, String(rotated.body.refresh_token));

    expect(rotated).toMatchObject({ status: 200, body: { scope: `${SMTP_SCOPE} openid profile offline_access` } });
    expect(rotated.body.refresh_token).not.toBe(first);
    expect(reuse).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [70000] } });
    expect(next).toMatchObject({ status: 200 });
    expect(emulator.stats.refreshTokenGrants).toBe(3);
  });

  it('when a refresh token is used by another client or is garbage, then invalid_grant comes back', async () => {
    const emulator = await startTestEmulator();
    const token = await refreshTokenFor(emulator);

    await expect(refresh(emulator, token, OTHER_CLIENT)).resolves.toMatchObject({ status: 400, body: { error_codes: [70000] } });
    await expect(refresh(emulator, 'garbage')).resolves.toMatchObject({ status: 400, body: { error_codes: [9002313] } });
    // Refused requests leave the token usable: it is used up only by a successful redemption.
    await expect(refresh(emulator, token)).resolves.toMatchObject({ status: 200 });
  });

  it('when the platform is temporarily unavailable, then 503 temporarily_unavailable comes back and the token still works afterwards', async () => {
    const emulator = await startTestEmulator();
    const token = await refreshTokenFor(emulator);

    await emulator.setOutage('temporarilyUnavailable');
    const during = await refresh(emulator, token);
    await emulator.setOutage(null);

    expect(during).toMatchObject({ status: 503, body: { error: 'temporarily_unavailable', error_codes: [90033] } });
    await expect(refresh(emulator, token)).resolves.toMatchObject({ status: 200 });
  });

  it('when connections are refused, then nothing answers on the port until the outage ends, and grants survive it', async () => {
    const emulator = await startTestEmulator();
    const token = await refreshTokenFor(emulator);

    await emulator.setOutage('connectionRefused');
    // A kept-alive socket cut by the outage may fail the first request as a reset instead.
    await refresh(emulator, token).catch(() => {});

    await expect(refresh(emulator, token)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await emulator.setOutage(null);
    await expect(refresh(emulator, token)).resolves.toMatchObject({ status: 200 });
  });

  it('when a refresh asks for a permission beyond the consent, then invalid_grant with consent_required comes back', async () => {
    const emulator = await startTestEmulator();
    const token = await refreshTokenFor(emulator);

    const answer = await refresh(emulator, token, CLIENT, 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access');

    expect(answer).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] },
    });
  });

  it('when the mailbox grants were revoked, then invalid_grant AADSTS50173 comes back', async () => {
    const emulator = await startTestEmulator();
    const token = await refreshTokenFor(emulator);

    emulator.revokeGrants(MAILBOX.email.toUpperCase());

    await expect(refresh(emulator, token)).resolves.toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_codes: [50173] },
    });
  });
});
