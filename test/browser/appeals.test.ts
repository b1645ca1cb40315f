// 复议诉讼 in a real browser: a handler records a case (a mistake shown beside its field first), opens its page and
// table 四; an inspector reads it with the name masked. Every page passes the axe scan (serious and critical
// problems). Skipped without Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.ts';
import { executablePath, type Stack, seriousViolations, signIn, startStack, stopStack } from './stack.ts';

describe.skipIf(!executablePath)('browser: 复议诉讼 in the console (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;

  beforeAll(async () => {
    stack = await startStack('gongkai-appeals-');
    ({ server } = stack);
  });
  afterAll(() => stopStack(stack));

  const signedIn = (username: string) => signIn(stack as Stack, username);

  async function accessible(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('records a case, shows it and table 四, every page accessible', async () => {
    const handler = await signedIn('scjg.handler');
    await handler.click('nav >> text=复议诉讼');
    await expect(handler.locator('h1').textContent()).resolves.toBe('行政复议、行政诉讼');
    await accessible(handler);

    await handler.click('text=登记案件');
    await accessible(handler);
    await handler.selectOption('#f-kind', 'litigationDirect');
    await handler.fill('#f-bodyName', '示例区人民法院');
    await handler.fill('#f-caseNo', '（2025）示0101行初5号');
    await handler.fill('#f-appellantName', '孙晓明');
    await handler.fill('#f-filedOn', '2025-06-03');
    await handler.selectOption('#f-result', 'other');
    await handler.click('button:has-text("登记")');
    await expect(handler.locator('[role="alert"]').textContent()).resolves.toContain('结果日期');
    expect(await handler.inputValue('#f-appellantName')).toBe('孙晓明');
    await accessible(handler);
    await handler.fill('#f-resultOn', '2025-09-01');
    await handler.click('button:has-text("登记")');
    await expect(handler.locator('[role="status"]').textContent()).resolves.toContain('已保存');
    await expect(handler.locator('h1').textContent()).resolves.toContain('（2025）示0101行初5号');
    const caseUrl = handler.url().replace(/\?.*$/, '');
    await accessible(handler);

    await handler.goto(`${server.origin}/console/appeals/table?year=2025`);
    await expect(handler.locator('caption').textContent()).resolves.toBe('四、政府信息公开行政复议、行政诉讼情况');
    await accessible(handler);

    const inspector = await signedIn('qzf.inspector');
    await inspector.goto(caseUrl);
    await expect(inspector.locator('dl').textContent()).resolves.toContain('孙**');
    await accessible(inspector);
    await inspector.goto(`${server.origin}/console/appeals`);
    await accessible(inspector);
  });
});
