import { chromium } from '@playwright/test';
import { startTestStack } from '../apps/bff/test/support/stack';
import { setUpTestDatabaseServer } from '../apps/bff/test/support/test-database';
import { MARK_USABLE, waitUntilUsable } from './browser';
import { signIn } from './session';

/**
 * `tsx bench/waterfall.ts`: where a cold load of the signed-in card spends its time — each request's
 * start and end (ms after navigation start) and the first enabled input. Not part of `pnpm bench`.
 */
const stopDatabase = await setUpTestDatabaseServer();
const stack = await startTestStack();
try {
  const session = await signIn(stack.url, 'JAAN', 'jaan-demo-2026');
  const [name, value] = session.cookie.split('=') as [string, string];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  for (let run = 0; run < 4; run++) {
    const context = await browser.newContext({ locale: 'et-EE' });
    await context.addCookies([{ name, value, url: stack.url }]);
    await context.addInitScript({ content: MARK_USABLE });
    const page = await context.newPage();
    const usable = waitUntilUsable(page);
    await page.goto(stack.url);
    await usable;
    // Runs in the page; typed loosely because bench/ compiles without the DOM library.
    type Timing = { name: string; startTime: number; responseEnd: number };
    const timeline = await page.evaluate(() => {
      const perf = (globalThis as unknown as { performance: { getEntriesByType(type: string): Timing[] } }).performance;
      return {
        resources: perf
          .getEntriesByType('resource')
          .map((e) => `${new URL(e.name).pathname.padEnd(42)} ${Math.round(e.startTime)}–${Math.round(e.responseEnd)}`),
        usable: Math.round((globalThis as { __usableAt?: number }).__usableAt!),
      };
    });
    if (run > 0) console.log(JSON.stringify(timeline, null, 1));
    await context.close();
  }
  await browser.close();
} finally {
  await stack.close();
  await stopDatabase();
}
