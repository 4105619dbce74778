import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalTls, startSmtpServer, type LocalSmtpServer, type TlsMaterial } from '@saatja/local-servers';
import { startBff, type RunningBff } from '../../src/bootstrap';
import { DEFAULT_OPEN_PORTS } from '@saatja/core';
import type { Config } from '../../src/config';
import { seedDemoUsers } from '../../src/dev/demo-users';
import { createLogger } from '../../src/logger';
import { generateKeySpec } from '../../src/secrets/secret-box';

export interface TestStack {
  readonly url: string;
  readonly config: Config;
  /** The local mail catcher acting as the vendor relay. */
  readonly relay: LocalSmtpServer;
  readonly tls: TlsMaterial;
  readonly bff: RunningBff;
  /** Stop the BFF and start it again on the same database file and port (a server restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  /** Extra ports the deployment opens besides 25/465/587, e.g. those of the test's own SMTP servers. */
  openPorts?: number[];
  tls?: TlsMaterial;
}

/**
 * A whole Saatja on loopback for one test: its own SQLite file in a temporary folder, its own
 * relay catcher, the real app on a free port. Nothing is shared, so tests run in parallel.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'saatja-test-'));
  const tls = options.tls ?? (await createLocalTls());
  const relay = await startSmtpServer({ security: 'starttls', tls, name: 'relay.test' });
  const config: Config = {
    mode: 'dev',
    host: '127.0.0.1',
    port: 0,
    publicOrigin: null,
    dataDir: dir,
    databaseFile: path.join(dir, 'saatja.sqlite'),
    webDist: path.resolve(import.meta.dirname, '../../../web/dist'),
    logLevel: process.env.SAATJA_TEST_LOG_LEVEL ?? 'silent',
    vendorName: 'Directo',
    companyName: 'Õunapuu & Põder OÜ',
    eventDomain: 'event.data.directo.ee',
    sendingIps: ['90.190.150.210'],
    openPorts: [...DEFAULT_OPEN_PORTS, ...(options.openPorts ?? [])],
    relay: { host: 'localhost', port: relay.port, security: 'starttls' },
    extraCas: [tls.ca],
    secretsKeys: generateKeySpec('test1'),
  };
  const logger = createLogger(config.logLevel);
  let bff = await startBff(config, logger);
  await seedDemoUsers(bff.db, new Date());
  const running = { ...config, port: bff.port };

  return {
    get url() {
      return bff.url;
    },
    config,
    relay,
    tls,
    get bff() {
      return bff;
    },
    async restart() {
      await bff.close();
      // Let this process's own HTTP clients see their pooled sockets close before reconnecting.
      await new Promise((resolve) => setTimeout(resolve, 50));
      bff = await startBff(running, logger);
    },
    async close() {
      await bff.close();
      await relay.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
