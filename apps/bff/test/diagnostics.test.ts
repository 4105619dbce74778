import type { LocalSmtpServer, LocalSmtpServerOptions } from '@saatja/local-servers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPort,
  createTlsSet,
  diagnosisOf,
  rawServer,
  SMTP_PASSWORD,
  smtpServer,
  startScenario,
  stepResults,
  verdictOf,
  type CardSmtp,
  type Scenario,
  type TlsSet,
} from './support/diagnostics';

let tls: TlsSet;
let scenario: Scenario | null = null;

beforeAll(async () => {
  tls = await createTlsSet();
});

afterEach(async () => {
  await scenario?.close();
  scenario = null;
});

/** Our SMTP server in the given mode, and a card pointing at it. */
async function withServer(
  options: Partial<LocalSmtpServerOptions> & Pick<LocalSmtpServerOptions, 'security'>,
  card: Partial<CardSmtp> = {},
  material = tls.trusted,
) {
  const server: LocalSmtpServer = await smtpServer(material, { users: { jaan: SMTP_PASSWORD }, ...options });
  // The deployment trusts the server's CA; a self-signed certificate has none it could trust.
  const trust = material === tls.selfSigned ? tls.trusted : material;
  scenario = await startScenario(trust, { port: server.port, security: options.security, ...card }, [() => server.close()]);
  return { server, scenario };
}

describe('a check that passes', () => {
  it('when the dry run reaches DATA, then every step is shown, nothing is delivered and the log says checked', async () => {
    const { server, scenario } = await withServer({ security: 'starttls' });

    const { events, text } = await scenario.check('dryRun');

    expect(stepResults(events)).toEqual([
      ['dns', 'ok'],
      ['tcp', 'ok'],
      ['greeting', 'ok'],
      ['tls', 'ok'],
      ['ehlo', 'ok'],
      ['auth', 'ok'],
      ['mailFrom', 'ok'],
      ['rcptTo', 'ok'],
      ['data', 'ok'],
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({
        step: 'tls',
        status: 'ok',
        detail: expect.objectContaining({
          certificate: expect.objectContaining({ subject: 'CN=localhost', altNames: expect.arrayContaining(['DNS:localhost']) }),
        }),
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ step: 'ehlo', detail: expect.objectContaining({ authMechanisms: ['PLAIN', 'LOGIN'] }) }),
    );
    expect(events).toContainEqual(expect.objectContaining({ step: 'data', detail: { reply: expect.stringMatching(/^354 /) } }));
    expect(verdictOf(events)).toEqual({ type: 'verdict', ok: true, mode: 'dryRun', to: 'jaan@firma.ee', messageId: null });
    expect(server.authAttempts()).toEqual([{ user: 'jaan', method: 'PLAIN', ok: true }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.received()).toHaveLength(0);
    expect(text).not.toContain(SMTP_PASSWORD);
    expect(text).not.toContain(Buffer.from(`\0jaan\0${SMTP_PASSWORD}`).toString('base64'));
    const log = await scenario.stack.bff.db.selectFrom('send_log').selectAll().execute();
    expect(log).toMatchObject([{ kind: 'check', result: 'checked', recipient: 'jaan@firma.ee', failure_class: null }]);
  });

  it('when a test mail is sent over SSL, then TLS comes before the greeting and the mail arrives through nodemailer', async () => {
    const { server, scenario } = await withServer({ security: 'ssl' });

    const { events } = await scenario.check('send');

    expect(stepResults(events)).toEqual([
      ['dns', 'ok'],
      ['tcp', 'ok'],
      ['tls', 'ok'],
      ['greeting', 'ok'],
      ['ehlo', 'ok'],
      ['auth', 'ok'],
      ['send', 'ok'],
    ]);
    const verdict = verdictOf(events);
    expect(verdict).toMatchObject({ ok: true, mode: 'send', to: 'jaan@firma.ee' });
    const mail = await server.waitForMail();
    expect(mail).toMatchObject({ authUser: 'jaan', secure: true });
    expect(verdict.ok && verdict.messageId).toBe(mail.headers.messageId);
    const log = await scenario.stack.bff.db.selectFrom('send_log').selectAll().execute();
    expect(log).toMatchObject([{ kind: 'test', result: 'sent', message_id: mail.headers.messageId }]);
  });

  it('when the card has plain text and the server offers no STARTTLS, then TLS and AUTH are skipped, not failed', async () => {
    const { scenario } = await withServer({ security: 'none', users: undefined }, { user: '' });

    const { events } = await scenario.check('dryRun');

    expect(stepResults(events)).toContainEqual(['tls', 'skipped']);
    expect(events).toContainEqual(expect.objectContaining({ step: 'auth', status: 'skipped', detail: { skipped: 'noCredentials' } }));
    expect(verdictOf(events)).toMatchObject({ ok: true });
  });
});

describe('SSL/TLS None means no TLS at all', () => {
  it('when None is chosen and the server offers STARTTLS, then the check skips TLS and the test mail arrives unencrypted', async () => {
    const { server, scenario } = await withServer({ security: 'starttls', tlsOptional: true }, { security: 'none' });

    const { events } = await scenario.check('send');

    expect(events).toContainEqual(expect.objectContaining({ step: 'tls', status: 'skipped', detail: { skipped: 'plainText' } }));
    expect(verdictOf(events)).toMatchObject({ ok: true, mode: 'send' });
    const mail = await server.waitForMail();
    expect(mail).toMatchObject({ authUser: 'jaan', secure: false, tlsProtocol: null });
  });

  it('when None is chosen and the server offers STARTTLS with a self-signed certificate, then the mail still goes, in plain text', async () => {
    const { server, scenario } = await withServer({ security: 'starttls', tlsOptional: true }, { security: 'none' }, tls.selfSigned);

    const { events } = await scenario.check('send');

    expect(verdictOf(events)).toMatchObject({ ok: true, mode: 'send' });
    expect(await server.waitForMail()).toMatchObject({ secure: false });
  });
});

describe('failures, each against a real server', () => {
  it('when the host name does not resolve, then the target is refused before any step, like any address not allowed', async () => {
    const port = await closedPort();
    scenario = await startScenario(tls.trusted, { host: 'saatja-diagnostics.invalid', port, security: 'starttls' });

    const { status, text, events } = await scenario.check('dryRun');

    // Fail closed: a lookup that fails is no reason to ask again at connect time (SPEC §8).
    expect(status).toBe(502);
    expect(JSON.parse(text)).toEqual({ error: { code: 'sendFailed', detail: 'targetNotAllowed' } });
    expect(events).toEqual([]);
  });

  it('when nothing listens on the port, then the TCP step fails with connectionRefused', async () => {
    const port = await closedPort();
    scenario = await startScenario(tls.trusted, { port, security: 'starttls' });

    const { events } = await scenario.check('dryRun');

    expect(stepResults(events)).toEqual([
      ['dns', 'ok'],
      ['tcp', 'failed'],
    ]);
    expect(diagnosisOf(events)).toMatchObject({ failureClass: 'connectionRefused', messageKey: 'diagnostics.failure.connectionRefused' });
  });

  it('when SSL is chosen for a STARTTLS port, then the TLS step fails with sslOnPlainPort', async () => {
    const { scenario } = await withServer({ security: 'starttls' }, { security: 'ssl' });

    const { events } = await scenario.check('dryRun');

    expect(stepResults(events)).toEqual([
      ['dns', 'ok'],
      ['tcp', 'ok'],
      ['tls', 'failed'],
    ]);
    expect(diagnosisOf(events)).toMatchObject({ failureClass: 'sslOnPlainPort', messageKey: 'diagnostics.failure.sslOnPlainPort' });
  });

  it('when STARTTLS is chosen but the server offers none, then the TLS step fails with starttlsNotOffered', async () => {
    const { scenario } = await withServer({ security: 'none' }, { security: 'starttls' });

    const { events } = await scenario.check('dryRun');

    expect(diagnosisOf(events)).toMatchObject({ failureClass: 'starttlsNotOffered', params: { command: 'STARTTLS' } });
  });

  it('when the certificate is self-signed, then certificateUntrusted shows its subject and names', async () => {
    const { server, scenario } = await withServer({ security: 'ssl' }, {}, tls.selfSigned);

    const { events } = await scenario.check('send');

    const diagnosis = diagnosisOf(events);
    expect(diagnosis).toMatchObject({ failureClass: 'certificateUntrusted', messageKey: 'diagnostics.failure.certificateUntrusted' });
    expect(diagnosis.params.certificate).toMatchObject({
      subject: 'CN=localhost',
      issuer: 'CN=localhost',
      altNames: expect.arrayContaining(['DNS:localhost']),
    });
    expect(server.authAttempts()).toEqual([]);
  });

  it('when the certificate is for another name, then certificateWrongName shows the names it is for', async () => {
    const { server, scenario } = await withServer({ security: 'starttls' }, {}, tls.otherName);

    const { events } = await scenario.check('dryRun');

    expect(stepResults(events)).toContainEqual(['tls', 'failed']);
    expect(diagnosisOf(events)).toMatchObject({
      failureClass: 'certificateWrongName',
      params: { certificate: { subject: 'CN=mail.other.test', altNames: ['DNS:mail.other.test'] } },
    });
    expect(server.authAttempts()).toEqual([]);
  });

  it('when the certificate has expired, then certificateExpired shows when it expired', async () => {
    const { scenario } = await withServer({ security: 'ssl' }, {}, tls.expired);

    const { events } = await scenario.check('dryRun');

    const diagnosis = diagnosisOf(events);
    expect(diagnosis.failureClass).toBe('certificateExpired');
    expect(Date.parse(diagnosis.params.certificate!.validTo)).toBeLessThan(Date.now());
  });

  it('when the password is wrong, then the AUTH step fails with authBadCredentials and the server reply', async () => {
    const { scenario } = await withServer({ security: 'starttls' }, { password: 'wrong' });

    const { events, text } = await scenario.check('dryRun');

    expect(stepResults(events).at(-1)).toEqual(['auth', 'failed']);
    expect(diagnosisOf(events)).toMatchObject({
      failureClass: 'authBadCredentials',
      fixKey: 'diagnostics.fix.checkCredentials',
      params: { enhancedCode: '5.7.8', reply: expect.stringMatching(/^535 /) },
    });
    expect(text).not.toContain('wrong');
    const log = await scenario.stack.bff.db.selectFrom('send_log').selectAll().execute();
    expect(log).toMatchObject([{ kind: 'check', result: 'failed', error_code: 'EAUTH', failure_class: 'authBadCredentials' }]);
  });

  it.each([
    ['534', '5.7.9 Application-specific password required', 'authAppPassword'],
    ['535', '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant', 'authM365SmtpDisabled'],
    ['535', '5.7.3 Authentication unsuccessful', 'authM365WrongAccount'],
    ['535', '5.7.30 Basic authentication is not supported for Client Submission', 'authBasicRetired'],
  ])('when the server answers AUTH with %s %s, then it is %s', async (code, message, failureClass) => {
    const { scenario } = await withServer({
      security: 'starttls',
      users: undefined,
      authenticatePassword: async () => ({ ok: false, responseCode: Number(code), message }),
    });

    const { events } = await scenario.check('dryRun');

    expect(diagnosisOf(events)).toMatchObject({ failureClass, messageKey: `diagnostics.failure.${failureClass}` });
  });

  it('when the server offers only XOAUTH2 to a password configuration, then authNotOffered lists what it offers', async () => {
    const { server, scenario } = await withServer({
      security: 'starttls',
      users: undefined,
      authenticateXOAuth2: async () => ({ ok: true }),
    });

    const { events } = await scenario.check('dryRun');

    expect(diagnosisOf(events)).toMatchObject({
      failureClass: 'authNotOffered',
      params: { authOffered: ['XOAUTH2'], authWanted: 'PLAIN' },
    });
    expect(server.authAttempts()).toEqual([]);
  });

  it('when the server requires login and User is empty, then the dry run fails at MAIL FROM with authRequired', async () => {
    const { scenario } = await withServer({ security: 'starttls' }, { user: '' });

    const { events } = await scenario.check('dryRun');

    expect(stepResults(events)).toContainEqual(['auth', 'skipped']);
    expect(stepResults(events).at(-1)).toEqual(['mailFrom', 'failed']);
    expect(diagnosisOf(events)).toMatchObject({ failureClass: 'authRequired', params: { reply: expect.stringMatching(/^530 /) } });
  });

  it('when the server requires login and User is empty, then the test mail fails in nodemailer with authRequired too', async () => {
    const { scenario } = await withServer({ security: 'starttls' }, { user: '' });

    const { events } = await scenario.check('send');

    expect(stepResults(events).at(-1)).toEqual(['send', 'failed']);
    expect(diagnosisOf(events)).toMatchObject({ failureClass: 'authRequired', params: { command: 'MAIL FROM' } });
  });

  it.each([
    [550, '5.7.60 SMTP; Client does not have permissions to send as this sender', 'senderNotAllowed'],
    [550, '5.7.1 Sender address rejected: not owned by user', 'senderRejected'],
    [553, '5.7.1 Sender address rejected', 'senderRejected'],
    [432, '4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded', 'tooManyConnections'],
  ])('when the server answers MAIL FROM with %s %s, then it is %s', async (responseCode, message, failureClass) => {
    const { scenario } = await withServer({ security: 'starttls', replyToMailFrom: () => ({ responseCode, message }) });

    const { events } = await scenario.check('dryRun');

    expect(stepResults(events).at(-1)).toEqual(['mailFrom', 'failed']);
    expect(diagnosisOf(events)).toMatchObject({ failureClass, messageKey: `diagnostics.failure.${failureClass}` });
  });

  it.each([['HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'], ['SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n']])(
    'when the server greets with %j, then the greeting step fails with notSmtp and shows the line',
    async (greeting) => {
      const server = await rawServer((socket) => socket.write(greeting));
      scenario = await startScenario(tls.trusted, { port: server.port, security: 'starttls' }, [() => server.close()]);

      const { events } = await scenario.check('dryRun');

      expect(stepResults(events).at(-1)).toEqual(['greeting', 'failed']);
      expect(diagnosisOf(events)).toMatchObject({ failureClass: 'notSmtp', params: { reply: greeting.split('\r\n')[0] } });
    },
  );
});

describe('refusals before any connection', () => {
  it('when a user names another recipient, then the check is refused and nothing connects', async () => {
    const { server, scenario } = await withServer({ security: 'starttls' });

    const refused = await scenario.check('dryRun', 'someone@else.ee');

    expect(refused.status).toBe(403);
    expect(server.authAttempts()).toEqual([]);
  });

  it('when the mode is missing, then the field error comes back', async () => {
    const { scenario } = await withServer({ security: 'starttls' });

    const response = await scenario.client.call('POST', '/card/check', {});

    expect(response.json).toEqual({ error: { code: 'validation', fields: { mode: 'required' } } });
  });

  it('when the JSON test mail fails, then its error carries the diagnosis', async () => {
    const { scenario } = await withServer({ security: 'starttls' }, { password: 'wrong' });

    const response = await scenario.client.call('POST', '/card/test-mail', {});

    expect(response.status).toBe(502);
    expect(response.json).toMatchObject({ error: { code: 'sendFailed', diagnosis: { failureClass: 'authBadCredentials' } } });
  });
});
