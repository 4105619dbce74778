import type { Kysely, Migration } from 'kysely';

/**
 * The send log of SPEC §5 also records who started an attempt (an admin may test another user's
 * card) and the diagnosed failure class, so the log view can say in plain words what went wrong.
 */
export const sendLogDiagnosis: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('send_log').addColumn('actor_user_id', 'integer').execute();
    await db.schema.alterTable('send_log').addColumn('failure_class', 'text').execute();
    await db.schema.createIndex('send_log_at').on('send_log').column('at').execute();
  },
};
