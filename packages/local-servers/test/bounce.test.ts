import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalTls, startSmtpServer, type LocalSmtpServer, type TlsMaterial } from '../src';
import { clientFor, send } from './smtp-client';

let material: TlsMaterial;
const servers: LocalSmtpServer[] = [];

beforeAll(async () => {
  material = await createLocalTls();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A relay that bounces `recipients`, and the sender's MX the bounces go to. */
async function relayAndMx(recipients: string[], extra: { status?: string; reason?: string } = {}) {
  const mx = await startSmtpServer({ security: 'none', name: 'mx.sender.test' });
  const relay = await startSmtpServer({
    security: 'starttls',
    tls: material,
    name: 'relay.test',
    bounce: { recipients, deliverTo: () => ({ host: mx.host, port: mx.port }), ...extra },
  });
  servers.push(relay, mx);
  return { relay, mx };
}

describe('bouncing chosen recipients', () => {
  it('when a mail goes to a bouncing and a good recipient, then it is accepted and an RFC 3464 report for the bouncing one reaches the sender', async () => {
    const { relay, mx } = await relayAndMx(['Gone@Example.test']);

    await send(clientFor(relay, material), {
      from: 'sender@sender.test',
      to: ['gone@example.test', 'ok@example.test'],
      subject: 'Arve 17',
    });

    expect((await relay.waitForMail()).envelope.to).toEqual(['gone@example.test', 'ok@example.test']);
    const dsn = await mx.waitForMail();
    expect(dsn.envelope).toEqual({ from: '', to: ['sender@sender.test'] });
    const parsed = await simpleParser(dsn.raw, { keepDeliveryStatus: true });
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/report', params: { 'report-type': 'delivery-status' } });
    const parts = Object.fromEntries(parsed.attachments.map((part) => [part.contentType, part.content.toString('utf8')]));
    expect(parts['message/delivery-status']).toContain('Reporting-MTA: dns; relay.test');
    expect(parts['message/delivery-status']).toMatch(
      /Final-Recipient: rfc822; gone@example\.test\r\n(.+\r\n)*Action: failed\r\nStatus: 5\.1\.1\r\n/,
    );
    expect(parts['message/delivery-status']).not.toContain('ok@example.test');
    expect(parts['text/rfc822-headers']).toContain('Subject: Arve 17');
    expect(parts['text/rfc822-headers']).toMatch(/^Message-ID: <.+>$/m);
    expect(relay.bounces()).toEqual([{ to: 'sender@sender.test', recipients: ['gone@example.test'], ok: true, error: null }]);
  });

  it('when a status and reason are configured, then the report carries them', async () => {
    const { relay, mx } = await relayAndMx(['full@example.test'], { status: '5.2.2', reason: 'Mailbox full' });

    await send(clientFor(relay, material), { to: 'full@example.test' });

    const parsed = await simpleParser((await mx.waitForMail()).raw, { keepDeliveryStatus: true });
    const report = parsed.attachments.find((part) => part.contentType === 'message/delivery-status')?.content.toString('utf8');
    expect(report).toContain('Status: 5.2.2');
    expect(report).toContain('Diagnostic-Code: smtp; 550 5.2.2 <full@example.test>: Mailbox full');
  });

  it('when no recipient bounces or the mail is itself a bounce, then no report is sent', async () => {
    const { relay, mx } = await relayAndMx(['gone@example.test']);

    await send(clientFor(relay, material), { to: 'ok@example.test' });
    const client = createTransport(clientFor(relay, material));
    await client.sendMail({ envelope: { from: '', to: ['gone@example.test'] }, raw: 'Subject: a bounce\r\n\r\nbody\r\n' });
    client.close();
    await relay.waitForMail((mail) => mail.envelope.from === '');

    await relay.close();
    expect(relay.bounces()).toEqual([]);
    expect(mx.received()).toEqual([]);
  });

  it('when the sender domain cannot be reached, then the failed bounce is recorded and close still resolves', async () => {
    const mx = await startSmtpServer({ security: 'none' });
    const unreachable = mx.port;
    await mx.close();
    const relay = await startSmtpServer({
      security: 'none',
      bounce: { recipients: ['gone@example.test'], deliverTo: () => ({ host: '127.0.0.1', port: unreachable }) },
    });
    servers.push(relay);

    await send(clientFor(relay, material), { to: 'gone@example.test' });
    await relay.waitForMail();
    await relay.close();

    expect(relay.bounces()).toMatchObject([{ to: 'sender@example.test', recipients: ['gone@example.test'], ok: false }]);
    expect(relay.bounces()[0]?.error).toBeTruthy();
  });
});
