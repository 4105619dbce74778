import { createLocalTls, startSmtpServer } from '@saatja/local-servers';
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { xoauth2Verifier, type IdentityEmulator } from '../src';
import { closeTestEmulators, MAILBOX, OTHER_MAILBOX, SMTP_SCOPE, startTestEmulator } from './support/fixtures';
import { createMsalApp, signInWithMsal } from './support/msal-app';
import { xoauth2Login } from './support/raw-smtp';

afterEach(closeTestEmulators);

const UNSUCCESSFUL = { ok: false, responseCode: 535, message: '5.7.3 Authentication unsuccessful' };

async function smtpToken(emulator: IdentityEmulator, scopes = [SMTP_SCOPE]): Promise<string> {
  return (await signInWithMsal(emulator, createMsalApp(emulator), { ...MAILBOX, scopes })).accessToken;
}

describe('xoauth2Verifier', () => {
  it('when the user is the mailbox the token was issued to, then XOAUTH2 is accepted (case-insensitively)', async () => {
    const emulator = await startTestEmulator();
    const verify = xoauth2Verifier(emulator);
    const token = await smtpToken(emulator);

    await expect(verify(MAILBOX.email, token)).resolves.toEqual({ ok: true });
    await expect(verify(MAILBOX.email.toUpperCase(), token)).resolves.toEqual({ ok: true });
  });

  it('when the user is another mailbox, then 535 5.7.3 comes back', async () => {
    const emulator = await startTestEmulator();

    await expect(xoauth2Verifier(emulator)(OTHER_MAILBOX.email, await smtpToken(emulator))).resolves.toEqual(UNSUCCESSFUL);
  });

  it('when the token is for Microsoft Graph, then verifyAccessToken says audience and SMTP answers 535 5.7.3', async () => {
    const emulator = await startTestEmulator();
    const token = await smtpToken(emulator, ['Mail.Send']);

    expect(decodeJwt(token).aud).toBe('https://graph.microsoft.com');
    await expect(emulator.verifyAccessToken(token)).resolves.toEqual({ ok: false, reason: 'audience' });
    await expect(xoauth2Verifier(emulator)(MAILBOX.email, token)).resolves.toEqual(UNSUCCESSFUL);
  });

  it('when the token has expired, then verifyAccessToken says expired and SMTP answers 535 5.7.3', async () => {
    const emulator = await startTestEmulator();
    emulator.setAccessTokenLifetime(0);
    const token = await smtpToken(emulator);

    await expect(emulator.verifyAccessToken(token)).resolves.toEqual({ ok: false, reason: 'expired' });
    await expect(xoauth2Verifier(emulator)(MAILBOX.email, token)).resolves.toEqual(UNSUCCESSFUL);
  });

  it('when the token lacks SMTP.Send, then verifyAccessToken says scope', async () => {
    const emulator = await startTestEmulator();

    const token = await smtpToken(emulator, ['https://outlook.office.com/IMAP.AccessAsUser.All']);

    await expect(emulator.verifyAccessToken(token)).resolves.toEqual({ ok: false, reason: 'scope' });
  });

  it('when the token is not signed by the emulator or is not a JWT, then verifyAccessToken says invalid', async () => {
    const emulator = await startTestEmulator();
    const claims = decodeJwt(await smtpToken(emulator));
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'forged' }).sign(privateKey);

    await expect(emulator.verifyAccessToken(forged)).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(emulator.verifyAccessToken('not-a-token')).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(xoauth2Verifier(emulator)(MAILBOX.email, forged)).resolves.toEqual(UNSUCCESSFUL);
  });

  it('when Authenticated SMTP is disabled on the mailbox, then 535 5.7.139 comes back until it is enabled again', async () => {
    const emulator = await startTestEmulator();
    const verify = xoauth2Verifier(emulator);
    const token = await smtpToken(emulator);

    emulator.setAuthenticatedSmtp(MAILBOX.email, false);
    const disabled = await verify(MAILBOX.email, token);
    emulator.setAuthenticatedSmtp(MAILBOX.email, true);

    expect(disabled).toEqual({
      ok: false,
      responseCode: 535,
      message: expect.stringMatching(/^5\.7\.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox/),
    });
    await expect(verify(MAILBOX.email, token)).resolves.toEqual({ ok: true });
  });

  it('when a mailbox is configured with Authenticated SMTP off, then the knob reports it and unknown mailboxes throw', async () => {
    const emulator = await startTestEmulator({ mailboxes: [{ ...MAILBOX, authenticatedSmtp: false }] });

    expect(emulator.isAuthenticatedSmtpEnabled(MAILBOX.email)).toBe(false);
    expect(() => emulator.isAuthenticatedSmtpEnabled('nobody@saatja.test')).toThrow(/no mailbox/);
  });
});

describe('xoauth2Verifier in the local SMTP server', () => {
  it('when a client logs in with XOAUTH2, then the server answers 235, 535 5.7.3 or 535 5.7.139 as Microsoft would', async () => {
    const emulator = await startTestEmulator();
    const token = await smtpToken(emulator);
    const tls = await createLocalTls();
    const server = await startSmtpServer({ security: 'ssl', tls, authenticateXOAuth2: xoauth2Verifier(emulator) });
    try {
      const login = (user: string) => xoauth2Login(server.port, tls.ca, user, token);

      await expect(login(MAILBOX.email)).resolves.toMatchObject({ code: 235 });
      await expect(login(OTHER_MAILBOX.email)).resolves.toEqual({ code: 535, text: '5.7.3 Authentication unsuccessful' });
      emulator.setAuthenticatedSmtp(MAILBOX.email, false);
      await expect(login(MAILBOX.email)).resolves.toMatchObject({ code: 535, text: expect.stringMatching(/^5\.7\.139 /) });
    } finally {
      await server.close();
    }
  });
});
