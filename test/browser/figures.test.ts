// 年度数据 in a real browser: the agency administrator follows the home page's link, enters a year with a mistake
// (shown beside its field and in the summary), corrects it and sees it listed; each state passes the axe scan.
// Skipped without Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.ts';
import { executablePath, type Stack, seriousViolations, startStack, stopStack } from './stack.ts';

describe.skipIf(!executablePath)('browser: yearly figures (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('gongkai-figures-');
    ({ server, browser } = stack);
  });
  afterAll(() => stopStack(stack));

  async function signedIn(username: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${server.origin}/console/login`);
    await page.fill('#username', username);
    await page.fill('#password', server.credentials.get(username) as string);
    await page.click('button:has-text("登录")');
    expect(new URL(page.url()).pathname).toBe('/console');
    return page;
  }

  it('enters a year, a mistake first, every state accessible', async () => {
    const page = await signedIn('bgs.admin');
    await page.click('a[href="/console/figures"]');
    await expect(page.locator('h1').textContent()).resolves.toContain('年度数据');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#f-year', '2024');
    await page.fill('#f-licensing', '12');
    await page.fill('#f-punishment', '3');
    await page.fill('#f-coercion', '0');
    await page.fill('#f-fees', '1.234');
    await page.fill('#f-source', '本机关行政审批系统导出');
    await page.click('button:has-text("保存")');
    await expect(page.locator('[role="alert"]').textContent()).resolves.toContain('行政事业性收费（万元）');
    expect(await page.getAttribute('#f-fees', 'aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#f-fees', '1.23');
    await page.click('button:has-text("保存")');
    await expect(page.locator('[role="status"]').first().textContent()).resolves.toContain('已保存2024年度数据');
    await expect(page.locator('table').first().textContent()).resolves.toContain('1.23');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
