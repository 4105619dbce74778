import { connectDatabase } from '../../src/db/connect';
import { createLogger } from '../../src/logger';

/** A process that starts the embedded PostgreSQL in argv[2], says so, and waits to be killed. */
const database = await connectDatabase({ databaseUrl: null, dataDir: process.argv[2]! }, createLogger('silent'));
await database.db
  .selectFrom('kysely_migration' as never)
  .selectAll()
  .execute()
  .catch(() => undefined);
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
