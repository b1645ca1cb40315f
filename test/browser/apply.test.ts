// The online application in a real browser: filled in and sent with the keyboard, the receipt with the codes, the
// status looked up with them, and axe scans of the three pages. Skipped (and listed as skipped) without Chromium.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_NUMBER, PHONE } from '../applications.ts';
import type { RunningServer } from './server.ts';
import { executablePath, type Stack, seriousViolations, startStack, stopStack } from './stack.ts';

describe.skipIf(!executablePath)('browser: 依申请公开 on the portal (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('gongkai-browser-apply-');
    ({ server, browser } = stack);
  });

  afterAll(async () => {
    await stopStack(stack);
  });

  it('submits an application with the keyboard, shows the codes once and looks up the status', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/apply`);
    await expect(page.locator('h1').textContent()).resolves.toBe('申请公开政府信息');
    expect(await seriousViolations(page)).toEqual([]);
    // The trap field is off screen (and out of the tab order, hidden from screen readers).
    const trapBox = await page.locator('input[name="homepage"]').boundingBox();
    expect((trapBox?.x ?? 0) + (trapBox?.width ?? 0)).toBeLessThanOrEqual(0);
    // Both identity groups until a kind is chosen; then the script shows only the one that fits.
    expect(await page.locator('#g-org').isVisible()).toBe(true);

    await page.selectOption('#f-agencyId', { label: '示例区市场监督管理局' });
    await page.focus('#f-applicantKind');
    await page.keyboard.press('Space'); // 个人（自然人）
    expect(await page.locator('#g-org').isVisible()).toBe(false);
    expect(await page.locator('#g-person').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('张三');
    await page.selectOption('#f-idType', 'residentId');
    await page.fill('#f-idNumber', '320102199001011234'); // wrong check digit first
    await page.fill('#f-phone', PHONE);
    await page.fill('#f-description', '2024年度本区老旧小区改造项目清单及资金安排');
    await page.focus('#f-provisionForm');
    await page.keyboard.press('Space');
    await page.focus('#f-delivery-pickup');
    await page.keyboard.press('Space');
    await page.focus('#f-declaration');
    await page.keyboard.press('Space');
    await page.waitForTimeout(3200); // a person takes longer than the 3 s minimum
    await page.press('#f-idNumber', 'Enter'); // the keyboard submits the form
    await expect(page.locator('[role="alert"] a').textContent()).resolves.toContain('证件号码：校验位不符');
    await expect(page.locator('#f-applicantName').inputValue()).resolves.toBe('张三'); // the input is kept
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('#f-idNumber', ID_NUMBER);
    await page.waitForTimeout(3200);
    await page.press('#f-idNumber', 'Enter');
    await expect(page.locator('h1').textContent()).resolves.toBe('申请已提交');
    const codes = await page.locator('dl.codes code').allTextContents();
    const [trackingNo, queryCode] = codes as [string, string];
    expect(trackingNo).toMatch(/^GK\d{4}-\d+-\d{6}$/);
    expect(queryCode).toMatch(/^[A-Z2-9]{4}( [A-Z2-9]{4}){3}$/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.click('a:has-text("查询办理进度")');
    await page.fill('#f-trackingNo', trackingNo);
    await page.fill('#f-queryCode', queryCode);
    await page.press('#f-queryCode', 'Enter');
    await expect(page.locator('h1').textContent()).resolves.toBe('办理进度');
    const text = (await page.locator('main').textContent()) as string;
    expect(text).toContain('已提交，待确认收到');
    expect(text).toContain('示例区市场监督管理局');
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
    expect(new URL(page.url()).search).toBe(''); // the code never goes into a URL
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
