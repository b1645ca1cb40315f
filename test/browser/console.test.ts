// The real server in a real browser: what `npm start` prints, logging in through the page, the console, logging
// out, keyboard use, and an axe accessibility scan. Skipped (and listed as skipped) without Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.ts';
import { executablePath, type Stack, seriousViolations, startStack, stopStack } from './stack.ts';

describe.skipIf(!executablePath)('browser: portal and console of a started server (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('gongkai-browser-');
    ({ server, browser } = stack);
  });

  afterAll(async () => {
    await stopStack(stack);
    // Graceful shutdown: the server said so and closed the database (no error after it).
    expect(server?.output()).toMatch(/收到 SIGTERM，正在停止服务……\n(?:.*"msg":"stopped".*\n)?$/);
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN' });
    return context.newPage();
  }

  it('prints the addresses and one password per demo user, once', () => {
    expect(server.output()).toContain('门户网站：http://127.0.0.1:');
    expect([...server.credentials.keys()]).toEqual([
      'admin',
      'bgs.admin',
      'scjg.handler',
      'scjg.reviewer',
      'scjg.publisher',
      'qzf.inspector',
      'qzf.reviewer',
    ]);
  });

  it('lets a keyboard user reach the skip link first, then the navigation', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/`);
    await expect(page.title()).resolves.toBe('首页 - 示例区人民政府信息公开');
    await expect(page.locator('.demo-banner').textContent()).resolves.toContain('演示数据');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('跳至主要内容');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0); // visible once focused
    let inNav = false;
    for (let i = 0; i < 4 && !inNav; i++) {
      await page.keyboard.press('Tab');
      inNav = (await page.locator('nav[aria-label="主导航"] a:focus').count()) === 1;
    }
    expect(inNav).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.locator(':focus').textContent()).toBe('跳至主要内容');
    await page.keyboard.press('Enter'); // the skip link: focus moves to the main content
    await expect.poll(() => new URL(page.url()).hash).toBe('#main');
    await expect.poll(() => page.locator('main#main:focus').count()).toBe(1);
    await page.context().close();
  });

  it('logs in through the page, opens the console and the audit log, and logs out', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.fill('#username', 'admin');
    await page.fill('#password', 'not-the-password');
    await page.press('#password', 'Enter');
    await expect(page.locator('[role="alert"]').textContent()).resolves.toBe('用户名或密码错误');
    await page.fill('#username', 'admin');
    await page.fill('#password', server.credentials.get('admin') as string);
    await page.click('button:has-text("登录")');
    expect(new URL(page.url()).pathname).toBe('/console');
    await expect(page.locator('.user-box span').textContent()).resolves.toBe('系统管理员（系统管理员，全系统）');
    await page.click('nav >> text=审计日志');
    await expect(page.locator('h1').textContent()).resolves.toBe('审计日志');
    await expect(page.locator('tbody').textContent()).resolves.toContain('登录');
    await page.click('button:has-text("退出登录")');
    expect(page.url()).toBe(`${server.origin}/console/login?out=1`);
    await expect(page.locator('[role="status"]').textContent()).resolves.toBe('您已安全退出。');
    await page.goto(`${server.origin}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.context().close();
  });

  it('lets the administrator create a user, who signs in with the one-time password and must change it', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/console/login`);
    await page.fill('#username', 'admin');
    await page.fill('#password', server.credentials.get('admin') as string);
    await page.click('button:has-text("登录")');
    await page.click('nav >> text=机构与用户');
    await expect(page.locator('h1').textContent()).resolves.toBe('机构与用户');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('a:has-text("用户账户")');
    await page.click('a:has-text("新建用户")');
    await page.fill('#f-username', 'Wang Wu');
    await page.fill('#f-displayName', '王五');
    await page.selectOption('#f-role', 'handler');
    await page.selectOption('#f-agencyId', { label: '示例区教育局' });
    await page.press('#f-displayName', 'Enter'); // the keyboard submits the form
    await expect(page.locator('[role="alert"] a').textContent()).resolves.toContain('用户名：');
    await expect(page.locator('#f-displayName').inputValue()).resolves.toBe('王五'); // the input is kept
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#f-username', 'jyj.wangwu');
    await page.click('button:has-text("新建用户")');
    await expect(page.locator('h1').textContent()).resolves.toBe('用户已新建');
    const password = (await page.locator('.password code').textContent()) as string;
    expect(password).toMatch(/^\S{16}$/);
    await page.click('button:has-text("退出登录")');
    await page.fill('#username', 'jyj.wangwu');
    await page.fill('#password', password);
    await page.click('button:has-text("登录")');
    expect(new URL(page.url()).pathname).toBe('/console/password');
    await page.fill('#currentPassword', password);
    await page.fill('#newPassword', 'Quiet-River-2026');
    await page.fill('#confirmPassword', 'Quiet-River-2026');
    await page.click('button:has-text("修改密码")');
    expect(new URL(page.url()).pathname).toBe('/console');
    await expect(page.locator('.user-box span').textContent()).resolves.toBe('王五（承办人，示例区教育局）');
    await page.context().close();
  });

  it('has no serious or critical axe violations on the portal home, the login page and the console home', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.origin}/console/login`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#username', 'scjg.handler');
    await page.fill('#password', server.credentials.get('scjg.handler') as string);
    await page.click('button:has-text("登录")');
    await expect(page.locator('h1').textContent()).resolves.toBe('工作平台');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
