import type { Db } from '../db/database';
import type { SendLogTable } from '../db/schema';

/** The columns added for diagnostics are optional, so every sender can record without knowing them. */
export type SendLogEntry = Omit<SendLogTable, 'id' | 'actor_user_id' | 'failure_class'> &
  Partial<Pick<SendLogTable, 'actor_user_id' | 'failure_class'>>;

export function createSendLog(db: Db) {
  return {
    async record(entry: SendLogEntry): Promise<void> {
      await db.insertInto('send_log').values(entry).execute();
    },
  };
}
export type SendLog = ReturnType<typeof createSendLog>;
