import { createLocalTls, startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let companyServer: LocalSmtpServer;
let ownServer: LocalSmtpServer;
let admin: ReturnType<typeof apiClient>;
let jaan: ReturnType<typeof apiClient>;

const smtp = (server: LocalSmtpServer, fields: Record<string, unknown>) => ({
  host: 'localhost',
  port: server.port,
  security: 'starttls',
  user: '',
  password: '',
  clearPassword: false,
  ...fields,
});
const card = (name: string, email: string, mailSender: Record<string, unknown>) => ({ name, email, mailSender });
const mariCard = (fields: Record<string, unknown> = {}) =>
  card('Mari Maasikas', 'mari@firma.ee', {
    mode: 'smtp',
    smtp: smtp(companyServer, { user: 'info', password: 'company-secret', ...fields }),
  });

beforeEach(async () => {
  const tls = await createLocalTls();
  companyServer = await startSmtpServer({ security: 'starttls', tls, users: { info: 'company-secret', jaan: 'jaan-at-company' } });
  ownServer = await startSmtpServer({ security: 'starttls', tls, users: { jaan: 'jaan-own' } });
  stack = await startTestStack({ tls, openPorts: [companyServer.port, ownServer.port] });
  admin = apiClient(stack.url);
  jaan = apiClient(stack.url);
  await admin.signIn('MARI', 'mari-demo-2026');
  await jaan.signIn('JAAN', 'jaan-demo-2026');
  expect((await admin.call('PUT', '/card', mariCard())).status).toBe(200);
});

afterEach(async () => {
  await stack.close();
  await companyServer.close();
  await ownServer.close();
});

const setGlobal = (code: string | null) => admin.call('PUT', '/admin/settings', { mailSendingUserCode: code });

describe('the global mail user', () => {
  it('when an admin sets it, then a default-mode user sends through its server with its credentials', async () => {
    expect((await setGlobal('MARI')).status).toBe(200);
    expect((await admin.call('GET', '/card')).json).toMatchObject({ mailSender: { inherited: null, inheritedBy: 1 } });
    expect((await jaan.call('GET', '/card')).json).toMatchObject({ mailSender: { inherited: { code: 'MARI' }, inheritedBy: null } });
    expect((await jaan.call('POST', '/card/test-mail', {})).status).toBe(200);
    const mail = await companyServer.waitForMail();
    expect(mail).toMatchObject({ authUser: 'info', envelope: { from: 'jaan@firma.ee' } });
    expect((await jaan.call('GET', '/card/effective')).json).toMatchObject({
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'MARI' },
    });
  });

  it('when a user fills only User and Password, then mail goes to the global server with that user’s credentials', async () => {
    await setGlobal('MARI');
    const saved = await jaan.call(
      'PUT',
      '/card',
      card('Jaan Tamm', 'jaan@firma.ee', {
        mode: 'smtp',
        smtp: smtp(companyServer, { host: '', port: undefined, user: 'jaan', password: 'jaan-at-company' }),
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ mailSender: { smtp: { host: '', user: 'jaan', passwordSet: true }, inherited: { code: 'MARI' } } });
    expect((await jaan.call('POST', '/card/test-mail', {})).status).toBe(200);
    expect(await companyServer.waitForMail()).toMatchObject({ authUser: 'jaan' });
  });

  it('when a user has an own server, then the global setting does not affect them', async () => {
    await setGlobal('MARI');
    await jaan.call(
      'PUT',
      '/card',
      card('Jaan Tamm', 'jaan@firma.ee', { mode: 'smtp', smtp: smtp(ownServer, { user: 'jaan', password: 'jaan-own' }) }),
    );
    expect((await jaan.call('POST', '/card/test-mail', {})).status).toBe(200);
    expect(await ownServer.waitForMail()).toMatchObject({ authUser: 'jaan' });
    expect(companyServer.received()).toHaveLength(0);
  });

  it('when the global server changes, then a credentials-only password is not sent to the new server', async () => {
    await setGlobal('MARI');
    await jaan.call(
      'PUT',
      '/card',
      card('Jaan Tamm', 'jaan@firma.ee', {
        mode: 'smtp',
        smtp: smtp(companyServer, { host: '', port: undefined, user: 'jaan', password: 'jaan-at-company' }),
      }),
    );
    expect(
      (
        await admin.call(
          'PUT',
          '/card',
          card('Mari Maasikas', 'mari@firma.ee', { mode: 'smtp', smtp: smtp(ownServer, { user: 'info', password: 'x' }) }),
        )
      ).status,
    ).toBe(200);
    const sent = await jaan.call('POST', '/card/test-mail', {});
    expect(sent.json).toMatchObject({ error: { code: 'sendFailed', detail: 'passwordNeeded' } });
    expect(ownServer.authAttempts()).toEqual([]);
  });

  it('when the global mail user leaves its own server, then users who inherited fall back to the vendor relay', async () => {
    await setGlobal('MARI');
    await admin.call('PUT', '/card', card('Mari Maasikas', 'mari@firma.ee', { mode: 'default' }));
    expect((await jaan.call('GET', '/card/effective')).json).toMatchObject({ provenance: { server: 'vendor' } });
    expect((await jaan.call('POST', '/card/test-mail', {})).status).toBe(200);
    expect(await stack.relay.waitForMail()).toMatchObject({ envelope: { from: 'jaan@firma.ee' } });
    expect(companyServer.received()).toHaveLength(0);
  });

  it('when settings and cards change, then the audit log says who changed what, old to new, without secrets', async () => {
    await setGlobal('MARI');
    const audit = await admin.call('GET', '/admin/audit');
    expect(audit.status).toBe(200);
    const { entries, next } = audit.json as unknown as {
      next: number | null;
      entries: { actor: string; action: string; target: string; changes: Record<string, { from: unknown; to: unknown }> }[];
    };
    expect(next).toBeNull();
    expect(entries[0]).toMatchObject({
      actor: 'MARI',
      action: 'settings.mailSendingUser',
      changes: { mailSendingUserCode: { from: null, to: 'MARI' } },
    });
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: 'MARI',
        action: 'card.save',
        target: 'user:MARI',
        changes: expect.objectContaining({ mode: { from: 'default', to: 'smtp' } }),
      }),
    );
    expect(audit.text).not.toContain('company-secret');
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'card.save',
        changes: expect.objectContaining({ smtpPassword: { from: null, to: { savedFor: expect.stringMatching(/^localhost:\d+$/) } } }),
      }),
    );
  });

  it('when the audit log is filtered by user, action and time, then only matching entries come back, a page at a time', async () => {
    await setGlobal('MARI');
    const list = async (query: string) => {
      const response = await admin.call('GET', `/admin/audit?${query}`);
      expect(response.status, response.text).toBe(200);
      return (response.json as unknown as { entries: { action: string; target: string }[] }).entries.map(
        (entry) => `${entry.action} ${entry.target}`,
      );
    };
    expect(await list('action=settings.mailSendingUser')).toEqual(['settings.mailSendingUser system']);
    expect(await list('user=mari&action=card.save')).toEqual(['card.save user:MARI']);
    expect(await list('user=JAAN')).toEqual([]);
    expect(await list(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    const everything = await list('');
    const newest = ((await admin.call('GET', '/admin/audit')).json as unknown as { entries: { id: number }[] }).entries[0]!;
    expect(await list(`before=${newest.id}`)).toEqual(everything.slice(1));
    expect((await admin.call('GET', '/admin/audit?action=drop.table')).status).toBe(422);
  });

  it('when the chosen user has no own server or does not exist, then the setting is refused with a field error', async () => {
    expect((await setGlobal('JAAN')).json).toEqual({
      error: { code: 'validation', fields: { mailSendingUserCode: 'globalUser.noOwnServer' } },
    });
    expect((await setGlobal('NOBODY')).json).toEqual({
      error: { code: 'validation', fields: { mailSendingUserCode: 'globalUser.unknown' } },
    });
    expect((await admin.call('GET', '/admin/settings')).json).toEqual({ mailSendingUserCode: null });
  });

  it('when an admin previews a candidate, then every user’s resulting configuration is shown and nothing is saved', async () => {
    const preview = await admin.call('POST', '/admin/settings/preview', { mailSendingUserCode: 'MARI' });
    expect(preview.json).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'JAAN',
          effective: expect.objectContaining({ provenance: expect.objectContaining({ server: 'global' }) }),
        }),
      ]),
    );
    expect((await admin.call('GET', '/admin/settings')).json).toEqual({ mailSendingUserCode: null });
  });

  it('when a non-admin calls the admin API, then it is refused and nothing changes', async () => {
    expect((await jaan.call('PUT', '/admin/settings', { mailSendingUserCode: 'MARI' })).status).toBe(403);
    expect((await jaan.call('GET', '/admin/users')).status).toBe(403);
    expect((await jaan.call('PUT', '/admin/users/MARI/card', mariCard({ host: 'evil.example' }))).status).toBe(403);
    expect((await admin.call('GET', '/admin/settings')).json).toEqual({ mailSendingUserCode: null });
    expect((await admin.call('GET', '/card')).json).toMatchObject({ mailSender: { smtp: { host: 'localhost' } } });
  });

  it('when an admin edits another user’s card, then it is saved for that user', async () => {
    const saved = await admin.call('PUT', '/admin/users/JAAN/card', card('Jaan Tamm', 'jaan@firma.ee', { mode: 'replyTo' }));
    expect(saved.status).toBe(200);
    expect((await jaan.call('GET', '/card')).json).toMatchObject({ mailSender: { mode: 'replyTo' } });
    expect((await admin.call('GET', '/admin/users/NOBODY/card')).status).toBe(404);
  });
});
