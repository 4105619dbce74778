import type { LogPage, PublicSendLogEntry } from '@saatja/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_M365_MAILBOXES } from '../src/dev/dev-m365';
import { apiClient } from './support/api-client';
import { connectM365 } from './support/m365-flow';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
afterEach(async () => {
  await stack.close();
});

async function signedIn(code: 'JAAN' | 'MARI') {
  const client = apiClient(stack.url);
  expect((await client.signIn(code, `${code.toLowerCase()}-demo-2026`)).status).toBe(200);
  return client;
}

const sendLog = async (client: ReturnType<typeof apiClient>) =>
  ((await client.call('GET', '/send-log')).json as unknown as LogPage<PublicSendLogEntry>).entries;
const refusalCard = (host: string) => ({
  name: 'Jaan Tamm',
  email: 'jaan@firma.ee',
  mailSender: { mode: 'smtp', smtp: { host, port: 587, security: 'starttls', user: '', password: '', clearPassword: false } },
});

describe('refused attempts in the send log', () => {
  it('when the target is not allowed and then the rate limit is reached, then each refusal is an entry with its reason', async () => {
    stack = await startTestStack();
    const jaan = await signedIn('JAAN');
    expect((await jaan.call('PUT', '/card', refusalCard('10.0.0.1'))).status).toBe(200);
    const answers: number[] = [];
    for (let i = 0; i < 10; i++)
      answers.push((await jaan.call('POST', i % 2 ? '/card/check' : '/card/test-mail', i % 2 ? { mode: 'dryRun' } : {})).status);
    expect(answers).toEqual(Array(10).fill(502));
    expect((await jaan.call('POST', '/card/test-mail', {})).status).toBe(429);

    const entries = await sendLog(jaan);
    expect(entries).toHaveLength(11);
    expect(entries[0]).toMatchObject({
      kind: 'test',
      result: 'refused',
      errorCode: 'rateLimited',
      transport: { kind: 'smtp', host: '10.0.0.1', port: 587, security: 'starttls' },
      recipient: 'jaan@firma.ee',
      serverReply: null,
    });
    expect(entries.slice(1).map((entry) => `${entry.kind} ${entry.result} ${entry.errorCode}`)).toEqual(
      Array.from({ length: 10 }, (_, i) => `${(9 - i) % 2 ? 'check' : 'test'} refused targetNotAllowed`),
    );
  });

  it('when Microsoft 365 is not authenticated, then the refusal is logged with that reason', async () => {
    stack = await startTestStack({ m365: true });
    const jaan = await signedIn('JAAN');
    expect((await connectM365(stack, jaan, DEMO_M365_MAILBOXES[0]!)).result.outcome).toBe('authenticated');
    expect((await jaan.call('DELETE', '/card/m365')).status).toBe(200);
    expect((await jaan.call('POST', '/card/test-mail', {})).json).toEqual({
      error: { code: 'sendFailed', detail: 'm365NotAuthenticated' },
    });
    const [entry] = await sendLog(jaan);
    expect(entry).toMatchObject({
      kind: 'test',
      result: 'refused',
      errorCode: 'm365NotAuthenticated',
      transport: { kind: 'm365', user: DEMO_M365_MAILBOXES[0]!.email, owner: 'own' },
    });
  });
});
