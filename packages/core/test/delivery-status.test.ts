import { describe, expect, it } from 'vitest';
import { parseDeliveryStatus, type RecipientReport } from '../src/events/delivery-status';

const POSTFIX = `Reporting-MTA: dns; mx.example.com
X-Postfix-Queue-ID: 4ZK1x23abc
X-Postfix-Sender: rfc822; ounapuupoderou@event.data.directo.ee
Arrival-Date: Mon,  2 Mar 2026 10:00:00 +0200 (EET)

Final-Recipient: rfc822; nobody@example.com
Original-Recipient: rfc822;nobody@example.com
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx2.example.com
Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.com>: Recipient address
    rejected: User unknown in local recipient table
`;

const GMAIL_TWO_RECIPIENTS = `Reporting-MTA: dns; googlemail.com
Arrival-Date: Mon, 02 Mar 2026 01:02:03 -0800 (PST)

Final-Recipient: rfc822; gone@gmail.com
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does
 not exist. https://support.google.com/mail/?p=NoSuchUser

Final-Recipient: rfc822; full@gmail.com
Action: failed
Status: 5.2.2
Remote-MTA: dns; gmail-smtp-in.l.google.com. (142.250.1.27, the server for the domain gmail.com.)
Diagnostic-Code: smtp; 552-5.2.2 The recipient's inbox is out of storage space.

Final-Recipient: rfc822; slow@example.org
Action: delayed (will retry)
Status: 4.4.1 (connection timed out)
Will-Retry-Until: Thu, 5 Mar 2026 01:02:03 -0800
`;

const base: RecipientReport = { recipient: null, action: null, status: null, diagnostic: null, remoteMta: null };

describe('parseDeliveryStatus', () => {
  it('when Postfix reports one unknown recipient, then its fields come back unfolded and without address types', () => {
    expect(parseDeliveryStatus(POSTFIX)).toEqual([
      {
        recipient: 'nobody@example.com',
        action: 'failed',
        status: '5.1.1',
        diagnostic: '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table',
        remoteMta: 'mx2.example.com',
      },
    ]);
  });

  it('when a report names three recipients, then each becomes a report of its own, comments dropped', () => {
    const reports = parseDeliveryStatus(GMAIL_TWO_RECIPIENTS);
    expect(reports.map(({ recipient, action, status }) => ({ recipient, action, status }))).toEqual([
      { recipient: 'gone@gmail.com', action: 'failed', status: '5.1.1' },
      { recipient: 'full@gmail.com', action: 'failed', status: '5.2.2' },
      { recipient: 'slow@example.org', action: 'delayed', status: '4.4.1' },
    ]);
    expect(reports[0]?.diagnostic).toBe(
      '550-5.1.1 The email account that you tried to reach does not exist. https://support.google.com/mail/?p=NoSuchUser',
    );
  });

  it.each<[string, string, Partial<RecipientReport>]>([
    ['only an Original-Recipient', 'Original-Recipient: rfc822; <a@b.ee>\nAction: FAILED', { recipient: 'a@b.ee', action: 'failed' }],
    [
      'a vague status and a precise diagnostic',
      'Final-Recipient: rfc822; a@b.ee\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: X-Postfix; 550 5.1.1 unknown user',
      { recipient: 'a@b.ee', action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 unknown user' },
    ],
    ['an unknown action', 'Final-Recipient: rfc822; a@b.ee\nAction: bounced', { recipient: 'a@b.ee' }],
    [
      'no address type',
      'Final-Recipient: a@b.ee\nAction: delivered\nStatus: 2.0.0',
      { recipient: 'a@b.ee', action: 'delivered', status: '2.0.0' },
    ],
    [
      'a UTF-8 address with xtext escapes',
      'Final-Recipient: utf-8; j\\x{FC}ri@n\\x{E4}ide.ee\nAction: failed',
      { recipient: 'jüri@näide.ee', action: 'failed' },
    ],
    [
      'a control character smuggled as xtext',
      'Final-Recipient: utf-8; a\\x{0D}\\x{0A}b@c.ee\nAction: failed',
      { recipient: 'ab@c.ee', action: 'failed' },
    ],
    [
      'a diagnostic without a type but with a semicolon',
      'Final-Recipient: rfc822; a@b.ee\nAction: failed\nDiagnostic-Code: 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
      { recipient: 'a@b.ee', action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found' },
    ],
    ['an empty recipient', 'Final-Recipient: rfc822;\nAction: failed', { action: 'failed' }],
  ])('when a group has %s, then it reads as expected', (_case, text, expected) => {
    expect(parseDeliveryStatus(text)).toEqual([{ ...base, ...expected }]);
  });

  it('when the text has no per-recipient group, then there are no reports', () => {
    expect(parseDeliveryStatus('Reporting-MTA: dns; mx.example.com\n')).toEqual([]);
    expect(parseDeliveryStatus('')).toEqual([]);
  });

  it('when a diagnostic is endless, then it is clipped to 1000 characters', () => {
    const [report] = parseDeliveryStatus(`Final-Recipient: rfc822; a@b.ee\nAction: failed\nDiagnostic-Code: smtp; 550 ${'x'.repeat(5000)}`);
    expect(report?.diagnostic).toHaveLength(1000);
    expect(report?.diagnostic?.endsWith('…')).toBe(true);
  });
});
