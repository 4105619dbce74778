import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_M365_MAILBOXES } from '../src/dev/dev-m365';
import { rekeyAll } from '../src/secrets/rekey';
import { createSecretBox, generateKeySpec } from '../src/secrets/secret-box';
import { apiClient } from './support/api-client';
import { connectM365 } from './support/m365-flow';
import { startTestStack, type TestStack } from './support/stack';

const [JAAN_MAILBOX, MARI_MAILBOX] = DEMO_M365_MAILBOXES as [(typeof DEMO_M365_MAILBOXES)[0], (typeof DEMO_M365_MAILBOXES)[0]];
/** Sends within one access token's life; the test-mail rate limit allows 10 per window. */
const SENDS = 5;

let stack: TestStack;
let jaan: ReturnType<typeof apiClient>;

beforeEach(async () => {
  stack = await startTestStack({ m365: true });
  jaan = apiClient(stack.url);
  expect((await jaan.signIn('JAAN', 'jaan-demo-2026')).status).toBe(200);
  await useMailboxAddress();
});

afterEach(async () => {
  await stack.close();
});

const emulator = () => stack.m365!.emulator;
const m365Smtp = () => stack.m365!.smtp;
const sendTestMail = (client = jaan) => client.call('POST', '/card/test-mail', {});
const connect = async (client = jaan, mailbox = JAAN_MAILBOX) =>
  expect((await connectM365(stack, client, mailbox)).result.outcome).toBe('authenticated');
/** Exchange lets a mailbox send only as itself: the card's e-mail is the mailbox's address. */
const useMailboxAddress = async (client = jaan, mailbox = JAAN_MAILBOX) =>
  expect((await client.call('PUT', '/card', { name: mailbox.name, email: mailbox.email, mailSender: { mode: 'default' } })).status).toBe(
    200,
  );

describe('sending as Microsoft 365', () => {
  it('when the card is authenticated, then the test mail goes over STARTTLS, XOAUTH2 as that mailbox, with a token the emulator verifies', async () => {
    await connect();

    const sent = await sendTestMail();

    expect(sent.status, sent.text).toBe(200);
    const mail = await m365Smtp().waitForMail();
    expect(mail).toMatchObject({
      authMethod: 'XOAUTH2',
      authUser: JAAN_MAILBOX.email,
      secure: true,
      envelope: { from: JAAN_MAILBOX.email, to: [JAAN_MAILBOX.email] },
    });
    expect(sent.text).not.toContain('eyJ');
    const [log] = await stack.bff.db.selectFrom('send_log').selectAll().execute();
    expect(log).toMatchObject({ result: 'sent' });
    expect(JSON.parse(log!.transport)).toEqual({ kind: 'm365', user: JAAN_MAILBOX.email, owner: 'own' });
    expect(JSON.stringify(log)).not.toContain('eyJ');
  });

  it(`when ${SENDS} mails are sent within a token's life, then only the sign-in called the token endpoint`, async () => {
    await connect();
    const afterSignIn = emulator().stats;
    expect(afterSignIn.tokenRequests).toBe(1);

    for (let i = 0; i < SENDS; i += 1) expect((await sendTestMail()).status).toBe(200);
    await stack.restart();
    expect((await sendTestMail()).status).toBe(200);

    expect(m365Smtp().received()).toHaveLength(SENDS + 1);
    expect(emulator().stats).toEqual(afterSignIn);
  });

  it('when the token is near expiry, then it is refreshed, and the rotated refresh token is kept for the next refresh, across a restart', async () => {
    // msal renews tokens expiring within 5 minutes.
    emulator().setAccessTokenLifetime(60);
    await connect();
    const sealedBefore = (await stack.bff.db.selectFrom('m365_tokens').select('token_cache_sealed').executeTakeFirstOrThrow())
      .token_cache_sealed;

    expect((await sendTestMail()).status).toBe(200);
    const sealedAfter = (await stack.bff.db.selectFrom('m365_tokens').select('token_cache_sealed').executeTakeFirstOrThrow())
      .token_cache_sealed;
    await stack.restart();
    // The emulator refuses a refresh token used twice: this works only with the rotated one.
    expect((await sendTestMail()).status).toBe(200);

    expect(emulator().stats.refreshTokenGrants).toBe(2);
    expect(sealedAfter).not.toBe(sealedBefore);
    expect(
      m365Smtp()
        .received()
        .map((mail) => mail.authUser),
    ).toEqual([JAAN_MAILBOX.email, JAAN_MAILBOX.email]);
    expect((await jaan.call('GET', '/card/m365')).json).toMatchObject({ needsReauthentication: false });
  });

  it('when two sends refresh at once, then they take turns and both succeed with one refresh token chain', async () => {
    emulator().setAccessTokenLifetime(60);
    await connect();

    const results = await Promise.all([sendTestMail(), sendTestMail()]);

    expect(results.map((result) => result.status)).toEqual([200, 200]);
    expect((await jaan.call('GET', '/card/m365')).json).toMatchObject({ needsReauthentication: false });
  });

  it('when the grant was revoked, then the card needs re-authentication, nothing is sent, and a new sign-in fixes it', async () => {
    emulator().setAccessTokenLifetime(60);
    await connect();
    emulator().revokeGrants(JAAN_MAILBOX.email);

    const failed = await sendTestMail();

    expect(failed.status).toBe(502);
    expect(failed.json).toEqual({ error: { code: 'sendFailed', detail: 'm365ReauthRequired' } });
    expect(m365Smtp().authAttempts()).toEqual([]);
    expect(m365Smtp().received()).toEqual([]);
    expect((await jaan.call('GET', '/card/m365')).json).toMatchObject({
      connected: true,
      needsReauthentication: true,
      reauthReason: 'AADSTS50173',
    });
    // Marked: the next attempt does not even ask the identity provider.
    const tokenRequests = emulator().stats.tokenRequests;
    expect((await sendTestMail()).json).toEqual({ error: { code: 'sendFailed', detail: 'm365ReauthRequired' } });
    expect(emulator().stats.tokenRequests).toBe(tokenRequests);

    await connect();
    expect((await jaan.call('GET', '/card/m365')).json).toMatchObject({ needsReauthentication: false, reauthReason: null });
    expect((await sendTestMail()).status).toBe(200);
  });

  it('when the mailbox has Authenticated SMTP disabled, then the server’s 535 5.7.139 comes back classified', async () => {
    await connect();
    emulator().setAuthenticatedSmtp(JAAN_MAILBOX.email, false);

    const failed = await sendTestMail();

    expect(failed.status).toBe(502);
    expect(failed.json).toMatchObject({
      error: {
        code: 'sendFailed',
        smtp: { code: 'EAUTH', responseCode: 535, command: 'AUTH XOAUTH2', response: expect.stringContaining('5.7.139') },
        diagnosis: { failureClass: 'authM365SmtpDisabled' },
      },
    });
    expect(m365Smtp().received()).toEqual([]);
    // Not a token problem: the card stays authenticated.
    expect((await jaan.call('GET', '/card/m365')).json).toMatchObject({ needsReauthentication: false });
  });

  it('when the card’s e-mail is not the signed-in mailbox, then Microsoft 365 refuses the From with 554 5.2.252 and the diagnosis says so', async () => {
    await connect();
    expect(
      (
        await jaan.call('PUT', '/card', {
          name: 'Jaan Tamm',
          email: 'jaan@firma.ee',
          mailSender: { mode: 'm365', m365: { user: JAAN_MAILBOX.email } },
        })
      ).status,
    ).toBe(200);

    const failed = await sendTestMail();

    expect(failed.status).toBe(502);
    expect(failed.json).toMatchObject({
      error: {
        code: 'sendFailed',
        smtp: { responseCode: 554, response: expect.stringContaining('5.2.252 SendAsDenied') },
        diagnosis: { failureClass: 'sendAsDenied' },
      },
    });
    expect(m365Smtp().received()).toEqual([]);
    const [log] = await stack.bff.db.selectFrom('send_log').selectAll().execute();
    expect(log).toMatchObject({ result: 'failed', failure_class: 'sendAsDenied' });
  });

  it('when the user disconnected, then nothing is sent and the card says it is not authenticated', async () => {
    await connect();
    await jaan.call('DELETE', '/card/m365');

    expect((await sendTestMail()).json).toEqual({ error: { code: 'sendFailed', detail: 'm365NotAuthenticated' } });
    expect(m365Smtp().authAttempts()).toEqual([]);
  });

  it('when the card’s User was changed to another mailbox, then the old tokens are not used for it', async () => {
    await connect();
    const moved = await jaan.call('PUT', '/card', {
      name: 'Jaan Tamm',
      email: 'jaan@firma.ee',
      mailSender: { mode: 'm365', m365: { user: MARI_MAILBOX.email } },
    });
    expect(moved.status).toBe(200);

    expect((await sendTestMail()).json).toEqual({ error: { code: 'sendFailed', detail: 'm365AccountMismatch' } });
    expect((await jaan.call('GET', '/card/m365')).json).toMatchObject({ account: JAAN_MAILBOX.email, accountMismatch: true });
    expect(m365Smtp().authAttempts()).toEqual([]);
  });

  it('when the global mail user sends as Microsoft 365, then a default-mode user’s mail goes with the global user’s tokens', async () => {
    const mari = apiClient(stack.url);
    await mari.signIn('MARI', 'mari-demo-2026');
    await useMailboxAddress(mari, MARI_MAILBOX);
    await connect(mari, MARI_MAILBOX);
    // Jaan's mail keeps his own From: the shared mailbox needs Send As rights for it, as in Exchange.
    stack.m365!.sendAs.grant(MARI_MAILBOX.email, JAAN_MAILBOX.email);
    expect((await mari.call('PUT', '/admin/settings', { mailSendingUserCode: 'MARI' })).status).toBe(200);

    expect((await sendTestMail()).status).toBe(200);

    const mail = await m365Smtp().waitForMail();
    expect(mail).toMatchObject({ authMethod: 'XOAUTH2', authUser: MARI_MAILBOX.email, envelope: { from: JAAN_MAILBOX.email } });
    expect(await stack.bff.db.selectFrom('m365_tokens').select('user_id').execute()).toHaveLength(1);
  });

  it('when the secrets key is rotated, then the token cache is re-sealed under the new key, still bound to its user', async () => {
    await connect();
    const next = generateKeySpec('next');
    const count = await rekeyAll(stack.bff.db, createSecretBox(`${next},${stack.config.secretsKeys}`));

    expect(count).toBe(1);
    const row = await stack.bff.db.selectFrom('m365_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row.token_cache_sealed).toMatch(/^v1\.next\./);
    const cache = JSON.parse(createSecretBox(next).open(row.token_cache_sealed, `m365-cache:${row.user_id}`)) as Record<string, unknown>;
    expect(Object.keys(cache)).toEqual(expect.arrayContaining(['Account', 'AccessToken', 'RefreshToken']));
    expect(() => createSecretBox(next).open(row.token_cache_sealed, `m365-cache:${row.user_id + 1}`)).toThrow();
  });
});
