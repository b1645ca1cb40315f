// The portal in a real browser: an axe scan (serious and critical problems) of every portal page — the home page,
// the catalogue (plain and filtered), a repealed document with its banner, an interpretation, the 指南, the annual
// reports, 依申请公开, search and the report checker — first as everyone sees them, then in 适老化 mode. The demo
// district's catalogue (demo/catalog.ts) is what `npm start` seeds. Skipped (and listed as skipped) without Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.ts';
import { executablePath, type Stack, seriousViolations, startStack, stopStack } from './stack.ts';

/** The href of the first item in a catalogue list. */
async function firstItem(page: Page, origin: string, query: string): Promise<string> {
  await page.goto(`${origin}/catalog?${query}`);
  const href = await page.locator('table.catalog-table tbody a').first().getAttribute('href');
  if (!href) throw new Error(`no item for ${query}`);
  return href;
}

describe.skipIf(!executablePath)('browser: the portal passes axe on every page (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;
  let browser: Browser;
  let pages: string[] = [];

  beforeAll(async () => {
    stack = await startStack('gongkai-browser-portal-');
    ({ server, browser } = stack);
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const repealed = await firstItem(page, server.origin, 'validity=repealed');
    const interpretation = await firstItem(page, server.origin, 'kind=interpretation');
    const report = await firstItem(page, server.origin, 'kind=document&year=2025');
    pages = [
      '/',
      '/catalog',
      '/catalog?kind=normative&year=2025',
      repealed,
      interpretation,
      report,
      '/guide',
      '/guide/3',
      '/reports',
      '/apply',
      '/search?q=%E5%85%AC%E5%BC%80',
      '/reports/check',
    ];
    await context.close();
  });

  afterAll(async () => {
    await stopStack(stack);
  });

  it('shows the demo catalogue: a repealed document says so and links to its replacement', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}${pages[3]}`);
    const banner = page.locator('.validity-banner');
    await expect(banner.textContent()).resolves.toMatch(/本文件已于\d{4}年\d{1,2}月\d{1,2}日废止，由《.+》替代。/);
    await banner.locator('a').click();
    await expect(page.locator('.validity-banner').textContent()).resolves.toBe('效力状态：有效');
    await expect(page.locator('#interpretations-title').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('has no serious accessibility problems on any portal page', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of pages) {
      const res = await page.goto(`${server.origin}${path}`);
      expect(res?.status(), path).toBe(200);
      for (const v of await seriousViolations(page)) found.push(`${path} → ${v}`);
    }
    expect(found).toEqual([]);
    await context.close();
  });

  it('has none in 适老化 mode either, and every page keeps the mode', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.click('a.senior-toggle');
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(`${server.origin}${path}`);
      expect(await page.locator('body').getAttribute('class'), path).toBe('portal senior');
      for (const v of await seriousViolations(page)) found.push(`${path} → ${v}`);
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
