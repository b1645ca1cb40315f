// The published annual reports on the portal in a real browser, on the demo district `npm start` seeds: the /reports
// list leads to a report page and its files, and to the open data page; each page passes the axe scan.
// Skipped without Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, type Stack, seriousViolations, startStack, stopStack } from './stack.ts';

describe.skipIf(!executablePath)('browser: published annual reports on the portal (needs chromium)', () => {
  let stack: Stack | undefined;

  beforeAll(async () => {
    stack = await startStack('gongkai-report-portal-');
  });
  afterAll(() => stopStack(stack));

  it('goes from the list to a report, its Word file and the open data, every page accessible', async () => {
    const { browser, server } = stack as Stack;
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${server.origin}/reports`);
    expect(await seriousViolations(page)).toEqual([]);
    const link = page.locator('table a[href^="/reports/"]:not([href*="report."])').first();
    const href = (await link.getAttribute('href')) as string;
    await link.click();
    expect(new URL(page.url()).pathname).toBe(href);
    await expect(page.locator('h1').textContent()).resolves.toContain('政府信息公开工作年度报告');
    await expect(page.locator('td.published-on').textContent()).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(await seriousViolations(page)).toEqual([]);
    const docx = await page.request.get(`${server.origin}${href}/report.docx`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-disposition']).toContain("filename*=UTF-8''");
    await page.goto(`${server.origin}/open-data`);
    await expect(page.locator('h1').textContent()).resolves.toBe('政府信息公开工作年度报告开放数据');
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);
});
