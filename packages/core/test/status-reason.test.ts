import { describe, expect, it } from 'vitest';
import { explainStatus, refineStatus, type BounceReason } from '../src/events/status-reason';

describe('explainStatus', () => {
  it.each<[string | null, BounceReason]>([
    ['5.1.1', 'unknownMailbox'],
    ['5.1.10', 'unknownMailbox'],
    ['5.1.6', 'unknownMailbox'],
    ['5.1.2', 'unknownDomain'],
    ['5.1.3', 'badAddress'],
    ['5.2.1', 'mailboxDisabled'],
    ['5.2.2', 'mailboxFull'],
    ['5.2.0', 'mailboxUnavailable'],
    ['5.2.3', 'messageTooLarge'],
    ['5.3.4', 'messageTooLarge'],
    ['5.3.0', 'recipientSystem'],
    ['5.4.4', 'routing'],
    ['5.4.7', 'expired'],
    ['5.5.0', 'protocol'],
    ['5.6.0', 'content'],
    ['5.7.1', 'rejectedPolicy'],
    ['5.7.606', 'rejectedPolicy'],
    ['5.7.23', 'senderNotAuthenticated'],
    ['5.7.25', 'senderNotAuthenticated'],
    ['5.7.26', 'senderNotAuthenticated'],
    ['5.0.0', 'permanent'],
    ['5.9.9', 'permanent'],
    ['4.2.2', 'delayed'],
    ['4.4.7', 'delayed'],
    ['2.0.0', 'delivered'],
    [null, 'unknown'],
    ['', 'unknown'],
    ['550', 'unknown'],
    ['3.1.1', 'unknown'],
    ['5.1.1 trailing', 'unknown'],
  ])('when the status is %j, then the reason is %s', (status, reason) => {
    expect(explainStatus(status)).toBe(reason);
  });
});

describe('refineStatus', () => {
  it.each<[string | null, string | null, string | null]>([
    ['5.1.1', '550 5.7.1 policy', '5.1.1'],
    ['5.0.0', '550 5.1.1 <x@y.ee>: User unknown', '5.1.1'],
    ['5.0.0', '550 4.2.2 mailbox busy', '5.0.0'],
    ['5.0.0', '550 5.0.0 nothing more', '5.0.0'],
    ['4.0.0', '451 4.7.1 greylisted, try later', '4.7.1'],
    [null, 'host 10.5.1.1 said: 552 5.2.2 over quota', '5.2.2'],
    [null, 'said 550 5.0.0 go away', '5.0.0'],
    [null, 'no code at 192.0.2.1', null],
    [null, null, null],
    ['5.0.0', null, '5.0.0'],
  ])('when the status is %j and the diagnostic %j, then the status is %j', (status, diagnostic, expected) => {
    expect(refineStatus(status, diagnostic)).toBe(expected);
  });
});
