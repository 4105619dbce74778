import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';
import type { ReceivedMail, ReceivedMailHeaders } from './types';

/** What the SMTP session knew about a message, before its content is parsed. */
export type MailContext = Omit<ReceivedMail, 'raw' | 'headers' | 'text'>;

export async function toReceivedMail(raw: Buffer, context: MailContext): Promise<ReceivedMail> {
  const parsed = await simpleParser(raw);
  const headers: ReceivedMailHeaders = {
    from: addressText(parsed.from),
    fromAddress: firstAddress(parsed.from),
    to: addressText(parsed.to),
    subject: parsed.subject ?? null,
    replyTo: addressText(parsed.replyTo),
    // mailparser has no dedicated field for Sender; it is an address header in its map.
    sender: headerAddressText(parsed.headers.get('sender')),
    messageId: parsed.messageId ?? null,
  };
  return { ...context, raw: raw.toString('utf8'), headers, text: parsed.text ?? null };
}

/** Decoded display form, e.g. `"Saatja OÜ" <info@example.com>`; several headers are joined. */
function addressText(value: AddressObject | AddressObject[] | undefined): string | null {
  if (value === undefined) return null;
  const list = Array.isArray(value) ? value : [value];
  return list.map((address) => address.text).join(', ');
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.value[0]?.address ?? null;
}

function headerAddressText(value: HeaderValue | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'text' in value && typeof value.text === 'string') {
    return value.text;
  }
  return null;
}
