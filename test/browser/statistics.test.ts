// 依申请公开统计 in a real browser: the portal page (linked from the portal navigation) and the supervising office's
// console page draw their charts and pass the axe scan; the charts are images named by their titles.
// Skipped without Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, type Stack, seriousViolations, signIn, startStack, stopStack } from './stack.ts';

describe.skipIf(!executablePath)('browser: statistics (needs chromium)', () => {
  let stack: Stack | undefined;

  beforeAll(async () => {
    stack = await startStack('gongkai-statistics-');
  });
  afterAll(() => stopStack(stack));

  it('shows the charts on the portal and to the office, every page accessible', async () => {
    const s = stack as Stack;
    const page = await (await s.browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${s.server.origin}/`);
    await page.click('nav a[href="/statistics"]');
    await expect(page.locator('h1').textContent()).resolves.toBe('依申请公开统计');
    expect(await page.locator('svg[role="img"]').count()).toBe(4);
    await expect(page.locator('svg[role="img"]').first().getAttribute('aria-labelledby')).resolves.toBe(
      'stat-monthly-title stat-monthly-desc',
    );
    expect(await seriousViolations(page)).toEqual([]);
    if (process.env.STATS_SHOT) await page.screenshot({ path: process.env.STATS_SHOT, fullPage: true });

    const office = await signIn(s, 'qzf.reviewer');
    await office.click('a[href="/console/statistics"]');
    await expect(office.locator('table.stat-compare caption').textContent()).resolves.toContain(
      '各机关依申请公开情况对比',
    );
    expect(await office.locator('svg[role="img"]').count()).toBe(4);
    expect(await seriousViolations(office)).toEqual([]);
  });
});
