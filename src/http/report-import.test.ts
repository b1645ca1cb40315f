// 导入往年年度报告 through the console: the clerk uploads the seed report (a text file stating 2024), sees it in the
// national layout with its diagnostics and nothing stored; confirms with the publication date the file lacks; the
// report is stored as published and imported, and a clerk of another agency does not see it. Errors name the field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildUser } from '../../test/platform.ts';
import { userActor } from '../agencies/model.ts';
import { findUserByUsername, listAgencyRows, updateUserRow } from '../agencies/repository.ts';
import { getReport, saveTexts } from '../annual/service.ts';
import { consoleReportHref, REPORT_IMPORT_PATH } from './report-links.ts';
import { Client, demoUsers, passwordOf, testApp } from './testing.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SEED = readFileSync(join(root, 'test/fixtures/seed/000_c1efcce95eb0748a.txt'));

const hiddenValue = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';

forEachEngine((_engine, getDb) => {
  it('previews an uploaded report without storing it, then imports it as published on confirmation', async () => {
    const t = testApp(getDb());
    await demoUsers(t.ctx);
    const db = t.ctx.db.kysely;
    const clerk = new Client(t.app);
    await clerk.login('scjg.handler', await passwordOf(t.ctx, 'scjg.handler'));
    const clerkUser = await findUserByUsername(db, 'scjg.handler');
    const market = clerkUser?.agencyId as number;
    const clerkActor = () => userActor(clerkUser as NonNullable<typeof clerkUser>);
    const page = await clerk.get(REPORT_IMPORT_PATH);
    expect(page.status).toBe(200);
    expect(clerk.lastHtml).toContain('导入往年年度报告（示例区市场监督管理局）');
    const upload = async (fields: Record<string, string>, file?: File) => {
      const body = new FormData();
      body.append('_csrf', await clerk.csrf(REPORT_IMPORT_PATH));
      for (const [k, v] of Object.entries(fields)) body.append(k, v);
      if (file) body.append('file', file);
      return clerk.request(REPORT_IMPORT_PATH, { method: 'POST', body });
    };
    const seedFile = () => new File([SEED], '2024年报.txt', { type: 'text/plain' });

    // Errors name the field.
    let res = await upload({});
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<a href="#f-file">报告文件：请选择要导入的报告文件</a>');
    res = await upload({ publishedOn: '2025/1/20' }, seedFile());
    expect(await res.text()).toContain('发布日期：应为YYYY-MM-DD格式的日期，如 2025-01-20，收到“2025/1/20”');
    res = await upload({}, new File(['这不是年度报告'], 'x.txt', { type: 'text/plain' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('报告文件：无法读取——');

    // The preview: the report in the national layout with its findings; the missing date is asked for.
    res = await upload({}, seedFile());
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('文件“2024年报.txt”已读取为 示例区市场监督管理局 2024年度报告');
    expect(html).toContain('尚未保存');
    expect(html).toContain('<a href="#f-publishedOn">发布日期：文件中未写明发布日期，请填写</a>');
    expect(html).toContain('<caption');
    expect(html).toContain('检查发现');
    expect(html).toContain('name="confirm" value="yes"');
    expect(hiddenValue(html, 'year')).toBe('2024');
    expect(await db.selectFrom('annual_reports').selectAll().execute()).toEqual([]);

    // Confirmed with the date: the file travels back in the form, nothing was kept in between.
    const content = hiddenValue(html, 'content');
    expect(Buffer.from(content, 'base64').equals(SEED)).toBe(true);
    res = await upload({ confirm: 'yes', content, fileName: '2024年报.txt', year: '2024', publishedOn: '2025-01-20' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${consoleReportHref(market, 2024)}?done=imported`);
    expect(await (await clerk.get(res.headers.get('location') as string)).text()).toContain('已导入往年报告');
    const rows = await db.selectFrom('annual_reports').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      agency_id: market,
      year: 2024,
      status: 'published',
      origin: 'imported',
      published_on: '2025-01-20',
      source_name: '2024年报.txt',
    });
    const snapshot = JSON.parse(rows[0]?.snapshot_json as string);
    expect(snapshot).toMatchObject({ year: 2024, agency: '示例区市场监督管理局', publishedOn: '2025-01-20' });

    // Previewing the same year again says the confirmation would replace the imported report.
    res = await upload({ publishedOn: '2025-01-20' }, seedFile());
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('确认后将替换此前导入的2024年度报告。');

    // A year the system compiles (a draft exists) or this year cannot be imported: the year field says why.
    const handler = clerkActor();
    await saveTexts(handler, t.ctx, market, 2023, { problems: '草稿' });
    const asJson = (year: number) =>
      new File([JSON.stringify({ ...snapshot, year })], `${year}.json`, { type: 'application/json' });
    res = await upload({}, asJson(2023));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('报告年度：2023年度报告已在本系统中编制，不能用导入的文件替换');
    res = await upload({}, asJson(2026));
    expect(await res.text()).toContain('报告年度：只能导入2026年以前年度的报告');
    expect(await db.selectFrom('annual_reports').select('year').orderBy('year').execute()).toEqual([
      { year: 2023 },
      { year: 2024 },
    ]);
    const education = (await listAgencyRows(db)).find((a) => a.name === '示例区教育局')?.id as number;
    const { user, actor, password } = await buildUser(t.ctx, 'handler', education);
    await updateUserRow(db, user.id, { must_change_password: false }, t.ctx.clock().toISOString());
    await expect(getReport(actor, t.ctx, market, 2024)).rejects.toThrow('无权');
    const outsider = new Client(t.app);
    await outsider.login(user.username, password);
    const theirs = await outsider.get(consoleReportHref(market, 2024));
    expect(theirs.status).not.toBe(200);
    expect(await theirs.text()).not.toContain('2024年报.txt');
  });

  it('refuses roles that may not edit reports', async () => {
    const t = testApp(getDb());
    await demoUsers(t.ctx);
    const inspector = new Client(t.app);
    await inspector.login('qzf.inspector', await passwordOf(t.ctx, 'qzf.inspector'));
    expect((await inspector.get(REPORT_IMPORT_PATH)).status).toBe(403);
  });
});
