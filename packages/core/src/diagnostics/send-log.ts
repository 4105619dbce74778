import { z } from 'zod/mini';
import type { Owner } from '../effective-config';
import { logQueryFields } from '../log-page';
import type { TlsMode } from '../mail-sender';

/** What kind of attempt a send log entry records. */
export const sendLogKinds = ['test', 'check', 'send'] as const;
export type SendLogKind = (typeof sendLogKinds)[number];
export const sendLogResults = ['sent', 'checked', 'failed', 'refused'] as const;
export type SendLogResult = (typeof sendLogResults)[number];

/** Where an attempt went, as data the UI puts in words; `other` is an entry whose route was not recorded so. */
export type SendLogRoute =
  | { kind: 'relay'; host: string; port: number; security: TlsMode }
  | { kind: 'smtp'; host: string; port: number; security: TlsMode; user: string | null; owner: Owner | null }
  | { kind: 'm365'; user: string; owner: Owner }
  | { kind: 'other'; text: string };

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
  /** The effective transport. */
  transport: SendLogRoute;
  recipient: string;
  result: SendLogResult;
  serverReply: string | null;
  errorCode: string | null;
  failureClass: string | null;
  durationMs: number;
  messageId: string | null;
}

/** The send log's query: a page (`before` an entry id), filtered by user, kind, result and time. */
export const sendLogQuerySchema = z.strictObject({
  ...logQueryFields,
  kind: z.optional(z.enum(sendLogKinds)),
  result: z.optional(z.enum(sendLogResults)),
});
export type SendLogQuery = z.infer<typeof sendLogQuerySchema>;
