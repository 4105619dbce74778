import type { Kysely, Migration } from 'kysely';

/** The event mailbox: every message it received, and the events read from them (SPEC §4). */
export const events: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('inbound_messages')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('envelope_from', 'text', (c) => c.notNull())
      .addColumn('envelope_to', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      // The message as received, bytes untouched (8bit mail need not be UTF-8); bytea on PostgreSQL.
      .addColumn('raw', 'blob', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('events')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('inbound_message_id', 'integer', (c) => c.notNull().references('inbound_messages.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      // Whose mail the event is about, through the send log; null = unmatched, for admins only.
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('send_log_id', 'integer', (c) => c.references('send_log.id').onDelete('set null'))
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
    await db.schema.createIndex('events_received_at').on('events').column('received_at').execute();
    await db.schema.createIndex('events_user_received_at').on('events').columns(['user_id', 'received_at']).execute();
    // Bounces find the message they are about by its Message-ID.
    await db.schema.createIndex('send_log_message_id').on('send_log').column('message_id').execute();
  },
};
