import { sql, type Kysely, type Migration } from 'kysely';

/** Refused attempts (target not allowed, rate-limited, Microsoft 365 not authenticated) are logged too. */
export const sendLogRefused: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table send_log drop constraint send_log_result_check`.execute(db);
    await sql`alter table send_log add constraint send_log_result_check check (result in ('sent', 'checked', 'failed', 'refused'))`.execute(
      db,
    );
  },
};
