// 适老化模式 in a real browser: turned on with the keyboard from the portal header, it makes the type larger and the
// targets bigger, stays on across pages and reloads (a cookie for a year), and turns off the same way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.ts';
import { executablePath, type Stack, seriousViolations, startStack, stopStack } from './stack.ts';

/** A computed style of the first element matching (an expression: the tests compile without the DOM library). */
const style = (page: Page, selector: string, property: 'fontSize' | 'lineHeight') =>
  page.evaluate<number>(
    `Number.parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property})`,
  );
const px = (page: Page, selector: string) => style(page, selector, 'fontSize');

/** Tab until the toggle has the focus (after the skip link, the site name and the navigation). */
async function tabToToggle(page: Page): Promise<void> {
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>("document.activeElement?.classList.contains('senior-toggle') === true")) return;
  }
  throw new Error('the 适老化 toggle is not reachable with Tab');
}

describe.skipIf(!executablePath)('browser: 适老化模式 (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('gongkai-browser-senior-');
    ({ server, browser } = stack);
  });

  afterAll(async () => {
    await stopStack(stack);
  });

  it('turns on with the keyboard, persists across pages and reloads, and turns off', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/catalog`);
    const toggle = page.locator('a.senior-toggle');
    await expect(toggle.textContent()).resolves.toBe('适老化模式');
    const before = { body: await px(page, 'body'), h1: await px(page, 'h1'), td: await px(page, 'td') };
    expect(before.body).toBe(18);

    await tabToToggle(page);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin}/catalog`);
    await expect(page.locator('body').getAttribute('class')).resolves.toBe('portal senior');
    await expect(toggle.textContent()).resolves.toBe('退出适老化模式');
    const after = { body: await px(page, 'body'), h1: await px(page, 'h1'), td: await px(page, 'td') };
    expect(after.body).toBeGreaterThanOrEqual(22);
    expect(after.h1).toBeGreaterThan(before.h1);
    expect(after.td).toBeGreaterThan(before.td);
    const lineHeight = await style(page, 'body', 'lineHeight');
    expect(lineHeight / after.body).toBeGreaterThanOrEqual(1.9);
    // Bigger targets: the toggle and the main navigation's links are at least 44 px high.
    expect((await toggle.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect((await page.locator('.site-nav a').first().boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(await seriousViolations(page)).toEqual([]);

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'gk_senior');
    expect(cookie?.value).toBe('1');
    expect((cookie?.expires ?? 0) * 1000 - Date.now()).toBeGreaterThan(360 * 24 * 3600 * 1000);

    await page.click('a[href="/guide"]');
    await expect(page.locator('body').getAttribute('class')).resolves.toBe('portal senior');
    await page.reload();
    await expect(page.locator('body').getAttribute('class')).resolves.toBe('portal senior');
    expect(await px(page, 'body')).toBeGreaterThanOrEqual(22);
    // A new tab of the same browser keeps it too.
    const other = await context.newPage();
    await other.goto(`${server.origin}/reports`);
    await expect(other.locator('body').getAttribute('class')).resolves.toBe('portal senior');

    await tabToToggle(page);
    await expect(page.locator('a.senior-toggle').textContent()).resolves.toBe('退出适老化模式');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin}/guide`);
    await expect(page.locator('body').getAttribute('class')).resolves.toBe('portal');
    expect(await px(page, 'body')).toBe(18);
    await page.reload();
    await expect(page.locator('a.senior-toggle').textContent()).resolves.toBe('适老化模式');
    await context.close();
  });
});
