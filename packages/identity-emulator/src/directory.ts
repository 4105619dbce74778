import { createHash } from 'node:crypto';
import type { EmulatorMailbox } from './types';

export interface MailboxRecord {
  /** As configured; becomes upn / preferred_username. */
  email: string;
  password: string;
  name: string;
  oid: string;
  authenticatedSmtp: boolean;
  /** ms since epoch; grants made before it are revoked (Microsoft's TokensValidFrom). */
  tokensValidFrom: number | null;
}

export interface Directory {
  /** Case-insensitive, like Microsoft's user lookup. */
  find(email: string): MailboxRecord | undefined;
  /** For the test knobs: an unknown address is a bug in the test, so it throws. */
  get(email: string): MailboxRecord;
}

export function createDirectory(mailboxes: EmulatorMailbox[]): Directory {
  const byEmail = new Map<string, MailboxRecord>();
  for (const mailbox of mailboxes) {
    const key = mailbox.email.toLowerCase();
    if (byEmail.has(key)) throw new Error(`identity emulator: mailbox ${mailbox.email} is listed twice`);
    byEmail.set(key, {
      email: mailbox.email,
      password: mailbox.password,
      name: mailbox.name,
      oid: stableObjectId(mailbox.email),
      authenticatedSmtp: mailbox.authenticatedSmtp ?? true,
      tokensValidFrom: null,
    });
  }
  const find = (email: string) => byEmail.get(email.trim().toLowerCase());
  return {
    find,
    get(email) {
      const record = find(email);
      if (!record) throw new Error(`identity emulator: no mailbox ${email}`);
      return record;
    },
  };
}

/**
 * A GUID derived from the address (name-based, UUID version 5 layout), so an account keeps its
 * object id, and msal its cache keys, across emulator restarts.
 */
export function stableObjectId(email: string): string {
  const bytes = createHash('sha256').update(`saatja-identity-emulator:oid:${email.toLowerCase()}`).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
