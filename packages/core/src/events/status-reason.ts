/** Plain-words explanations of a delivery status; the web translates each key. */
export const bounceReasons = [
  'unknownMailbox',
  'unknownDomain',
  'badAddress',
  'mailboxDisabled',
  'mailboxFull',
  'mailboxUnavailable',
  'messageTooLarge',
  'rejectedPolicy',
  'senderNotAuthenticated',
  'routing',
  'expired',
  'recipientSystem',
  'content',
  'protocol',
  'permanent',
  'delayed',
  'delivered',
  'unknown',
] as const;
export type BounceReason = (typeof bounceReasons)[number];

/** Codes that say more than their subject class (RFC 3463 plus the common vendor extensions). */
const BY_CODE: Record<string, BounceReason> = {
  '5.1.1': 'unknownMailbox',
  '5.1.6': 'unknownMailbox', // mailbox has moved
  '5.1.10': 'unknownMailbox', // Microsoft: recipient not found by SMTP address lookup
  '5.1.2': 'unknownDomain',
  '5.2.1': 'mailboxDisabled',
  '5.2.2': 'mailboxFull',
  '5.2.3': 'messageTooLarge',
  '5.3.4': 'messageTooLarge',
  '5.4.7': 'expired',
  '5.7.23': 'senderNotAuthenticated', // SPF
  '5.7.25': 'senderNotAuthenticated', // PTR
  '5.7.26': 'senderNotAuthenticated', // DMARC / unauthenticated sender
};

const BY_SUBJECT: Record<string, BounceReason> = {
  '5.1': 'badAddress',
  '5.2': 'mailboxUnavailable',
  '5.3': 'recipientSystem',
  '5.4': 'routing',
  '5.5': 'protocol',
  '5.6': 'content',
  '5.7': 'rejectedPolicy',
};

const BY_CLASS: Record<string, BounceReason> = { '2': 'delivered', '4': 'delayed', '5': 'permanent' };

const STATUS = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

/** The explanation of an RFC 3463 enhanced status code, most specific first. */
export function explainStatus(status: string | null): BounceReason {
  const match = status === null ? null : STATUS.exec(status);
  if (!match) return 'unknown';
  const [, klass = '', subject = ''] = match;
  if (klass !== '5') return BY_CLASS[klass] ?? 'unknown';
  return BY_CODE[status!] ?? BY_SUBJECT[`${klass}.${subject}`] ?? 'permanent';
}

/** Enhanced status codes anywhere in a text, e.g. "550 5.1.1 <x@y>: …" or "#5.1.1"; not inside IPs. */
export const ENHANCED_STATUS = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/g;

/**
 * The Status field, unless it is the vague x.0.0 and the diagnostic names a code of the same
 * class: "Status: 5.0.0" with "550 5.1.1 … User unknown" is a 5.1.1.
 */
export function refineStatus(status: string | null, diagnostic: string | null): string | null {
  if (status !== null && !/^\d\.0\.0$/.test(status)) return status;
  const found = diagnostic ? [...diagnostic.matchAll(ENHANCED_STATUS)].map((match) => match[0]) : [];
  const specific = found.find((code) => (status === null || code[0] === status[0]) && !code.endsWith('.0.0'));
  return specific ?? status ?? found[0] ?? null;
}
