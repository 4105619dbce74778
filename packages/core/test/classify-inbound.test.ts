import { describe, expect, it } from 'vitest';
import { classifyInbound, type EventDraft, type InboundMessage } from '../src/events/classify-inbound';
import { eventMailbox } from '../src/events/event-mailbox';
import { eventsQuerySchema } from '../src/events/events-api';
import { EXIM, POSTFIX_PLAIN, QMAIL } from './bounce-samples';

const MAILBOX = eventMailbox({ companyName: 'Õunapuu & Põder OÜ', eventDomain: 'event.data.directo.ee' });

const message = (fields: Partial<InboundMessage>): InboundMessage => ({
  envelopeFrom: '',
  from: 'mailer-daemon@mx.example.com',
  subject: 'Undelivered Mail Returned to Sender',
  autoSubmitted: 'auto-replied',
  inReplyTo: null,
  references: null,
  deliveryStatus: null,
  originalHeaders: null,
  text: null,
  ...fields,
});

const none = { recipient: null, action: null, status: null, reason: null, diagnostic: null, remoteMta: null, from: null, subject: null };
const summary = (events: EventDraft[]) => events.map(({ kind, recipient, status, reason }) => ({ kind, recipient, status, reason }));

describe('classifyInbound', () => {
  it('when a DSN reports three recipients, then each is an event of the kind its action says', () => {
    const result = classifyInbound(
      message({
        deliveryStatus: [
          'Reporting-MTA: dns; mx.example.com',
          '',
          'Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1',
          'Final-Recipient: rfc822; b@example.com\nAction: delayed\nStatus: 4.4.1',
          'Final-Recipient: rfc822; c@example.com\nAction: relayed\nStatus: 2.0.0',
          'Final-Recipient: rfc822; d@example.com\nStatus: 4.2.2',
          'Final-Recipient: rfc822; e@example.com\nStatus: 2.1.5',
          'Final-Recipient: rfc822; f@example.com\nAction: unheard-of',
        ].join('\n\n'),
        originalHeaders: 'From: x@y\r\nMessage-ID: <orig-1@event.data.directo.ee>\r\n',
        inReplyTo: '<orig-1@event.data.directo.ee>',
        references: '<older@x> <parent@x>',
      }),
      MAILBOX,
    );
    expect(result.originalMessageIds).toEqual(['<orig-1@event.data.directo.ee>', '<parent@x>', '<older@x>']);
    expect(summary(result.events)).toEqual([
      { kind: 'bounce', recipient: 'a@example.com', status: '5.1.1', reason: 'unknownMailbox' },
      { kind: 'delay', recipient: 'b@example.com', status: '4.4.1', reason: 'delayed' },
      { kind: 'delivery', recipient: 'c@example.com', status: '2.0.0', reason: 'delivered' },
      { kind: 'delay', recipient: 'd@example.com', status: '4.2.2', reason: 'delayed' },
      { kind: 'delivery', recipient: 'e@example.com', status: '2.1.5', reason: 'delivered' },
      { kind: 'bounce', recipient: 'f@example.com', status: null, reason: 'unknown' },
    ]);
  });

  it.each<[string, string, string, ReturnType<typeof summary>]>([
    [
      'qmail',
      QMAIL,
      '<qmail-original@event.data.directo.ee>',
      [{ kind: 'bounce', recipient: 'nobody@example.com', status: '5.1.1', reason: 'unknownMailbox' }],
    ],
    [
      'Exim',
      EXIM,
      '<exim-original@event.data.directo.ee>',
      [
        { kind: 'bounce', recipient: 'full@example.net', status: '5.2.2', reason: 'mailboxFull' },
        { kind: 'bounce', recipient: 'gone@example.net', status: '5.0.0', reason: 'permanent' },
      ],
    ],
  ])('when a %s plain-text bounce returns a copy, then its failures are events about the copied Message-ID', (_mta, text, id, expected) => {
    const result = classifyInbound(message({ text, autoSubmitted: null }), MAILBOX);
    expect(result.originalMessageIds).toEqual([id]);
    expect(summary(result.events)).toEqual(expected);
  });

  it('when a null-sender message names a failure but has no bounce subject or daemon, then it is still a bounce', () => {
    const result = classifyInbound(
      message({ text: POSTFIX_PLAIN, from: 'robot@mx.example.com', subject: 'Notice', autoSubmitted: null }),
      MAILBOX,
    );
    expect(summary(result.events)).toEqual([
      { kind: 'bounce', recipient: 'nobody@example.com', status: '5.1.1', reason: 'unknownMailbox' },
    ]);
  });

  it('when a bounce says nothing readable, then one bounce of unknown reason is kept', () => {
    const result = classifyInbound(message({ text: 'Sorry.', autoSubmitted: null }), MAILBOX);
    expect(result.events).toEqual([{ ...none, kind: 'bounce', action: 'failed', reason: 'unknown' }]);
  });

  it('when an out-of-office reply arrives, then it is a reply even with a null sender and a code in its text', () => {
    const result = classifyInbound(
      message({
        from: 'mari@client.ee',
        subject: 'Automaatvastus: Arve',
        text: POSTFIX_PLAIN,
        inReplyTo: '<sent-7@event.data.directo.ee>',
      }),
      MAILBOX,
    );
    expect(result.originalMessageIds).toEqual(['<sent-7@event.data.directo.ee>']);
    expect(result.events).toEqual([{ ...none, kind: 'reply', from: 'mari@client.ee', subject: 'Automaatvastus: Arve' }]);
  });

  it('when a person replies to the event mailbox, then it is a reply with a one-line subject', () => {
    const result = classifyInbound(
      message({
        envelopeFrom: 'mari@client.ee',
        from: 'mari@client.ee',
        subject: 'Re: Arve\r\n 17',
        autoSubmitted: null,
        text: 'Tänan, 550 eurot on makstud.',
      }),
      MAILBOX,
    );
    expect(result.events).toEqual([{ ...none, kind: 'reply', from: 'mari@client.ee', subject: 'Re: Arve 17' }]);
  });

  it('when a reply has no subject, then its subject is empty', () => {
    const result = classifyInbound(message({ envelopeFrom: 'a@b.ee', from: null, subject: null, autoSubmitted: null }), MAILBOX);
    expect(result.events).toEqual([{ ...none, kind: 'reply' }]);
  });
});

describe('eventMailbox and eventsQuerySchema', () => {
  it('when the company has Estonian letters, then the mailbox is its folded slug at the event domain', () => {
    expect(MAILBOX).toBe('ounapuupoderou@event.data.directo.ee');
  });

  it.each<[Record<string, unknown>, boolean]>([
    [{}, true],
    [{ kind: 'bounce', since: '2026-03-02T10:00:00.000Z' }, true],
    [{ since: '2026-03-02T10:00:00+02:00' }, true],
    [{ kind: 'spam' }, false],
    [{ since: 'yesterday' }, false],
  ])('when the query is %j, then it is valid: %s', (query, valid) => {
    expect(eventsQuerySchema.safeParse(query).success).toBe(valid);
  });
});
