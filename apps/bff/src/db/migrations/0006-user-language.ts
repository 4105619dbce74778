import type { Kysely, Migration } from 'kysely';

/** Each user's UI language, so the choice follows them to any browser. */
export const userLanguage: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('language', 'text', (c) => c.notNull().defaultTo('et')).execute();
  },
};
