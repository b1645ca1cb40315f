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
