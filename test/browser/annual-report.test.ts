// Issue 6's done-when in a real browser: the 市场监督管理局's clerk drafts the annual report (sections 一 and 五) and
// submits it; the district's 政务公开办 returns it with a comment; the clerk sees the comment, fixes the text and
// resubmits; the office approves; the bureau's publisher publishes; the portal page and the open data then show it.
// Every button is pressed from the keyboard; the report page passes the axe scan. Skipped without Chromium.
//
// `npm start`'s demo district already published last year's reports, so the clerk works on the most recent year
// the demo left untouched (found from the list of years, not hard-coded).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleReportHref, OPEN_DATA_JSON, portalReportHref } from '../../src/http/report-links.ts';
import { executablePath, type Stack, seriousViolations, signIn, startStack, stopStack } from './stack.ts';

/** Focus a link or button and press Enter on it, as a keyboard user would, and wait for the next page. */
async function press(page: Page, selector: string) {
  await page.locator(selector).focus();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

describe.skipIf(!executablePath)('browser: annual report review and publication (needs chromium)', () => {
  let stack: Stack | undefined;

  beforeAll(async () => {
    stack = await startStack('gongkai-annual-report-');
  });
  afterAll(() => stopStack(stack));

  const signedIn = (username: string) => signIn(stack as Stack, username);

  it('drafts, submits, is returned with a comment, resubmits, is approved, published and open', async () => {
    const origin = (stack as Stack).server.origin;
    const clerk = await signedIn('scjg.handler');
    await press(clerk, 'nav a[href="/console/reports"]');
    await expect(clerk.locator('h1').textContent()).resolves.toContain('政府信息公开工作年度报告');
    expect(await seriousViolations(clerk)).toEqual([]);
    const href = (await clerk.locator('table a[href^="/console/reports/"]').first().getAttribute('href')) as string;
    const [, id = '', first = ''] = /^\/console\/reports\/(\d+)\/(\d{4})$/.exec(href) ?? [];
    const agencyId = Number(id);
    const statuses = new Map<number, string>();
    for (const row of await clerk.locator('table tbody tr').all()) {
      const year = Number.parseInt((await row.locator('th').textContent()) ?? '', 10);
      statuses.set(year, (await row.locator('td').first().textContent()) ?? '');
    }
    let year = Number(first);
    while ((statuses.get(year) ?? '未开始') !== '未开始') year--;
    const reportPage = `${origin}${consoleReportHref(agencyId, year)}`;

    // Draft: the system's first draft is replaced in sections 一 and 五.
    await clerk.goto(reportPage);
    await expect(clerk.inputValue('#f-overview')).resolves.toContain('【初稿');
    expect(await seriousViolations(clerk)).toEqual([]);
    await clerk.fill('#f-overview', `${year}年，本局依法做好政府信息公开工作，及时公开抽检结果和行政处罚信息。`);
    await clerk.fill('#f-problems', '一是政策解读形式单一。下一步将增加图解解读。');
    await press(clerk, 'button:has-text("保存文字")');
    await expect(clerk.locator('p.notice[role="status"]').textContent()).resolves.toContain('已保存文字部分');
    const submit = async () => {
      for (const box of await clerk.locator('input[name="ack"]').all()) {
        await box.focus();
        await clerk.keyboard.press('Space');
        expect(await box.isChecked()).toBe(true);
      }
      await press(clerk, 'button:has-text("报送审核")');
      await expect(clerk.locator('p.notice[role="status"]').textContent()).resolves.toContain('已报送');
    };
    await submit();

    // The supervising office returns it with a comment.
    const office = await signedIn('qzf.reviewer');
    await office.goto(reportPage);
    expect(await seriousViolations(office)).toEqual([]);
    const comment = '第五部分未写上年度问题的整改情况，请补充后重新报送。';
    await office.fill('#f-comment', comment);
    await press(office, 'button:has-text("退回修改")');
    await expect(office.locator('p.notice[role="status"]').textContent()).resolves.toContain('已退回修改');

    // The clerk sees the comment, fixes section 五 and resubmits.
    await clerk.goto(reportPage);
    await expect(clerk.locator('section.return-comment').textContent()).resolves.toContain(comment);
    expect(await seriousViolations(clerk)).toEqual([]);
    await clerk.fill('#f-problems', '上年度问题已整改到位。一是政策解读形式单一。下一步将增加图解解读。');
    await press(clerk, 'button:has-text("保存文字")');
    await submit();

    // The office approves; the bureau's publisher publishes.
    await office.goto(reportPage);
    await press(office, 'button:has-text("审核通过")');
    await expect(office.locator('p.notice[role="status"]').textContent()).resolves.toContain('已审核通过');
    const publisher = await signedIn('scjg.publisher');
    await publisher.goto(reportPage);
    await press(publisher, 'button:has-text("发布")');
    await expect(publisher.locator('p.notice[role="status"]').textContent()).resolves.toContain('已发布');
    expect(await seriousViolations(publisher)).toEqual([]);
    const agencyName = '示例区市场监督管理局';
    const history = (await publisher.locator('#history-title + table').textContent()) ?? '';
    for (const step of ['报送审核', '退回修改', '审核通过', '发布']) expect(history).toContain(step);
    expect(history).toContain(comment);

    // On the portal and in the open data.
    const portal = portalReportHref(agencyId, year);
    await press(publisher, `a[href="${portal}"]`);
    const response = await publisher.request.get(`${origin}${portal}`);
    expect(response.status()).toBe(200);
    const body = await response.text();
    expect(body).toContain(agencyName);
    expect(body).toContain(String(year));
    const open = (await (await publisher.request.get(`${origin}${OPEN_DATA_JSON}`)).json()) as {
      reports: { agency: string; agencyId: number; year: number }[];
    };
    expect(open.reports.some((r) => r.agencyId === agencyId && r.agency === agencyName && r.year === year)).toBe(true);
  }, 180_000);
});
