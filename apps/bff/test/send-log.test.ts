import { LOG_PAGE_SIZE, type LogPage, type PublicSendLogEntry } from '@saatja/core';
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
    mailSender: {
      mode: 'smtp',
      smtp: { host: 'localhost', port: own.port, security: 'starttls', user: 'jaan', password: 'wrong-one', clearPassword: false },
    },
  });
});

afterEach(async () => {
  await stack.close();
  await own.close();
});

const page = (response: { json: unknown }) => response.json as unknown as LogPage<PublicSendLogEntry>;
const entries = (response: { json: unknown }) => page(response).entries;

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
        transport: { kind: 'smtp', host: 'localhost', port: own.port, security: 'starttls', user: 'jaan', owner: 'own' },
      },
    ]);
    expect(entries(all).map((entry) => [entry.user.code, entry.result, entry.recipient])).toEqual([
      ['MARI', 'sent', 'kontor@firma.ee'],
      ['JAAN', 'failed', 'jaan@firma.ee'],
    ]);
    expect(entries(all)[0]).toMatchObject({
      transport: { kind: 'relay', host: 'localhost', security: 'starttls' },
      messageId: expect.stringMatching(/^<.+>$/),
    });
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

    const next = await jaan.call('GET', `/send-log?before=${newest!.id}`);

    expect(entries(next).map((entry) => entry.id)).toEqual([older!.id]);
  });

  it('when the log holds more than a page, then pages follow each other by cursor without gaps or repeats', async () => {
    const user = await stack.bff.db.selectFrom('users').select('id').where('code', '=', 'JAAN').executeTakeFirstOrThrow();
    const total = LOG_PAGE_SIZE * 2 + 7;
    const rows = Array.from({ length: total }, (_, i) => ({
      user_id: user.id,
      actor_user_id: user.id,
      at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      kind: 'check',
      transport: 'relay localhost:25 starttls',
      recipient: 'jaan@firma.ee',
      result: 'checked' as const,
      server_reply: null,
      error_code: null,
      failure_class: null,
      duration_ms: 5,
      message_id: null,
    }));
    await stack.bff.db.insertInto('send_log').values(rows).execute();

    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const response = await jaan.call('GET', `/send-log${cursor ? `?before=${cursor}` : ''}`);
      expect(entries(response).length).toBeLessThanOrEqual(LOG_PAGE_SIZE);
      seen.push(...entries(response).map((entry) => entry.id));
      cursor = page(response).next;
      pages += 1;
    } while (cursor !== null);

    expect(pages).toBe(3);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    // An entry written before routes were stored as data is shown as written.
    expect(entries(await jaan.call('GET', '/send-log'))[0]!.transport).toEqual({ kind: 'other', text: 'relay localhost:25 starttls' });
  });

  it('when filters are given, then only matching entries come back, and a user cannot see others through them', async () => {
    await jaan.call('POST', '/card/test-mail', {});
    await mari.call('POST', '/card/test-mail', { to: 'kontor@firma.ee' });
    const mariCheck = await fetch(`${stack.url}/api/card/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: mari.cookie, 'Sec-Fetch-Site': 'same-origin' },
      body: JSON.stringify({ mode: 'dryRun' }),
    });
    await mariCheck.text();
    const codes = async (client: typeof jaan, query: string) =>
      entries(await client.call('GET', `/send-log?${query}`)).map((entry) => `${entry.user.code} ${entry.kind} ${entry.result}`);

    expect(await codes(mari, 'user=jaan')).toEqual(['JAAN test failed']);
    expect(await codes(mari, 'kind=check')).toEqual(['MARI check checked']);
    expect(await codes(mari, 'result=failed')).toEqual(['JAAN test failed']);
    expect(await codes(mari, 'user=MARI&kind=test&result=sent')).toEqual(['MARI test sent']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    expect(await codes(mari, `from=${encodeURIComponent(tomorrow)}`)).toEqual([]);
    expect(await codes(mari, `from=${encodeURIComponent(yesterday)}&to=${encodeURIComponent(tomorrow)}`)).toHaveLength(3);
    expect(await codes(mari, `to=${encodeURIComponent(yesterday)}`)).toEqual([]);
    expect(await codes(jaan, 'user=MARI')).toEqual([]);
  });

  it('when the query is malformed or no one is signed in, then the log is refused', async () => {
    expect((await jaan.call('GET', '/send-log?before=abc')).status).toBe(422);
    expect((await jaan.call('GET', '/send-log?kind=everything')).status).toBe(422);
    expect((await jaan.call('GET', '/send-log?from=yesterday')).status).toBe(422);
    expect((await jaan.call('GET', '/send-log?token=x')).status).toBe(422);
    expect((await apiClient(stack.url).call('GET', '/send-log')).status).toBe(401);
  });
});
