import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeNdr, eightBitQuotedPrintableDsn, gmailMultiRecipientDsn, postfixDsn } from './support/dsn-messages';
import { eventsOf, JAAN, MAILBOX, MARI, sendAsEventMailbox, signedIn, type Client } from './support/events-setup';
import { deliverRaw, failureOf } from './support/inbound-client';
import { startTestStack, type TestStack } from './support/stack';
import { bareTextBounce, humanReply, qmailBounce } from './support/text-bounces';

let stack: TestStack;
let jaan: Client;
let messageId: string;

beforeEach(async () => {
  stack = await startTestStack();
  jaan = await signedIn(stack.url, JAAN.code, JAAN.password);
  messageId = await sendAsEventMailbox(jaan, JAAN);
});

afterEach(async () => {
  await stack.close();
});

const deliver = (raw: string | Buffer) => deliverRaw(stack.inboundPort, { to: MAILBOX, raw });
const sentToJaan = { sent: expect.objectContaining({ kind: 'test', recipient: JAAN.email }), user: { code: 'JAAN', name: JAAN.name } };

describe('delivery status notifications over SMTP', () => {
  it('when Postfix returns an RFC 3464 report, then one bounce names the recipient, 5.1.1 in plain words and the message it is about', async () => {
    await deliver(postfixDsn(messageId, MAILBOX));

    expect(await eventsOf(jaan)).toEqual([
      expect.objectContaining({
        kind: 'bounce',
        recipient: 'nobody@example.com',
        action: 'failed',
        status: '5.1.1',
        reason: 'unknownMailbox',
        diagnostic: '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown',
        remoteMta: 'mx2.example.com',
        originalMessageId: messageId,
        sent: expect.objectContaining({ kind: 'test', recipient: JAAN.email }),
        user: { code: 'JAAN', name: JAAN.name },
      }),
    ]);
  });

  it('when Gmail reports three recipients in one report, then each is an event: two bounces and a delay', async () => {
    await deliver(gmailMultiRecipientDsn(messageId, MAILBOX));

    const events = await eventsOf(jaan);
    expect(
      events
        .map(({ kind, recipient, status, reason }) => ({ kind, recipient, status, reason }))
        .sort((a, b) => String(a.recipient).localeCompare(String(b.recipient))),
    ).toEqual([
      { kind: 'bounce', recipient: 'full@gmail.com', status: '5.2.2', reason: 'mailboxFull' },
      { kind: 'bounce', recipient: 'gone@gmail.com', status: '5.1.1', reason: 'unknownMailbox' },
      { kind: 'delay', recipient: 'slow@example.org', status: '4.4.1', reason: 'delayed' },
    ]);
    expect(events.every((event) => event.originalMessageId === messageId)).toBe(true);
  });

  it('when Exchange Online returns an NDR with a base64 report and headers only, then its 5.1.10 is an unknown mailbox of this message', async () => {
    await deliver(exchangeNdr(messageId, MAILBOX));

    expect(await eventsOf(jaan)).toEqual([
      expect.objectContaining({
        ...sentToJaan,
        kind: 'bounce',
        recipient: 'lost@firma.example',
        status: '5.1.10',
        reason: 'unknownMailbox',
        originalMessageId: messageId,
      }),
    ]);
  });

  it('when a report comes in 8bit with a quoted-printable delivery status, then its soft breaks and =3D are decoded', async () => {
    await deliver(eightBitQuotedPrintableDsn(messageId, MAILBOX));

    expect(await eventsOf(jaan)).toEqual([
      expect.objectContaining({
        ...sentToJaan,
        kind: 'bounce',
        recipient: 'juri@kliendifirma.example',
        status: '5.7.1',
        reason: 'rejectedPolicy',
        diagnostic: '550 5.7.1 Message rejected as spam by Content Filtering (score=12.4)',
      }),
    ]);
  });
});

describe('other bounces and replies over SMTP', () => {
  it('when qmail returns a plain-text bounce with a copy of the message, then the failure is matched by the copied Message-ID', async () => {
    await deliver(qmailBounce(messageId, MAILBOX));

    expect(await eventsOf(jaan)).toEqual([
      expect.objectContaining({
        ...sentToJaan,
        kind: 'bounce',
        recipient: 'nobody@qmail.example',
        status: '5.1.1',
        reason: 'unknownMailbox',
        originalMessageId: messageId,
      }),
    ]);
  });

  it('when a bounce returns nothing of the message, then its event is unmatched and only admins see it', async () => {
    await deliver(bareTextBounce(MAILBOX));

    expect(await eventsOf(jaan)).toEqual([]);
    const admin = await signedIn(stack.url, MARI.code, MARI.password);
    expect(await eventsOf(admin)).toEqual([
      expect.objectContaining({
        kind: 'bounce',
        recipient: 'ghost@old.example',
        status: '5.1.1',
        user: null,
        sent: null,
        originalMessageId: null,
      }),
    ]);
  });

  it('when a person replies to the event mailbox, then a reply event is matched by In-Reply-To', async () => {
    await deliverRaw(stack.inboundPort, { from: 'mari@kliendifirma.example', to: MAILBOX, raw: humanReply(messageId, MAILBOX) });

    expect(await eventsOf(jaan)).toEqual([
      expect.objectContaining({
        ...sentToJaan,
        kind: 'reply',
        from: 'mari@kliendifirma.example',
        subject: 'Re: Arve 2026-17',
        recipient: null,
        reason: null,
      }),
    ]);
  });

  it('when a message arrives for the mailbox in other letter case, then it is accepted and stored as received', async () => {
    const raw = eightBitQuotedPrintableDsn(messageId, MAILBOX);
    await deliverRaw(stack.inboundPort, { to: MAILBOX.toUpperCase(), raw });

    const stored = await stack.bff.db.selectFrom('inbound_messages').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ envelope_from: '', size_bytes: raw.length });
    expect(stored[0]!.envelope_to.toLowerCase()).toBe(MAILBOX);
    expect(Buffer.compare(Buffer.from(stored[0]!.raw!), raw)).toBe(0);
  });
});

describe('what the listener refuses', () => {
  it('when mail comes for another address, then RCPT is refused with 550 5.1.1 and nothing is stored', async () => {
    const error = await failureOf(
      deliverRaw(stack.inboundPort, { to: 'someone@event.data.directo.ee', raw: postfixDsn(messageId, MAILBOX) }),
    );

    expect(error).toMatchObject({ code: 'EENVELOPE', responseCode: 550 });
    expect(error.response).toMatch(/^550 5\.1\.1 /);
    expect(await stack.bff.db.selectFrom('inbound_messages').select('id').execute()).toEqual([]);
  });

  it('when a message is larger than 1 MiB, then it is refused with 552 and nothing is stored', async () => {
    const huge = `${postfixDsn(messageId, MAILBOX)}\r\n${'x'.repeat(998)}\r\n`.repeat(1100);

    const error = await failureOf(deliver(huge));

    expect(error).toMatchObject({ responseCode: 552 });
    expect(await stack.bff.db.selectFrom('inbound_messages').select('id').execute()).toEqual([]);
  });

  it('when the message cannot be stored, then the sender gets a temporary 451 to try again later', async () => {
    await sql`drop table events`.execute(stack.bff.db);

    const error = await failureOf(deliver(postfixDsn(messageId, MAILBOX)));

    expect(error).toMatchObject({ responseCode: 451 });
    expect(error.response).toMatch(/^451 4\.3\.0 /);
    expect(await stack.bff.db.selectFrom('inbound_messages').select('id').execute()).toEqual([]);
  });
});
