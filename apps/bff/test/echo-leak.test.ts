import { base64Fragments } from '@saatja/core';
import { createLocalTls, echoPasswordRefusal, startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { dumpDatabase } from './support/dump-database';
import { printFigure } from './support/figures';
import { createToken, eventually, sendApi } from './support/outbox';
import { startTestStack, type TestStack } from './support/stack';

const USER = 'info@firma.ee';
const PASSWORD = 'Echo-Me-If-You-Dare-7715';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** The password and every encoding a server could echo it in. */
const FORMS = [
  PASSWORD,
  b64(PASSWORD),
  b64(`\0${USER}\0${PASSWORD}`),
  b64(`${USER}\0${USER}\0${PASSWORD}`),
  Buffer.from(`\0${USER}\0${PASSWORD}`).toString('base64url'),
  ...base64Fragments(PASSWORD),
];

let stack: TestStack;
let echoing: LocalSmtpServer;
const logLines: string[] = [];

beforeAll(async () => {
  const tls = await createLocalTls();
  // Refuses every login, repeating the AUTH line and the password in its 535 reply.
  echoing = await startSmtpServer({
    security: 'starttls',
    tls,
    authenticatePassword: async (user, password) => echoPasswordRefusal(user, password),
  });
  stack = await startTestStack({ tls, openPorts: [echoing.port], logDestination: { write: (line) => void logLines.push(line) } });
});

afterAll(async () => {
  await stack?.close();
  await echoing?.close();
});

describe('a server that echoes the credentials in its refusal', () => {
  it('when the owner and a user inheriting the credentials try it, then neither sees the password or its encodings anywhere', async () => {
    const mari = apiClient(stack.url);
    const jaan = apiClient(stack.url);
    expect((await mari.signIn('MARI', 'mari-demo-2026')).status).toBe(200);
    expect((await jaan.signIn('JAAN', 'jaan-demo-2026')).status).toBe(200);
    const card = {
      name: 'Mari Maasikas',
      email: 'mari@firma.ee',
      mailSender: {
        mode: 'smtp',
        smtp: { host: 'localhost', port: echoing.port, security: 'starttls', user: USER, password: PASSWORD, clearPassword: false },
      },
    };
    expect((await mari.call('PUT', '/card', card)).status).toBe(200);
    // JAAN, in default mode, inherits MARI's server and password (SPEC §3).
    expect((await mari.call('PUT', '/admin/settings', { mailSendingUserCode: 'MARI' })).status).toBe(200);

    const seen: string[] = [];
    for (const client of [mari, jaan]) {
      for (const [path, body] of [
        ['/card/test-mail', {}],
        ['/card/check', { mode: 'dryRun' }],
        ['/card/check', { mode: 'send' }],
      ] as const) {
        const response = await client.call('POST', path, body);
        seen.push(response.text);
        // The refusal still reaches the user: the class and the reply, without the secret.
        expect(response.text).toContain('[redacted]');
      }
      seen.push((await client.call('GET', '/send-log')).text);
    }
    const database = await dumpDatabase(stack.bff.db);
    expect(echoing.authAttempts().filter((attempt) => attempt.user === USER && !attempt.ok)).toHaveLength(6);
    expect(database).toMatch(/send_log: .*\[redacted\]/);

    const places = { responses: seen.join('\n'), logs: logLines.join('\n'), database };
    const found = Object.entries(places).map(([place, text]) => [place, FORMS.filter((form) => text.includes(form)).length] as const);
    expect(found).toEqual([
      ['responses', 0],
      ['logs', 0],
      ['database', 0],
    ]);
    printFigure(
      `Echoing server: 6 refused logins (owner and inheriting user: test mail, dry run, check+send), ${FORMS.length} forms of the password searched in ${seen.length} responses and streamed checks (incl. send logs), ${logLines.length} log lines and the database: ${found.map(([place, n]) => `${place} ${n}`).join(', ')}`,
    );
  });

  it('when the outbox sends through it, then the refusal is stored and logged without the password or its encodings', async () => {
    // MARI's card sends through the echoing server (saved by the test above).
    const api = sendApi(stack.url, (await createToken(stack.url)).token);
    const submitted = await api('POST', '/messages', { user: 'MARI', to: ['klient@example.ee'], subject: 'Arve', text: 'Tere!' });
    expect(submitted.status).toBe(202);
    const id = submitted.json!.id as string;
    const message = await eventually(
      async () => (await api('GET', `/messages/${id}`)).json!,
      (read) => read.status === 'failed',
    );
    const db = stack.bff.db;
    const stored = await db
      .selectFrom('outbox_messages')
      .select(['message_id', 'last_reply'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const logged = await db.selectFrom('send_log').select('server_reply').where('message_id', '=', stored.message_id).execute();
    // The refusal is kept for the user to read, with the secret taken out.
    expect(stored.last_reply).toMatch(/^535 5\.7\.8 .*\[redacted\]/);
    expect(logged.map((entry) => entry.server_reply)).toEqual([stored.last_reply]);
    const database = await dumpDatabase(db);

    const places = { response: JSON.stringify(message), logs: logLines.join('\n'), database };
    const found = Object.entries(places).map(([place, text]) => [place, FORMS.filter((form) => text.includes(form)).length] as const);
    expect(found).toEqual([
      ['response', 0],
      ['logs', 0],
      ['database', 0],
    ]);
  });
});
