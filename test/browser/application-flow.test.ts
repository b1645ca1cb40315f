// Issue 4's end-to-end test in a real browser against the started server: a citizen applies on the portal, the
// handler confirms receipt and sends a 补正 notice with its letter, the citizen's status page shows the new state,
// the deadline and why, and the letter; the handler records the correction and proposes a partial disclosure, the
// reviewer approves, the handler issues the 答复书 and the citizen downloads it. Skipped without Chromium.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../src/calendar/dates.ts';
import { unzipText } from '../../src/report/write/unzip.ts';
import type { RunningServer } from './server.ts';
import { applyAsCitizen, executablePath, type Stack, seriousViolations, startStack, stopStack } from './stack.ts';

describe.skipIf(!executablePath)('browser: an application from the portal to the 答复书 (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('gongkai-browser-flow-');
    ({ server, browser } = stack);
  });

  afterAll(async () => {
    await stopStack(stack);
  });

  const apply = (page: Page) => applyAsCitizen(page, server.origin, '2024年度本区食品安全抽检结果及处理情况');

  async function status(page: Page, codes: { trackingNo: string; queryCode: string }) {
    await page.goto(`${server.origin}/apply/status`);
    await page.fill('#f-trackingNo', codes.trackingNo);
    await page.fill('#f-queryCode', codes.queryCode);
    await page.press('#f-queryCode', 'Enter');
    await expect(page.locator('h1').textContent()).resolves.toBe('办理进度');
    return (await page.locator('main').textContent()) as string;
  }

  async function logIn(page: Page, username: string) {
    await page.goto(`${server.origin}/console/login`);
    await page.fill('#username', username);
    await page.fill('#password', server.credentials.get(username) as string);
    await page.click('button:has-text("登录")');
    expect(new URL(page.url()).pathname).toBe('/console'); // demo users need no password change
  }

  async function openCase(page: Page, trackingNo: string) {
    await page.goto(`${server.origin}/console/applications`);
    await page.locator(`a:has-text("${trackingNo}")`).first().click();
    await expect(page.locator('main').textContent()).resolves.toContain(trackingNo);
  }

  /** Submit one action form of the case page (by its heading id) and expect no error summary. */
  async function act(page: Page, key: string, fill: (form: string) => Promise<void> = async () => {}) {
    const form = `#act-${key} ~ form`;
    await fill(form);
    await page.locator(`${form} button[type="submit"]`).click();
    await page.waitForLoadState();
    expect(await page.locator('[role="alert"]').allTextContents()).toEqual([]);
  }

  it('runs from the online form to the downloaded 答复书', async () => {
    const today = beijingDate(new Date());
    const citizen = await (await browser.newContext({ locale: 'zh-CN', acceptDownloads: true })).newPage();
    const codes = await apply(citizen);

    const handler = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await logIn(handler, 'scjg.handler');
    await openCase(handler, codes.trackingNo);
    await act(handler, 'confirm', (f) => handler.fill(`${f} #f-confirm-date`, today));
    await act(handler, 'correctionRequested', (f) => handler.fill(`${f} #f-correctionRequested-date`, today));
    await act(handler, 'letter-correction', async (f) => {
      await handler.fill(`${f} #f-letter-correction-problems`, '请写明所需信息的具体名称或者文号');
      if ((await handler.inputValue(`${f} #f-letter-correction-replyBy`)) === '')
        await handler.fill(`${f} #f-letter-correction-replyBy`, today);
    });
    const correctionNo = (await handler
      .locator('section:has(#letters-title) tbody th')
      .first()
      .textContent()) as string;
    expect(correctionNo).toMatch(/公补〔\d{4}〕\d+号$/);

    let text = await status(citizen, codes);
    // The new state, and the ledger line that says why the clock stopped.
    expect(text).toContain('等待申请人补正');
    expect(text).toContain('告知申请人补正');
    expect(text).toContain('答复期限自收到补正后的申请之日起重新计算');
    expect(text).toContain('《条例》第三十条');
    expect(text).toContain(correctionNo);
    expect(text).toContain('补正告知书');
    expect(await seriousViolations(citizen)).toEqual([]);

    await act(handler, 'correctionReceived', (f) => handler.fill(`${f} #f-correctionReceived-date`, today));
    text = await status(citizen, codes);
    // The new deadline and why: counted again from the corrected application.
    const due = /收到补正后的申请，依据[^，]+，答复期限重新计算为(\d{4}-\d{2}-\d{2})/.exec(
      text.replace(/\s+/g, ''),
    )?.[1];
    expect(due).toMatch(/^\d{4}-/);
    expect(text).toContain(`机关应在 ${due} 以前答复您`);

    await act(handler, 'proposeReply', async (f) => {
      await handler.selectOption(`${f} #f-proposeReply-outcome`, 'partlyGranted');
      await handler.fill(`${f} #f-basis`, '《条例》第三十七条、第十五条');
      await handler.fill(`${f} #f-reason`, '抽检结果予以公开；被抽检经营者负责人的个人信息不予公开。');
    });
    expect(await handler.locator('[role="status"]').allTextContents()).toContain(
      '待审核：承办人已提出拟答复意见，须经审核人批准后答复。',
    );

    const reviewer = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await logIn(reviewer, 'scjg.reviewer');
    await openCase(reviewer, codes.trackingNo);
    await act(reviewer, 'approveReply', (f) => reviewer.fill(`${f} #f-approveReply-date`, today));

    await openCase(handler, codes.trackingNo);
    await act(handler, 'letter-reply');
    const replyNo = (await handler.locator('section:has(#letters-title) tbody th').last().textContent()) as string;
    expect(replyNo).toMatch(/公复〔\d{4}〕\d+号$/);

    text = await status(citizen, codes);
    expect(text).toContain(replyNo);
    expect(text).toContain('答复书');
    expect(new URL(citizen.url()).search).toBe(''); // the codes never go into a URL
    expect(await seriousViolations(citizen)).toEqual([]);
    const [download] = await Promise.all([
      citizen.waitForEvent('download'),
      citizen.locator(`tr:has-text("${replyNo}") button:has-text("DOCX")`).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${replyNo}答复书.docx`);
    const docx = new Uint8Array(readFileSync((await download.path()) as string));
    expect(unzipText(docx, 'word/document.xml')).toContain(replyNo);
    await Promise.all([citizen.context().close(), handler.context().close(), reviewer.context().close()]);
  });
});
