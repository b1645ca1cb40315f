// Issue 8's "Done when" in a real browser against the started server: a handler uploads a two-page PDF to a case,
// redacts a person's name (查找并遮盖) and a 身份证号 (pattern search) with reasons, draws one more box with the
// mouse, and applies; the case then proposes 部分公开 with the withheld list; the applicant, with the 查询号 and
// 查询码, is offered only the redacted copy, and the text extracted from the file downloaded holds neither the
// name nor the ID number while the rest of the text is still there. Skipped without Chromium.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../src/calendar/dates.ts';
import { loadPdfjs, PDFJS_DATA } from '../../src/pdf/pdfjs.ts';
import { idNumberFor } from '../../src/privacy/testing.ts';
import type { RunningServer } from './server.ts';
import { applyAsCitizen, executablePath, type Stack, seriousViolations, startStack, stopStack } from './stack.ts';

const NAME = '李四明';
const ID = idNumberFor('32010219850612003');
const KEPT = ['食品经营许可现场检查情况说明', '检查结论：符合要求', '整改复查记录', '复查结论：已整改完毕'];
const FILE = '检查情况说明.pdf';
const COPY = '检查情况说明（区分处理）.pdf';

/** Two A4 pages printed by Chromium with the system's CJK font: a real text layer, as an office suite makes. */
async function twoPagePdf(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html lang="zh-CN"><meta charset="utf-8">
    <style>body{font-family:"Noto Sans CJK SC",sans-serif;font-size:16pt;margin:0} p{margin:0 0 24pt}
    section{break-after:page;padding:40pt}</style>
    <section><p>${KEPT[0]}</p><p>当事人：${NAME}</p><p>身份证号码：${ID}</p><p>${KEPT[1]}</p></section>
    <section><p>${KEPT[2]}</p><p>${KEPT[3]}</p></section></html>`);
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  await page.close();
  return pdf;
}

async function pdfText(data: Uint8Array): Promise<{ text: string; pages: number }> {
  const { getDocument } = await loadPdfjs();
  const doc = await getDocument({ data: data.slice(), verbosity: 0, isEvalSupported: false, ...PDFJS_DATA }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  // NFKC: a CJK font may map a character to its Kangxi radical twin (⼆ for 二).
  return { text: pages.join('\n').normalize('NFKC'), pages: pages.length };
}

describe.skipIf(!executablePath)('browser: 区分处理 of a case file, down to the applicant (needs chromium)', () => {
  let stack: Stack | undefined;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('gongkai-browser-redaction-');
    ({ server, browser } = stack);
  });

  afterAll(async () => {
    await stopStack(stack);
  });

  const apply = (page: Page) => applyAsCitizen(page, server.origin, '本局对示例食品店的现场检查情况说明');

  async function noAlert(page: Page) {
    expect(await page.locator('[role="alert"]').allTextContents()).toEqual([]);
  }

  it('redacts a name and an ID number, and the applicant gets a copy without them', async () => {
    const citizen = await (await browser.newContext({ locale: 'zh-CN', acceptDownloads: true })).newPage();
    const codes = await apply(citizen);

    const viewport = { width: 1280, height: 1800 }; // a whole page image in view, to draw on
    const handler = await (await browser.newContext({ locale: 'zh-CN', acceptDownloads: true, viewport })).newPage();
    await handler.goto(`${server.origin}/console/login`);
    await handler.fill('#username', 'scjg.handler');
    await handler.fill('#password', server.credentials.get('scjg.handler') as string);
    await handler.click('button:has-text("登录")');
    await handler.goto(`${server.origin}/console/applications`);
    await handler.locator(`a:has-text("${codes.trackingNo}")`).first().click();
    const caseUrl = handler.url();
    await handler.fill('#act-confirm ~ form #f-confirm-date', beijingDate(new Date()));
    await handler.locator('#act-confirm ~ form button[type="submit"]').click();
    await noAlert(handler);

    // The original, uploaded as staff-only (the default).
    const original = await twoPagePdf(browser);
    expect((await pdfText(new Uint8Array(original))).text).toContain(NAME);
    await handler.setInputFiles('#f-attachments', { name: FILE, mimeType: 'application/pdf', buffer: original });
    await handler.locator('#act-attachment ~ form button[type="submit"]').click();
    await noAlert(handler);
    await handler.getByRole('link', { name: `对“${FILE}”作区分处理` }).click();
    await expect(handler.locator('h1').textContent()).resolves.toBe(`区分处理：${FILE}`);
    await expect(handler.locator('img[alt="第1页"]').count()).resolves.toBe(1);
    await expect(handler.locator('img[alt="第1页"]').count()).resolves.toBe(1);

    // 查找并遮盖: the name.
    await handler.fill('#f-phrase', NAME);
    await handler.selectOption('#f-phraseReason', 'personalPrivacy');
    await handler.click('button:has-text("查找并遮盖")');
    await noAlert(handler);
    await expect(handler.locator('section:has(#found-title)').textContent()).resolves.toContain('找到1处');

    // The ID number by its pattern (addresses left out: the rest of the text must stay).
    await handler.uncheck('#f-kinds-address');
    await handler.selectOption('#f-patternReason', 'personalPrivacy');
    await handler.click('button:has-text("识别并遮盖")');
    await noAlert(handler);
    await expect(handler.locator('section:has(#found-title)').textContent()).resolves.toContain('找到1处');
    await expect(handler.locator('#boxes-title').textContent()).resolves.toBe('遮盖框（共2个）');

    // One box drawn with the mouse in the blank middle of page 1, as 内部事务信息.
    await handler.selectOption('#f-reason', 'internalAffairs');
    const img = handler.locator('img[alt="第1页"]');
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i) => (i as unknown as { complete: boolean }).complete)).toBe(true);
    const r = (await img.boundingBox()) as { x: number; y: number; width: number; height: number };
    await handler.mouse.move(r.x + r.width * 0.5, r.y + r.height * 0.5);
    await handler.mouse.down();
    await handler.mouse.move(r.x + r.width * 0.7, r.y + r.height * 0.55, { steps: 5 });
    await Promise.all([handler.waitForURL(/done=added/), handler.mouse.up()]);
    await noAlert(handler);
    await expect(handler.locator('#boxes-title').textContent()).resolves.toBe('遮盖框（共3个）');
    const drawn = (await handler.locator('section:has(#boxes-title) tbody tr').last().textContent()) as string;
    expect(drawn).toContain('第1页');
    expect(drawn).toContain('手工标出');
    expect(await seriousViolations(handler)).toEqual([]);

    await handler.click('button:has-text("应用区分处理")');
    await noAlert(handler);
    await expect(handler.locator('[role="status"]').first().textContent()).resolves.toContain('已应用区分处理');
    await expect(handler.locator('section:has(#copies-title)').textContent()).resolves.toContain(COPY);

    // The case proposes 部分公开 with what is withheld, why and on what basis.
    await handler.goto(caseUrl);
    await expect(handler.locator('#f-proposeReply-outcome').inputValue()).resolves.toBe('partlyGranted');
    const reason = await handler.locator('#act-proposeReply ~ form #f-reason').inputValue();
    expect(reason).toContain('第1页中涉及个人隐私的内容（第三方合法权益（个人隐私）），依据《条例》第十五条不予公开');
    expect(reason).toContain('第1页中属于内部事务信息的内容（内部事务信息），依据《条例》第十六条第一款不予公开');
    expect(await handler.locator('section:has(#attachments-title)').textContent()).toContain(
      `区分处理件，原件：${FILE}`,
    );

    // The applicant: only the redacted copy is offered, and it holds neither the name nor the ID number.
    await citizen.goto(`${server.origin}/apply/status`);
    await citizen.fill('#f-trackingNo', codes.trackingNo);
    await citizen.fill('#f-queryCode', codes.queryCode);
    await citizen.press('#f-queryCode', 'Enter');
    const status = (await citizen.locator('main').textContent()) as string;
    expect(status).toContain(COPY);
    expect(status).not.toContain(`${FILE}（`);
    const [download] = await Promise.all([
      citizen.waitForEvent('download'),
      citizen.locator(`form:has-text("${COPY}") button:has-text("下载")`).click(),
    ]);
    const pdf = new Uint8Array(readFileSync((await download.path()) as string));
    const { text, pages } = await pdfText(pdf);
    expect(text).not.toContain(NAME);
    expect(text.replace(/\s/g, '')).not.toContain(ID);
    // Page 1 had boxes: it is rebuilt as an image (its other text survives as pixels only). Page 2 had none: it is
    // copied with its text. A 区分处理记录 page closes the file.
    expect(text.replace(/\s/g, '')).toContain((KEPT[2] as string).normalize('NFKC'));
    expect(text.replace(/\s/g, '')).toContain((KEPT[3] as string).normalize('NFKC'));
    expect(pages).toBe(3);
    // Nor in the raw bytes (metadata, streams left uncompressed).
    expect(Buffer.from(pdf).includes(Buffer.from(ID))).toBe(false);
    await Promise.all([citizen.context().close(), handler.context().close()]);
  }, 180_000);
});
