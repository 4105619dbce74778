import { sql, type Kysely, type Migration } from 'kysely';

/** API tokens, the outbox and what enforces the sending accounts' limits across instances (SPEC §10). */
export const outbox: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('scope_any', 'boolean', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_used_at', 'timestamptz')
      .addColumn('revoked_at', 'timestamptz')
      .execute();
    await db.schema
      .createTable('api_token_users')
      .addColumn('token_id', 'integer', (c) => c.notNull().references('api_tokens.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('api_token_users_pk', ['token_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('outbox_batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('token_id', 'integer', (c) => c.references('api_tokens.id').onDelete('set null'))
      .addColumn('name', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'paused', 'cancelled')`))
      .addColumn('idempotency_key', 'text')
      .addColumn('request_hash', 'text')
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addUniqueConstraint('outbox_batches_idempotency', ['token_id', 'idempotency_key'])
      .execute();
    await db.schema.createIndex('outbox_batches_user_created').on('outbox_batches').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('outbox_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('token_id', 'integer', (c) => c.references('api_tokens.id').onDelete('set null'))
      .addColumn('batch_id', 'text', (c) => c.references('outbox_batches.id').onDelete('cascade'))
      .addColumn('idempotency_key', 'text')
      .addColumn('request_hash', 'text')
      .addColumn('reference', 'text')
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('account_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'sending', 'sent', 'failed', 'cancelled')`))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('to_addresses', sql`text[]`, (c) => c.notNull())
      .addColumn('recipient_count', 'integer', (c) => c.notNull())
      .addColumn('content', 'jsonb')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
      .addColumn('deadline_at', 'timestamptz', (c) => c.notNull())
      .addColumn('wait_kind', 'text')
      .addColumn('lease_until', 'timestamptz')
      .addColumn('worker', 'text')
      .addColumn('last_reply', 'text')
      .addColumn('failure_class', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('sent_at', 'timestamptz')
      .addColumn('finished_at', 'timestamptz')
      .addUniqueConstraint('outbox_messages_idempotency', ['token_id', 'idempotency_key'])
      .execute();
    // The claim query's path: an account's queued messages in due order; small, as sent ones leave it.
    await db.schema
      .createIndex('outbox_messages_due')
      .on('outbox_messages')
      .columns(['account_key', 'next_attempt_at', 'id'])
      .where(sql.ref('status'), '=', 'queued')
      .execute();
    await db.schema
      .createIndex('outbox_messages_sending')
      .on('outbox_messages')
      .column('lease_until')
      .where(sql.ref('status'), '=', 'sending')
      .execute();
    await db.schema.createIndex('outbox_messages_user_seq').on('outbox_messages').columns(['user_id', 'seq']).execute();
    await db.schema.createIndex('outbox_messages_seq').on('outbox_messages').column('seq').execute();
    await db.schema.createIndex('outbox_messages_batch').on('outbox_messages').columns(['batch_id', 'status']).execute();
    await db.schema.createIndex('outbox_messages_reference').on('outbox_messages').column('reference').execute();
    await db.schema.createIndex('outbox_messages_finished').on('outbox_messages').column('finished_at').execute();
    await db.schema.createIndex('events_original_message_id').on('events').column('original_message_id').execute();

    await db.schema
      .createTable('outbox_sends')
      .addColumn('account_key', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('recipients', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('outbox_sends_account_at').on('outbox_sends').columns(['account_key', 'at']).execute();
    await db.schema
      .createTable('outbox_accounts')
      .addColumn('account_key', 'text', (c) => c.primaryKey())
      .addColumn('rate_wait_until', 'timestamptz')
      .execute();
    await db.schema
      .createTable('outbox_connections')
      .addColumn('account_key', 'text', (c) => c.notNull())
      .addColumn('slot', 'integer', (c) => c.notNull())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('outbox_connections_pk', ['account_key', 'slot'])
      .execute();
    await db.schema
      .createTable('server_limits')
      .addColumn('host', 'text', (c) => c.primaryKey())
      .addColumn('per_second', 'integer')
      .addColumn('per_minute', 'integer')
      .addColumn('per_hour', 'integer')
      .addColumn('per_day', 'integer')
      .addColumn('max_connections', 'integer')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
  },
};
