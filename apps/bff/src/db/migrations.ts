import type { Migration } from 'kysely';
import { initial } from './migrations/0001-initial';
import { globalMailUser } from './migrations/0002-global-mail-user';
import { events } from './migrations/0003-events';
import { m365Tokens } from './migrations/0004-m365-tokens';
import { sendLogDiagnosis } from './migrations/0005-send-log-diagnosis';
import { userLanguage } from './migrations/0006-user-language';

/**
 * Migrations in code, applied in name order; portable SQL so PostgreSQL can follow. A new one is a
 * file of its own under migrations/ and one line here.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_global_mail_user': globalMailUser,
  '0003_events': events,
  '0004_m365_tokens': m365Tokens,
  '0005_send_log_diagnosis': sendLogDiagnosis,
  '0006_user_language': userLanguage,
};
