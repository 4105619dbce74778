import { sql, type Kysely, type Migration } from 'kysely';

/**
 * State every instance shares (SPEC §9): rate-limit windows, and a content hash per inbound message so
 * that one delivered twice (to two instances, or again after a lost reply) is stored once. Raw mail
 * may be purged before the events read from it.
 */
export const sharedState: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addColumn('window_ends_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_limits_window_ends_at').on('rate_limits').column('window_ends_at').execute();
    await db.schema.alterTable('inbound_messages').addColumn('content_sha256', 'bytea').execute();
    await sql`update inbound_messages set content_sha256 = sha256(raw)`.execute(db);
    await db.schema
      .alterTable('inbound_messages')
      .alterColumn('content_sha256', (c) => c.setNotNull())
      .execute();
    await db.schema.createIndex('inbound_messages_content_sha256').on('inbound_messages').column('content_sha256').unique().execute();
    await db.schema
      .alterTable('inbound_messages')
      .alterColumn('raw', (c) => c.dropNotNull())
      .execute();
  },
};
