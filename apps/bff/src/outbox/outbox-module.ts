import type { Logger } from 'pino';
import type { UserRepository } from '../auth/user-repository';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { UserTransports } from '../mail/user-transport';
import { createConnectionLeases } from './connection-leases';
import { createDeliver } from './deliver';
import { createOutboxClaims } from './outbox-claims';
import { createOutboxReads } from './outbox-reads';
import { createOutboxService } from './outbox-service';
import { createOutboxStore } from './outbox-store';
import { createOutboxWorker } from './outbox-worker';
import { createServerLimits } from './server-limits';

export interface OutboxModuleDeps {
  db: Db;
  config: Pick<Config, 'outbox' | 'companyName' | 'eventDomain'>;
  users: UserRepository;
  userTransport: UserTransports;
  logger: Logger;
  now: () => Date;
}

/** The outbox's parts, wired once: the API's service and reads, the admin's limits, the worker. */
export function createOutboxModule(deps: OutboxModuleDeps) {
  const { db, now } = deps;
  const settings = deps.config.outbox;
  const leases = createConnectionLeases(db);
  const limits = createServerLimits(db, now);
  const reads = createOutboxReads({ db, leases, serverLimits: limits.list, relayLimits: settings.relayLimits, now });
  const service = createOutboxService({
    users: deps.users,
    userTransport: deps.userTransport,
    store: createOutboxStore(db),
    reads,
    settings,
    serverLimits: limits.list,
    batchComing: (accountKey, userId) => worker.prepare(accountKey, userId),
    now,
  });
  const delivery = createDeliver({
    config: deps.config,
    userTransport: deps.userTransport,
    retry: settings.retry,
    now,
    random: Math.random,
  });
  const worker = createOutboxWorker({
    claims: createOutboxClaims(db),
    leases,
    delivery,
    serverLimits: limits.list,
    settings,
    logger: deps.logger,
    now,
  });
  return { reads, service, limits, worker };
}
