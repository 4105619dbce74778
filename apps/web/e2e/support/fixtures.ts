import { test as base } from '@playwright/test';
import { DEMO_ZONE, startTestStack, type TestStack } from '@saatja/bff/testing';
import {
  createLocalTls,
  startSmtpServer,
  type LocalSmtpServer,
  type LocalSmtpServerOptions,
  type TlsMaterial,
  type ZoneEntry,
} from '@saatja/local-servers';

export interface Fixtures {
  tls: TlsMaterial;
  /** SMTP servers the test asks for by name, started before the app so their ports are open to it. */
  smtpServers: Record<string, Omit<LocalSmtpServerOptions, 'tls'>>;
  servers: Record<string, LocalSmtpServer>;
  /** Recipients the stack's relay accepts and then bounces to the event mailbox (RFC 3464). */
  bounceRecipients: string[];
  /** What the stack's own DNS server answers; the BFF asks it and nothing else. */
  dnsZone: Readonly<Record<string, ZoneEntry>>;
  /** The vendor's sending IPs in this deployment (the stack's default when undefined). */
  sendingIps: string[] | undefined;
  /** Start the local Microsoft identity emulator and M365 SMTP server with the app (stack.m365). */
  m365: boolean;
  stack: TestStack;
}

export const test = base.extend<Fixtures>({
  tls: async ({}, use) => {
    await use(await createLocalTls());
  },
  smtpServers: [{}, { option: true }],
  servers: async ({ smtpServers, tls }, use) => {
    const entries = await Promise.all(
      Object.entries(smtpServers).map(async ([name, options]) => [name, await startSmtpServer({ tls, ...options })] as const),
    );
    const servers = Object.fromEntries(entries);
    await use(servers);
    await Promise.all(entries.map(([, server]) => server.close()));
  },
  bounceRecipients: [[], { option: true }],
  m365: [false, { option: true }],
  dnsZone: [DEMO_ZONE, { option: true }],
  sendingIps: [undefined, { option: true }],
  stack: async ({ servers, tls, bounceRecipients, m365, dnsZone, sendingIps }, use) => {
    const stack = await startTestStack({
      tls,
      openPorts: Object.values(servers).map((server) => server.port),
      bounce: bounceRecipients,
      m365,
      dnsZone,
      ...(sendingIps ? { sendingIps } : {}),
    });
    await use(stack);
    await stack.close();
  },
  baseURL: async ({ stack }, use) => {
    await use(stack.url);
  },
});

export { expect } from '@playwright/test';
export { DEMO_ZONE };

export const DEMO = {
  user: { code: 'JAAN', password: 'jaan-demo-2026', email: 'jaan@firma.ee' },
  admin: { code: 'MARI', password: 'mari-demo-2026', email: 'mari@firma.ee' },
} as const;
