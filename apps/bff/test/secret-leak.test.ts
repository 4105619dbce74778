import { createLocalTls, startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { dumpDatabase } from './support/dump-database';
import { startTestStack, type TestStack } from './support/stack';

const SECRET = 'Leak-Check-Pw-9431!';
/** The forms a password could leak in: as is, base64, and inside an AUTH PLAIN / LOGIN exchange. */
const FORMS = [
  SECRET,
  Buffer.from(SECRET).toString('base64'),
  Buffer.from(`\0jaan\0${SECRET}`).toString('base64'),
  Buffer.from(SECRET).toString('hex'),
  encodeURIComponent(SECRET),
];

let stack: TestStack;
let server: LocalSmtpServer;
const logLines: string[] = [];
const seen: string[] = [];

beforeAll(async () => {
  const tls = await createLocalTls();
  server = await startSmtpServer({ security: 'starttls', tls, users: { jaan: SECRET } });
  stack = await startTestStack({ tls, openPorts: [server.port], logDestination: { write: (line) => void logLines.push(line) } });
});

afterAll(async () => {
  await stack.close();
  await server.close();
});

const smtpCard = (user: string, password: string) => ({
  name: 'Jaan Tamm',
  email: 'jaan@firma.ee',
  mailSender: { mode: 'smtp', smtp: { host: 'localhost', port: server.port, security: 'starttls', user, password, clearPassword: false } },
});

describe('secrets never leak', () => {
  it('when a password is saved and every route is exercised, then no response, log line or database byte holds it', async () => {
    const jaan = apiClient(stack.url);
    const admin = apiClient(stack.url);
    const record = (response: { status: number; text: string }) => seen.push(response.text);
    record(await jaan.signIn('JAAN', 'jaan-demo-2026'));
    record(await admin.signIn('MARI', 'mari-demo-2026'));
    record(await jaan.call('PUT', '/card', smtpCard('jaan', SECRET)));
    for (const path of ['/card', '/card/effective', '/auth/me', '/deployment', '/dev/mailbox']) record(await jaan.call('GET', path));
    record(await jaan.call('POST', '/card/test-mail', {}));
    await server.waitForMail();
    // The step-by-step check streams what the server said at each step, AUTH included.
    record(await jaan.call('POST', '/card/check', { mode: 'dryRun' }));
    record(await jaan.call('POST', '/card/check', { mode: 'send' }));
    for (const path of ['/send-log', '/events', '/card/m365']) record(await jaan.call('GET', path));
    for (const path of ['/admin/users', '/admin/audit', '/admin/settings', '/admin/users/JAAN/card', '/admin/users/JAAN/card/effective'])
      record(await admin.call('GET', path));
    record(await admin.call('POST', '/admin/settings/preview', { mailSendingUserCode: 'JAAN' }));
    record(await admin.call('PUT', '/admin/settings', { mailSendingUserCode: 'JAAN' }));
    record(await admin.call('POST', '/admin/users/JAAN/card/test-mail', {}));
    // A failing login: the server's refusal and the error path must not echo the password either.
    record(await jaan.call('PUT', '/card', smtpCard('nobody', SECRET)));
    record(await jaan.call('POST', '/card/test-mail', {}));
    record(await jaan.call('POST', '/card/check', { mode: 'dryRun' }));
    record(await admin.call('GET', '/send-log'));
    record(await jaan.call('PUT', '/card', smtpCard('jaan', `${SECRET}\r\nX-Injected: 1`)));
    record(await jaan.call('POST', '/auth/sign-out'));

    expect(seen.length).toBeGreaterThan(15);
    expect(logLines.length).toBeGreaterThan(0);
    const database = await dumpDatabase(stack.bff.db);
    // The sealed password is there: the dump reads the rows the secret would be in.
    expect(database).toMatch(/mail_settings: .*v1\.test1\./);
    for (const form of FORMS) {
      expect(seen.filter((text) => text.includes(form))).toEqual([]);
      expect(logLines.filter((line) => line.includes(form))).toEqual([]);
      expect(database.includes(form)).toBe(false);
    }
    expect(server.authAttempts().some((attempt) => attempt.ok && attempt.user === 'jaan')).toBe(true);
  });
});
