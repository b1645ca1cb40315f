// 年度数据 through the console: the agency administrator enters a year (bad input named by field), sees who entered
// it, corrects it, imports a CSV (rejected rows named, then imported); others are refused.
import { expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { findUserByUsername, listAgencyRows } from '../agencies/repository.ts';
import { Client, demoUsers, passwordOf, testApp } from './testing.ts';

forEachEngine((_engine, getDb) => {
  it('lets the agency administrator enter, correct and import yearly figures, and no one else', async () => {
    const t = testApp(getDb());
    await demoUsers(t.ctx);
    const admin = new Client(t.app);
    await admin.login('bgs.admin', await passwordOf(t.ctx, 'bgs.admin'));
    expect(await (await admin.get('/console')).text()).toContain('href="/console/figures"');
    const csrf = await admin.csrf('/console/figures');
    expect(admin.lastHtml).toContain('尚未录入任何年度的数据');
    expect(admin.lastHtml).toContain('value="2025"');
    const form = {
      _csrf: csrf,
      year: '2025',
      licensing: '1,204',
      punishment: '36',
      coercion: '0',
      fees: '18651.06',
      source: '本机关行政审批系统导出',
    };
    const bad = await admin.post('/console/figures', { ...form, fees: '18651.064' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('<a href="#f-fees">行政事业性收费（万元）：“18651.064”不是以万元为单位');
    expect(badHtml).toContain('value="18651.064"');
    const saved = await admin.post('/console/figures', form);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/console/figures?year=2025&saved=2025');
    const page = await (await admin.get('/console/figures?year=2025&saved=2025')).text();
    expect(page).toContain('已保存2025年度数据');
    expect(page).toMatch(/<th scope="row">2025年<\/th><td>1204<\/td><td>36<\/td><td>0<\/td><td>18651.06<\/td>/);
    expect(page).toContain('bgs.admin，');
    await admin.post('/console/figures', { ...form, punishment: '37' });
    expect(await (await admin.get('/console/figures')).text()).toContain('<td>37</td>');

    const user = await findUserByUsername(t.ctx.db.kysely, 'bgs.admin');
    const agency = (await listAgencyRows(t.ctx.db.kysely)).find((a) => a.id === user?.agencyId);
    const other = (await listAgencyRows(t.ctx.db.kysely)).find((a) => a.id !== user?.agencyId);
    const upload = async (csv: string, check: boolean) => {
      const token = await admin.csrf('/console/figures');
      const body = new FormData();
      body.append('_csrf', token);
      if (check) body.append('check', 'yes');
      body.append('file', new File([csv], '年度数据.csv', { type: 'text/csv' }));
      return admin.request('/console/figures/import', { method: 'POST', body });
    };
    const header = '机构,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n';
    let res = await upload(`${header}${agency?.name},2023,1,2,3,4.5\n${other?.name},2023,1,2,3,4\n`, false);
    expect(res.status).toBe(400);
    let html = await res.text();
    expect(html).toContain('未导入任何数据');
    expect(html).toContain(`无权修改${other?.name}的年度数据`);
    const good = `${header}${agency?.name},2023,1,2,3,4.5\n${agency?.shortName ?? agency?.name},2024,5,6,7,0\n`;
    res = await upload(good, true);
    expect(await res.text()).toContain('检查通过：可导入 2 条年度数据');
    res = await upload(good, false);
    html = await res.text();
    expect(html).toContain('已导入 2 条年度数据');
    expect(html).toContain('<th scope="row">2023年</th><td>1</td><td>2</td><td>3</td><td>4.5</td>');

    const handler = new Client(t.app);
    await handler.login('scjg.handler', await passwordOf(t.ctx, 'scjg.handler'));
    expect((await handler.get('/console/figures')).status).toBe(403);
    const refused = await handler.post('/console/figures', { ...form, _csrf: await handler.csrf('/console') });
    expect(refused.status).toBe(403);
  });
});
