// 公众留言 in a real browser: the form filled in and sent with the keyboard alone, the thank-you page with the codes,
// the answer looked up with them, a public answer given in the console and shown on /feedback — with axe scans of
// the form, the status page and the public list. Skipped (and listed as skipped) without Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.ts';
import { executablePath, type Stack, seriousViolations, startStack, stopStack } from './stack.ts';

const focusedId = (page: Page) => page.locator(':focus').getAttribute('id');

describe.skipIf(!executablePath)('browser: 公众留言 on the portal (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('gongkai-browser-feedback-');
    ({ server, browser } = stack);
  });

  afterAll(async () => {
    await stopStack(stack);
  });

  it('takes a message from the keyboard alone, answers it publicly and shows the answer', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/feedback/new`);
    await expect(page.locator('h1').textContent()).resolves.toBe('我要留言');
    expect(await seriousViolations(page)).toEqual([]);

    // Tab from the page's last link before the form to each field in order; the trap field is never reached.
    await page.focus('a[href="/feedback/status"]');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('f-agencyId');
    for (let i = 0; i < 10; i++) {
      const label = await page.locator('#f-agencyId option:checked').textContent();
      if (label === '示例区市场监督管理局') break;
      await page.keyboard.press('ArrowDown');
    }
    await expect(page.locator('#f-agencyId option:checked').textContent()).resolves.toBe('示例区市场监督管理局');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('f-kind');
    await page.keyboard.press('Space'); // 咨询
    await page.keyboard.press('ArrowDown'); // 意见建议
    await expect(page.locator('#f-kind-suggestion').isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('f-subject');
    await page.keyboard.type('建议公开社区养老服务点名单');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('f-content');
    await page.keyboard.type('希望公开各社区养老服务点的地址和开放时间。');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('f-name');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('f-contact');
    await page.keyboard.type('13812345678'); // a contact without a name: the form says which field is missing
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('f-publishConsent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').textContent()).resolves.toBe('提交留言');
    await page.waitForTimeout(3200); // a person takes longer than the 3 s minimum
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[role="alert"] a').textContent())
      .toBe('姓名或称呼：留下联系方式以便私下答复的，请填写姓名或称呼');
    expect(await seriousViolations(page)).toEqual([]);
    // The error summary links to the field; the input is kept.
    await page.focus('[role="alert"] a');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#f-name');
    await expect(page.locator('#f-subject').inputValue()).resolves.toBe('建议公开社区养老服务点名单');
    await page.focus('#f-name');
    await page.keyboard.type('王五');
    await page.waitForTimeout(3200);
    await page.keyboard.press('Enter');

    await expect.poll(() => page.locator('h1').textContent()).toBe('留言已提交，感谢您的意见建议');
    const [messageNo, queryCode] = (await page.locator('dl.codes code').allTextContents()) as [string, string];
    expect(messageNo).toMatch(/^LY\d{4}-\d+-\d{6}$/);
    expect(queryCode).toMatch(/^[A-Z2-9]{4}( [A-Z2-9]{4}){3}$/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.origin}/feedback/status`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.focus('#f-messageNo');
    await page.keyboard.type(messageNo);
    await page.keyboard.press('Tab');
    await page.keyboard.type(queryCode);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('留言答复');
    await expect(page.locator('main').textContent()).resolves.toContain('尚未答复');
    expect(new URL(page.url()).search).toBe(''); // the code never goes into a URL
    expect(await seriousViolations(page)).toEqual([]);

    // The bureau's handler answers it publicly in the console.
    const staff = await context.newPage();
    await staff.goto(`${server.origin}/console/login`);
    await staff.fill('#username', 'scjg.handler');
    await staff.fill('#password', server.credentials.get('scjg.handler') as string);
    await staff.press('#password', 'Enter');
    await staff.click('nav >> text=公众留言');
    await expect.poll(() => staff.locator('h1').textContent()).toBe('公众留言');
    expect(await seriousViolations(staff)).toEqual([]);
    await staff.click(`a:has-text("${messageNo}")`);
    await expect(staff.locator('main').textContent()).resolves.toContain('13812345678');
    expect(await seriousViolations(staff)).toEqual([]);
    await staff.check('#f-mode');
    await staff.fill('#f-answer', '名单已在主动公开目录“社会救助”栏目公开。');
    await staff.click('button:has-text("提交答复")');
    await expect.poll(() => staff.locator('[role="status"]').textContent()).toContain('已保存');

    await page.goto(`${server.origin}/feedback`);
    const list = (await page.locator('main').textContent()) as string;
    expect(list).toContain('建议公开社区养老服务点名单');
    expect(list).toContain('名单已在主动公开目录“社会救助”栏目公开。');
    expect(list).not.toContain('王五');
    expect(list).not.toContain('13812345678');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
