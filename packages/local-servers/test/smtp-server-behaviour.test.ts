import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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

describe('authentication methods', () => {
  it('when the client uses AUTH LOGIN, then the mail records LOGIN as the method', async () => {
    const server = await start({ users: { bob: 'secret' } });

    await send(clientFor(server, material, { auth: { user: 'bob', pass: 'secret' }, authMethod: 'LOGIN' }));

    expect(await server.waitForMail()).toMatchObject({ authUser: 'bob', authMethod: 'LOGIN' });
  });

  it('when the XOAUTH2 hook accepts the token, then the mail records the user and XOAUTH2', async () => {
    const seen: string[] = [];
    const server = await start({
      authenticateXOAuth2: async (user, token) => {
        seen.push(`${user}:${token}`);
        return { ok: true };
      },
    });

    await send(clientFor(server, material, { auth: { type: 'OAuth2', user: 'carol@example.test', accessToken: 'tok-1' } }));

    expect(await server.waitForMail()).toMatchObject({ authUser: 'carol@example.test', authMethod: 'XOAUTH2' });
    expect(seen).toEqual(['carol@example.test:tok-1']);
  });

  it('when the XOAUTH2 hook refuses the token, then the client gets EAUTH with the hook reply', async () => {
    const server = await start({
      authenticateXOAuth2: async () => ({ ok: false, responseCode: 535, message: '5.7.3 Authentication unsuccessful' }),
    });

    const error = await failureOf(
      send(clientFor(server, material, { auth: { type: 'OAuth2', user: 'carol@example.test', accessToken: 'bad' } })),
    );

    expect(error).toMatchObject({ code: 'EAUTH', responseCode: 535 });
    expect(error.response).toMatch(/^535 5\.7\.3 /);
    expect(server.authAttempts()).toEqual([{ user: 'carol@example.test', method: 'XOAUTH2', ok: false }]);
  });
});

describe('received mail', () => {
  it('when a mail has Reply-To and Sender, then the parsed headers carry them', async () => {
    const server = await start();

    await send(clientFor(server, material), {
      from: '"Saatja OÜ" <info@example.test>',
      replyTo: 'help@example.test',
      sender: 'relay@example.test',
      subject: 'Tere, maailm – õäöü',
    });

    const { headers, raw } = await server.waitForMail();
    expect(headers).toMatchObject({
      from: '"Saatja OÜ" <info@example.test>',
      to: 'recipient@example.test',
      replyTo: 'help@example.test',
      sender: 'relay@example.test',
      subject: 'Tere, maailm – õäöü',
    });
    expect(headers.messageId).toMatch(/^<.+@.+>$/);
    expect(raw).toContain(`Message-ID: ${headers.messageId}`);
  });

  it('when a message is larger than maxMessageBytes, then it is refused with 552 and not kept', async () => {
    const server = await start({ maxMessageBytes: 1024 });

    const error = await failureOf(send(clientFor(server, material), { text: 'x'.repeat(4096) }));

    expect(error).toMatchObject({ responseCode: 552 });
    expect(server.received()).toHaveLength(0);
  });

  it('when clear() is called, then received mail and auth attempts are forgotten', async () => {
    const server = await start({ users: { bob: 'secret' } });
    await send(clientFor(server, material, { auth: { user: 'bob', pass: 'secret' } }));
    await server.waitForMail();

    server.clear();

    expect(server.received()).toEqual([]);
    expect(server.authAttempts()).toEqual([]);
  });
});

describe('waitForMail', () => {
  it('when a matching mail already arrived, then it resolves with it at once', async () => {
    const server = await start();
    await send(clientFor(server, material), { subject: 'first' });
    await send(clientFor(server, material), { subject: 'second' });

    const mail = await server.waitForMail((m) => m.headers.subject === 'first', 50);

    expect(mail.id).toBe(1);
  });

  it('when the matching mail arrives later, then it resolves with that one and skips others', async () => {
    const server = await start();
    const waiting = server.waitForMail((m) => m.headers.subject === 'wanted');

    await send(clientFor(server, material), { subject: 'other' });
    await send(clientFor(server, material), { subject: 'wanted' });

    expect((await waiting).headers.subject).toBe('wanted');
  });

  it('when no matching mail arrives in time, then it rejects with an error naming the server', async () => {
    const server = await start();

    await expect(server.waitForMail(undefined, 50)).rejects.toThrow(`127.0.0.1:${server.port}`);
  });
});

describe('close', () => {
  it('when a client keeps its connection open, then close() still resolves within a second', async () => {
    const server = await start();
    const socket = connect(server.port, server.host);
    await new Promise((resolve) => socket.once('data', resolve));

    const started = Date.now();
    await server.close();

    expect(Date.now() - started).toBeLessThan(1_000);
    socket.destroy();
  });

  it('when the port is taken, then start rejects with EADDRINUSE', async () => {
    const server = await start({ security: 'none' });

    await expect(startSmtpServer({ security: 'none', port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('connections', () => {
  it('when two clients connect at once, then the server counts two open, a peak of two, and both close', async () => {
    const server = await start({ security: 'none' });
    const a = nodemailer.createTransport(clientFor(server, material));
    const b = nodemailer.createTransport(clientFor(server, material));
    await Promise.all([a.verify(), b.verify()]);
    const count = server.connections();
    expect(count.peak).toBeGreaterThanOrEqual(1);
    expect(count.total).toBe(2);
    await vi.waitFor(() => expect(server.connections().open).toBe(0));
  });

  it('when the server refuses connections, then new clients get ECONNREFUSED until it accepts again', async () => {
    const server = await start({ security: 'none' });
    await server.refuseConnections();
    const client = nodemailer.createTransport(clientFor(server, material));
    await expect(client.verify()).rejects.toMatchObject({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' });
    await server.acceptConnections();
    await expect(client.verify()).resolves.toBe(true);
  });

  it('when a session was open as the server began refusing, then its next MAIL FROM gets 421', async () => {
    const server = await start({ security: 'none' });
    const session = connect(server.port, server.host);
    const lines: string[] = [];
    session.on('data', (chunk) => lines.push(...chunk.toString().split('\r\n').filter(Boolean)));
    await vi.waitFor(() => expect(lines.some((line) => line.startsWith('220'))).toBe(true));
    session.write('EHLO client\r\n');
    await vi.waitFor(() => expect(lines.some((line) => line.startsWith('250 '))).toBe(true));
    await server.refuseConnections();
    session.write('MAIL FROM:<a@b.ee>\r\n');
    await vi.waitFor(() => expect(lines.at(-1)).toMatch(/^421 4\.3\.2/));
    session.destroy();
  });

  it('when more mails arrive than maxKeptMails, then the newest are kept', async () => {
    const server = await start({ security: 'none', maxKeptMails: 2 });
    const client = nodemailer.createTransport(clientFor(server, material));
    for (const subject of ['1', '2', '3']) await client.sendMail({ from: 'a@b.ee', to: 'c@d.ee', subject, text: 'x' });
    expect(server.received().map((mail) => mail.headers.subject)).toEqual(['2', '3']);
  });
});
