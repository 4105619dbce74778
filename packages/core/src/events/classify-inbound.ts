import { parseBounceText, splitReturnedCopy } from './bounce-text';
import { parseDeliveryStatus, type DsnAction, type RecipientReport } from './delivery-status';
import { headerBlock, messageIds, oneLine } from './header-fields';
import { explainStatus, type BounceReason } from './status-reason';

/** Event kinds: a permanent failure, a delay, a positive DSN, or a message that is no bounce. */
export const eventKinds = ['bounce', 'delay', 'delivery', 'reply'] as const;
export type EventKind = (typeof eventKinds)[number];

/** A message that arrived at the event mailbox, its MIME structure already decoded. */
export interface InboundMessage {
  /** MAIL FROM; '' is the null sender bounces come from. */
  envelopeFrom: string;
  /** Decoded From address, e.g. "mailer-daemon@mx.example.com". */
  from: string | null;
  subject: string | null;
  autoSubmitted: string | null;
  inReplyTo: string | null;
  references: string | null;
  /** Body of the message/delivery-status (or message/global-delivery-status) part. */
  deliveryStatus: string | null;
  /** Header block of the returned message (message/rfc822 or text/rfc822-headers part). */
  originalHeaders: string | null;
  /** The plain-text body, the human-readable part of a report. */
  text: string | null;
}

export interface EventDraft {
  kind: EventKind;
  recipient: string | null;
  action: DsnAction | null;
  status: string | null;
  /** null for replies. */
  reason: BounceReason | null;
  diagnostic: string | null;
  remoteMta: string | null;
  /** Replies: who wrote, and what about. */
  from: string | null;
  subject: string | null;
}

export interface Classification {
  /** Message-IDs that may name the message this one is about, most telling first. */
  originalMessageIds: string[];
  events: EventDraft[];
}

const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (status notification|failure|has failed)|returned mail|failure notice|mail delivery failed|non remis|unzustellbar|kohale toimetamata/i;

function kindOf(action: DsnAction | null, status: string | null): EventKind {
  switch (action) {
    case 'failed':
      return 'bounce';
    case 'delayed':
      return 'delay';
    case 'delivered':
    case 'relayed':
    case 'expanded':
      return 'delivery';
    case null:
      return status?.startsWith('4.') ? 'delay' : status?.startsWith('2.') ? 'delivery' : 'bounce';
  }
}

function fromReport(report: RecipientReport): EventDraft {
  const kind = kindOf(report.action, report.status);
  return { ...report, kind, reason: explainStatus(report.status), from: null, subject: null };
}

function reply(message: InboundMessage): EventDraft {
  // Lengths in characters: an address fits RFC 5321's 256 octets, a subject line a screen.
  const subject = message.subject === null ? null : oneLine(message.subject).slice(0, 300);
  const from = message.from === null ? null : oneLine(message.from).slice(0, 320);
  return { kind: 'reply', recipient: null, action: null, status: null, reason: null, diagnostic: null, remoteMta: null, from, subject };
}

function textBounces(message: InboundMessage, notice: string, mailbox: string): EventDraft[] {
  const ignore = [mailbox, ...(message.from ? [message.from] : [])];
  return parseBounceText(notice, ignore).map((bounce) => fromReport({ ...bounce, action: null, remoteMta: null }));
}

/**
 * What a message to the event mailbox (`mailbox`) means: a delivery status notification gives an
 * event per recipient it reports; a plain-text bounce gives one per failure it names; anything
 * else, auto-replies included, is a reply.
 */
export function classifyInbound(message: InboundMessage, mailbox: string): Classification {
  const { notice, copy } = splitReturnedCopy(message.text ?? '');
  const originalHeaders = message.originalHeaders ?? copy;
  const originalMessageIds = [
    ...messageIds(originalHeaders === null ? null : headerBlock(originalHeaders).get('message-id')),
    ...messageIds(message.inReplyTo),
    ...messageIds(message.references).reverse(),
  ].filter((id, index, all) => all.indexOf(id) === index);

  const reports = message.deliveryStatus === null ? [] : parseDeliveryStatus(message.deliveryStatus);
  if (reports.length > 0) return { originalMessageIds, events: reports.map(fromReport) };
  if (message.autoSubmitted?.toLowerCase().startsWith('auto-replied')) return { originalMessageIds, events: [reply(message)] };

  const looksLikeBounce = DAEMON.test(message.from ?? '') || BOUNCE_SUBJECT.test(message.subject ?? '');
  const bounces = textBounces(message, notice, mailbox);
  if (bounces.length > 0 && (looksLikeBounce || message.envelopeFrom === '')) return { originalMessageIds, events: bounces };
  if (looksLikeBounce)
    return {
      originalMessageIds,
      events: [fromReport({ recipient: null, action: 'failed', status: null, diagnostic: null, remoteMta: null })],
    };
  return { originalMessageIds, events: [reply(message)] };
}
