import type { InboundMessage } from '@saatja/core';
import type { Attachment, HeaderValue } from 'mailparser';

/** RFC 3464 reports, and their RFC 6533 (internationalized) twin. */
const STATUS_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);
/** The returned message, whole or headers only. */
const ORIGINAL_PARTS = new Set(['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/global-headers']);

const partOf = (attachments: Attachment[], types: ReadonlySet<string>) =>
  attachments.find((part) => types.has(part.contentType.toLowerCase()))?.content.toString('utf8') ?? null;

function headerText(value: HeaderValue | undefined): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string') return value.value;
  return null;
}

/**
 * MIME decoding of a message to the event mailbox: transfer encodings and charsets undone, the
 * report's parts picked out. `keepDeliveryStatus` makes mailparser hand the delivery-status part
 * over as a part of its own instead of appending it to the text.
 */
export async function readInbound(raw: Buffer, envelopeFrom: string): Promise<InboundMessage> {
  // mailparser and its charset tables (~20 MB resident) load with the first inbound message, not at start.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { keepDeliveryStatus: true, skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const references = mail.references;
  return {
    envelopeFrom,
    from: mail.from?.value[0]?.address ?? null,
    subject: mail.subject ?? null,
    autoSubmitted: headerText(mail.headers.get('auto-submitted')),
    inReplyTo: mail.inReplyTo ?? null,
    references: Array.isArray(references) ? references.join(' ') : (references ?? null),
    deliveryStatus: partOf(mail.attachments, STATUS_PARTS),
    originalHeaders: partOf(mail.attachments, ORIGINAL_PARTS),
    text: mail.text ?? null,
  };
}
