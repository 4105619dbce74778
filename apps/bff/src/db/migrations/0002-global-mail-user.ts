import type { Kysely, Migration } from 'kysely';

/**
 * The global mail user (SPEC §3) as a system setting, and the server each saved password is bound
 * to — for "credentials only" cards that is the global user's server at the time of saving.
 */
export const globalMailUser: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('system_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('mail_settings').addColumn('password_host', 'text').execute();
    await db.schema.alterTable('mail_settings').addColumn('password_port', 'integer').execute();
    await db.schema.alterTable('mail_settings').addColumn('password_security', 'text').execute();
  },
};
