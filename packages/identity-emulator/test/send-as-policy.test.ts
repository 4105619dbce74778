import type { ReceivedMail } from '@saatja/local-servers';
import { describe, expect, it } from 'vitest';
import { createSendAsPolicy } from '../src';

const MAILBOX = 'jaan@firma.onmicrosoft.com';

function mail(authUser: string | null, envelopeFrom: string, fromAddress: string | null): ReceivedMail {
  return {
    id: 1,
    envelope: { from: envelopeFrom, to: ['x@example.test'] },
    authUser,
    authMethod: authUser ? 'XOAUTH2' : null,
    secure: true,
    tlsProtocol: 'TLSv1.3',
    receivedAt: new Date(0).toISOString(),
    raw: '',
    headers: { from: fromAddress, fromAddress, to: null, subject: null, replyTo: null, sender: null, messageId: null },
    text: null,
  };
}

describe('sendAsPolicy (Exchange Online without Send As rights)', () => {
  it.each([
    ['the mailbox itself', MAILBOX, MAILBOX],
    ['the mailbox in other letter case', MAILBOX, 'Jaan@Firma.onmicrosoft.com'],
  ])('when From is %s, then the message is accepted', (_case, envelopeFrom, fromAddress) => {
    expect(createSendAsPolicy().check(mail(MAILBOX, envelopeFrom, fromAddress))).toBeNull();
  });

  it.each([
    ['the header From is another address', MAILBOX, 'jaan@firma.ee'],
    ['the envelope sender is another address', 'jaan@firma.ee', MAILBOX],
  ])('when %s, then it answers 554 5.2.252 SendAsDenied naming both', (_case, envelopeFrom, fromAddress) => {
    const reply = createSendAsPolicy().check(mail(MAILBOX, envelopeFrom, fromAddress));
    expect(reply).toMatchObject({ responseCode: 554 });
    expect(reply?.message).toMatch(/^5\.2\.252 SendAsDenied; jaan@firma\.onmicrosoft\.com not allowed to send as jaan@firma\.ee;/);
  });

  it('when nobody logged in, then it does not judge the sender', () => {
    expect(createSendAsPolicy().check(mail(null, 'jaan@firma.ee', 'jaan@firma.ee'))).toBeNull();
  });

  it('when the mailbox was given Send As rights for the address, then the message is accepted', () => {
    const policy = createSendAsPolicy();
    policy.grant(MAILBOX, 'jaan@firma.ee');
    expect(policy.check(mail(MAILBOX, 'jaan@firma.ee', 'Jaan@firma.ee'))).toBeNull();
    expect(policy.check(mail(MAILBOX, 'mari@firma.ee', 'mari@firma.ee'))).toMatchObject({ responseCode: 554 });
  });
});
