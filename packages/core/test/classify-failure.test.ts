import { describe, expect, it } from 'vitest';
import { diagnoseFailure, type FailureClass } from '../src/diagnostics';
import { emptyContext, type FailureContext, type SmtpFailure } from '../src/diagnostics/smtp-failure';

const failure = (overrides: Partial<SmtpFailure>): SmtpFailure => ({
  code: null,
  originalCode: null,
  command: null,
  responseCode: null,
  response: null,
  timeoutType: null,
  ...overrides,
});

const context = (overrides: Partial<FailureContext> = {}): FailureContext => ({
  ...emptyContext({ host: 'smtp.firma.ee', port: 587, security: 'starttls', user: 'mari' }),
  secure: true,
  ...overrides,
});

const reply = (command: string, code: string, response: string, responseCode = Number(response.slice(0, 3))) =>
  failure({ code, command, response, responseCode });

const CHALLENGE = btoa(JSON.stringify({ status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' }));

describe('diagnoseFailure: the toolchain table of nodemailer errors', () => {
  it.each<[string, SmtpFailure, Partial<FailureContext>, FailureClass]>([
    ['wrong password', reply('AUTH PLAIN', 'EAUTH', '535 5.7.8 Authentication credentials invalid'), {}, 'authBadCredentials'],
    ['bad XOAUTH2 token', reply('AUTH XOAUTH2', 'EAUTH', '535 5.7.3 Authentication unsuccessful'), {}, 'authM365WrongAccount'],
    [
      'STARTTLS client on an implicit-TLS port 465',
      failure({ code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'GREETING_TIMEOUT' }),
      { port: 465 },
      'plainOnSslPort',
    ],
    [
      'SSL client on a STARTTLS port',
      failure({ code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER', command: 'CONN' }),
      { security: 'ssl' },
      'sslOnPlainPort',
    ],
    ['connection refused', failure({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' }), {}, 'connectionRefused'],
    ['DNS name not found', failure({ code: 'EDNS', originalCode: 'ENOTFOUND', command: 'CONN' }), {}, 'dnsNotFound'],
    [
      'self-signed certificate',
      failure({ code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', command: 'CONN' }),
      {},
      'certificateUntrusted',
    ],
    [
      'host name not in the certificate',
      failure({ code: 'ESOCKET', originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID', command: 'CONN' }),
      {},
      'certificateWrongName',
    ],
    [
      'plain AUTH where the server wants TLS first',
      reply('AUTH PLAIN', 'EAUTH', '538 5.7.11 Must issue a STARTTLS command first'),
      { secure: false },
      'tlsRequired',
    ],
    [
      'server wants auth, none configured',
      reply('MAIL FROM', 'EENVELOPE', '530 5.7.0 Authentication required'),
      { user: null },
      'authRequired',
    ],
  ])('when nodemailer reports a %s, then it is classified', (_name, input, extra, expected) => {
    expect(diagnoseFailure(input, context(extra)).failureClass).toBe(expected);
  });
});

describe('diagnoseFailure: the classes of SPEC §5 and issue 7', () => {
  it.each<[string, SmtpFailure, Partial<FailureContext>, FailureClass]>([
    ['an expired certificate', failure({ code: 'ETLS', originalCode: 'CERT_HAS_EXPIRED', command: 'STARTTLS' }), {}, 'certificateExpired'],
    [
      'a certificate not valid yet',
      failure({ code: 'ESOCKET', originalCode: 'CERT_NOT_YET_VALID', command: 'CONN' }),
      {},
      'certificateNotYetValid',
    ],
    [
      'a certificate from an unknown CA',
      failure({ code: 'ESOCKET', originalCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', command: 'CONN' }),
      {},
      'certificateUntrusted',
    ],
    [
      'Gmail asking for an App password',
      reply('AUTH PLAIN', 'EAUTH', '534-5.7.9 Application-specific password required.\n534 5.7.9 https://support.google.com/'),
      {},
      'authAppPassword',
    ],
    [
      'Gmail refusing the account password',
      reply('AUTH PLAIN', 'EAUTH', '535-5.7.8 Username and Password not accepted.'),
      { host: 'smtp.gmail.com', port: 465, security: 'ssl' },
      'authAppPassword',
    ],
    [
      'Microsoft with Authenticated SMTP off',
      reply('AUTH XOAUTH2', 'EAUTH', '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled'),
      {},
      'authM365SmtpDisabled',
    ],
    [
      'Microsoft after basic auth retirement',
      reply('AUTH LOGIN', 'EAUTH', '550 5.7.30 Basic authentication is not supported'),
      {},
      'authBasicRetired',
    ],
    [
      'Microsoft refusing Send As',
      reply('MAIL FROM', 'EENVELOPE', '550 5.7.60 SMTP; Client does not have permissions to send as this sender'),
      {},
      'senderNotAllowed',
    ],
    [
      'Microsoft refusing Send As at the end of DATA',
      reply('DATA', 'EMESSAGE', '550 5.7.60 SMTP; Client does not have permissions'),
      {},
      'senderNotAllowed',
    ],
    [
      'Exchange Online refusing a foreign From (SendAsDenied)',
      reply('DATA', 'EMESSAGE', '554 5.2.252 SendAsDenied; jaan@firma.onmicrosoft.com not allowed to send as jaan@firma.ee'),
      {},
      'sendAsDenied',
    ],
    [
      'too many connections',
      reply('MAIL FROM', 'EENVELOPE', '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded'),
      {},
      'tooManyConnections',
    ],
    [
      'too many connections at the greeting',
      reply('CONN', 'EPROTOCOL', '421 4.3.2 Too many concurrent connections'),
      {},
      'tooManyConnections',
    ],
    ['a 334 challenge left unanswered', reply('AUTH XOAUTH2', 'EAUTH', `334 ${CHALLENGE}`), {}, 'authChallenge'],
    [
      'a 535 after a 334 challenge',
      reply('AUTH XOAUTH2', 'EAUTH', '535 5.7.8 Username and Password not accepted'),
      { challenge: `334 ${CHALLENGE}` },
      'authChallenge',
    ],
    ['a sender refused with 550', reply('MAIL FROM', 'EENVELOPE', '550 5.7.1 Sender address rejected'), {}, 'senderRejected'],
    ['a sender refused with 553', reply('MAIL FROM', 'EENVELOPE', '553 5.7.1 Sender not owned by user'), {}, 'senderRejected'],
    [
      'a greeting from an HTTP server',
      failure({ code: 'EPROTOCOL', command: 'CONN', response: 'HTTP/1.1 400 Bad Request' }),
      {},
      'notSmtp',
    ],
    ['a greeting from an SSH server', failure({ code: 'EPROTOCOL', command: 'CONN', response: 'SSH-2.0-OpenSSH_9.2p1' }), {}, 'notSmtp'],
    ['a greeting that refuses service', reply('CONN', 'EPROTOCOL', '554 5.7.1 No SMTP service here'), {}, 'greetingRefused'],
    [
      'a server that accepts and never answers',
      failure({ code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'GREETING_TIMEOUT' }),
      { tlsProbe: false },
      'noGreeting',
    ],
    [
      'silence on port 587 where a probe with SSL succeeds',
      failure({ code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'GREETING_TIMEOUT' }),
      { tlsProbe: true },
      'plainOnSslPort',
    ],
    [
      'silence after an SSL handshake on port 465',
      failure({ code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'GREETING_TIMEOUT' }),
      { port: 465, security: 'ssl' },
      'noGreeting',
    ],
    [
      'a TLS handshake that never completes',
      failure({ code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'UPGRADE_TIMEOUT' }),
      {},
      'noGreeting',
    ],
    ['a connect timeout', failure({ code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'CONNECT_TIMEOUT' }), {}, 'connectionTimedOut'],
    [
      'a connect timeout from the system',
      failure({ code: 'ESOCKET', originalCode: 'ETIMEDOUT', command: 'CONN' }),
      {},
      'connectionTimedOut',
    ],
    ['an unreachable host', failure({ code: 'ESOCKET', originalCode: 'EHOSTUNREACH', command: 'CONN' }), {}, 'connectionTimedOut'],
    [
      'a server that stops answering',
      failure({ code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'SOCKET_TIMEOUT' }),
      {},
      'connectionStalled',
    ],
    ['a DNS failure other than not found', failure({ code: 'EDNS', originalCode: 'EAI_AGAIN', command: 'CONN' }), {}, 'dnsFailed'],
    ['a DNS name without addresses', failure({ code: 'EDNS', originalCode: 'ENODATA', command: 'CONN' }), {}, 'dnsNotFound'],
    ['a reset connection', failure({ code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN' }), {}, 'connectionClosed'],
    ['an unexpected close', failure({ code: 'ECONNECTION', command: 'CONN' }), {}, 'connectionClosed'],
    [
      'a socket error without a known cause',
      failure({ code: 'ESOCKET', originalCode: 'EWHATEVER', command: 'CONN' }),
      {},
      'connectionClosed',
    ],
    [
      'another TLS alert',
      failure({ code: 'ESOCKET', originalCode: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', command: 'CONN' }),
      {},
      'tlsFailed',
    ],
    [
      'a STARTTLS the server does not offer',
      reply('STARTTLS', 'ETLS', '502 5.5.1 Error: command not implemented'),
      {},
      'starttlsNotOffered',
    ],
    ['a STARTTLS refused for now', reply('STARTTLS', 'ETLS', '454 4.7.0 TLS not available'), {}, 'temporaryFailure'],
    ['a STARTTLS upgrade that failed', failure({ code: 'ETLS', command: 'STARTTLS' }), {}, 'tlsFailed'],
    [
      'no shared AUTH mechanism',
      failure({ code: 'EAUTH', command: 'AUTH' }),
      { authOffered: ['XOAUTH2'], authWanted: 'PLAIN' },
      'authNotOffered',
    ],
    ['no AUTH offered at all', failure({ code: 'EAUTH', command: 'AUTH' }), { authOffered: [], authWanted: 'PLAIN' }, 'authNotOffered'],
    [
      'AUTH answered 530 on a plain session',
      reply('AUTH PLAIN', 'EAUTH', '530 5.7.0 Must issue a STARTTLS command first'),
      { secure: false },
      'tlsRequired',
    ],
    ['AUTH answered 530 on TLS', reply('AUTH PLAIN', 'EAUTH', '530 5.7.0 Authentication required'), {}, 'authRequired'],
    ['AUTH failing for now', reply('AUTH PLAIN', 'EAUTH', '454 4.7.0 Temporary authentication failure'), {}, 'temporaryFailure'],
    [
      'MAIL FROM 530 on a plain session with a user',
      reply('MAIL FROM', 'EENVELOPE', '530 5.7.0 Must issue a STARTTLS command first'),
      { secure: false },
      'tlsRequired',
    ],
    ['MAIL FROM 530 on TLS with a user', reply('MAIL FROM', 'EENVELOPE', '530 5.7.0 Authentication required'), {}, 'authRequired'],
    ['MAIL FROM deferred', reply('MAIL FROM', 'EENVELOPE', '451 4.3.0 Try again later'), {}, 'temporaryFailure'],
    ['a recipient refused', reply('RCPT TO', 'EENVELOPE', '550 5.1.1 No such user'), {}, 'recipientRejected'],
    ['a recipient deferred', reply('RCPT TO', 'EENVELOPE', '450 4.2.0 Mailbox busy'), {}, 'temporaryFailure'],
    ['a message refused', reply('DATA', 'EMESSAGE', '552 5.3.4 Message too big'), {}, 'messageRejected'],
    ['a 5xx reply to an unexpected command', reply('RSET', 'EPROTOCOL', '500 5.5.2 What?'), {}, 'unknown'],
    ['a bare 535 without an enhanced code', reply('AUTH LOGIN', 'EAUTH', '535 Authentication failed'), {}, 'authBadCredentials'],
    ['a reply with no command at all', failure({ code: 'EWEIRD', responseCode: 550, response: '550 No' }), {}, 'unknown'],
    ['an error without anything to go by', failure({ code: 'EWEIRD' }), {}, 'unknown'],
    ['nothing at all', failure({}), {}, 'unknown'],
  ])('when the attempt ends in %s, then it is classified', (_name, input, extra, expected) => {
    expect(diagnoseFailure(input, context(extra)).failureClass).toBe(expected);
  });
});

describe('diagnoseFailure: messages, fixes and what they show', () => {
  it('when a class is found, then the message key is its name and the fix its own unless the provider decides', () => {
    const diagnosis = diagnoseFailure(failure({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' }), context());
    expect(diagnosis).toMatchObject({ messageKey: 'diagnostics.failure.connectionRefused', fixKey: 'diagnostics.fix.connectionRefused' });
  });

  it.each([
    ['smtp.gmail.com', '534 5.7.9 Application-specific password required', 'gmailAppPassword'],
    ['mail.firma.ee', '534 5.7.9 Application-specific password required', 'appPassword'],
    ['smtp.zone.eu', '535 5.7.8 Authentication failed', 'zoneAppPassword'],
    ['mail.ee', '535 5.7.8 Authentication failed', 'maileeSmtpPassword'],
    ['smtp.office365.com', '535 5.7.8 Authentication failed', 'useM365'],
    ['mail.firma.ee', '535 5.7.8 Authentication failed', 'checkCredentials'],
  ])('when %s answers "%s", then the fix is %s', (host, response, fix) => {
    expect(diagnoseFailure(reply('AUTH PLAIN', 'EAUTH', response), context({ host })).fixKey).toBe(`diagnostics.fix.${fix}`);
  });

  it('when a certificate failed, then its subject and names are shown, and never for other classes', () => {
    const certificate = {
      subject: 'CN=mail.other.ee',
      issuer: 'CN=Some CA',
      altNames: ['DNS:mail.other.ee'],
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2027-01-01T00:00:00.000Z',
      fingerprint256: 'AA:BB',
    };
    const wrongName = failure({ code: 'ESOCKET', originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID', command: 'CONN' });
    expect(diagnoseFailure(wrongName, context({ certificate })).params.certificate).toEqual(certificate);
    const refused = failure({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' });
    expect(diagnoseFailure(refused, context({ certificate })).params.certificate).toBeNull();
  });

  it('when a 334 challenge came, then its base64 JSON is decoded for display', () => {
    const diagnosis = diagnoseFailure(reply('AUTH XOAUTH2', 'EAUTH', '535 5.7.8 not accepted'), context({ challenge: `334 ${CHALLENGE}` }));
    expect(diagnosis.params.challenge).toEqual({ status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' });
  });

  it('when the reply is the challenge itself, then it is decoded from the reply', () => {
    expect(diagnoseFailure(reply('AUTH XOAUTH2', 'EAUTH', `334 ${CHALLENGE}`), context()).params.challenge).toMatchObject({
      status: '401',
    });
  });

  it('when a challenge came but no reply followed, then it is still the class and decoded', () => {
    const diagnosis = diagnoseFailure(
      failure({ code: 'ECONNECTION', command: 'AUTH XOAUTH2' }),
      context({ challenge: `334 ${CHALLENGE}` }),
    );
    expect(diagnosis).toMatchObject({ failureClass: 'authChallenge', params: { challenge: { scope: 'https://mail.google.com/' } } });
  });

  it('when the reply carries control characters or is very long, then it is cleaned and cut', () => {
    const diagnosis = diagnoseFailure(reply('MAIL FROM', 'EENVELOPE', `550 5.7.1 bad\u0000\u001b[31m ${'x'.repeat(600)}`), context());
    expect(diagnosis.params.reply).not.toContain('\u0000');
    expect(diagnosis.params.reply).not.toContain('\u001b');
    expect(diagnosis.params.reply?.length).toBe(501);
    expect(diagnosis.params).toMatchObject({ enhancedCode: '5.7.1', command: 'MAIL FROM', host: 'smtp.firma.ee', port: 587 });
  });

  it('when there is no reply, then reply and enhanced code are null', () => {
    expect(
      diagnoseFailure(failure({ code: 'EAUTH', command: 'AUTH' }), context({ authOffered: ['LOGIN'], authWanted: 'XOAUTH2' })).params,
    ).toMatchObject({
      reply: null,
      enhancedCode: null,
      authOffered: ['LOGIN'],
      authWanted: 'XOAUTH2',
    });
  });
});
