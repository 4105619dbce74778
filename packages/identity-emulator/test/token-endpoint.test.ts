import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestEmulators, CLIENT, MAILBOX, OTHER_CLIENT, SMTP_SCOPE, startTestEmulator } from './support/fixtures';
import { obtainCode, omit, pkcePair, postToken, redeemFields } from './support/token-client';

afterEach(closeTestEmulators);

describe('token endpoint', () => {
  it('when a code is redeemed, then the response has Microsoft shape and client_info names the mailbox', async () => {
    const emulator = await startTestEmulator();
    const { code, verifier } = await obtainCode(emulator, MAILBOX);

    const { status, body } = await postToken(emulator, redeemFields(code, verifier));

    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      scope: `${SMTP_SCOPE} openid profile offline_access`,
      expires_in: 3600,
      ext_expires_in: 3600,
    });
    expect(typeof body.refresh_token).toBe('string');
    const clientInfo = JSON.parse(Buffer.from(String(body.client_info), 'base64url').toString('utf8')) as unknown;
    const idToken = decodeJwt(String(body.id_token));
    expect(clientInfo).toEqual({ uid: idToken.oid, utid: emulator.tenantId });
    expect(idToken).toMatchObject({ iss: `${emulator.authority}/v2.0`, preferred_username: MAILBOX.email });
    expect(decodeJwt(String(body.access_token))).toMatchObject({
      aud: 'https://outlook.office.com',
      iss: `https://sts.windows.net/${emulator.tenantId}/`,
      scp: 'SMTP.Send',
      upn: MAILBOX.email,
      appid: CLIENT.clientId,
    });
  });

  it('when offline_access and openid are not requested, then neither refresh token nor id token is returned', async () => {
    const emulator = await startTestEmulator();
    const { code, verifier } = await obtainCode(emulator, MAILBOX, SMTP_SCOPE);

    const { body } = await postToken(emulator, redeemFields(code, verifier));

    expect(body).toHaveProperty('access_token');
    expect(body).not.toHaveProperty('refresh_token');
    expect(body).not.toHaveProperty('id_token');
  });

  it('when the client authenticates with HTTP Basic, then the code is redeemed', async () => {
    const emulator = await startTestEmulator();
    const { code, verifier } = await obtainCode(emulator, MAILBOX);
    const fields = omit(redeemFields(code, verifier), 'client_id', 'client_secret');
    const basic = Buffer.from(`${encodeURIComponent(CLIENT.clientId)}:${encodeURIComponent(CLIENT.clientSecret)}`);

    const { status } = await postToken(emulator, fields, { Authorization: `Basic ${basic.toString('base64')}` });

    expect(status).toBe(200);
  });

  it('when the code verifier is wrong, then invalid_grant AADSTS501481 comes back and the code is used up', async () => {
    const emulator = await startTestEmulator();
    const { code, verifier } = await obtainCode(emulator, MAILBOX);

    const wrong = await postToken(emulator, redeemFields(code, pkcePair().verifier));
    const right = await postToken(emulator, redeemFields(code, verifier));

    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [501481] } });
    expect(right).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [54005] } });
  });

  it('when the code verifier is missing, then invalid_grant AADSTS50148 comes back', async () => {
    const emulator = await startTestEmulator();
    const { code } = await obtainCode(emulator, MAILBOX);
    const fields = omit(redeemFields(code, ''), 'code_verifier');

    const answer = await postToken(emulator, fields);

    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [50148] } });
  });

  it('when a code is redeemed twice, then the second attempt gets invalid_grant AADSTS54005', async () => {
    const emulator = await startTestEmulator();
    const { code, verifier } = await obtainCode(emulator, MAILBOX);

    await postToken(emulator, redeemFields(code, verifier));
    const again = await postToken(emulator, redeemFields(code, verifier));

    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [54005] } });
  });

  it('when the redirect URI differs from the authorize request, then invalid_grant comes back', async () => {
    const emulator = await startTestEmulator();
    const { code, verifier } = await obtainCode(emulator, MAILBOX);

    const answer = await postToken(emulator, { ...redeemFields(code, verifier), redirect_uri: 'https://127.0.0.1:5173/other' });

    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [500112] } });
  });

  it('when the code is unknown, then invalid_grant comes back in Microsoft error shape', async () => {
    const emulator = await startTestEmulator();

    const { status, body } = await postToken(emulator, redeemFields('not-a-code', pkcePair().verifier), {
      'client-request-id': 'corr-1',
    });

    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/^AADSTS9002313: .* Trace ID: .* Correlation ID: corr-1 Timestamp: /),
      error_codes: [9002313],
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/),
      trace_id: expect.any(String),
      correlation_id: 'corr-1',
    });
  });

  it('when the client secret is wrong, then 401 invalid_client AADSTS7000215 comes back', async () => {
    const emulator = await startTestEmulator();
    const { code, verifier } = await obtainCode(emulator, MAILBOX);

    const answer = await postToken(emulator, { ...redeemFields(code, verifier), client_secret: 'wrong' });

    expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_client', error_codes: [7000215] } });
  });

  it('when the client secret is missing, then 401 invalid_client AADSTS7000218 comes back', async () => {
    const emulator = await startTestEmulator();
    const fields = omit(redeemFields('x', 'y'), 'client_secret');

    const answer = await postToken(emulator, fields);

    expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_client', error_codes: [7000218] } });
  });

  it('when a code is redeemed by another client, then invalid_grant comes back', async () => {
    const emulator = await startTestEmulator();
    const { code, verifier } = await obtainCode(emulator, MAILBOX);

    const answer = await postToken(emulator, {
      ...redeemFields(code, verifier),
      client_id: OTHER_CLIENT.clientId,
      client_secret: OTHER_CLIENT.clientSecret,
      redirect_uri: OTHER_CLIENT.redirectUris[0] ?? '',
    });

    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('when the grant type is unsupported or missing, then the matching error comes back', async () => {
    const emulator = await startTestEmulator();
    const client = { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret };

    await expect(postToken(emulator, { ...client, grant_type: 'password' })).resolves.toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type', error_codes: [70003] },
    });
    await expect(postToken(emulator, client)).resolves.toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_codes: [900144] },
    });
    expect(emulator.stats).toEqual({ tokenRequests: 2, authorizationCodeGrants: 0, refreshTokenGrants: 0 });
  });

  it('when the tenant is unknown, then invalid_tenant AADSTS90002 comes back', async () => {
    const emulator = await startTestEmulator();

    const answer = await postToken(emulator, redeemFields('x', 'y'), {}, 'contoso.onmicrosoft.com');

    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_tenant', error_codes: [90002] } });
  });
});
