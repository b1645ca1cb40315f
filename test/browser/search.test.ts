// 站内检索 in a real browser on the demo site: a two-character word typed into the search box and sent with Enter
// finds the demo district's budget document, with the word marked, and its link opens the item's page; the results
// page, the page with filters open and the no-results page pass axe. Skipped (and listed as skipped) without Chromium.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.ts';
import { executablePath, type Stack, seriousViolations, startStack, stopStack } from './stack.ts';

describe.skipIf(!executablePath)('browser: 站内检索 (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('gongkai-browser-search-');
    ({ server, browser } = stack);
  });

  afterAll(async () => {
    await stopStack(stack);
  });

  it('finds a two-character word typed into the box, marks it, and opens the item', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search`);
    await page.getByLabel('检索词').fill('预算');
    await page.getByLabel('检索词').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await expect(page.locator('.result-summary').textContent()).resolves.toMatch(/找到 \d+ 条与“预算”相关的信息/);
    const hit = page.locator('ol.search-results h3 a', { hasText: '示例区2025年区级财政预算公开说明' });
    await expect(hit.locator('mark').first().textContent()).resolves.toBe('预算');
    expect(await seriousViolations(page)).toEqual([]);
    const href = await hit.getAttribute('href');
    expect(href).toMatch(/^\/catalog\/\d+$/);
    await hit.click();
    await page.waitForURL(`${server.origin}${href}`);
    await expect(page.locator('h1').textContent()).resolves.toContain('示例区2025年区级财政预算公开说明');
    await context.close();
  });

  it('passes axe with the filters open and when nothing is found', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search?q=${encodeURIComponent('公开')}&kind=normative`);
    await expect(page.locator('details.search-filters').getAttribute('open')).resolves.not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.origin}/search?q=${encodeURIComponent('火星基地')}`);
    await expect(page.locator('main').textContent()).resolves.toContain('检索建议');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
