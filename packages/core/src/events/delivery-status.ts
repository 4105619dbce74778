import { oneLine, parseFieldGroups, type FieldGroup } from './header-fields';
import { refineStatus } from './status-reason';

/** RFC 3464 §2.3.3 actions. */
export const dsnActions = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'] as const;
export type DsnAction = (typeof dsnActions)[number];

/** One recipient's report of a delivery status notification. */
export interface RecipientReport {
  recipient: string | null;
  action: DsnAction | null;
  status: string | null;
  diagnostic: string | null;
  remoteMta: string | null;
}

/** Longest diagnostic kept, in characters; servers' replies are far shorter. */
export const MAX_DIAGNOSTIC_LENGTH = 1000;
/** Longest address kept, in characters (RFC 5321 path limit is 256 octets). */
const MAX_ADDRESS_LENGTH = 320;

/** "rfc822; a@b" → "a@b"; "utf-8; a\x{E9}@b" → "aé@b" (RFC 6533 xtext escapes). */
function typedValue(value: string | undefined): string | null {
  if (value === undefined) return null;
  // The type is an atom ("rfc822", "smtp", "X-Postfix"); a value without one is taken whole.
  const bare = oneLine(value.replace(/^\s*[a-z0-9-]+\s*;/i, ''));
  const decoded = bare.replace(/\\x\{([0-9a-f]{1,6})\}/gi, (_all, hex: string) => safeCodePoint(parseInt(hex, 16)));
  return decoded === '' ? null : decoded;
}

function safeCodePoint(code: number): string {
  return code > 0x1f && code <= 0x10ffff && code !== 0x7f ? String.fromCodePoint(code) : '';
}

const clip = (value: string | null, max: number) => (value !== null && value.length > max ? `${value.slice(0, max - 1)}…` : value);

function toAction(value: string | undefined): DsnAction | null {
  const action = value?.trim().toLowerCase().split(/[\s(]/)[0];
  return dsnActions.find((known) => known === action) ?? null;
}

function toReport(fields: FieldGroup): RecipientReport {
  const address = typedValue(fields.get('final-recipient')) ?? typedValue(fields.get('original-recipient'));
  const diagnostic = clip(typedValue(fields.get('diagnostic-code')), MAX_DIAGNOSTIC_LENGTH);
  const status = /\d\.\d{1,3}\.\d{1,3}/.exec(fields.get('status') ?? '')?.[0] ?? null;
  return {
    recipient: clip(address?.replace(/^<(.*)>$/, '$1') ?? null, MAX_ADDRESS_LENGTH),
    action: toAction(fields.get('action')),
    status: refineStatus(status, diagnostic),
    diagnostic,
    remoteMta: typedValue(fields.get('remote-mta')),
  };
}

const isRecipientGroup = (fields: FieldGroup) => fields.has('final-recipient') || fields.has('original-recipient') || fields.has('action');

/**
 * The per-recipient reports of a message/delivery-status body (RFC 3464 §2.1): a group of
 * per-message fields, then one group per recipient. Unknown fields are ignored.
 */
export function parseDeliveryStatus(text: string): RecipientReport[] {
  return parseFieldGroups(text).filter(isRecipientGroup).map(toReport);
}
