import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { ReceivedMail } from './types';

/** The relay accepts mail for these recipients and then reports it undeliverable, as a real relay does. */
export interface BounceOptions {
  /** Recipients the next hop "rejects", compared case-insensitively. */
  recipients: readonly string[];
  /**
   * Where the delivery status notification goes by SMTP: the MX of the envelope sender's domain,
   * in tests Saatja's inbound listener. Asked at every bounce, so it may be known only later.
   * `to`: the DSN's recipient when not the envelope sender — a mailbox that forwards its bounces
   * (to Saatja's event mailbox, say).
   */
  deliverTo: () => { host: string; port: number; to?: string };
  /** Enhanced status code; default 5.1.1 (unknown mailbox). */
  status?: string;
  /** The next hop's reply text after the codes; default Postfix's "Recipient address rejected". */
  reason?: string;
}

/** One DSN the relay sent, or tried to. */
export interface BounceRecord {
  to: string;
  recipients: string[];
  ok: boolean;
  error: string | null;
}

/** ms; a bounce to a listener that is gone should not hold a test's close() for long. */
const BOUNCE_TIMEOUT_MS = 5_000;

export interface DsnInput {
  reportingMta: string;
  envelopeFrom: string;
  recipients: readonly string[];
  status: string;
  reason: string;
  /** The returned message's header block. */
  originalHeaders: string;
  arrivalDate: Date;
}

const smtpReply = (input: DsnInput, rcpt: string) => `550 ${input.status} <${rcpt}>: ${input.reason}`;

/** The human-readable part, in Postfix's words. */
function notice(input: DsnInput): string[] {
  return [
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `This is the mail system at host ${input.reportingMta}.`,
    '',
    "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
    '',
    ...input.recipients.map((rcpt) => `<${rcpt}>: host next-hop.invalid said: ${smtpReply(input, rcpt)}\r\n`),
  ];
}

/** The message/delivery-status part: per-message fields, then a group per recipient. */
function report(input: DsnInput): string[] {
  const perRecipient = input.recipients.map((rcpt) =>
    [
      `Final-Recipient: rfc822; ${rcpt}`,
      `Original-Recipient: rfc822;${rcpt}`,
      'Action: failed',
      `Status: ${input.status}`,
      `Diagnostic-Code: smtp; ${smtpReply(input, rcpt)}`,
      '',
    ].join('\r\n'),
  );
  return [
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${input.reportingMta}`,
    `Arrival-Date: ${input.arrivalDate.toUTCString()}`,
    '',
    ...perRecipient,
  ];
}

/** A Postfix-like RFC 3464 report: notice, delivery-status and the returned message's headers. */
export function composeDsn(input: DsnInput): string {
  const boundary = `dsn-${randomUUID()}`;
  const headers = [
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    input.originalHeaders.trimEnd(),
    '',
  ];
  return [
    `From: Mail Delivery System <MAILER-DAEMON@${input.reportingMta}>`,
    `To: <${input.envelopeFrom}>`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${input.arrivalDate.toUTCString()}`,
    `Message-ID: <${randomUUID()}@${input.reportingMta}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    ...[notice(input), report(input), headers].flatMap((part) => [`--${boundary}`, ...part]),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** The recipients of `mail` that bounce; none for a bounce itself (null sender), so bounces never loop. */
export function bouncedRecipients(options: BounceOptions, mail: ReceivedMail): string[] {
  if (mail.envelope.from === '') return [];
  const bouncing = new Set(options.recipients.map((address) => address.toLowerCase()));
  return mail.envelope.to.filter((address) => bouncing.has(address.toLowerCase()));
}

/** Send the DSN for `recipients` of `mail` to the envelope sender, from the null sender. */
export async function sendBounce(
  options: BounceOptions,
  mail: ReceivedMail,
  recipients: string[],
  reportingMta: string,
): Promise<BounceRecord> {
  const { host, port, to = mail.envelope.from } = options.deliverTo();
  const record = { to, recipients };
  // Like MTA-to-MX delivery without MTA-STS: the DSN goes to a loopback listener, in plain text.
  const transport = createTransport({
    host,
    port,
    ignoreTLS: true,
    name: reportingMta,
    connectionTimeout: BOUNCE_TIMEOUT_MS,
    greetingTimeout: BOUNCE_TIMEOUT_MS,
    socketTimeout: BOUNCE_TIMEOUT_MS,
  });
  try {
    const raw = composeDsn({
      reportingMta,
      envelopeFrom: mail.envelope.from,
      recipients,
      status: options.status ?? '5.1.1',
      reason: options.reason ?? 'Recipient address rejected: User unknown in local recipient table',
      originalHeaders: mail.raw.split(/\r?\n\r?\n/)[0] ?? '',
      arrivalDate: new Date(mail.receivedAt),
    });
    await transport.sendMail({ envelope: { from: '', to: [to] }, raw });
    return { ...record, ok: true, error: null };
  } catch (error) {
    return { ...record, ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    transport.close();
  }
}

/** Bounces after each accepted mail, keeping their records; `settled` waits for those under way. */
export function createBouncer(options: BounceOptions | undefined, reportingMta: string) {
  const records: BounceRecord[] = [];
  const pending = new Set<Promise<void>>();
  return {
    /** Call once the mail was accepted (250): a relay reports failures of later hops afterwards. */
    after(mail: ReceivedMail): void {
      const recipients = options ? bouncedRecipients(options, mail) : [];
      if (!options || recipients.length === 0) return;
      const sending = sendBounce(options, mail, recipients, reportingMta).then((record) => {
        records.push(record);
        pending.delete(sending);
      });
      pending.add(sending);
    },
    records: (): readonly BounceRecord[] => [...records],
    settled: async (): Promise<void> => {
      await Promise.all(pending);
    },
  };
}
