import type { Db } from '../db/database';
import type { SendLogTable } from '../db/schema';

export type SendLogEntry = Omit<SendLogTable, 'id'>;

export function createSendLog(db: Db) {
  return {
    async record(entry: SendLogEntry): Promise<void> {
      await db.insertInto('send_log').values(entry).execute();
    },
  };
}
export type SendLog = ReturnType<typeof createSendLog>;
