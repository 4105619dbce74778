import { startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { startTestStack, type TestStack } from './support/stack';

const PASSWORD = 'Kal4-Maja!secret';

let stack: TestStack;
let own: LocalSmtpServer;
let client: ReturnType<typeof apiClient>;

const smtpCard = (smtp: Record<string, unknown>) => ({
  name: 'Jaan Tamm',
  email: 'jaan@firma.ee',
  mailSender: {
    mode: 'smtp',
    smtp: { host: 'localhost', port: own.port, security: 'starttls', user: 'jaan', password: '', clearPassword: false, ...smtp },
  },
});

beforeEach(async () => {
  const tls = (await import('@saatja/local-servers')).createLocalTls();
  const material = await tls;
  own = await startSmtpServer({ security: 'starttls', tls: material, users: { jaan: PASSWORD, other: 'x' } });
  stack = await startTestStack({ tls: material, openPorts: [own.port] });
  client = apiClient(stack.url);
  expect((await client.signIn('JAAN', 'jaan-demo-2026')).status).toBe(200);
});

afterEach(async () => {
  await stack.close();
  await own.close();
});

describe('the user card', () => {
  it('when an SMTP card is saved, then no response carries the password and a restart keeps it', async () => {
    const saved = await client.call('PUT', '/card', smtpCard({ password: PASSWORD }));
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      mailSender: { mode: 'smtp', smtp: { host: 'localhost', port: own.port, user: 'jaan', passwordSet: true } },
    });
    await stack.restart();
    const reloaded = await client.call('GET', '/card');
    expect(reloaded.json).toMatchObject({ mailSender: { smtp: { passwordSet: true } } });
    for (const response of [saved, reloaded, await client.call('GET', '/card/effective')]) {
      expect(response.text).not.toContain(PASSWORD);
      expect(response.text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    }
  });

  it('when a test mail is sent, then it arrives over STARTTLS, authenticated as the saved user', async () => {
    await client.call('PUT', '/card', smtpCard({ password: PASSWORD }));
    const sent = await client.call('POST', '/card/test-mail', {});
    expect(sent.status).toBe(200);
    const mail = await own.waitForMail();
    expect(mail).toMatchObject({ authUser: 'jaan', secure: true, envelope: { from: 'jaan@firma.ee', to: ['jaan@firma.ee'] } });
    expect(sent.text).not.toContain(PASSWORD);
  });

  it('when the port is not open or the server is empty, then field errors come back and nothing is saved', async () => {
    const bad = await client.call('PUT', '/card', smtpCard({ host: '', port: 2525, password: PASSWORD }));
    expect(bad.status).toBe(422);
    expect(bad.json).toEqual({
      error: { code: 'validation', fields: { 'mailSender.smtp.host': 'required', 'mailSender.smtp.port': 'port.notOpen' } },
    });
    expect((await client.call('GET', '/card')).json).toMatchObject({ mailSender: { mode: 'default', smtp: null } });
  });

  it('when the user name changes without the password, then saving is refused and the old password is never sent', async () => {
    await client.call('PUT', '/card', smtpCard({ password: PASSWORD }));
    const changed = await client.call('PUT', '/card', smtpCard({ user: 'other' }));
    expect(changed.status).toBe(422);
    expect(changed.json).toEqual({ error: { code: 'validation', fields: { 'mailSender.smtp.password': 'password.reenter' } } });
    await client.call('POST', '/card/test-mail', {});
    expect(own.authAttempts()).toEqual([{ user: 'jaan', method: 'PLAIN', ok: true }]);
  });

  it('when the server refuses the password, then the test mail fails with the server reply and is logged', async () => {
    await client.call('PUT', '/card', smtpCard({ password: 'wrong' }));
    const sent = await client.call('POST', '/card/test-mail', {});
    expect(sent.status).toBe(502);
    expect(sent.json).toMatchObject({ error: { code: 'sendFailed', smtp: { code: 'EAUTH', responseCode: 535 } } });
    const log = await stack.bff.db.selectFrom('send_log').selectAll().execute();
    expect(log).toMatchObject([{ result: 'failed', error_code: 'EAUTH', recipient: 'jaan@firma.ee' }]);
  });

  it('when the mode is switched from SMTP to the relay and back, then the saved server, user and password are kept, inactive meanwhile', async () => {
    await client.call('PUT', '/card', smtpCard({ password: PASSWORD }));

    const relay = await client.call('PUT', '/card', { name: 'Jaan Tamm', email: 'jaan@firma.ee', mailSender: { mode: 'default' } });
    expect(relay.json).toMatchObject({
      mailSender: { mode: 'default', smtp: { host: 'localhost', port: own.port, user: 'jaan', passwordSet: true } },
    });
    expect((await client.call('GET', '/card/effective')).json).toMatchObject({
      transport: { kind: 'relay' },
      provenance: { server: 'vendor' },
    });
    expect((await client.call('POST', '/card/test-mail', {})).status).toBe(200);
    expect(await stack.relay.waitForMail()).toMatchObject({ envelope: { from: 'jaan@firma.ee' } });
    expect(own.received()).toHaveLength(0);

    const back = await client.call('PUT', '/card', smtpCard({}));
    expect(back.status, back.text).toBe(200);
    expect((await client.call('POST', '/card/test-mail', {})).status).toBe(200);
    expect(await own.waitForMail()).toMatchObject({ authUser: 'jaan' });
  });

  it('when the mode is switched from SMTP to Microsoft 365, then the SMTP settings are replaced', async () => {
    await client.call('PUT', '/card', smtpCard({ password: PASSWORD }));
    const m365 = await client.call('PUT', '/card', {
      name: 'Jaan Tamm',
      email: 'jaan@firma.ee',
      mailSender: { mode: 'm365', m365: { user: 'jaan@firma.onmicrosoft.com' } },
    });
    expect(m365.json).toMatchObject({
      mailSender: { mode: 'm365', smtp: { host: 'smtp.office365.com', user: 'jaan@firma.onmicrosoft.com', passwordSet: false } },
    });
  });

  it('when the mode is default, then the test mail goes through the relay as the user', async () => {
    const sent = await client.call('POST', '/card/test-mail', {});
    expect(sent.status).toBe(200);
    const mail = await stack.relay.waitForMail();
    expect(mail.envelope).toEqual({ from: 'jaan@firma.ee', to: ['jaan@firma.ee'] });
    expect(mail.secure).toBe(true);
  });
});

describe('sessions and requests', () => {
  it('when no one is signed in, then the card is refused', async () => {
    const anonymous = apiClient(stack.url);
    expect((await anonymous.call('GET', '/card')).status).toBe(401);
  });

  it('when a cross-site page posts, then the request is refused and nothing changes', async () => {
    const attack = await client.call('PUT', '/card', smtpCard({ password: PASSWORD }), { 'Sec-Fetch-Site': 'cross-site' });
    expect(attack.status).toBe(403);
    expect((await client.call('GET', '/card')).json).toMatchObject({ mailSender: { mode: 'default' } });
  });

  it('when a session id was planted before sign-in, then it is not valid after it', async () => {
    const planted = client.cookie;
    await client.signIn('JAAN', 'jaan-demo-2026');
    expect(client.cookie).not.toBe(planted);
    const replay = await fetch(`${stack.url}/api/card`, { headers: { Cookie: planted } });
    expect(replay.status).toBe(401);
  });
});
