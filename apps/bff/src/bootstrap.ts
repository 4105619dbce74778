import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createApp, type AppDeps } from './app';
import type { Config } from './config';
import { connectDatabase, type DatabaseConnection } from './db/connect';
import type { Db } from './db/database';
import { migrateToLatest } from './db/migrations';
import { startEventMailbox, type InboundListener } from './events/inbound-server';
import { ensureInitialAdmin } from './first-admin/create-admin';
import type { Lifecycle } from './health/routes';
import { listenForOutbox } from './outbox/outbox-listener';
import type { OutboxWorker } from './outbox/outbox-worker';
import { scheduleRetention } from './retention/retention';
import { createSecretBox } from './secrets/secret-box';

export interface RunningBff {
  url: string;
  port: number;
  /** The event mailbox's inbound SMTP listener, on the same host; null when this instance has none. */
  inboundPort: number | null;
  db: Db;
  /** Where the database is, for the start-up message. */
  databaseWhere: string;
  /** This instance's outbox worker id (its claims carry it). */
  outboxInstance: string | null;
  /**
   * Drain: stop accepting connections, let requests in flight (a test mail, a streamed check)
   * finish for up to `drainTimeoutMs` (default: the setting), then cut what is left and close the
   * inbound listener and the database.
   */
  close(drainTimeoutMs?: number): Promise<void>;
}

/** The database, connected and migrated, with `prepare` run on it; closed again if either fails. */
async function openMigrated(
  config: Config,
  logger: Logger,
  prepare: (db: Db) => Promise<void> = async () => {},
): Promise<DatabaseConnection> {
  const database = await connectDatabase(config, logger);
  try {
    await migrateToLatest(database.db);
    await prepare(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * One BFF instance: connect and migrate the database, create the configured first admin, start the
 * event mailbox (unless SAATJA_INBOUND_PORT=off) and the retention purge, build the app and listen.
 */
export async function startBff(config: Config, logger: Logger, extra: Pick<AppDeps, 'devMailbox' | 'now'> = {}): Promise<RunningBff> {
  if (!config.secretsKeys) throw new Error('no secrets key configured');
  const now = extra.now ?? (() => new Date());
  const database = await openMigrated(config, logger, async (db) => {
    if (!config.initialAdmin) return;
    const result = await ensureInitialAdmin(db, config.initialAdmin, now());
    logger.info(
      { code: config.initialAdmin.code, result },
      result === 'created' ? 'first admin created from SAATJA_INITIAL_ADMIN_CODE' : 'an admin exists; SAATJA_INITIAL_ADMIN_CODE left alone',
    );
  });
  const { db } = database;
  const inbound =
    config.inboundPort === null
      ? null
      : await startEventMailbox({ config: { ...config, inboundPort: config.inboundPort }, db, logger, now });
  const retention = scheduleRetention({ db, days: config.retention, logger, now });
  const lifecycle: Lifecycle = { draining: false };
  const outbox: { worker?: OutboxWorker } = {};
  const app = createApp({
    config,
    db,
    logger,
    secretBox: createSecretBox(config.secretsKeys),
    lifecycle,
    ...extra,
    onOutboxWorker: (worker) => (outbox.worker = worker),
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const port = (server.address() as AddressInfo).port;
  // Every instance sends: a worker starts with the server (SPEC §10), woken by NOTIFY on its own connection.
  const worker = outbox.worker;
  worker?.start();
  const listener = worker ? listenForOutbox(database.url, (accountKey) => worker.wake(accountKey), logger) : null;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    port,
    inboundPort: inbound?.port ?? null,
    db,
    databaseWhere: database.where,
    outboxInstance: worker?.instance ?? null,
    async close(drainTimeoutMs = config.drainTimeoutMs) {
      lifecycle.draining = true;
      retention.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // The worker finishes the messages in hand (and records them) while requests drain.
      const workerStopped = (async () => {
        await listener?.close();
        await worker?.stop();
      })();
      const cut = setTimeout(() => {
        logger.warn({ drainTimeoutMs }, 'drain time is up; closing the connections still open');
        server.closeAllConnections();
      }, drainTimeoutMs);
      await closed;
      clearTimeout(cut);
      await workerStopped;
      await inbound?.close();
      await database.close();
    },
  };
}

/**
 * The event mailbox alone, without the web app (for `saatja inbound`): its SMTP listener on
 * SAATJA_INBOUND_PORT, storing into the shared database. Any number may run beside the web
 * instances; a message delivered to two of them is stored once.
 */
export async function startInboundOnly(config: Config, logger: Logger): Promise<InboundListener> {
  if (config.inboundPort === null) throw new Error('SAATJA_INBOUND_PORT is off: the event mailbox has no port to listen on');
  const database = await openMigrated(config, logger);
  try {
    const inbound = await startEventMailbox({
      config: { ...config, inboundPort: config.inboundPort },
      db: database.db,
      logger,
      now: () => new Date(),
    });
    logger.info({ port: inbound.port }, 'event mailbox listening');
    return {
      port: inbound.port,
      async close() {
        await inbound.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
