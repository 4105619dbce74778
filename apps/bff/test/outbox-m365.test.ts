import type { EmulatorOutage } from '@saatja/identity-emulator';
import type { PublicOutboxMessageDetail, PublicSendLogEntry } from '@saatja/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { connectM365 } from './support/m365-flow';
import { arrivals, createToken, eventually, FAST_OUTBOX, sendApi } from './support/outbox';
import { DEMO_M365_MAILBOXES, startTestStack, type TestStack } from './support/stack';

const MAILBOX = DEMO_M365_MAILBOXES[0]!;

let stack: TestStack;
let jaan: ReturnType<typeof apiClient>;
let api: ReturnType<typeof sendApi>;

beforeEach(async () => {
  stack = await startTestStack({ m365: true, outbox: FAST_OUTBOX });
  jaan = apiClient(stack.url);
  expect((await jaan.signIn('JAAN', 'jaan-demo-2026')).status).toBe(200);
  // Exchange lets a mailbox send only as itself: the card's e-mail is the mailbox's address.
  const card = await jaan.call('PUT', '/card', { name: MAILBOX.name, email: MAILBOX.email, mailSender: { mode: 'default' } });
  expect(card.status).toBe(200);
  // msal renews a token within 5 minutes of its expiry: every send has to refresh it.
  stack.m365!.emulator.setAccessTokenLifetime(60);
  expect((await connectM365(stack, jaan, MAILBOX)).result.outcome).toBe('authenticated');
  api = sendApi(stack.url, (await createToken(stack.url)).token);
});

afterEach(async () => {
  await stack.close();
});

const emulator = () => stack.m365!.emulator;
const m365Smtp = () => stack.m365!.smtp;

async function submit(subject: string): Promise<string> {
  const answer = await api('POST', '/messages', { user: 'JAAN', to: ['klient@example.ee'], subject, text: 'Tere!' });
  expect(answer.status).toBe(202);
  return answer.json!.id as string;
}

const read = async (id: string) => (await api('GET', `/messages/${id}`)).json as unknown as PublicOutboxMessageDetail;
const sendLog = async () => ((await jaan.call('GET', '/send-log')).json as { entries: PublicSendLogEntry[] }).entries;
const cardM365 = async () => (await jaan.call('GET', '/card/m365')).json;

describe('the outbox as a Microsoft 365 user', () => {
  it.each<EmulatorOutage>(['temporarilyUnavailable', 'connectionRefused'])(
    'when the token refresh fails temporarily (%s), then the message waits for a retry, each attempt logged with its reason, and is sent once the identity platform is back',
    async (outage) => {
      await emulator().setOutage(outage);
      const grantsBefore = emulator().stats.refreshTokenGrants;
      const id = await submit('Arve 2026-101');

      const waiting = await eventually(
        () => read(id),
        (message) => message.status === 'queued' && message.attempts >= 2,
      );
      expect(waiting.wait?.kind === 'retry' || waiting.wait?.kind === 'due').toBe(true);
      expect(waiting.attemptLog.length).toBeGreaterThanOrEqual(2);
      for (const attempt of waiting.attemptLog) expect(attempt).toMatchObject({ result: 'failed', errorCode: 'm365Unavailable' });
      const logged = (await sendLog()).filter((entry) => entry.messageId === waiting.messageId);
      expect(logged.length).toBeGreaterThanOrEqual(2);
      // A refusal before any connection, as the test mail's: the send log words it from its code.
      for (const entry of logged) expect(entry).toMatchObject({ kind: 'send', result: 'refused', errorCode: 'm365Unavailable' });
      expect(m365Smtp().authAttempts()).toEqual([]);
      // Each attempt asked for a refresh: a 503 reaches the emulator, a refused connection does not.
      const refreshes = emulator().stats.refreshTokenGrants - grantsBefore;
      if (outage === 'temporarilyUnavailable') expect(refreshes).toBeGreaterThanOrEqual(2);
      else expect(refreshes).toBe(0);
      expect(await cardM365()).toMatchObject({ connected: true, needsReauthentication: false });

      await emulator().setOutage(null);
      const sent = await eventually(
        () => read(id),
        (message) => message.status === 'sent',
      );

      expect(sent.attemptLog.at(-1)).toMatchObject({ result: 'sent' });
      expect(sent.attempts).toBe(sent.attemptLog.length);
      await m365Smtp().waitForMail((mail) => mail.headers.messageId === sent.messageId);
      expect(arrivals(m365Smtp()).get(sent.messageId)).toBe(1);
      expect(m365Smtp().received()).toHaveLength(1);
      expect(m365Smtp().received()[0]).toMatchObject({ authMethod: 'XOAUTH2', authUser: MAILBOX.email });
    },
  );

  it('when the refresh is answered invalid_grant, then the message fails after one attempt with the re-authentication diagnosis, and the card needs re-authentication', async () => {
    emulator().revokeGrants(MAILBOX.email);
    const id = await submit('Arve 2026-102');

    const failed = await eventually(
      () => read(id),
      (message) => message.status === 'failed',
    );

    expect(failed).toMatchObject({ attempts: 1, failureClass: 'm365ReauthRequired', wait: null });
    expect(failed.attemptLog).toEqual([expect.objectContaining({ result: 'failed', errorCode: 'm365ReauthRequired' })]);
    const logged = (await sendLog()).filter((entry) => entry.messageId === failed.messageId);
    expect(logged).toEqual([expect.objectContaining({ result: 'refused', errorCode: 'm365ReauthRequired' })]);
    expect(await cardM365()).toMatchObject({ connected: true, needsReauthentication: true, reauthReason: 'AADSTS50173' });
    expect(m365Smtp().authAttempts()).toEqual([]);
    expect(m365Smtp().received()).toEqual([]);
    // Failed for good: no later attempt.
    await new Promise((resolve) => setTimeout(resolve, 5 * FAST_OUTBOX.pollMs!));
    expect((await read(id)).attempts).toBe(1);
  });
});
