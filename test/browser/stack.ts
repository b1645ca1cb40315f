// What every browser test needs: the real server on a temporary SQLite file, a headless Debian chromium, and an
// axe scan that reports serious and critical accessibility problems.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../src/report/write/pdf.ts';
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
