import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  answerFromZone,
  createLocalTls,
  startDnsServer,
  startSmtpServer,
  type LocalDnsServer,
  type LocalSmtpServer,
  type TlsMaterial,
  type ZoneEntry,
} from '@saatja/local-servers';
import { startBff, type RunningBff } from '../../src/bootstrap';
import type { Config } from '../../src/config';
import type { OutboxSettings } from '../../src/config/outbox-settings';
import { seedDemoUsers } from '../../src/dev/demo-users';
import { createLogger } from '../../src/logger';
import { M365_CALLBACK_PATH } from '../../src/config/m365-config';
import { startLocalM365, type LocalM365 } from '../../src/dev/dev-m365';
import { freePort } from '../../src/network/free-port';
import { testConfig } from './test-config';
import { createTestDatabase, type TestDatabase } from './test-database';

export { DEMO_M365_MAILBOXES } from '../../src/dev/dev-m365';

/** The demo users' domain: its SPF allows the vendor's relay, so the card's advice is calm by default. */
export const DEMO_ZONE: Readonly<Record<string, ZoneEntry>> = {
  'firma.ee': { MX: ['mx.firma.ee'], TXT: ['v=spf1 mx ip4:90.190.150.0/24 -all'] },
  '_dmarc.firma.ee': { TXT: ['v=DMARC1; p=none'] },
};

export interface TestStack {
  readonly url: string;
  readonly config: Config;
  /** The local mail catcher acting as the vendor relay. */
  readonly relay: LocalSmtpServer;
  readonly tls: TlsMaterial;
  readonly bff: RunningBff;
  /** Port of the BFF's event-mailbox listener (plain SMTP on 127.0.0.1). */
  readonly inboundPort: number;
  /** The stack's own DNS server, which the BFF asks; null when `dnsServers` named others. */
  readonly dns: LocalDnsServer | null;
  /** The local identity emulator and M365 SMTP server, when asked for (`m365: true`). */
  readonly m365: LocalM365 | null;
  /** Stop the BFF and start it again on the same database and port (a server restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  /** Extra ports the deployment opens besides 25/465/587, e.g. those of the test's own SMTP servers. */
  openPorts?: number[];
  tls?: TlsMaterial;
  /** Recipients the relay accepts, then bounces to the event mailbox listener as RFC 3464 reports. */
  bounce?: string[];
  /** Start the local identity emulator and an M365 SMTP server (XOAUTH2), and configure the BFF with them. */
  m365?: boolean;
  /** SAATJA_SMTP_ALLOW_LIST; default `localhost`, where the tests' SMTP servers listen. */
  smtpAllowList?: string[];
  /** What the stack's own DNS server answers (default: the demo domain); unknown names are NXDOMAIN. */
  dnsZone?: Readonly<Record<string, ZoneEntry>>;
  /** SAATJA_DNS_SERVERS, e.g. a test's own DNS server; then the stack starts none. */
  dnsServers?: string[];
  /** SAATJA_TRUST_PROXY. */
  trustProxy?: Config['trustProxy'];
  /** The vendor's sending IPs (SPF is checked for each). */
  sendingIps?: string[];
  /** A database of the test's own (e.g. on a server it restarts) instead of a copy of the run's template. */
  database?: TestDatabase;
  /** Outbox timings shorter than production's, for tests that send through it. */
  outbox?: Partial<OutboxSettings>;
  /** Where the BFF's log lines go (at trace level), for tests that read them; silent otherwise. */
  logDestination?: { write(line: string): void };
}

/**
 * A whole Saatja on loopback for one test: its own database (a copy of the run's migrated template),
 * its own relay catcher, the real app on a free port. Nothing is shared, so tests run in parallel.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'saatja-test-'));
  const database = options.database ?? (await createTestDatabase());
  const tls = options.tls ?? (await createLocalTls());
  const relay = await startSmtpServer({
    security: 'starttls',
    tls,
    name: 'relay.test',
    // Asked at bounce time: the listener's port is known once the BFF runs, and kept across restarts.
    bounce: { recipients: options.bounce ?? [], deliverTo: () => ({ host: '127.0.0.1', port: inboundPortOf(bff) }) },
  });
  // The redirect URI names the BFF's port, so with M365 the port is chosen before the BFF starts.
  const port = options.m365 ? await freePort() : 0;
  // The BFF asks no DNS server but the test's own, so no test depends on the outside world's records.
  const dns = options.dnsServers ? null : await startDnsServer({ answer: answerFromZone(options.dnsZone ?? DEMO_ZONE) });
  const m365 = options.m365 ? await startLocalM365({ tls, port: 0, redirectUri: `http://localhost:${port}${M365_CALLBACK_PATH}` }) : null;
  const config = testConfig({
    dataDir: dir,
    databaseUrl: database.url,
    port,
    relayPort: relay.port,
    extraCas: [tls.ca, ...(m365 ? [m365.emulator.ca] : [])],
    m365: m365?.config ?? null,
    openPorts: options.openPorts,
    smtpAllowList: options.smtpAllowList,
    trustProxy: options.trustProxy,
    dnsServers: options.dnsServers ?? [`${dns!.address}:${dns!.port}`],
    sendingIps: options.sendingIps,
    outbox: options.outbox,
  });

  const logger = options.logDestination ? createLogger('trace', options.logDestination) : createLogger(config.logLevel);
  // The relay doubles as the dev mailbox, as in dev mode.
  const extra = { devMailbox: { list: () => relay.received() } };
  let bff = await startBff(config, logger, extra);
  await seedDemoUsers(bff.db, new Date());
  const running = { ...config, port: bff.port, inboundPort: inboundPortOf(bff) };

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
    get inboundPort() {
      return inboundPortOf(bff);
    },
    dns,
    m365,
    async restart() {
      await bff.close();
      // Let this process's own HTTP clients see their pooled sockets close before reconnecting.
      await new Promise((resolve) => setTimeout(resolve, 50));
      bff = await startBff(running, logger, extra);
    },
    async close() {
      await bff.close();
      await relay.close();
      await m365?.close();
      await dns?.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The stack always runs the event mailbox. */
function inboundPortOf(bff: RunningBff): number {
  if (bff.inboundPort === null) throw new Error('the test stack runs without its event mailbox');
  return bff.inboundPort;
}
