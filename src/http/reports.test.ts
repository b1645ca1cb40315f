// The annual report's console pages through the web app, on every engine: the 市场监督管理局's clerk finds the 2025
// report (late: departments publish by 31 January), sees every number as a link to its records, is refused
// submission while the system's 【初稿】 remains and while a warning is unacknowledged, submits; the district's
// 政务公开办 returns it with a comment the clerk then sees; resubmitted, approved and published. The department's own
// reviewer cannot approve it, an unrelated user cannot open it, and the downloads are a Word file and valid JSON.
import { expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { findUserByUsername } from '../agencies/repository.ts';
import { DRAFT_NOTE } from '../report/compile/index.ts';
import { schemaErrors } from '../report/schema.ts';
import { cellHref, consoleReportHref, portalReportHref, REPORT_IMPORT_PATH } from './report-links.ts';
import { Client, demoUsers, passwordOf, testApp } from './testing.ts';

forEachEngine((_engine, getDb) => {
  it('takes a department’s report from draft through return and approval to publication', async () => {
    const t = testApp(getDb());
    await demoUsers(t.ctx);
    const agencyId = (await findUserByUsername(t.ctx.db.kysely, 'scjg.handler'))?.agencyId as number;
    const page = consoleReportHref(agencyId, 2025);
    const signedIn = async (username: string) => {
      const client = new Client(t.app);
      await client.login(username, await passwordOf(t.ctx, username));
      return client;
    };
    const post = async (client: Client, path: string, form: [string, string][]) => {
      const token = await client.csrf(page);
      const body = new URLSearchParams([['_csrf', token], ...form]).toString();
      const headers = { 'content-type': 'application/x-www-form-urlencoded' };
      return client.request(path, { method: 'POST', body, headers });
    };
    const handler = await signedIn('scjg.handler');

    // The entry: 2025 first, not started, its deadline passed (the tests' clock is 2026-03-02).
    const list = await (await handler.get('/console/reports')).text();
    expect(list).toMatch(
      /<th scope="row">2025年<\/th><td>未开始<\/td><td>2026-01-31<\/td><td class="late">已逾期<\/td>/,
    );
    expect(list).toContain(`href="${page}"`);
    expect(list).toContain(`href="${REPORT_IMPORT_PATH}"`);
    expect(list).not.toContain('/console/reports/overview');

    // The page: compiled draft, every number a link to the records behind it, the 30号 prompts.
    let html = await (await handler.get(page)).text();
    expect(html).toContain('示例区市场监督管理局2025年政府信息公开工作年度报告');
    expect(html).toContain('2026-01-31前发布（已逾期）');
    expect(html).toContain(`<a href="${cellHref(agencyId, 2025, 'requests.received.total')}"`);
    expect(html).toContain(`<a href="${cellHref(agencyId, 2025, 'appeals.reconsideration.total')}"`);
    expect(html).toContain(`<a href="${cellHref(agencyId, 2025, 'proactive.rules.issued')}"`);
    expect(html).toContain(DRAFT_NOTE);
    expect(html).toContain('国办函〔2020〕109号');
    expect(html).toContain('没有上年度的报告');

    // Submission is blocked while the system's draft remains.
    let res = await post(handler, `${page}/submit`, []);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('仍是系统生成的初稿');

    const texts: [string, string][] = [
      ['overview', '2025年，本局依法做好政府信息公开工作，主动公开监管信息。'],
      ['problems', '一是解读形式单一。下一步将丰富解读形式。'],
      ['other', '无其他需要报告的事项。'],
    ];
    res = await post(handler, `${page}/texts`, texts);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${page}?done=saved`);
    html = await (await handler.get(`${page}?done=saved`)).text();
    expect(html).toContain('已保存文字部分');
    expect(html).toContain('本局依法做好政府信息公开工作');
    expect(html).not.toContain(DRAFT_NOTE);
    // Section 六 says nothing about 信息处理费: a warning, to be acknowledged.
    expect(html).toContain('name="ack" value="fee-statement"');
    res = await post(handler, `${page}/submit`, []);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('以下警告须逐项确认后才能报送');
    res = await post(handler, `${page}/submit`, [['ack', 'fee-statement']]);
    expect(res.status).toBe(303);
    html = await (await handler.get(page)).text();
    expect(html).toContain('已报送待审核');
    expect(html).not.toContain('name="overview"');

    // The department's own reviewer may not approve it; another department's staff may not even see it.
    const ownReviewer = await signedIn('scjg.reviewer');
    expect(await (await ownReviewer.get(page)).text()).not.toContain('审核通过</button>');
    expect((await post(ownReviewer, `${page}/approve`, [])).status).toBe(403);
    const unrelated = await signedIn('bgs.admin');
    expect((await unrelated.get(page)).status).toBe(403);
    expect((await unrelated.get(`${page}/report.json`)).status).toBe(403);

    // The district's 政务公开办 returns it: a comment is required.
    const office = await signedIn('qzf.reviewer');
    // The district government's own report is due 31 March: 29 days left on 2 March.
    const officeList = await (await office.get('/console/reports')).text();
    expect(officeList).toContain('/console/reports/overview?year=2025');
    expect(officeList).toMatch(/<th scope="row">2025年<\/th><td>未开始<\/td><td>2026-03-31<\/td><td>剩29天<\/td>/);
    res = await post(office, `${page}/return`, [['comment', '  ']]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('退回意见：必须填写');
    const comment = '第五部分未写上年度问题的整改情况，请补充。';
    res = await post(office, `${page}/return`, [['comment', comment]]);
    expect(res.status).toBe(303);

    html = await (await handler.get(page)).text();
    expect(html).toContain('已退回修改');
    expect(html).toMatch(new RegExp(`<h2 id="return-title">退回意见</h2><p>${comment}</p>`));
    res = await post(handler, `${page}/texts`, [
      ...texts.slice(0, 2),
      ['problems', '上年度问题已整改。一是解读形式单一。下一步将丰富解读形式。'],
      ['other', '本年度，本局未收取信息处理费。'],
    ]);
    expect(res.status).toBe(303);
    res = await post(handler, `${page}/submit`, []);
    expect(res.status).toBe(303);

    res = await post(office, `${page}/approve`, [['comment', '同意发布。']]);
    expect(res.status).toBe(303);
    expect(await (await office.get(res.headers.get('location') as string)).text()).toContain('已审核通过');

    const publisher = await signedIn('scjg.publisher');
    res = await post(publisher, `${page}/publish`, []);
    expect(res.status).toBe(303);
    html = await (await publisher.get(res.headers.get('location') as string)).text();
    expect(html).toContain('已发布，门户网站已公开');
    expect(html).toContain(`href="${portalReportHref(agencyId, 2025)}"`);
    expect(html).toContain('逾期发布');
    // The history: who did what, the office's comment.
    for (const label of ['报送审核', '退回修改', '审核通过', '发布'])
      expect(html).toContain(`<th scope="row">${label}</th>`);
    expect(html).toContain(`<td>qzf.reviewer</td><td>${comment}</td>`);
    expect(await (await handler.get('/console/reports')).text()).toContain('<td>已发布</td>');

    // Downloads: the published report as Word and as JSON in the schema's shape.
    const docx = await handler.get(`${page}/report.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const json = await handler.get(`${page}/report.json`);
    expect(json.status).toBe(200);
    const data = (await json.json()) as { year: number; publishedOn: string; text: { other: string } };
    expect(schemaErrors(data)).toEqual([]);
    expect(data.year).toBe(2025);
    expect(data.publishedOn).toBe('2026-03-02');
    expect(data.text.other).toBe('本年度，本局未收取信息处理费。');
  });

  it('adopts last year’s text, names the field of a refused save, and lets a submission be withdrawn', async () => {
    const t = testApp(getDb());
    await demoUsers(t.ctx);
    const agencyId = (await findUserByUsername(t.ctx.db.kysely, 'scjg.handler'))?.agencyId as number;
    const client = new Client(t.app);
    await client.login('scjg.handler', await passwordOf(t.ctx, 'scjg.handler'));
    const send = async (path: string, form: [string, string][]) => {
      const token = await client.csrf('/console/reports');
      const body = new URLSearchParams([['_csrf', token], ...form]).toString();
      return client.request(path, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    };
    // The first test published 2025 in this database: this one works on 2023, with 2022 as last year.
    const last = consoleReportHref(agencyId, 2022);
    const page = consoleReportHref(agencyId, 2023);
    const lastOverview = '2022年，本局围绕食品安全监管做好信息公开。';
    expect((await send(`${last}/texts`, [['overview', lastOverview]])).status).toBe(303);

    let html = await (await client.get(page)).text();
    expect(html).toContain('上年度（2022年）的文字');
    expect(html).toContain(`<p>${lastOverview}</p>`);
    expect(html).toContain('name="adopt" value="overview"');
    const res = await send(`${page}/texts`, [
      ['overview', 'x'],
      ['problems', '本年度问题。'],
      ['other', ''],
      ['adopt', 'overview'],
    ]);
    expect(res.headers.get('location')).toBe(`${page}?done=adopted`);
    html = await (await client.get(`${page}?done=adopted`)).text();
    expect(html).toContain('已采用上年度的文字');
    expect(html).toMatch(new RegExp(`<textarea id="f-overview"[^>]*>${lastOverview}</textarea>`));
    expect(html).toMatch(/<textarea id="f-problems"[^>]*>本年度问题。<\/textarea>/);
    // Section 六 left empty: back to the system's draft (the 信息处理费 statement).
    expect(html).toContain('本年度，本机关未收取信息处理费。');
    // Nothing to adopt for section 五 (last year's record has no text there): refused, naming the section.
    const refused = await send(`${page}/texts`, [['adopt', 'problems']]);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      '<a href="#f-problems">五、存在的主要问题及改进情况：没有上年度的文字可以采用</a>',
    );
    const long = await send(`${page}/texts`, [['other', '费'.repeat(50_001)]]);
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('六、其他需要报告的事项：不得超过50000个字符（现有50001个）');

    expect((await send(`${page}/submit`, [])).status).toBe(303);
    html = await (await client.get(page)).text();
    expect(html).toContain('>撤回</button>');
    expect((await send(`${page}/withdraw`, [])).status).toBe(303);
    html = await (await client.get(`${page}?done=withdrawn`)).text();
    expect(html).toContain('已撤回报送');
    expect(html).toContain('<th scope="row">撤回报送</th>');
    expect(html).toContain('name="overview"');
  });
});
