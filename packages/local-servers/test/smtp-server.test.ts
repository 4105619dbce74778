import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalTls, startSmtpServer, type LocalSecurity, type LocalSmtpServer, type TlsMaterial } from '../src';
import { clientFor, failureOf, send } from './smtp-client';

const USERS = { alice: 'correct horse' };
let material: TlsMaterial;
const servers: LocalSmtpServer[] = [];

beforeAll(async () => {
  material = await createLocalTls();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(security: LocalSecurity, extra: { users?: Record<string, string> } = {}) {
  const server = await startSmtpServer({ security, tls: material, ...extra });
  servers.push(server);
  return server;
}

describe.each<{ security: LocalSecurity; secure: boolean }>([
  { security: 'none', secure: false },
  { security: 'ssl', secure: true },
  { security: 'starttls', secure: true },
])('security $security', ({ security, secure }) => {
  it('when a client logs in with the right password, then the mail arrives with envelope, user and TLS state', async () => {
    const server = await start(security, { users: USERS });

    await send(clientFor(server, material, { auth: { user: 'alice', pass: USERS.alice } }), {
      to: ['one@example.test', 'two@example.test'],
    });

    const mail = await server.waitForMail();
    expect(mail.envelope).toEqual({ from: 'sender@example.test', to: ['one@example.test', 'two@example.test'] });
    expect(mail).toMatchObject({ authUser: 'alice', authMethod: 'PLAIN', secure });
    expect(mail.tlsProtocol).toEqual(secure ? expect.stringMatching(/^TLSv1\.[23]$/) : null);
    expect(mail.headers.subject).toBe('Hello from the test');
    expect(mail.text?.trim()).toBe('Body text');
    expect(server.authAttempts()).toEqual([{ user: 'alice', method: 'PLAIN', ok: true }]);
  });

  it('when the password is wrong, then the client gets EAUTH with 535 5.7.8 and nothing arrives', async () => {
    const server = await start(security, { users: USERS });

    const error = await failureOf(send(clientFor(server, material, { auth: { user: 'alice', pass: 'wrong' } })));

    expect(error).toMatchObject({ code: 'EAUTH', responseCode: 535 });
    expect(error.response).toMatch(/^535 5\.7\.8 /);
    expect(server.received()).toHaveLength(0);
    expect(server.authAttempts()).toEqual([{ user: 'alice', method: 'PLAIN', ok: false }]);
  });

  it('when the server has no users, then mail is accepted without login and authUser is null', async () => {
    const server = await start(security);

    await send(clientFor(server, material));

    const mail = await server.waitForMail();
    expect(mail).toMatchObject({ authUser: null, authMethod: null, secure });
    expect(server.authAttempts()).toEqual([]);
  });

  it('when users are configured but the client sends no login, then MAIL FROM is refused with 530', async () => {
    const server = await start(security, { users: USERS });

    const error = await failureOf(send(clientFor(server, material)));

    expect(error).toMatchObject({ code: 'EENVELOPE', responseCode: 530 });
    expect(server.received()).toHaveLength(0);
  });
});

describe('STARTTLS enforcement', () => {
  it('when a plain client skips STARTTLS on an open catcher, then MAIL FROM is refused with 530', async () => {
    const server = await start('starttls');

    const error = await failureOf(send(clientFor(server, material, { requireTLS: false, ignoreTLS: true })));

    expect(error).toMatchObject({ code: 'EENVELOPE', responseCode: 530 });
    expect(server.received()).toHaveLength(0);
  });

  it('when a plain client skips STARTTLS and tries to log in, then AUTH is refused with 538 before any check', async () => {
    const server = await start('starttls', { users: USERS });

    const error = await failureOf(
      send(clientFor(server, material, { requireTLS: false, ignoreTLS: true, auth: { user: 'alice', pass: USERS.alice } })),
    );

    expect(error).toMatchObject({ code: 'EAUTH', responseCode: 538 });
    expect(server.authAttempts()).toEqual([]);
  });

  it('when the none server is asked for STARTTLS, then it is not offered and requireTLS clients give up', async () => {
    const server = await start('none');

    const error = await failureOf(send(clientFor(server, material, { ignoreTLS: false, requireTLS: true })));

    expect(error).toMatchObject({ code: 'ETLS' });
  });
});

describe('TLS trust', () => {
  it('when the client trusts a different CA, then the TLS handshake fails and nothing arrives', async () => {
    const server = await start('ssl');
    const stranger = await createLocalTls();

    const error = await failureOf(send(clientFor(server, stranger)));

    expect(error).toMatchObject({ code: 'ESOCKET' });
    expect(server.received()).toHaveLength(0);
  });
});
