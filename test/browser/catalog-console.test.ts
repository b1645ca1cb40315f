// The catalogue's console pages in a real browser: a 发布员 writes an item (a mistake shown beside its field first),
// submits it; a 审核人 approves it with the 保密审查; the 发布员 publishes it and the public page shows it. Every
// page passes the axe scan (serious and critical problems). Skipped without Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.ts';
import { executablePath, type Stack, seriousViolations, signIn, startStack, stopStack } from './stack.ts';

describe.skipIf(!executablePath)('browser: the catalogue console (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;

  beforeAll(async () => {
    stack = await startStack('gongkai-catalog-');
    ({ server } = stack);
  });
  afterAll(() => stopStack(stack));

  const signedIn = (username: string) => signIn(stack as Stack, username);

  async function accessible(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('takes an item from the form through 审查 to the portal, every page accessible', async () => {
    const publisher = await signedIn('scjg.publisher');
    await accessible(publisher);
    await publisher.click('nav >> text=主动公开目录');
    await expect(publisher.locator('h1').textContent()).resolves.toContain('主动公开目录');
    await accessible(publisher);

    await publisher.click('text=新建信息');
    await accessible(publisher);
    await publisher.selectOption('#f-kind', 'normative');
    await publisher.fill('#f-title', '示例区关于推进政务公开标准化规范化的实施意见');
    await publisher.fill('#f-docNo', '示政规〔2026〕1号');
    await publisher.fill('#f-formedOn', '2026-02-30');
    await publisher.fill('#f-topic', '综合政务');
    await publisher.fill('#f-body', '为推进政务公开标准化规范化，提出如下意见。');
    await publisher.click('button:has-text("保存草稿")');
    await expect(publisher.locator('[role="alert"]').textContent()).resolves.toContain('成文日期');
    expect(await publisher.inputValue('#f-title')).toBe('示例区关于推进政务公开标准化规范化的实施意见');
    await accessible(publisher);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await publisher.fill('#f-formedOn', today);
    await publisher.click('button:has-text("保存草稿")');
    await expect(publisher.locator('[role="status"]').textContent()).resolves.toContain('已保存');
    const itemUrl = publisher.url().replace(/\?.*$/, '');
    await accessible(publisher);
    await publisher.click('button:has-text("送审")');

    const reviewer = await signedIn('scjg.reviewer');
    await expect(reviewer.locator('#catalog-home ~ ul').textContent()).resolves.toMatch(/待我审查的信息：[1-9]/);
    await reviewer.goto(itemUrl);
    await accessible(reviewer);
    await reviewer.check('#f-secrecyChecked');
    await reviewer.fill('#f-comment', '同意发布');
    await reviewer.click('button:has-text("提交审查意见")');
    await expect(reviewer.locator('[role="status"]').textContent()).resolves.toContain('已保存');

    await publisher.goto(itemUrl);
    await publisher.click('button:has-text("发布")');
    await expect(publisher.locator('.settings').first().textContent()).resolves.toContain('已发布');
    await accessible(publisher);
    await publisher.click('text=查看公开页面');
    await expect(publisher.locator('h1').textContent()).resolves.toContain(
      '示例区关于推进政务公开标准化规范化的实施意见',
    );

    await publisher.goto(`${server.origin}/console/catalog/late`);
    await accessible(publisher);
    await publisher.goto(`${server.origin}/console/catalog/import`);
    await accessible(publisher);
    await publisher.context().close();
    await reviewer.context().close();
  });
});
