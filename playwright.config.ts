import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Each test starts its own Saatja (its own database, relay, SMTP servers) in its fixture, so tests run
 * in parallel and in any order; the global setup starts the one PostgreSQL server they share. The
 * browser, found as scripts/test.sh finds it: CHROMIUM_PATH, else the system's Chromium (Debian's),
 * else Playwright's own (`npx playwright install chromium`).
 */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = process.env.CHROMIUM_PATH || SYSTEM_CHROMIUM.find((file) => existsSync(file));

export default defineConfig({
  testDir: './apps/web/e2e',
  globalSetup: './apps/bff/test/support/global-setup.ts',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'et-EE',
    launchOptions: {
      executablePath,
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
