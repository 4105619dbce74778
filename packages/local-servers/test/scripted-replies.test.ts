import { X509Certificate } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalTls, startSmtpServer, type LocalSmtpServer, type LocalSmtpServerOptions, type TlsMaterial } from '../src';
import { clientFor, failureOf, send } from './smtp-client';

let material: TlsMaterial;
const servers: LocalSmtpServer[] = [];

beforeAll(async () => {
  material = await createLocalTls();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: Partial<LocalSmtpServerOptions> = {}) {
  const server = await startSmtpServer({ security: 'starttls', tls: material, ...options });
  servers.push(server);
  return server;
}

describe('certificates for failure tests', () => {
  it('when expired is asked for, then the server certificate ended yesterday and its CA is still valid', async () => {
    const expired = await createLocalTls({ expired: true });
    const cert = new X509Certificate(expired.cert);
    const ca = new X509Certificate(expired.ca);

    expect(Date.parse(cert.validTo)).toBeLessThan(Date.now());
    expect(Date.parse(ca.validTo)).toBeGreaterThan(Date.now());
    expect(cert.verify(ca.publicKey)).toBe(true);
  });

  it('when selfSigned is asked for, then the certificate is its own issuer and names localhost', async () => {
    const selfSigned = await createLocalTls({ selfSigned: true });
    const cert = new X509Certificate(selfSigned.cert);

    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(selfSigned.ca).toBe(selfSigned.cert);
  });
});

describe('scripted replies', () => {
  it('when authenticatePassword refuses, then the client gets that exact reply and the attempt is recorded', async () => {
    const server = await start({
      authenticatePassword: async () => ({ ok: false, responseCode: 534, message: '5.7.9 Application-specific password required' }),
    });

    const error = await failureOf(send(clientFor(server, material, { auth: { user: 'mari', pass: 'account password' } })));

    expect(error).toMatchObject({ code: 'EAUTH', responseCode: 534 });
    expect(error.response).toMatch(/^534 5\.7\.9 /);
    expect(server.authAttempts()).toEqual([{ user: 'mari', method: 'PLAIN', ok: false }]);
  });

  it('when authenticatePassword accepts, then the mail arrives as that user', async () => {
    const seen: string[] = [];
    const server = await start({
      authenticatePassword: async (user, password) => {
        seen.push(`${user}:${password}`);
        return { ok: true };
      },
    });

    await send(clientFor(server, material, { auth: { user: 'mari', pass: 'app-password' } }));

    expect(await server.waitForMail()).toMatchObject({ authUser: 'mari', authMethod: 'PLAIN' });
    expect(seen).toEqual(['mari:app-password']);
  });

  it('when the XOAUTH2 hook answers with a challenge, then the client sees a 334 and the attempt fails', async () => {
    const server = await start({ authenticateXOAuth2: async () => ({ ok: false, challenge: { status: '401', schemes: 'bearer' } }) });

    const error = await failureOf(
      send(clientFor(server, material, { auth: { type: 'OAuth2', user: 'mari@firma.ee', accessToken: 'stale' } })),
    );

    expect(error).toMatchObject({ code: 'EAUTH' });
    // nodemailer answers a challenge by trying the login once more; every try is refused.
    expect(server.authAttempts()).toContainEqual({ user: 'mari@firma.ee', method: 'XOAUTH2', ok: false });
    expect(server.authAttempts().some((attempt) => attempt.ok)).toBe(false);
    expect(server.received()).toHaveLength(0);
  });

  it('when replyToMailFrom refuses a sender, then MAIL FROM gets that reply and nothing arrives', async () => {
    const server = await start({
      replyToMailFrom: (address) =>
        address === 'sender@example.test'
          ? { responseCode: 550, message: '5.7.60 SMTP; Client does not have permissions to send as this sender' }
          : null,
    });

    const error = await failureOf(send(clientFor(server, material)));

    expect(error).toMatchObject({ code: 'EENVELOPE', responseCode: 550, command: 'MAIL FROM' });
    expect(server.received()).toHaveLength(0);
  });

  it('when replyToMessage refuses a message, then the end of DATA gets that reply and nothing arrives', async () => {
    const server = await start({
      users: { jaan: 'secret' },
      replyToMessage: (mail) =>
        mail.headers.fromAddress === 'sender@example.test' ? { responseCode: 554, message: '5.2.252 SendAsDenied' } : null,
    });

    const error = await failureOf(send(clientFor(server, material, { auth: { user: 'jaan', pass: 'secret' } })));

    expect(error).toMatchObject({ code: 'EMESSAGE', responseCode: 554, command: 'DATA' });
    expect(server.received()).toHaveLength(0);
  });
});

describe('optional STARTTLS', () => {
  it('when tlsOptional is set, then STARTTLS is offered yet a plain-text client is served, and the mail says it came unencrypted', async () => {
    const server = await start({ tlsOptional: true });

    await send(clientFor(server, material, { requireTLS: false, ignoreTLS: true }));
    await send(clientFor(server, material));

    const [plain, upgraded] = server.received();
    expect(plain).toMatchObject({ secure: false, tlsProtocol: null });
    expect(upgraded).toMatchObject({ secure: true });
  });

  it('when tlsOptional is not set, then a plain-text client is refused before MAIL FROM', async () => {
    const server = await start();

    const error = await failureOf(send(clientFor(server, material, { requireTLS: false, ignoreTLS: true })));

    expect(error).toMatchObject({ responseCode: 530 });
  });
});
