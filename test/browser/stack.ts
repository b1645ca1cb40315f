// What every browser test needs: the real server on a temporary SQLite file, a headless Debian chromium, and an
// axe scan that reports serious and critical accessibility problems.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../src/report/write/pdf.ts';
import { ID_NUMBER, PHONE } from '../applications.ts';
import { type RunningServer, spawnServer } from './server.ts';

export const executablePath = findChromium();

export interface Stack {
  dir: string;
  server: RunningServer;
  browser: Browser;
}

export async function startStack(prefix: string): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const [server, browser] = await Promise.all([
    spawnServer({ DATABASE_URL: join(dir, 'gongkai.db') }),
    chromium.launch({ executablePath: executablePath as string, args: CHROMIUM_ARGS, headless: true }),
  ]);
  return { dir, server, browser };
}

export async function stopStack(stack: Stack | undefined): Promise<void> {
  if (!stack) return;
  await stack.browser.close();
  await stack.server.stop();
  rmSync(stack.dir, { recursive: true, force: true });
}

export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A fresh browser context signed in to the console as a demo user (the password the server printed). */
export async function signIn(stack: Stack, username: string): Promise<Page> {
  const page = await (await stack.browser.newContext({ locale: 'zh-CN' })).newPage();
  await page.goto(`${stack.server.origin}/console/login`);
  await page.fill('#username', username);
  await page.fill('#password', stack.server.credentials.get(username) as string);
  await page.click('button:has-text("登录")');
  if (new URL(page.url()).pathname !== '/console') throw new Error(`${username} 未能登录：${page.url()}`);
  return page;
}

/**
 * A citizen applies on the portal, keyboard first, as 张三 to 示例区市场监督管理局 for `description`; the 查询号 and
 * 查询码 of the receipt.
 */
export async function applyAsCitizen(page: Page, origin: string, description: string) {
  await page.goto(`${origin}/apply`);
  await page.selectOption('#f-agencyId', { label: '示例区市场监督管理局' });
  await page.focus('#f-applicantKind');
  await page.keyboard.press('Space'); // 个人（自然人）
  await page.keyboard.press('Tab');
  await page.keyboard.type('张三');
  await page.selectOption('#f-idType', 'residentId');
  await page.fill('#f-idNumber', ID_NUMBER);
  await page.fill('#f-phone', PHONE);
  await page.fill('#f-description', description);
  await page.focus('#f-provisionForm');
  await page.keyboard.press('Space');
  await page.focus('#f-delivery-pickup');
  await page.keyboard.press('Space');
  await page.focus('#f-declaration');
  await page.keyboard.press('Space');
  await page.waitForTimeout(3200); // a person takes longer than the 3 s minimum
  await page.press('#f-idNumber', 'Enter');
  await expect(page.locator('h1').textContent()).resolves.toBe('申请已提交');
  const [trackingNo, queryCode] = (await page.locator('dl.codes code').allTextContents()) as [string, string];
  return { trackingNo, queryCode };
}
