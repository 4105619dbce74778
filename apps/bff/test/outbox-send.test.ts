import type { PublicBatch, PublicOutboxMessageDetail } from '@saatja/core';
import { createLocalTls, startSmtpServer, type LocalSmtpServer, type ScriptedReply } from '@saatja/local-servers';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import {
  arrivals,
  batchOf,
  createToken,
  eventually,
  FAST_OUTBOX,
  JAAN_SMTP_PASSWORD,
  jaanUsesOwnServer,
  sendApi,
  setLocalServerLimits,
} from './support/outbox';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let own: LocalSmtpServer;
let api: ReturnType<typeof sendApi>;
/** Replies the own server gives to MAIL FROM, one per attempt; then it accepts. */
let script: ScriptedReply[];
/** ms the own server holds the next message's 250 after DATA (once). */
let holdNextData = 0;

const invoice = {
  user: 'JAAN',
  to: ['klient@example.ee'],
  subject: 'Arve 2026-001',
  text: 'Tere! Arve on manuses.',
  reference: 'INV-2026-001',
};

beforeEach(async () => {
  script = [];
  holdNextData = 0;
  const tls = await createLocalTls();
  own = await startSmtpServer({
    security: 'starttls',
    tls,
    users: { jaan: JAAN_SMTP_PASSWORD },
    replyToMailFrom: () => script.shift() ?? null,
    beforeDataReply: async () => {
      const ms = holdNextData;
      holdNextData = 0;
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
  });
  stack = await startTestStack({ tls, openPorts: [own.port], outbox: FAST_OUTBOX });
  await jaanUsesOwnServer(stack.url, own);
  api = sendApi(stack.url, (await createToken(stack.url)).token);
});

afterEach(async () => {
  await stack.close();
  await own.close();
});

const settled = (id: string) =>
  eventually(
    async () => (await api('GET', `/messages/${id}`)).json as unknown as PublicOutboxMessageDetail,
    (message) => message.status !== 'queued' && message.status !== 'sending',
  );

describe('the send API and the outbox', () => {
  it('when the ERP submits a message, then it is stored (202), sent through the user’s own server with its Message-ID, and logged', async () => {
    const pdf = Buffer.from('%PDF-1.4 invoice').toString('base64');
    const submitted = await api('POST', '/messages', {
      ...invoice,
      attachments: [{ filename: 'arve.pdf', contentType: 'application/pdf', contentBase64: pdf }],
    });

    expect(submitted.status).toBe(202);
    const id = submitted.json!.id as string;
    const message = await settled(id);
    expect(message).toMatchObject({ status: 'sent', attempts: 1, reference: 'INV-2026-001', user: { code: 'JAAN' } });
    const received = await own.waitForMail((mail) => mail.headers.messageId === message.messageId);
    expect(received).toMatchObject({
      authUser: 'jaan',
      secure: true,
      envelope: { to: ['klient@example.ee'] },
      headers: { subject: 'Arve 2026-001', from: expect.stringContaining('jaan@firma.ee') },
    });
    expect(received.raw).toContain('filename=arve.pdf');
    expect(message.attemptLog).toMatchObject([{ result: 'sent', transport: `localhost:${own.port} (starttls) as jaan` }]);
    const byReference = await api('GET', '/messages?reference=INV-2026-001');
    expect((byReference.json!.messages as { id: string }[]).map((m) => m.id)).toEqual([id]);
  });

  it('when the server answers 451 first and then accepts, then the message is retried and sent, with one Message-ID', async () => {
    script = [{ responseCode: 451, message: '4.7.1 Greylisted, try again later' }];
    const { json } = await api('POST', '/messages', invoice);

    const message = await settled(json!.id as string);

    expect(message).toMatchObject({ status: 'sent', attempts: 2 });
    expect(message.attemptLog.map((attempt) => attempt.result)).toEqual(['failed', 'sent']);
    expect(message.attemptLog[0]!.serverReply).toContain('451');
    expect(own.received().filter((mail) => mail.headers.messageId === message.messageId)).toHaveLength(1);
  });

  it('when the server answers 550, then the message fails after one attempt with the diagnosis', async () => {
    script = [{ responseCode: 550, message: '5.7.1 Sender not allowed' }];
    const { json } = await api('POST', '/messages', invoice);

    const message = await settled(json!.id as string);

    expect(message).toMatchObject({
      status: 'failed',
      attempts: 1,
      failureClass: expect.any(String),
      lastReply: expect.stringContaining('550'),
    });
    expect(message.attemptLog).toHaveLength(1);
    expect(own.received()).toHaveLength(0);
  });

  it('when the same Idempotency-Key is sent 100 times at once, then one message is stored and sent once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => api('POST', '/messages', invoice, { 'Idempotency-Key': 'order-42' })),
    );

    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([202]));
    const ids = new Set(answers.map((answer) => answer.json!.id));
    expect(ids.size).toBe(1);
    const message = await settled([...ids][0] as string);
    expect(message.status).toBe('sent');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(own.received()).toHaveLength(1);
  });

  it('when the key is reused with another body, then 409 and nothing new is stored', async () => {
    await api('POST', '/messages', invoice, { 'Idempotency-Key': 'order-43' });
    const again = await api('POST', '/messages', { ...invoice, subject: 'Other' }, { 'Idempotency-Key': 'order-43' });

    expect(again).toMatchObject({ status: 409, json: { error: { code: 'conflict', detail: 'idempotencyKeyReused' } } });
    expect(((await api('GET', '/messages')).json!.messages as unknown[]).length).toBe(1);
  });

  it.each([
    ['a header injection in the subject', { subject: 'Arve\r\nBcc: victim@example.ee' }, { subject: 'controlChars' }],
    ['a header injection in an address', { to: ['klient@example.ee\r\nBcc: victim@example.ee'] }, { 'to.0': 'email.invalid' }],
    ['no body', { text: undefined }, { text: 'body.required' }],
    ['an unknown user', { user: 'NOBODY' }, { user: 'user.notFound' }],
  ])('when the message has %s, then 422 names the field and nothing is stored', async (_name, change, fields) => {
    const answer = await api('POST', '/messages', { ...invoice, ...change });

    expect(answer).toMatchObject({ status: 422, json: { error: { code: 'validation', fields } } });
    expect((await api('GET', '/messages')).json!.messages).toEqual([]);
  });

  it('when a token is scoped to other users, revoked, unknown or missing, then it cannot send as JAAN', async () => {
    const scoped = sendApi(stack.url, (await createToken(stack.url, { kind: 'users', users: ['MARI'] })).token);
    expect((await scoped('POST', '/messages', invoice)).status).toBe(403);
    const revoked = await createToken(stack.url);
    const admin = apiClient(stack.url);
    await admin.signIn('MARI', 'mari-demo-2026');
    expect((await admin.call('POST', `/admin/tokens/${revoked.id}/revoke`)).status).toBe(204);
    expect((await sendApi(stack.url, revoked.token)('POST', '/messages', invoice)).status).toBe(401);
    expect((await sendApi(stack.url, 'saatja_' + 'x'.repeat(43))('POST', '/messages', invoice)).status).toBe(401);
    expect((await fetch(`${stack.url}/api/v1/messages`)).status).toBe(401);
    // Without a token the body is never read: a broken (or 20 MB) body is refused as unauthenticated.
    const unread = await fetch(`${stack.url}/api/v1/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"to":',
    });
    expect(unread.status).toBe(401);
    const listed = (await admin.call('GET', '/admin/tokens')).json as unknown as {
      id: number;
      revokedAt: string | null;
      lastUsedAt: string | null;
    }[];
    expect(listed.find((token) => token.id === revoked.id)).toMatchObject({ revokedAt: expect.any(String), lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(revoked.token);
    expect((await admin.call('GET', '/admin/audit')).text).toContain('apiToken.revoke');
  });

  it('when a send outlasts the lease while the sender backs off from a 451, then the lease is kept and the message arrives once', async () => {
    // The first message's 451 ends the sender's round; the second is then still at the server for
    // longer than a lease, and the sender waits for it before giving the connection back.
    script = [{ responseCode: 451, message: '4.7.1 Greylisted, try again later' }];
    holdNextData = FAST_OUTBOX.leaseMs! * 1.5;
    const answer = await api('POST', '/batches', batchOf(2));
    const batch = answer.json as unknown as PublicBatch;

    const done = await eventually(
      async () => (await api('GET', `/batches/${batch.id}`)).json as unknown as PublicBatch,
      (progress) => progress.counts.sent === 2,
    );
    // A message taken again after its lease ran out would arrive twice in the meantime.
    await new Promise((resolve) => setTimeout(resolve, FAST_OUTBOX.leaseMs!));

    expect(done.counts).toMatchObject({ sent: 2, failed: 0 });
    expect([...arrivals(own).values()]).toEqual([1, 1]);
  });

  it('when a queued message is cancelled, then it is not sent', async () => {
    script = Array.from({ length: 100 }, () => ({ responseCode: 451, message: '4.7.1 later' }));
    const { json } = await api('POST', '/messages', invoice);
    const id = json!.id as string;
    await eventually(
      async () => (await api('GET', `/messages/${id}`)).json!,
      (message) => (message.attempts as number) >= 1,
    );

    // While an attempt is under way the answer is 409 (notQueued); between attempts it is cancelled.
    const cancelled = await eventually(
      () => api('POST', `/messages/${id}/cancel`),
      (answer) => answer.status !== 409,
    );

    expect(cancelled.json).toMatchObject({ status: 'cancelled' });
    script = [];
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(own.received()).toHaveLength(0);
  });

  it('when a batch is paused, resumed and cancelled, then sending stops, goes on, and what was queued ends cancelled', async () => {
    // 4 a second: the batch takes seconds, and a claim holds only what the rate lets go now.
    await setLocalServerLimits(stack.url, { perSecond: 4, maxConnections: 1 });
    const submitted = await api('POST', '/batches', batchOf(30));
    const id = submitted.json!.id as string;
    const batch = async () => (await api('GET', `/batches/${id}`)).json as unknown as PublicBatch;
    await eventually(
      async () => own.received().length,
      (count) => count >= 2,
    );

    expect((await api('POST', `/batches/${id}/pause`)).json).toMatchObject({ status: 'paused' });
    // What the sender held when the batch was paused is still sent; then nothing more.
    await eventually(batch, (paused) => paused.counts.sending === 0);
    const whilePaused = own.received().length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(own.received()).toHaveLength(whilePaused);
    expect(whilePaused).toBeLessThan(30);

    expect((await api('POST', `/batches/${id}/resume`)).json).toMatchObject({ status: 'active' });
    await eventually(
      async () => own.received().length,
      (count) => count >= whilePaused + 2,
    );

    expect((await api('POST', `/batches/${id}/cancel`)).json).toMatchObject({ status: 'cancelled' });
    const ended = await eventually(batch, (cancelled) => cancelled.counts.sending === 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const arrived = own.received().length;
    expect(arrived).toBeGreaterThan(whilePaused);
    expect(ended.counts).toMatchObject({ queued: 0, sending: 0, failed: 0, sent: arrived, cancelled: 30 - arrived });
    expect([...arrivals(own).values()].every((times) => times === 1)).toBe(true);
  });

  it('when a batch is being stored, then its sender opens the connection meanwhile and sends the whole batch over it', async () => {
    await setLocalServerLimits(stack.url, { maxConnections: 1 });
    const before = own.connections().total;
    let submitted: ReturnType<typeof api> | undefined;
    await stack.bff.db.transaction().execute(async (trx) => {
      // While this lock is held the batch's rows cannot go in: the API waits in its INSERT.
      await sql`lock table outbox_messages in exclusive mode`.execute(trx);
      submitted = api('POST', '/batches', batchOf(5));
      await eventually(
        async () => own.connections().total,
        (total) => total === before + 1,
      );
      expect(own.received()).toHaveLength(0);
    });

    expect((await submitted!).status).toBe(202);
    await eventually(
      async () => own.received().length,
      (count) => count === 5,
    );
    expect(own.connections().total).toBe(before + 1);
  });

  it('when the user sends through the vendor relay, then a batch is refused: mass mail needs an own server', async () => {
    const answer = await api('POST', '/batches', { user: 'MARI', messages: [{ to: ['a@example.ee'], subject: 'x', text: 'y' }] });

    expect(answer).toMatchObject({ status: 422, json: { error: { fields: { user: 'massMail.ownServerOnly' } } } });
  });

  it('when the account is limited to 15 an hour, then the estimate warns that 400 messages take about 27 hours', async () => {
    await setLocalServerLimits(stack.url, { perHour: 15, maxConnections: 1 });

    const estimate = await api('GET', '/batches/estimate?user=JAAN&messages=400');

    expect(estimate).toMatchObject({ status: 200, json: { slow: true, massMail: true } });
    expect(Math.round((estimate.json!.seconds as number) / 3_600)).toBe(27);
    expect((await api('GET', '/batches/estimate?user=JAAN&messages=0')).status).toBe(422);
  });

  it('when the OpenAPI document is asked for, then it describes the message schema the API parses with', async () => {
    const document = (await (await fetch(`${stack.url}/api/v1/openapi.json`)).json()) as {
      openapi: string;
      components: { schemas: Record<string, { required?: string[] }> };
    };

    expect(document.openapi).toBe('3.1.0');
    expect(document.components.schemas.SubmitMessage!.required).toEqual(expect.arrayContaining(['user', 'to', 'subject']));
  });
});
