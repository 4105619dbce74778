import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The whole schema on PostgreSQL. Times are timestamptz (the driver hands them to the app as ISO
 * 8601 UTC strings, see database.ts); append-only logs get bigint identities.
 */
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('user', 'admin')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) =>
        c
          .notNull()
          .defaultTo('et')
          .check(sql`language in ('et', 'en')`),
      )
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createTable('mail_settings')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('smtp_host', 'text')
      .addColumn('smtp_port', 'integer')
      .addColumn('smtp_security', 'text')
      .addColumn('smtp_user', 'text', (c) => c.notNull().defaultTo(''))
      // Sealed with the secret box; usable only with the server it was entered for (password_*).
      .addColumn('smtp_password_sealed', 'text')
      .addColumn('password_host', 'text')
      .addColumn('password_port', 'integer')
      .addColumn('password_security', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('system_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
    await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
    await sendLog(db);
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('changes', 'jsonb', (c) => c.notNull())
      .execute();
    await eventMailbox(db);
    await m365(db);
  },
};

/** Every send attempt (SPEC §5), with who started it and the diagnosed failure class. */
async function sendLog(db: Kysely<unknown>) {
  await db.schema
    .createTable('send_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('sent', 'checked', 'failed')`))
    .addColumn('server_reply', 'text')
    .addColumn('error_code', 'text')
    .addColumn('failure_class', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .execute();
  await db.schema.createIndex('send_log_user_id').on('send_log').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('send_log_at').on('send_log').column('at').execute();
  // Bounces find the message they are about by its Message-ID.
  await db.schema.createIndex('send_log_message_id').on('send_log').column('message_id').execute();
}

/** The event mailbox (SPEC §4): every message it received, and the events read from them. */
async function eventMailbox(db: Kysely<unknown>) {
  await db.schema
    .createTable('inbound_messages')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('envelope_from', 'text', (c) => c.notNull())
    .addColumn('envelope_to', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    // The message as received, bytes untouched (8bit mail need not be UTF-8).
    .addColumn('raw', 'bytea', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbound_messages_received_at').on('inbound_messages').column('received_at').execute();
  await db.schema
    .createTable('events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('inbound_message_id', 'bigint', (c) => c.notNull().references('inbound_messages.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // Whose mail the event is about, through the send log; null = unmatched, for admins only.
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('send_log_id', 'bigint', (c) => c.references('send_log.id').onDelete('set null'))
    .addColumn('original_message_id', 'text')
    .addColumn('recipient', 'text')
    .addColumn('action', 'text')
    .addColumn('status', 'text')
    .addColumn('reason', 'text')
    .addColumn('diagnostic', 'text')
    .addColumn('remote_mta', 'text')
    .addColumn('reply_from', 'text')
    .addColumn('subject', 'text')
    .execute();
  await db.schema.createIndex('events_inbound_message_id').on('events').column('inbound_message_id').execute();
  await db.schema.createIndex('events_received_at').on('events').column('received_at').execute();
  await db.schema.createIndex('events_user_received_at').on('events').columns(['user_id', 'received_at']).execute();
}

/**
 * Microsoft 365 OAuth (SPEC §2): each user's MSAL token cache, sealed, with the account it holds;
 * and the sign-ins in progress, keyed by a hash of their `state`, bound to the session that began them.
 */
async function m365(db: Kysely<unknown>) {
  await db.schema
    .createTable('m365_tokens')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_cache_sealed', 'text', (c) => c.notNull())
    .addColumn('home_account_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('authenticated_at', 'timestamptz', (c) => c.notNull())
    // Set when a refresh failed for good (revoked, expired): nothing is sent until a new sign-in.
    .addColumn('reauth_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('m365_auth_states')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('session_hash', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('return_path', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('m365_auth_states_expires_at').on('m365_auth_states').column('expires_at').execute();
}
