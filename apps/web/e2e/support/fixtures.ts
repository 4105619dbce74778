import { test as base } from '@playwright/test';
import { startTestStack, type TestStack } from '@saatja/bff/testing';
import { createLocalTls, startSmtpServer, type LocalSmtpServer, type LocalSmtpServerOptions, type TlsMaterial } from '@saatja/local-servers';

export interface Fixtures {
  tls: TlsMaterial;
  /** SMTP servers the test asks for, started before the app so their ports are open to it. */
  smtpServers: LocalSmtpServerOptions[];
  servers: LocalSmtpServer[];
  stack: TestStack;
}

export const test = base.extend<Fixtures>({
  tls: async ({}, use) => {
    await use(await createLocalTls());
  },
  smtpServers: [[], { option: true }],
  servers: async ({ smtpServers, tls }, use) => {
    const servers = await Promise.all(smtpServers.map((options) => startSmtpServer({ tls, ...options })));
    await use(servers);
    await Promise.all(servers.map((server) => server.close()));
  },
  stack: async ({ servers, tls }, use) => {
    const stack = await startTestStack({ tls, openPorts: servers.map((server) => server.port) });
    await use(stack);
    await stack.close();
  },
  baseURL: async ({ stack }, use) => {
    await use(stack.url);
  },
});

export { expect } from '@playwright/test';

export const DEMO = {
  user: { code: 'JAAN', password: 'jaan-demo-2026', email: 'jaan@firma.ee' },
  admin: { code: 'MARI', password: 'mari-demo-2026', email: 'mari@firma.ee' },
} as const;
