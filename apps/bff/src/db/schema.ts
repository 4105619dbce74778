import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  code: string;
  name: string;
  email: string;
  role: 'user' | 'admin';
  password_hash: string;
  created_at: string;
}

export interface MailSettingsTable {
  user_id: number;
  mode: string;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_security: string | null;
  smtp_user: string;
  /** Sealed with the secret box; bound to the host/port/security/user beside it. */
  smtp_password_sealed: string | null;
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
  result: 'sent' | 'failed';
  server_reply: string | null;
  error_code: string | null;
  duration_ms: number;
  message_id: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null;
  at: string;
  action: string;
  target: string;
  changes: string;
}

export interface Database {
  users: UsersTable;
  mail_settings: MailSettingsTable;
  sessions: SessionsTable;
  send_log: SendLogTable;
  audit_log: AuditLogTable;
}
