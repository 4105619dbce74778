import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Asset } from './bundle';
import type { Session } from './session';
import { median } from './stats';

/** Measured loads per page, after one unmeasured round (the servers' first requests, JIT). */
const RUNS = 7;
/** ms a page gets to show an enabled input. */
const USABLE_TIMEOUT_MS = 15_000;

export interface PageTarget {
  name: string;
  url: string;
  /** A session cookie to start signed in. */
  cookie?: { name: string; value: string };
}

export interface UsableResult {
  /** ms from navigation start to the first enabled input, median of RUNS cold loads. */
  median: number;
  runs: number[];
  /** Same-origin JS and CSS the page fetched (paths), to check the bundle measurement against. */
  assets: string[];
  /** Where the time goes: the median of each phase's end over the runs. */
  phases: LoadPhases;
}

/** ms after navigation start at which each part of a cold load had arrived. */
export interface LoadPhases {
  /** The HTML document's last byte. */
  html: number;
  /** The last same-origin script or style sheet. */
  assets: number;
  /** The last API answer asked for before the page became usable (its start-up reads). */
  reads: number;
  /** The first enabled input. */
  usable: number;
}

/** CHROMIUM_PATH when set (as in playwright.config.ts), else Debian's chromium, else Playwright's own. */
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** The console message the page writes once usable (see MARK_USABLE). */
const USABLE_SIGNAL = 'bench:usable';

/**
 * Runs in the page before its own scripts: note the moment (ms since navigation start) the first
 * input exists and is enabled, and say so on the console. Observing mutations is exact where
 * polling from outside is not; and waiting for a console message keeps Playwright's own script out
 * of the load: `page.waitForFunction` first evaluates Playwright's injected script (~330 kB) in the
 * page, which a trace showed taking the main thread for 20–30 ms in the middle of the card's load
 * (the static page is usable before it arrives). No user's browser runs it.
 * A string, not a function: tsx would wrap a function's inner names in helpers the page lacks.
 */
export const MARK_USABLE = `
  new MutationObserver((records, observer) => {
    const input = document.querySelector('input');
    if (!input || input.disabled) return;
    window.__usableAt = performance.now();
    observer.disconnect();
    console.debug('${USABLE_SIGNAL}');
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
`;

type Marked = { __usableAt?: number };

/** Resolves when a page with MARK_USABLE as an init script says it is usable; start it before the navigation. */
export const waitUntilUsable = (page: Page) =>
  page.waitForEvent('console', { predicate: (message) => message.text() === USABLE_SIGNAL, timeout: USABLE_TIMEOUT_MS });

/** One cold load: a fresh context has an empty HTTP cache, as a first visit of the day would. */
async function loadOnce(browser: Browser, target: PageTarget, assets: Set<string>): Promise<LoadPhases> {
  const context = await browser.newContext({ locale: 'et-EE' });
  try {
    if (target.cookie) await context.addCookies([{ ...target.cookie, url: target.url }]);
    await context.addInitScript({ content: MARK_USABLE });
    const page = await context.newPage();
    const origin = new URL(target.url).origin;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === origin && /\.(js|css)$/.test(url.pathname)) assets.add(url.pathname);
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const usable = waitUntilUsable(page);
    await page.goto(target.url, { waitUntil: 'commit' });
    await usable.catch(async (error: unknown) => {
      const shown = (
        await page
          .locator('body')
          .innerText()
          .catch(() => '')
      ).slice(0, 300);
      throw new Error(`${target.name} (${target.url}) showed no enabled input: "${shown}" ${errors.join(' | ')}`, { cause: error });
    });
    // Runs in the page; typed loosely because bench/ compiles without the DOM library.
    type Timing = { name: string; startTime: number; responseEnd: number };
    return await page.evaluate(() => {
      const usable = (globalThis as Marked).__usableAt!;
      const perf = (globalThis as unknown as { performance: { getEntriesByType(type: string): Timing[] } }).performance;
      // No named inner functions: tsx would wrap them in a helper the page lacks.
      const ends = { assets: 0, reads: 0 };
      for (const { name, startTime, responseEnd } of perf.getEntriesByType('resource')) {
        const pathname = new URL(name).pathname;
        if (startTime >= usable) continue;
        if (/\.(js|css)$/.test(pathname)) ends.assets = Math.max(ends.assets, responseEnd);
        else if (pathname.startsWith('/api/')) ends.reads = Math.max(ends.reads, responseEnd);
      }
      return { html: perf.getEntriesByType('navigation')[0]?.responseEnd ?? 0, ...ends, usable };
    });
  } finally {
    await context.close();
  }
}

/** Time to a usable page for each target, loads interleaved so background load hits all alike. */
export async function measureUsable(targets: readonly PageTarget[]): Promise<Map<string, UsableResult>> {
  const browser = await chromium.launch({
    executablePath,
    // Playwright drives Chromium through DevTools, whose network domain records the script stack
    // that started each request; with V8's default lazy source positions, the first fetch() of a
    // script then re-parses all of it (~30 ms for the card's, measured in a trace), a cost no user
    // without DevTools open pays. Positions made at compile time instead cost the page a little more.
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--js-flags=--no-enable-lazy-source-positions'],
  });
  try {
    const times = new Map(targets.map((target) => [target.name, [] as LoadPhases[]]));
    const assets = new Map(targets.map((target) => [target.name, new Set<string>()]));
    for (let round = 0; round <= RUNS; round++) {
      for (const target of targets) {
        const phases = await loadOnce(browser, target, assets.get(target.name)!);
        if (round > 0) times.get(target.name)!.push(phases);
      }
    }
    return new Map(
      targets.map(({ name }) => {
        const loads = times.get(name)!;
        const phase = (key: keyof LoadPhases) => median(loads.map((load) => load[key]));
        const phases = { html: phase('html'), assets: phase('assets'), reads: phase('reads'), usable: phase('usable') };
        const runs = loads.map(({ usable }) => usable);
        return [name, { median: phases.usable, runs, assets: [...assets.get(name)!].sort(), phases }];
      }),
    );
  } finally {
    await browser.close();
  }
}

/**
 * Cold loads of a static page, the sign-in page and the signed-in card; fails when the card fetched
 * JS or CSS that the bundle measurement (`entryAssets`) did not count.
 */
export async function measureCardLoads(
  bff: { url: string; helloUrl: string },
  jaan: Session,
  assets: readonly Asset[],
): Promise<Record<'hello' | 'helloWithHeaders' | 'signIn' | 'card', UsableResult>> {
  const session = { name: 'saatja_session', value: jaan.cookie.slice(jaan.cookie.indexOf('=') + 1) };
  const usable = await measureUsable([
    { name: 'hello', url: bff.helloUrl },
    { name: 'helloWithHeaders', url: `${bff.helloUrl}with-headers` },
    { name: 'signIn', url: `${bff.url}/` },
    { name: 'card', url: `${bff.url}/`, cookie: session },
  ]);
  const card = usable.get('card')!;
  const missing = card.assets.filter((asset) => !assets.some(({ file }) => `/${file}` === asset));
  if (missing.length > 0) throw new Error(`the card loaded assets the bundle measurement missed: ${missing.join(', ')}`);
  return { hello: usable.get('hello')!, helloWithHeaders: usable.get('helloWithHeaders')!, signIn: usable.get('signIn')!, card };
}
