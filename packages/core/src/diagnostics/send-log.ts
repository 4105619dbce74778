import { z } from 'zod/mini';

/** What kind of attempt a send log entry records. */
export type SendLogKind = 'test' | 'check' | 'send';
export type SendLogResult = 'sent' | 'checked' | 'failed' | 'refused';

/** Why an attempt was refused before any connection opened; `errorCode` of a `refused` entry. */
export const sendRefusals = [
  'targetNotAllowed',
  'rateLimited',
  'passwordNeeded',
  'm365NotConfigured',
  'm365NotAuthenticated',
  'm365ReauthRequired',
  'm365AccountMismatch',
  'm365Unavailable',
] as const;
export type SendRefusal = (typeof sendRefusals)[number];

export const isSendRefusal = (value: unknown): value is SendRefusal => (sendRefusals as readonly unknown[]).includes(value);

/** One send attempt as the send log view shows it (SPEC §5): never a secret. */
export interface PublicSendLogEntry {
  id: number;
  /** ISO 8601. */
  at: string;
  kind: SendLogKind;
  /** Whose configuration was used. */
  user: { code: string; name: string };
  /** Who started it, when someone else than the user (an admin). */
  actorCode: string | null;
  /** The effective transport, e.g. "smtp smtp.firma.ee:587 starttls as mari (own)". */
  transport: string;
  recipient: string;
  result: SendLogResult;
  serverReply: string | null;
  errorCode: string | null;
  failureClass: string | null;
  durationMs: number;
  messageId: string | null;
}

/** The send log's query: `?before=<id>` pages back from an entry. */
export const sendLogQuerySchema = z.strictObject({ before: z.optional(z.coerce.number().check(z.int(), z.positive())) });
export type SendLogQuery = z.infer<typeof sendLogQuerySchema>;

/** Entries per page of the send log, newest first; a full page means there may be older ones. */
export const SEND_LOG_PAGE_SIZE = 100;
