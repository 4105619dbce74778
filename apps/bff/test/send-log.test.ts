import type { PublicSendLogEntry } from '@saatja/core';
import { startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { startTestStack, type TestStack } from './support/stack';

const PASSWORD = 'Kal4-Maja!secret';

let stack: TestStack;
let own: LocalSmtpServer;
let jaan: ReturnType<typeof apiClient>;
let mari: ReturnType<typeof apiClient>;

beforeEach(async () => {
  const tls = await (await import('@saatja/local-servers')).createLocalTls();
  own = await startSmtpServer({ security: 'starttls', tls, users: { jaan: PASSWORD } });
  stack = await startTestStack({ tls, openPorts: [own.port] });
  jaan = apiClient(stack.url);
  mari = apiClient(stack.url);
  await jaan.signIn('JAAN', 'jaan-demo-2026');
  await mari.signIn('MARI', 'mari-demo-2026');
  await jaan.call('PUT', '/card', {
    name: 'Jaan Tamm',
    email: 'jaan@firma.ee',
    mailSender: { mode: 'smtp', smtp: { host: 'localhost', port: own.port, security: 'starttls', user: 'jaan', password: 'wrong-one', clearPassword: false } },
  });
});

afterEach(async () => {
  await stack.close();
  await own.close();
});

const entries = (response: { json: unknown }) => response.json as unknown as PublicSendLogEntry[];

describe('the send log', () => {
  it('when a user and an admin have sent, then the user sees only their own and the admin everyone’s, newest first', async () => {
    await jaan.call('POST', '/card/test-mail', {});
    await mari.call('POST', '/card/test-mail', { to: 'kontor@firma.ee' });

    const mine = await jaan.call('GET', '/send-log');
    const all = await mari.call('GET', '/send-log');

    expect(mine.status).toBe(200);
    expect(entries(mine)).toMatchObject([
      {
        kind: 'test',
        user: { code: 'JAAN', name: 'Jaan Tamm' },
        actorCode: null,
        recipient: 'jaan@firma.ee',
        result: 'failed',
        errorCode: 'EAUTH',
        failureClass: 'authBadCredentials',
        serverReply: expect.stringMatching(/^535 /),
        transport: expect.stringContaining('smtp localhost:'),
      },
    ]);
    expect(entries(all).map((entry) => [entry.user.code, entry.result, entry.recipient])).toEqual([
      ['MARI', 'sent', 'kontor@firma.ee'],
      ['JAAN', 'failed', 'jaan@firma.ee'],
    ]);
    expect(entries(all)[0]).toMatchObject({ transport: expect.stringMatching(/^relay /), messageId: expect.stringMatching(/^<.+>$/) });
  });

  it('when the log is read, then no entry carries the password in any form', async () => {
    await jaan.call('POST', '/card/test-mail', {});

    const response = await mari.call('GET', '/send-log');

    expect(response.text).not.toContain('wrong-one');
    expect(response.text).not.toContain(Buffer.from('wrong-one').toString('base64'));
    expect(response.text).not.toContain(Buffer.from('\0jaan\0wrong-one').toString('base64'));
  });

  it('when an older page is asked for, then it continues below the given entry', async () => {
    await jaan.call('POST', '/card/test-mail', {});
    await jaan.call('POST', '/card/test-mail', {});
    const [newest, older] = entries(await jaan.call('GET', '/send-log'));

    const page = await jaan.call('GET', `/send-log?before=${newest!.id}`);

    expect(entries(page).map((entry) => entry.id)).toEqual([older!.id]);
  });

  it('when the query is malformed or no one is signed in, then the log is refused', async () => {
    expect((await jaan.call('GET', '/send-log?before=abc')).status).toBe(422);
    expect((await jaan.call('GET', '/send-log?user=MARI')).status).toBe(422);
    expect((await apiClient(stack.url).call('GET', '/send-log')).status).toBe(401);
  });
});
