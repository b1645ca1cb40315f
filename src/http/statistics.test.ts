// 依申请公开统计 over HTTP: the portal page draws its charts as <svg role="img"> with the same numbers in tables, for
// the whole district and for one agency, and shows nothing about applicants; the console page is refused to a role
// without report.view, shows the supervising office (qzf.reviewer) every agency side by side, and keeps a
// department's clerk to their own agency. The applications are written here (year 2021), not taken from the demo.
import { beforeAll, expect, it } from 'vitest';
import { buildOnlineInput, buildOrgInput } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import { insertApplication, updateApplicationRow } from '../applications/repository.ts';
import type { ApplicantKind, OutcomeCode } from '../report/model.ts';
import { Client, demoUsers, passwordOf, type TestApp, testApp } from './testing.ts';

type Row = [ApplicantKind, string, string | null, string | null, OutcomeCode | null];
const SCJG: Row[] = [
  ['naturalPerson', '2021-03-01', '2021-03-11', '2021-03-29', 'granted'], // 10 days, on time
  ['business', '2021-03-15', '2021-05-04', '2021-04-12', 'unableNotHeld'], // 50 days, late
  ['naturalPerson', '2021-08-08', null, '2021-09-06', null],
];
const EDU: Row[] = [['naturalPerson', '2021-03-20', '2021-03-24', '2021-04-18', 'rejectedDuplicate']]; // 4 days

let seq = 0;
async function write(t: TestApp, agencyId: number, [kind, receivedOn, decidedOn, dueDate, outcome]: Row) {
  seq += 1;
  const input = kind === 'naturalPerson' ? buildOnlineInput(agencyId) : buildOrgInput(agencyId);
  const now = '2026-03-01T00:00:00.000Z';
  const k = t.ctx.db.kysely;
  const app = await insertApplication(
    k,
    {
      agencyId,
      trackingNo: `STATHTTP-${agencyId}-${seq}`,
      queryCodeHash: '0'.repeat(64),
      applicant: { contactPerson: null, idType: null, idNumber: null, creditCode: null, ...input } as never,
      channel: 'inPerson',
      submittedAt: `${receivedOn}T01:00:00.000Z`,
      status: 'received',
    },
    now,
  );
  const status = outcome ? 'closed' : 'received';
  await updateApplicationRow(k, app.id, { receivedOn, decidedOn, dueDate, outcome, status }, now);
}

/** A data table's row: its header cell and value cells, as rendered. */
const row = (label: string, ...cells: string[]) =>
  `<th scope="row">${label}</th>${cells.map((c) => `<td>${c}</td>`).join('')}`;
const rowLink = (href: string, label: string, ...cells: string[]) =>
  `<th scope="row"><a href="${href.replaceAll('&', '&amp;')}">${label}</a></th>${cells.map((c) => `<td>${c}</td>`).join('')}`;

forEachEngine((_engine, getDb) => {
  let t: TestApp;
  let scjg: number;
  let edu: number;

  beforeAll(async () => {
    t = testApp(getDb());
    await demoUsers(t.ctx);
    const agencies = await listAgencyRows(t.ctx.db.kysely);
    scjg = agencies.find((a) => a.name === '示例区市场监督管理局')?.id ?? 0;
    edu = agencies.find((a) => a.name === '示例区教育局')?.id ?? 0;
    for (const r of SCJG) await write(t, scjg, r);
    for (const r of EDU) await write(t, edu, r);
  });

  it('draws the portal charts with their numbers in tables, for the district and for one agency', async () => {
    const client = new Client(t.app);
    const home = await (await client.get('/')).text();
    expect(home).toContain('href="/statistics"');
    const first = await (await client.get('/statistics')).text();
    expect(first).toContain('<option value="2025" selected="">2025年</option>');

    const res = await client.get('/statistics?year=2021');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h2>全区2021年</h2>');
    expect(page).toMatch(/<svg class="chart-svg" role="img" aria-labelledby="stat-monthly-title stat-monthly-desc"/);
    expect(page).toContain('<title id="stat-monthly-title">全区2021年每月新收政府信息公开申请数量</title>');
    expect(page).toContain('<desc id="stat-monthly-desc">2021年共新收申请4件，最多的是3月（3件）。</desc>');
    expect(page).toContain('<caption>全区2021年每月新收政府信息公开申请数量（数据表）</caption>');
    expect(page).toContain(row('3月', '3'));
    expect(page).toContain(row('8月', '1'));
    expect(page).toContain(row('合计', '4'));
    expect(page).toContain(row('予以公开', '1（33.3%）'));
    expect(page).toContain(row('无法提供', '1（33.3%）'));
    expect(page).toContain(row('不予处理', '1（33.3%）'));
    expect(page).toContain(row('按期答复', '2（66.7%）'));
    expect(page).toContain(row('逾期答复', '1（33.3%）'));
    expect(page).toContain(row('商业企业', '1'));
    expect(page).toContain('<dt>本年新收申请</dt><dd>4 件</dd>');
    expect(page).toContain('<dt>按期答复率</dt><dd>66.7%（2/3）</dd>');
    expect(page).toContain('<dt>答复用时中位数（自然日）</dt><dd>10 天</dd>');
    expect(page).toContain(
      rowLink(`/statistics?year=2021&agency=${scjg}`, '示例区市场监督管理局', '3', '2', '50.0%（1/2）', '30'),
    );
    expect(page).toContain(
      rowLink(`/statistics?year=2021&agency=${edu}`, '示例区教育局', '1', '1', '100.0%（1/1）', '4'),
    );
    expect(page).not.toContain('张三');
    expect(page).not.toContain('style=');

    const one = await (await client.get(`/statistics?year=2021&agency=${scjg}`)).text();
    expect(one).toContain('<h2>示例区市场监督管理局2021年</h2>');
    expect(one).toContain(row('3月', '2'));
    expect(one).toContain('<dt>答复用时中位数（自然日）</dt><dd>30 天</dd>');
    expect(one).not.toContain('各机关对比');
    expect((await client.get('/statistics?year=2021&agency=999999')).status).toBe(404);
    const odd = await (await client.get('/statistics?year=abc')).text();
    expect(odd).toContain('<option value="2025" selected="">2025年</option>');
    expect(odd).toContain('<option value="2021">2021年</option>');
  });

  it('refuses the console page without report.view, compares agencies for the office, keeps a clerk to their own', async () => {
    const admin = new Client(t.app);
    await admin.login('admin', await passwordOf(t.ctx, 'admin'));
    expect((await admin.get('/console/statistics')).status).toBe(403);

    const office = new Client(t.app);
    await office.login('qzf.reviewer', await passwordOf(t.ctx, 'qzf.reviewer'));
    expect(await (await office.get('/console')).text()).toContain('href="/console/statistics"');
    const res = await office.get('/console/statistics?year=2021');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<caption>2021年各机关依申请公开情况对比</caption>');
    const href = (id: number) => `/console/statistics?year=2021&agency=${id}`;
    expect(page).toContain(rowLink(href(scjg), '示例区市场监督管理局', '3', '2', '50.0%（1/2）', '30'));
    expect(page).toContain(rowLink(href(edu), '示例区教育局', '1', '1', '100.0%（1/1）', '4'));
    expect(page).toContain(row('合计', '4', '3', '66.7%（2/3）', '10'));
    expect(page).toMatch(/<svg class="chart-svg" role="img"/);
    const dept = await (await office.get(href(edu))).text();
    expect(dept).toContain('<dt>本年新收申请</dt><dd>1 件</dd>');

    const clerk = new Client(t.app);
    await clerk.login('scjg.handler', await passwordOf(t.ctx, 'scjg.handler'));
    const own = await (await clerk.get('/console/statistics?year=2021')).text();
    expect(own).toContain('<h2>示例区市场监督管理局2021年</h2>');
    expect(own).toContain('<dt>本年新收申请</dt><dd>3 件</dd>');
    expect(own).not.toContain('各机关依申请公开情况对比');
    expect((await clerk.get(href(edu))).status).toBe(403);
  });
});
