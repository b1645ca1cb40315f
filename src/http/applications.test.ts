// 依申请公开办理 — the console pages, in-process on every engine: registering a walk-in application, confirming an
// online one, the inspector's masked read-only view, other agencies and missing CSRF tokens refused, and the
// handler's calendar feed. The clock's actions are in application-clock.test.ts.
import { describe, expect, it } from 'vitest';
import { buildApplication, buildOnlineInput, buildOrgInput, ID_NUMBER, PHONE } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { userActor } from '../agencies/model.ts';
import { assignHandler, submitOnline } from '../applications/service.ts';
import { actorOf, newHandler, signedIn, withoutReview } from './application-testing.ts';
import { Client, testApp } from './testing.ts';

const WALK_IN = {
  channel: 'inPerson',
  receivedDate: '2025-09-29',
  applicantKind: 'naturalPerson',
  applicantName: '张三',
  idType: 'residentId',
  idNumber: ID_NUMBER,
  phone: PHONE,
  address: '江苏省淮安市清江浦区健康东路1号',
  description: '2024年度本区食品安全抽检结果',
  provisionForm: 'paper',
  delivery: 'post',
};

describe('console: applications', () => {
  forEachEngine((_engine, getDb) => {
    it('registers a walk-in application: 查询号, the one-time 查询码, due 2025-11-03', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      const token = await client.csrf('/console/applications/new');
      expect(client.lastHtml).toContain('当面提交：以提交日期为准（《条例》第三十一条第（一）项）');

      const missing = await client.post('/console/applications', { _csrf: token, ...WALK_IN, receivedDate: '' });
      expect(missing.status).toBe(400);
      const page = await missing.text();
      expect(page).toContain('<a href="#f-receivedDate">提交日期：必须填写（据此确定收到申请之日）</a>');
      expect(page).toMatch(/id="f-receivedDate"[^>]*aria-invalid="true"/);
      expect(page).toContain('2024年度本区食品安全抽检结果'); // the input is put back

      const res = await client.post('/console/applications', { _csrf: token, ...WALK_IN });
      expect(res.status).toBe(200);
      const done = await res.text();
      const trackingNo = /<strong class="tracking-no">(GK2026-\d+-\d{6})<\/strong>/.exec(done)?.[1];
      expect(trackingNo).toBeTruthy();
      expect(done).toMatch(/查询码：<code>[A-Z2-9]{16}<\/code>/);
      expect(done).toContain('收到申请日期 2025-09-29，答复期限 <strong>2025-11-03</strong>');
      const id = Number(/href="\/console\/applications\/(\d+)"/.exec(done)?.[1]);
      const detail = await (await client.get(`/console/applications/${id}`)).text();
      expect(detail).toContain('<dt>当前答复期限</dt><dd>2025-11-03</dd>');
      expect(detail).toContain(
        '<td>2025-09-29</td><td>收到申请</td><td>应于20个工作日内答复，答复期限为2025-11-03</td>',
      );
      expect(detail).not.toMatch(/[A-Z2-9]{16}<\/code>/); // the 查询码 is never shown again
      const list = await (await client.get('/console/applications?scope=agency')).text();
      expect(list).toContain(`>${trackingNo}</a>`);
    });

    it("lists due-soon and overdue cases up front, mine or the agency's, and filters the rest", async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      const me = await actorOf(ctx, 'scjg.handler');
      const agencyId = me.agencyId as number;
      const soon = await buildApplication(ctx, me, agencyId, { receivedOn: '2026-02-02' });
      const late = await buildApplication(ctx, me, agencyId, { receivedOn: '2026-01-05' });
      const org = await buildApplication(ctx, me, agencyId, { ...buildOrgInput(agencyId), receivedOn: '2026-02-26' });
      await assignHandler(me, ctx, soon.application.id, me.id as number);
      const section = (html: string, from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to));

      const agency = await (await client.get('/console/applications?scope=agency')).text();
      const dueSoon = section(agency, '<caption>即将到期（5个工作日内）', '<caption>已超期');
      expect(dueSoon).toContain(`>${soon.application.trackingNo}</a>`);
      expect(dueSoon).toContain('2026-03-06<br/><span>剩余4个工作日</span>');
      expect(dueSoon).toContain('<td>王芳</td>');
      expect(dueSoon).not.toContain(org.application.trackingNo);
      const overdue = section(agency, '<caption>已超期', '<h2>网上申请');
      expect(overdue).toContain(`>${late.application.trackingNo}</a>`);
      expect(overdue).toMatch(/<span class="failure">已超期\d+个工作日<\/span>/);

      const mine = await (await client.get('/console/applications')).text();
      expect(mine).toContain('期限提醒（我承办的）');
      expect(section(mine, '<h2>期限提醒', '<h2>网上申请')).not.toContain(late.application.trackingNo);

      const filtered = await (
        await client.get('/console/applications?scope=agency&kind=business&from=2026-02-26&to=2026-02-26')
      ).text();
      const results = filtered.slice(filtered.indexOf('<caption>查询结果'));
      expect(results).toContain(`>${org.application.trackingNo}</a>`);
      expect(results).toContain('（商业企业）');
      expect(results).not.toContain(soon.application.trackingNo);
      expect(filtered).toContain('<option value="business" selected="">商业企业</option>');
    });

    it('lists an online application apart until staff confirm its receipt, then the clock runs', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      const agencyId = (await actorOf(ctx, 'scjg.handler')).agencyId as number;
      const { trackingNo } = await submitOnline(ctx, buildOnlineInput(agencyId));
      const list = await (await client.get('/console/applications')).text();
      const waiting = list.slice(list.indexOf('<caption>待确认收到'));
      expect(waiting).toContain(`>${trackingNo}</a>`);
      const id = Number(new RegExp(`href="/console/applications/(\\d+)">${trackingNo}<`).exec(waiting)?.[1]);
      expect(list).toContain(`action="/console/applications/${id}/confirm"`);
      const token = await client.csrf();
      const late = await client.post(`/console/applications/${id}/confirm`, { _csrf: token, date: '2026-03-03' });
      expect(late.status).toBe(409);
      expect(await late.text()).toContain('晚于今天（2026-03-02）');
      const ok = await client.post(`/console/applications/${id}/confirm`, { _csrf: token, date: '2026-03-02' });
      expect(ok.headers.get('location')).toBe(`/console/applications/${id}?saved=1`);
      const page = await (await client.get(`/console/applications/${id}?saved=1`)).text();
      expect(page).toContain('<dt>收到申请日期</dt><dd>2026-03-02</dd>');
      expect(page).not.toContain(`action="/console/applications/${id}/confirm"`);
    });

    it('shows an inspector the case masked, with no action forms', async () => {
      const { app, ctx } = testApp(getDb());
      const actor = await actorOf(ctx, 'scjg.handler');
      const { application: a } = await buildApplication(ctx, actor, actor.agencyId as number, {
        receivedOn: '2026-02-02',
      });
      const inspector = await signedIn(app, ctx, 'qzf.inspector');
      const page = await (await inspector.get(`/console/applications/${a.id}`)).text();
      expect(page).toContain('3201**********1232');
      expect(page).toContain('138****5678');
      expect(page).not.toContain(ID_NUMBER);
      expect(page).not.toContain(PHONE);
      expect(page).not.toContain('method="post" action="/console/applications');
      const list = await (await inspector.get('/console/applications')).text();
      expect(list).toContain(`>${a.trackingNo}</a>`);
      expect(list).not.toContain('登记申请');
      expect((await inspector.get('/console/applications/new')).status).toBe(403);
    });

    it("refuses another agency's staff (403) and a form without its CSRF token (403)", async () => {
      const { app, ctx } = testApp(getDb());
      const actor = await actorOf(ctx, 'scjg.handler');
      const { application: a } = await buildApplication(ctx, actor, actor.agencyId as number, {
        receivedOn: '2026-02-02',
      });
      const { client: other } = await newHandler(app, ctx, 'jyj.handler', 4);
      expect((await other.get(`/console/applications/${a.id}`)).status).toBe(403);
      const token = await other.csrf('/console/applications');
      const post = await other.post(`/console/applications/${a.id}/decide`, {
        _csrf: token,
        outcome: 'granted',
        date: '2026-02-27',
      });
      expect(post.status).toBe(403);
      expect(await post.text()).toContain('无权办理该机构的依申请公开件');

      const own = await signedIn(app, ctx, 'scjg.handler');
      await own.get(`/console/applications/${a.id}`);
      const noToken = await own.post(`/console/applications/${a.id}/decide`, {
        outcome: 'granted',
        date: '2026-02-27',
      });
      expect(noToken.status).toBe(403);
      expect(await (await own.get(`/console/applications/${a.id}`)).text()).toContain('<dd>已受理，办理中</dd>');
    });

    it("feeds exactly the handler's open deadlines as all-day events, with no personal data", async () => {
      const { app, ctx } = testApp(getDb());
      const scjg = (await actorOf(ctx, 'scjg.handler')).agencyId as number;
      const { user, client } = await newHandler(app, ctx, 'ics.handler', scjg);
      await withoutReview(ctx, scjg);
      const me = userActor(user);
      const mine1 = await buildApplication(ctx, me, scjg, { receivedOn: '2026-02-02' });
      const mine2 = await buildApplication(ctx, me, scjg, { receivedOn: '2026-02-26' });
      const closed = await buildApplication(ctx, me, scjg, { receivedOn: '2026-02-03' });
      const others = await buildApplication(ctx, me, scjg, { receivedOn: '2026-02-04' });
      for (const x of [mine1, mine2, closed]) await assignHandler(me, ctx, x.application.id, user.id);
      expect(others.application.handlerUserId).toBeNull();
      const token = await client.csrf(`/console/applications/${closed.application.id}`);
      await client.post(`/console/applications/${closed.application.id}/decide`, {
        _csrf: token,
        outcome: 'granted',
        date: '2026-02-27',
      });

      const res = await client.get('/console/applications/deadlines.ics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const ics = await res.text();
      expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      for (const x of [mine1, mine2]) {
        const due = (x.application.dueDate as string).replaceAll('-', '');
        expect(ics).toContain(`SUMMARY:答复期限：${x.application.trackingNo}`);
        expect(ics).toContain(`DTSTART;VALUE=DATE:${due}`);
      }
      expect(ics).not.toContain(closed.application.trackingNo);
      expect(ics).not.toContain(others.application.trackingNo);
      for (const secret of [ID_NUMBER, PHONE, '张三', '江苏省']) expect(ics).not.toContain(secret);
      const anonymous = await new Client(app).get('/console/applications/deadlines.ics');
      expect(anonymous.status).toBe(303);
    });
  });
});
