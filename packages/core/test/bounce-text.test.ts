import { describe, expect, it } from 'vitest';
import { parseBounceText, splitReturnedCopy, type TextBounce } from '../src/events/bounce-text';
import { EXCHANGE_LEGACY, EXIM, POSTFIX_PLAIN, QMAIL } from './bounce-samples';

const MAILBOX = 'ounapuupoderou@event.data.directo.ee';
const bouncesOf = (text: string) => parseBounceText(splitReturnedCopy(text).notice, [MAILBOX]);

describe('parseBounceText', () => {
  it.each<[string, string, TextBounce[]]>([
    [
      'qmail',
      QMAIL,
      [
        {
          recipient: 'nobody@example.com',
          status: '5.1.1',
          diagnostic: 'Remote host said: 550 5.1.1 <nobody@example.com>... User unknown Giving up on 192.0.2.1.',
        },
      ],
    ],
    [
      'Exim, two recipients, one with a basic code only',
      EXIM,
      [
        { recipient: 'full@example.net', status: '5.2.2', diagnostic: '552 5.2.2 <full@example.net>: Mailbox full' },
        { recipient: 'gone@example.net', status: '5.0.0', diagnostic: '550 No such user here' },
      ],
    ],
    [
      'Postfix without a DSN part',
      POSTFIX_PLAIN,
      [
        {
          recipient: 'nobody@example.com',
          status: '5.1.1',
          diagnostic:
            '<nobody@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)',
        },
      ],
    ],
    [
      'old Exchange, the address named a paragraph before its code',
      EXCHANGE_LEGACY,
      [
        {
          recipient: 'lost@firma.example',
          status: '5.1.1',
          diagnostic: '<mail.firma.example #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found>',
        },
      ],
    ],
  ])('when the bounce is %s, then its failures are read', (_mta, text, expected) => {
    expect(bouncesOf(text)).toEqual(expected);
  });

  it('when a paragraph has a code but no address was named, then the recipient is unknown', () => {
    expect(parseBounceText('Delivery failed.\n\n451 4.4.1 connection timed out', [])).toEqual([
      { recipient: null, status: '4.4.1', diagnostic: '451 4.4.1 connection timed out' },
    ]);
  });

  it('when only ignored addresses and harmless numbers appear, then nothing is reported', () => {
    const text = `Mail from ${MAILBOX.toUpperCase()} via 192.0.2.1 at 10:45, 2026.\n\n250 2.0.0 Ok: queued`;
    expect(parseBounceText(text, [MAILBOX])).toEqual([]);
  });
});

describe('splitReturnedCopy', () => {
  it('when the bounce returns a copy, then the copy starts at its first header', () => {
    expect(splitReturnedCopy(QMAIL).copy).toMatch(/^Return-Path: <ounapuupoderou@/);
    expect(splitReturnedCopy(EXCHANGE_LEGACY).copy).toMatch(/^Message-ID: <exchange-original@/);
  });

  it('when there is no copy, then the whole text is the notice', () => {
    expect(splitReturnedCopy(POSTFIX_PLAIN)).toEqual({ notice: POSTFIX_PLAIN, copy: null });
  });
});
