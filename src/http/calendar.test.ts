// 工作日历 — the administrator's calendar pages, in-process on every engine: the seeded 2025 month by month, a 2027
// notice imported from the text box (a bad line refused by number, nothing written), marked complete and then used
// for deadlines, a removal confirmed on a second page, the refusals, and the audit log.
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { getWorkingCalendar, listDays, listYears } from '../calendar/service.ts';
import type { Context } from '../context.ts';
import { Client, passwordOf, testApp } from './testing.ts';

type App = ReturnType<typeof testApp>['app'];

async function signedIn(app: App, ctx: Context, username: string) {
  const client = new Client(app);
  const res = await client.login(username, await passwordOf(ctx, username));
  expect(res.headers.get('location')).toBe('/console');
  return client;
}

const NOTICE_2027 = `# 2027年节假日安排（示例）
2027-01-01,holiday,元旦
2027-02-06,holiday,春节
2027-02-07,holiday,春节
2027-02-08,holiday,春节
2027-02-09,holiday,春节
2027-02-10,holiday,春节
2027-02-11,holiday,春节
2027-02-12,holiday,春节
2027-02-13,holiday,春节
2027-02-14,workday,春节
2027-02-20,workday,春节
`;

const SOURCE = '国办发明电〔2026〕示例号';

describe('console: calendar', () => {
  forEachEngine((_engine, getDb) => {
    it('shows 2025 month by month with holidays and 调休 named in text', async () => {
      const { app, ctx } = testApp(getDb());
      const admin = await signedIn(app, ctx, 'admin');
      expect(await (await admin.get('/console')).text()).toContain('<a href="/console/calendar">工作日历</a>');
      const index = await (await admin.get('/console/calendar')).text();
      expect(index).toMatch(/<a href="\/console\/calendar\/2025">2025年<\/a><\/th><td>已录入完整<\/td>/);
      expect(index).toContain('chinese-days 1.5.7');
      const res = await admin.get('/console/calendar/2025');
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('<caption>2025年10月</caption>');
      expect(page).toContain('<th scope="col">星期一</th>');
      expect(page).toContain('<time datetime="2025-10-01">1</time> 法定节假日（国庆节）');
      expect(page).toContain('<time datetime="2025-10-11">11</time> 调休上班（国庆节）');
      expect(page).toContain('<time datetime="2025-10-12">12</time> 休息日');
      expect(page).toContain('<time datetime="2025-10-13">13</time> 工作日');
      // 2025-12-01 is a Monday: the month's first row starts without padding.
      expect(page).toMatch(
        /<caption>2025年12月<\/caption>.*?<tbody><tr><td class="day-workday"><time datetime="2025-12-01">/s,
      );
    });

    it('imports a 2027 notice (all or nothing), marks it complete, then deadlines use it', async () => {
      const { app, ctx } = testApp(getDb());
      const admin = await signedIn(app, ctx, 'admin');
      const token = await admin.csrf('/console/calendar');
      const bad = NOTICE_2027.replace('2027-02-06,holiday', '2027-0206,holiday');
      const refused = await admin.post('/console/calendar/import', { _csrf: token, text: bad, source: SOURCE });
      expect(refused.status).toBe(400);
      const body = await refused.text();
      expect(body).toContain('role="alert"');
      expect(body).toContain('<a href="#f-text">节假日文件：第3行：日期“2027-0206”无效（应为 YYYY-MM-DD）</a>');
      expect(body).toContain('2027-0206,holiday,春节'); // the input is put back
      expect(await listDays(ctx, 2027)).toEqual([]);
      expect((await listYears(ctx)).some((y) => y.year === 2027)).toBe(false);

      const ok = await admin.post('/console/calendar/import', { _csrf: token, text: NOTICE_2027, source: SOURCE });
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe('/console/calendar/2027?saved=imported');
      const page = await (await admin.get('/console/calendar/2027?saved=imported')).text();
      expect(page).toContain('已导入。');
      expect(page).toContain('当前没有办理中的申请，无需重新计算答复期限。');
      expect(page).toContain('状态：未录入完整（不能用于计算期限）；依据：国办发明电〔2026〕示例号');
      expect(page).toContain('<time datetime="2027-02-14">14</time> 调休上班（春节）');
      await expect(getWorkingCalendar(ctx).then((c) => c.addWorkingDays('2026-12-20', 20))).rejects.toThrow(
        '2027年的节假日安排尚未录入，无法计算期限',
      );

      const marked = await admin.post('/console/calendar/2027/complete', { _csrf: token, complete: 'true' });
      expect(marked.headers.get('location')).toBe('/console/calendar/2027?saved=complete');
      expect((await getWorkingCalendar(ctx)).addWorkingDays('2026-12-20', 20)).toBe('2027-01-18');

      // Removing a day asks first; only the second POST writes.
      const ask = await admin.post('/console/calendar/2027/remove', { _csrf: token, date: '2027-02-20' });
      expect(ask.status).toBe(200);
      const askBody = await ask.text();
      expect(askBody).toContain('<li>删除 2027-02-20 调休上班（春节）</li>');
      expect(askBody).toContain('name="confirm" value="yes"');
      expect(await listDays(ctx, 2027)).toHaveLength(11);
      const done = await admin.post('/console/calendar/2027/remove', {
        _csrf: token,
        date: '2027-02-20',
        confirm: 'yes',
      });
      expect(done.headers.get('location')).toBe('/console/calendar/2027?saved=removed');
      expect((await listDays(ctx, 2027)).map((d) => d.date)).not.toContain('2027-02-20');
      expect((await listYears(ctx)).find((y) => y.year === 2027)?.complete).toBe(true);

      // One day at a time: a range of holidays, and a 调休 day that must fall on a weekend.
      const range = {
        _csrf: token,
        kind: 'holiday',
        from: '2027-10-01',
        to: '2027-10-07',
        name: '国庆节',
        source: SOURCE,
      };
      expect((await admin.post('/console/calendar/2027/add', range)).status).toBe(303);
      expect((await getWorkingCalendar(ctx)).isWorkingDay('2027-10-04')).toBe(false);
      const weekday = { _csrf: token, kind: 'workday', from: '2027-10-08', name: '国庆节', source: SOURCE };
      const wrong = await admin.post('/console/calendar/2027/add', weekday);
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain(
        '<a href="#f-from">日期：2027-10-08不是周六或周日，无需登记为调休工作日</a>',
      );
      const again = await admin.post('/console/calendar/2027/add', { ...range, from: '2027-10-07', to: '' });
      expect(await again.text()).toContain('2027-10-07 法定节假日（国庆节）已登记，如需更改请先删除');
      const saturday = { ...weekday, from: '2027-10-09' };
      expect((await admin.post('/console/calendar/2027/add', saturday)).status).toBe(303);
      expect((await getWorkingCalendar(ctx)).isWorkingDay('2027-10-09')).toBe(true);

      // Re-importing a year that holds other days is asked to be confirmed, with what would be lost.
      const reimport = await admin.post('/console/calendar/import', {
        _csrf: token,
        text: NOTICE_2027,
        source: SOURCE,
      });
      const reBody = await reimport.text();
      expect(reBody).toContain('<li>删除或改动 2027-10-01 法定节假日（国庆节）</li>');
      expect(reBody).toContain('<li>将2027年改为未录入完整（导入后须重新核对、标记）</li>');
      expect((await listDays(ctx, 2027)).length).toBe(18);

      const audit = await getDb()
        .kysely.selectFrom('audit_log')
        .select(['action', 'object_id', 'actor_name', 'outcome'])
        .where('action', 'like', 'calendar.%')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => [a.action, a.object_id, a.actor_name, a.outcome])).toEqual([
        ['calendar.import', '2027', 'admin', 'success'],
        ['calendar.markYear', '2027', 'admin', 'success'],
        ['calendar.enterYear', '2027', 'admin', 'success'],
        ['calendar.enterYear', '2027', 'admin', 'success'],
        ['calendar.enterYear', '2027', 'admin', 'success'],
      ]);
      const log = await (await admin.get('/console/audit?objectType=calendarYear')).text();
      expect(log).toContain('<td>导入节假日安排</td>');

      // Un-marking a year is asked to be confirmed too.
      const unmark = await admin.post('/console/calendar/2027/complete', { _csrf: token, complete: 'false' });
      expect(await unmark.text()).toContain('撤销2027年“已录入完整”标记');
      expect((await listYears(ctx)).find((y) => y.year === 2027)?.complete).toBe(true);
      const confirmed = { _csrf: token, complete: 'false', confirm: 'yes' };
      const unmarked = await admin.post('/console/calendar/2027/complete', confirmed);
      expect(unmarked.headers.get('location')).toBe('/console/calendar/2027?saved=incomplete');
      expect((await listYears(ctx)).find((y) => y.year === 2027)?.complete).toBe(false);
    });

    it('names the line of an uploaded file and refuses text and file together', async () => {
      const { app, ctx } = testApp(getDb());
      const admin = await signedIn(app, ctx, 'admin');
      const token = await admin.csrf('/console/calendar');
      const upload = (text: string, file: string) => {
        const form = new FormData();
        form.set('_csrf', token);
        form.set('source', SOURCE);
        form.set('text', text);
        form.set('file', new File([file], '2028.txt', { type: 'text/plain' }));
        return admin.request('/console/calendar/import', { method: 'POST', body: form });
      };
      const bad = await upload('', '2028-01-01,holiday,元旦\n\n2028-01-02,rest,元旦\n');
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('<a href="#f-file">节假日文件：第3行：类别“rest”无效');
      const both = await upload('2028-01-01,holiday,元旦', '2028-01-01,holiday,元旦');
      expect(await both.text()).toContain('导入内容：请只使用文本框或上传文件中的一种');
      expect(await listDays(ctx, 2028)).toEqual([]);
    });

    it('refuses other roles and posts without the CSRF token', async () => {
      const { app, ctx } = testApp(getDb());
      const handler = await signedIn(app, ctx, 'scjg.handler');
      expect(await (await handler.get('/console')).text()).not.toContain('>工作日历</a>');
      const page = await handler.get('/console/calendar/2025');
      expect(page.status).toBe(403);
      expect(await page.text()).toContain('无权使用“工作日历”功能');
      const token = await handler.csrf('/console');
      const post = await handler.post('/console/calendar/import', { _csrf: token, text: NOTICE_2027, source: SOURCE });
      expect(post.status).toBe(403);
      const admin = await signedIn(app, ctx, 'admin');
      await admin.get('/console/calendar');
      const noToken = await admin.post('/console/calendar/2025/remove', { date: '2025-10-01', confirm: 'yes' });
      expect(noToken.status).toBe(403);
      expect((await listDays(ctx, 2025)).map((d) => d.date)).toContain('2025-10-01');
    });
  });
});
