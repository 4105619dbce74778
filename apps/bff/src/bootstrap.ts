import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createApp, type AppDeps } from './app';
import type { Config } from './config';
import { connectDatabase } from './db/connect';
import type { Db } from './db/database';
import { migrateToLatest } from './db/migrations';
import { startEventMailbox } from './events/inbound-server';
import { createSecretBox } from './secrets/secret-box';

export interface RunningBff {
  url: string;
  port: number;
  /** The event mailbox's inbound SMTP listener, on the same host. */
  inboundPort: number;
  db: Db;
  /** Where the database is, for the start-up message. */
  databaseWhere: string;
  close(): Promise<void>;
}

/** Connect and migrate the database, build the app and listen; `close` drains connections and closes the database. */
export async function startBff(config: Config, logger: Logger, extra: Pick<AppDeps, 'devMailbox' | 'now'> = {}): Promise<RunningBff> {
  if (!config.secretsKeys) throw new Error('no secrets key configured');
  const database = await connectDatabase(config, logger);
  const { db } = database;
  try {
    await migrateToLatest(db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const inbound = await startEventMailbox({ config, db, logger, now: extra.now ?? (() => new Date()) });
  const app = createApp({ config, db, logger, secretBox: createSecretBox(config.secretsKeys), ...extra });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    port,
    inboundPort: inbound.port,
    db,
    databaseWhere: database.where,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await inbound.close();
      await database.close();
    },
  };
}
