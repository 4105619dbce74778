import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isIP } from 'node:net';
import type { CreateUserInput, TlsMode } from '@saatja/core';
import { envSchema } from './env';
import { readInitialAdmin } from './initial-admin';
import { readM365Config, type M365Config } from './m365-config';
import { outboxSettingsFromEnv, type OutboxSettings } from './outbox-settings';

export type { M365Config } from './m365-config';

export interface RelayConfig {
  host: string;
  port: number;
  security: TlsMode;
}

/** The validated deployment settings (SPEC §7). */
export interface Config {
  mode: 'dev' | 'production';
  host: string;
  port: number;
  publicOrigin: string | null;
  dataDir: string;
  /** null: an embedded PostgreSQL under `<dataDir>/pg` (see db/open-database-server.ts). */
  databaseUrl: string | null;
  webDist: string;
  logLevel: string;
  vendorName: string;
  companyName: string;
  eventDomain: string;
  /** Port of the event mailbox's inbound SMTP listener, on `host`; 0 = a free port; null = none in this instance. */
  inboundPort: number | null;
  retention: RetentionDays;
  sendingIps: string[];
  /** The vendor's SPF include domain, if it publishes one; else users' admins are given the IPs. */
  spfInclude: string | null;
  openPorts: number[];
  /** null in dev mode until the local mail catcher has started. */
  relay: RelayConfig | null;
  extraCas: string[];
  /** User-supplied SMTP hosts (names, addresses, CIDR ranges) allowed on non-public addresses. */
  smtpAllowList: string[];
  /** Express's `trust proxy`: false (none), a hop count, or proxy addresses / CIDR ranges. */
  trustProxy: false | number | string[];
  /** `ip`, `ip:port` or `[ipv6]:port`; empty = the system's resolvers. */
  dnsServers: string[];
  /** ms per DNS query. */
  dnsTimeoutMs: number;
  secretsKeys: string | null;
  /** null: Microsoft 365 OAuth is not set up (dev mode fills in the local identity emulator). */
  m365: M365Config | null;
  /** ms requests in flight get at SIGTERM before their connections are cut. */
  drainTimeoutMs: number;
  /** The container's one-shot first admin, created at start while no admin exists. */
  initialAdmin: CreateUserInput | null;
  outbox: OutboxSettings;
}

/** Dev mode serves demo users and a mail catcher, so it listens on this machine only (SPEC §7). */
function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** How many days each kind of record is kept (SPEC §9 retention). */
export interface RetentionDays {
  sendLog: number;
  events: number;
  rawMail: number;
  /** Finished outbox messages and emptied batches. */
  outbox: number;
}

export class ConfigError extends Error {}

function trustProxyOf(items: string[]): Config['trustProxy'] {
  if (items.length === 0) return false;
  return items.length === 1 && /^\d+$/.test(items[0]!) ? Number(items[0]) : items;
}

/** Parse the environment once; fail fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.SAATJA_DATA_DIR);
  if (e.SAATJA_MODE === 'production') {
    const missing = ['SAATJA_RELAY_HOST', 'SAATJA_SECRETS_KEYS', 'SAATJA_PUBLIC_ORIGIN'].filter((name) => !env[name]);
    if (missing.length > 0) throw new ConfigError(`Invalid configuration: production needs ${missing.join(', ')}`);
  }
  if (e.SAATJA_MODE === 'dev' && !isLoopback(e.HOST)) {
    throw new ConfigError(
      `Invalid configuration: dev mode listens only on a loopback address (HOST=127.0.0.1), not HOST=${e.HOST}: ` +
        'it has demo users with published passwords. To serve other machines, set SAATJA_MODE=production with its settings.',
    );
  }
  const { m365, problems: m365Problems } = readM365Config(e, e.SAATJA_PUBLIC_ORIGIN ?? null);
  const { initialAdmin, problems: adminProblems } = readInitialAdmin(e);
  const problems = [...m365Problems, ...adminProblems];
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    mode: e.SAATJA_MODE,
    host: e.HOST,
    port: e.PORT,
    publicOrigin: e.SAATJA_PUBLIC_ORIGIN ?? null,
    dataDir,
    databaseUrl: e.SAATJA_DATABASE_URL ?? null,
    webDist: path.resolve(e.SAATJA_WEB_DIST),
    logLevel: e.SAATJA_LOG_LEVEL,
    vendorName: e.SAATJA_VENDOR_NAME,
    companyName: e.SAATJA_COMPANY_NAME,
    eventDomain: e.SAATJA_EVENT_DOMAIN,
    inboundPort: e.SAATJA_INBOUND_PORT === 'off' ? null : e.SAATJA_INBOUND_PORT,
    retention: {
      sendLog: e.SAATJA_RETENTION_SEND_LOG_DAYS,
      events: e.SAATJA_RETENTION_EVENTS_DAYS,
      rawMail: e.SAATJA_RETENTION_RAW_MAIL_DAYS,
      outbox: e.SAATJA_RETENTION_OUTBOX_DAYS,
    },
    sendingIps: e.SAATJA_SENDING_IPS,
    spfInclude: e.SAATJA_SPF_INCLUDE ?? null,
    openPorts: e.SAATJA_OPEN_PORTS,
    relay: e.SAATJA_RELAY_HOST ? { host: e.SAATJA_RELAY_HOST, port: e.SAATJA_RELAY_PORT, security: e.SAATJA_RELAY_SECURITY } : null,
    extraCas: e.SAATJA_EXTRA_CA_FILES.map((file) => readFileSync(file, 'utf8')),
    smtpAllowList: e.SAATJA_SMTP_ALLOW_LIST.map((host) => host.toLowerCase()),
    trustProxy: trustProxyOf(e.SAATJA_TRUST_PROXY),
    dnsServers: e.SAATJA_DNS_SERVERS,
    dnsTimeoutMs: e.SAATJA_DNS_TIMEOUT_MS,
    secretsKeys: e.SAATJA_SECRETS_KEYS ?? null,
    m365,
    drainTimeoutMs: e.SAATJA_DRAIN_TIMEOUT_MS,
    initialAdmin,
    outbox: outboxSettingsFromEnv(e),
  };
}
