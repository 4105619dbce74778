import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createApp, type AppDeps } from './app';
import type { Config } from './config';
import { connectDatabase } from './db/connect';
import type { Db } from './db/database';
import { migrateToLatest } from './db/migrations';
import { startEventMailbox } from './events/inbound-server';
import { ensureInitialAdmin } from './first-admin/create-admin';
import type { Lifecycle } from './health/routes';
import { createSecretBox } from './secrets/secret-box';

export interface RunningBff {
  url: string;
  port: number;
  /** The event mailbox's inbound SMTP listener, on the same host. */
  inboundPort: number;
  db: Db;
  /** Where the database is, for the start-up message. */
  databaseWhere: string;
  /**
   * Drain: stop accepting connections, let requests in flight (a test mail, a streamed check)
   * finish for up to `drainTimeoutMs` (default: the setting), then cut what is left and close the
   * inbound listener and the database.
   */
  close(drainTimeoutMs?: number): Promise<void>;
}

/** Connect and migrate the database, create the configured first admin, build the app and listen. */
export async function startBff(config: Config, logger: Logger, extra: Pick<AppDeps, 'devMailbox' | 'now'> = {}): Promise<RunningBff> {
  if (!config.secretsKeys) throw new Error('no secrets key configured');
  const now = extra.now ?? (() => new Date());
  const database = await connectDatabase(config, logger);
  const { db } = database;
  try {
    await migrateToLatest(db);
    if (config.initialAdmin) {
      const result = await ensureInitialAdmin(db, config.initialAdmin, now());
      logger.info({ code: config.initialAdmin.code, result }, result === 'created' ? 'first admin created from SAATJA_INITIAL_ADMIN_CODE' : 'an admin exists; SAATJA_INITIAL_ADMIN_CODE left alone');
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const inbound = await startEventMailbox({ config, db, logger, now });
  const lifecycle: Lifecycle = { draining: false };
  const app = createApp({ config, db, logger, secretBox: createSecretBox(config.secretsKeys), lifecycle, ...extra });
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
    async close(drainTimeoutMs = config.drainTimeoutMs) {
      lifecycle.draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => {
        logger.warn({ drainTimeoutMs }, 'drain time is up; closing the connections still open');
        server.closeAllConnections();
      }, drainTimeoutMs);
      await closed;
      clearTimeout(cut);
      await inbound.close();
      await database.close();
    },
  };
}
