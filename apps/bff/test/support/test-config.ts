import path from 'node:path';
import { DEFAULT_OPEN_PORTS } from '@saatja/core';
import type { Config, M365Config } from '../../src/config';
import { DEFAULT_OUTBOX_SETTINGS, type OutboxSettings } from '../../src/config/outbox-settings';
import { generateKeySpec } from '../../src/secrets/secret-box';

export interface TestConfigParts {
  dataDir: string;
  databaseUrl: string;
  /** 0 = a free port; a fixed one when a redirect URI must name it. */
  port: number;
  relayPort: number;
  extraCas: string[];
  m365: M365Config | null;
  openPorts?: number[] | undefined;
  smtpAllowList?: string[] | undefined;
  trustProxy?: Config['trustProxy'] | undefined;
  dnsServers?: string[] | undefined;
  sendingIps?: string[] | undefined;
  /** Outbox timings shorter than production's, for tests that send through it. */
  outbox?: Partial<OutboxSettings> | undefined;
}

/** A dev-mode deployment on loopback for tests: the real configuration, pointed at the test's own servers. */
export function testConfig(parts: TestConfigParts): Config {
  return {
    mode: 'dev',
    host: '127.0.0.1',
    port: parts.port,
    publicOrigin: null,
    dataDir: parts.dataDir,
    databaseUrl: parts.databaseUrl,
    webDist: path.resolve(import.meta.dirname, '../../../web/dist'),
    drainTimeoutMs: 1_000,
    initialAdmin: null,
    logLevel: process.env.SAATJA_TEST_LOG_LEVEL ?? 'silent',
    vendorName: 'Directo',
    companyName: 'Õunapuu & Põder OÜ',
    eventDomain: 'event.data.directo.ee',
    inboundPort: 0,
    retention: { sendLog: 365, events: 365, rawMail: 30, outbox: 30 },
    sendingIps: parts.sendingIps ?? ['90.190.150.210'],
    spfInclude: null,
    openPorts: [...DEFAULT_OPEN_PORTS, ...(parts.openPorts ?? [])],
    relay: { host: 'localhost', port: parts.relayPort, security: 'starttls' },
    extraCas: parts.extraCas,
    // The tests' own SMTP servers listen on loopback: allowed by name, as a deployment would list an internal relay.
    smtpAllowList: parts.smtpAllowList ?? ['localhost'],
    trustProxy: parts.trustProxy ?? false,
    dnsServers: parts.dnsServers ?? [],
    dnsTimeoutMs: 1000,
    secretsKeys: generateKeySpec('test1'),
    m365: parts.m365,
    outbox: { ...DEFAULT_OUTBOX_SETTINGS, ...parts.outbox },
  };
}
