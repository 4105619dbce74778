import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postfixDsn } from './support/dsn-messages';
import { eventsOf, JAAN, MAILBOX, MARI, sendAsEventMailbox, signedIn, type Client } from './support/events-setup';
import { deliverRaw } from './support/inbound-client';
import { startTestStack, type TestStack } from './support/stack';
import { humanReply } from './support/text-bounces';
import { apiClient } from './support/api-client';

const BOUNCING = 'gone@kliendifirma.example';

let stack: TestStack;
let jaan: Client;
let mari: Client;

beforeEach(async () => {
  stack = await startTestStack({ bounce: [BOUNCING] });
  jaan = await signedIn(stack.url, JAAN.code, JAAN.password);
  mari = await signedIn(stack.url, MARI.code, MARI.password);
});

afterEach(async () => {
  await stack.close();
});

describe('sending in Directo-Reply-To mode', () => {
  it('when a user sends a test mail, then it goes as the event mailbox with Sender, Reply-To and a Message-ID Saatja made and logged', async () => {
    const messageId = await sendAsEventMailbox(jaan, JAAN);

    const mail = await stack.relay.waitForMail();
    expect(mail.envelope).toEqual({ from: MAILBOX, to: [JAAN.email] });
    expect(mail.headers).toMatchObject({ from: `"Jaan Tamm" <${MAILBOX}>`, sender: MAILBOX, replyTo: JAAN.email, messageId });
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@event\.data\.directo\.ee>$/);
    const log = await stack.bff.db.selectFrom('send_log').select(['message_id', 'user_id']).execute();
    expect(log).toEqual([{ message_id: messageId, user_id: expect.any(Number) }]);
  });

  it('when the card is in default mode, then no Sender is added and the Message-ID is not the event domain', async () => {
    const sent = await jaan.call('POST', '/card/test-mail', {});
    expect(sent.status).toBe(200);

    const mail = await stack.relay.waitForMail();
    expect(mail.headers.sender).toBeNull();
    expect(mail.headers.messageId).not.toContain('@event.data.directo.ee');
  });

  it('when the relay bounces the test mail, then the bounce becomes an event of the user with recipient and reason', async () => {
    const messageId = await sendAsEventMailbox(mari, MARI, BOUNCING);

    await expect
      .poll(() => eventsOf(mari), { timeout: 15_000, interval: 200 })
      .toEqual([
        expect.objectContaining({
          kind: 'bounce',
          recipient: BOUNCING,
          status: '5.1.1',
          reason: 'unknownMailbox',
          originalMessageId: messageId,
          user: { code: 'MARI', name: MARI.name },
        }),
      ]);
    expect(stack.relay.bounces()).toEqual([{ to: MAILBOX, recipients: [BOUNCING], ok: true, error: null }]);
  });
});

describe('GET /api/events', () => {
  /** Jaan's bounce, then Mari's reply, then an unmatched reply: three events, oldest first. */
  async function threeEvents() {
    const jaansMail = await sendAsEventMailbox(jaan, JAAN);
    const marisMail = await sendAsEventMailbox(mari, MARI);
    await deliverRaw(stack.inboundPort, { to: MAILBOX, raw: postfixDsn(jaansMail, MAILBOX) });
    await deliverRaw(stack.inboundPort, { from: 'a@b.example', to: MAILBOX, raw: humanReply(marisMail, MAILBOX) });
    await deliverRaw(stack.inboundPort, { from: 'a@b.example', to: MAILBOX, raw: humanReply('<unknown@elsewhere>', MAILBOX) });
  }

  it("when a user lists events, then only their own mail's events come back", async () => {
    await threeEvents();

    expect((await eventsOf(jaan)).map(({ kind, user }) => ({ kind, user }))).toEqual([
      { kind: 'bounce', user: { code: 'JAAN', name: JAAN.name } },
    ]);
  });

  it("when an admin lists events, then everyone's and the unmatched come back, newest first", async () => {
    await threeEvents();

    const events = await eventsOf(mari);
    expect(events.map(({ kind, user }) => ({ kind, code: (user as { code: string } | null)?.code ?? null }))).toEqual([
      { kind: 'reply', code: null },
      { kind: 'reply', code: 'MARI' },
      { kind: 'bounce', code: 'JAAN' },
    ]);
  });

  it('when filtered by kind or by a time since, then only matching events come back', async () => {
    await threeEvents();

    expect((await eventsOf(mari, '?kind=bounce')).map((event) => event.kind)).toEqual(['bounce']);
    expect(await eventsOf(mari, `?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect(await eventsOf(mari, `?kind=reply&since=${encodeURIComponent('2020-01-01T00:00:00+02:00')}`)).toHaveLength(2);
  });

  it('when the filter is not valid, then field errors come back', async () => {
    const response = await mari.call('GET', '/events?kind=spam&since=yesterday');
    expect(response.status).toBe(422);
    expect(response.json).toEqual({ error: { code: 'validation', fields: { kind: 'kind.invalid', since: 'since.invalid' } } });
  });

  it('when no one is signed in, then events are refused', async () => {
    expect((await apiClient(stack.url).call('GET', '/events')).status).toBe(401);
  });
});
