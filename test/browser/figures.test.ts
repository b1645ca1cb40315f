// 年度数据 in a real browser: the agency administrator follows the home page's link, enters a year with a mistake
// (shown beside its field and in the summary), corrects it and sees it listed; each state passes the axe scan.
// Skipped without Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, type Stack, seriousViolations, signIn, startStack, stopStack } from './stack.ts';

describe.skipIf(!executablePath)('browser: yearly figures (needs chromium)', () => {
  let stack: Stack | undefined;

  beforeAll(async () => {
    stack = await startStack('gongkai-figures-');
  });
  afterAll(() => stopStack(stack));

  const signedIn = (username: string) => signIn(stack as Stack, username);

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
