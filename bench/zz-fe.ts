import { chromium } from '@playwright/test';
import { startChild } from './child';
import type { BffReady } from './protocol';
import { signIn } from './session';
const bff = await startChild<BffReady>(new URL('./bff-process.ts', import.meta.url));
try {
  const jaan = await signIn(bff.ready.url, 'JAAN', 'jaan-demo-2026');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  for (let run = 0; run < 4; run++) for (const cookie of [false, true]) {
    const context = await browser.newContext({ locale: 'et-EE' });
    if (cookie) await context.addCookies([{ name: 'saatja_session', value: jaan.cookie.split('=')[1]!, url: bff.ready.url }]);
    await context.addInitScript({ content: `new MutationObserver(() => { const i = document.querySelector('input'); if (window.__usableAt === undefined && i && !i.disabled) window.__usableAt = performance.now(); }).observe(document, { subtree: true, childList: true });` });
    const page = await context.newPage();
    const client = await context.newCDPSession(page);
    await client.send('Performance.enable');
    await page.goto(bff.ready.url + '/');
    await page.waitForFunction(() => (globalThis as { __usableAt?: number }).__usableAt !== undefined);
    const info = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => `${new URL(r.name).pathname} ${r.startTime.toFixed(0)}→${r.responseEnd.toFixed(0)}`);
      return { usable: (globalThis as { __usableAt?: number }).__usableAt!.toFixed(0), html: nav.responseEnd.toFixed(0), dcl: nav.domContentLoadedEventEnd.toFixed(0), res };
    });
    const metrics = await client.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.metrics.map((x) => [x.name, x.value]));
    if (run > 0) console.log(cookie ? 'card  ' : 'signin', JSON.stringify(info), 'script s', (m.ScriptDuration ?? 0).toFixed(3), 'layout s', (m.LayoutDuration ?? 0).toFixed(3), 'task s', (m.TaskDuration ?? 0).toFixed(3));
    await context.close();
  }
  await browser.close();
} finally { await bff.stop(); }
