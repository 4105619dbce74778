import type { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Captures the page as `<name>-<width>.png` among the test's artifacts (and in the HTML report) for
 * people to look at, and checks it does not scroll sideways, which long text must never cause.
 */
export function screenshotter(page: Page, testInfo: TestInfo, width: number) {
  return async (name: string) => {
    // The card's deliverability advice arrives after the card paints: capture it settled.
    await expect(page.getByText(/^Kontrollin domeeni/)).toHaveCount(0);
    const path = testInfo.outputPath(`${name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name}-${width}`, { path, contentType: 'image/png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect.soft(overflow, `${name} at ${width} px scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  };
}
