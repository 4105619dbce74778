import type { ColumnType, Generated } from 'kysely';

/**
 * timestamptz columns are read as ISO 8601 UTC strings (database.ts) and written as such; bigint ids
 * as numbers (they stay far below 2^53).
 */

export interface UsersTable {
  id: Generated<number>;
  code: string;
  name: string;
  email: string;
  role: 'user' | 'admin';
  password_hash: string;
  language: Generated<'et' | 'en'>;
  created_at: Generated<string>;
}

export interface MailSettingsTable {
  user_id: number;
  mode: string;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_security: string | null;
  smtp_user: string;
  /** Sealed with the secret box; usable only with password_host/port/security and smtp_user. */
  smtp_password_sealed: string | null;
  password_host: string | null;
  password_port: number | null;
  password_security: string | null;
  updated_at: string;
}

export interface SystemSettingsTable {
  key: string;
  value: string | null;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a database leak gives no usable session. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface SendLogTable {
  id: Generated<number>;
  user_id: number;
  at: string;
  kind: string;
  transport: string;
  recipient: string;
  /** 'checked' is a dry run that got to DATA → 354 (SPEC §5). */
  result: 'sent' | 'checked' | 'failed' | 'refused';
  server_reply: string | null;
  error_code: string | null;
  duration_ms: number;
  message_id: string | null;
  /** Who started the attempt (an admin may test another user's card). */
  actor_user_id: number | null;
  /** The diagnosed FailureClass of a failed attempt. */
  failure_class: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null;
  at: string;
  action: string;
  target: string;
  /** jsonb: old → new of each changed field; written as JSON text, read parsed. */
  changes: ColumnType<Record<string, { from: unknown; to: unknown }>, string, never>;
}

export interface Database {
  users: UsersTable;
  mail_settings: MailSettingsTable;
  system_settings: SystemSettingsTable;
  sessions: SessionsTable;
  send_log: SendLogTable;
  audit_log: AuditLogTable;
  inbound_messages: InboundMessagesTable;
  events: EventsTable;
  m365_tokens: M365TokensTable;
  m365_auth_states: M365AuthStatesTable;
  rate_limits: RateLimitsTable;
  api_tokens: ApiTokensTable;
  api_token_users: ApiTokenUsersTable;
  outbox_batches: OutboxBatchesTable;
  outbox_messages: OutboxMessagesTable;
  outbox_sends: OutboxSendsTable;
  outbox_accounts: OutboxAccountsTable;
  outbox_connections: OutboxConnectionsTable;
  server_limits: ServerLimitsTable;
}

/** A token the ERP's back end authenticates with; only its SHA-256 is kept. */
export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 (hex) of the whole token: tokens are 256 random bits, so no slow hash is needed. */
  token_hash: string;
  /** The first characters, to recognise a token in the list. */
  prefix: string;
  /** Send as any user; otherwise only as the users in api_token_users. */
  scope_any: boolean;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ApiTokenUsersTable {
  token_id: number;
  user_id: number;
}

/** A mass mailing: many messages of one user. */
export interface OutboxBatchesTable {
  id: string;
  user_id: number;
  token_id: number | null;
  name: string | null;
  status: 'active' | 'paused' | 'cancelled';
  idempotency_key: string | null;
  request_hash: string | null;
  total: number;
  created_at: string;
}

/** What a message says, kept until it is sent (then dropped: the ERP keeps its own copy). */
export interface StoredContent {
  cc: string[];
  bcc: string[];
  text: string | null;
  html: string | null;
  attachments: { filename: string; contentType: string | null; contentBase64: string }[];
}

/** The outbox: one row per message, from submission to its end (sent, failed or cancelled). */
export interface OutboxMessagesTable {
  id: string;
  /** Submission order, for paging (`before`). */
  seq: Generated<number>;
  user_id: number;
  token_id: number | null;
  batch_id: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  reference: string | null;
  /** The Message-ID header, the same on every attempt. */
  message_id: string;
  /** The sending account (accountKey of the effective transport) whose limits and connections it uses. */
  account_key: string;
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';
  subject: string;
  to_addresses: string[];
  recipient_count: number;
  content: StoredContent | null;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** Temporary failures are retried until then; later the message fails. */
  deadline_at: string;
  /** 'retry' after a temporary failure; null otherwise (rate and connection waits are read from the account). */
  wait_kind: 'retry' | null;
  /** While 'sending': the worker's claim expires then, and the message is due again (a crashed worker). */
  lease_until: string | null;
  worker: string | null;
  last_reply: string | null;
  failure_class: string | null;
  created_at: string;
  sent_at: string | null;
  finished_at: string | null;
}

/** Sends counted against an account's rate windows, shared by every instance. */
export interface OutboxSendsTable {
  account_key: string;
  at: string;
  recipients: number;
}

/** An account's rate-limit wait, as the last claim found it: the Outbox page says "next slot at …". */
export interface OutboxAccountsTable {
  account_key: string;
  rate_wait_until: string | null;
}

/** The connection slots of an account (0 … cap-1), leased by instances, so the cap holds across them. */
export interface OutboxConnectionsTable {
  account_key: string;
  slot: number;
  holder: string;
  lease_until: string;
}

/** An admin's limits for one server, overriding the provider preset. */
export interface ServerLimitsTable {
  host: string;
  per_second: number | null;
  per_minute: number | null;
  per_hour: number | null;
  per_day: number | null;
  max_connections: number | null;
  updated_at: string;
}

/** A message the event mailbox received, as received. */
export interface InboundMessagesTable {
  id: Generated<number>;
  received_at: string;
  /** '' = the null sender bounces come from. */
  envelope_from: string;
  envelope_to: string;
  size_bytes: number;
  /** null once the retention period for raw mail has passed (the events read from it stay). */
  raw: Buffer | null;
  /** SHA-256 of the message as received: the same message delivered again is stored once. */
  content_sha256: Buffer;
}

/** A fixed-window counter of one rate limit and key (http/rate-limiter.ts). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  window_ends_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  received_at: string;
  inbound_message_id: number;
  kind: string;
  user_id: number | null;
  send_log_id: number | null;
  original_message_id: string | null;
  recipient: string | null;
  action: string | null;
  status: string | null;
  reason: string | null;
  diagnostic: string | null;
  remote_mta: string | null;
  reply_from: string | null;
  subject: string | null;
}

/** A user's Microsoft 365 connection: the MSAL token cache, sealed (context `m365-cache:<user_id>`). */
export interface M365TokensTable {
  user_id: number;
  token_cache_sealed: string;
  /** msal's key of the signed-in account in the cache. */
  home_account_id: string;
  /** The signed-in mailbox (the id token's preferred_username). */
  username: string;
  authenticated_at: string;
  /** Why a new sign-in is needed (an AADSTS code or OAuth error); null while the grant works. */
  reauth_reason: string | null;
  updated_at: string;
}

/**
 * An "Authenticate Microsoft 365" sign-in in progress. Single-use: the callback deletes it. The PKCE
 * verifier is kept in the clear: it is worthless without the authorization code, which is never stored.
 */
export interface M365AuthStatesTable {
  /** SHA-256 of `state`, so the table does not hold a usable value. */
  state_hash: string;
  /** SHA-256 of the session id that began the sign-in: only that session may finish it. */
  session_hash: string;
  actor_user_id: number;
  /** Whose card: the actor's own, or (admins) another user's. */
  user_id: number;
  /** The card's User: the signed-in account must be this mailbox. */
  mailbox: string;
  code_verifier: string;
  nonce: string;
  /** Where the same-window fallback returns to. */
  return_path: string;
  expires_at: string;
}
