import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalTls, startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import type { Config } from '../../src/config';
import { M365_CALLBACK_PATH } from '../../src/config/m365-config';
import { openDatabase, type Db } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrations';
import { seedDemoUsers } from '../../src/dev/demo-users';
import { startLocalM365, type LocalM365 } from '../../src/dev/dev-m365';
import { freePort } from '../../src/network/free-port';
import { testConfig, type TestConfigParts } from './test-config';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface Instance {
  url: string;
  inboundPort: number;
  process: ChildProcess;
  /** False once the instance was killed: the test's load balancer skips it. */
  alive: boolean;
}

export interface Instances {
  all: Instance[];
  /** The next live instance, round-robin: the test's load balancer. */
  next(): Instance;
  /** The test's own view of the shared database. */
  db: Db;
  databaseUrl: string;
  relay: LocalSmtpServer;
  m365: LocalM365;
  close(): Promise<void>;
}

const CHILD = path.join(import.meta.dirname, 'bff-process.ts');

function startInstance(config: Config): Promise<Instance> {
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, SAATJA_TEST_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (ready: { url: string; inboundPort: number }) => resolve({ ...ready, process: child, alive: true }));
    child.once('exit', (code) => reject(new Error(`a BFF instance exited before it was ready (code ${code})`)));
  });
}

/**
 * Several BFF instances, each a real process, on one PostgreSQL database, with one relay catcher and
 * one Microsoft identity emulator (with its SMTP server) shared the way a deployment shares them.
 */
export async function startInstances(
  count: number,
  extra: Pick<TestConfigParts, 'openPorts' | 'outbox'> & { extraCas?: string[] } = {},
): Promise<Instances> {
  const dir = mkdtempSync(path.join(tmpdir(), 'saatja-instances-'));
  const database: TestDatabase = await createTestDatabase();
  const db = openDatabase(database.url, { maxConnections: 2 });
  await migrateToLatest(db);
  await seedDemoUsers(db, new Date());
  const tls = await createLocalTls();
  const relay = await startSmtpServer({ security: 'starttls', tls, name: 'relay.test' });
  // The identity provider redirects to one address; behind a load balancer that is every instance's.
  const firstPort = await freePort();
  const m365 = await startLocalM365({ tls, port: 0, redirectUri: `http://localhost:${firstPort}${M365_CALLBACK_PATH}` });
  // One secrets key for all: what one instance seals, the others open.
  const base = testConfig({
    dataDir: dir,
    databaseUrl: database.url,
    port: 0,
    relayPort: relay.port,
    extraCas: [tls.ca, m365.emulator.ca, ...(extra.extraCas ?? [])],
    m365: m365.config,
    openPorts: extra.openPorts,
    outbox: extra.outbox,
  });
  const all = await Promise.all(Array.from({ length: count }, (_, index) => startInstance({ ...base, port: index === 0 ? firstPort : 0 })));
  let turn = 0;
  return {
    all,
    next() {
      const live = all.filter((instance) => instance.alive);
      if (live.length === 0) throw new Error('no live instance');
      return live[turn++ % live.length]!;
    },
    db,
    databaseUrl: database.url,
    relay,
    m365,
    async close() {
      await Promise.all(
        all.map(
          (instance) =>
            new Promise<void>((resolve) => {
              if (instance.process.exitCode !== null || instance.process.signalCode !== null) return resolve();
              instance.process.once('exit', () => resolve());
              instance.process.disconnect();
            }),
        ),
      );
      await db.destroy();
      await relay.close();
      await m365.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
