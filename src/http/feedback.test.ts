// 公众留言 through the web pages: the portal's form with its anti-abuse measures, the thank-you page and the status
// lookup, the public list, and the console's list, message page and answer forms (own agency only, masked for
// inspectors, refused to another agency's staff).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedItem } from '../../test/catalog.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildUser } from '../../test/platform.ts';
import { listAgencyRows, updateUserRow } from '../agencies/repository.ts';
import type { Database } from '../storage/db.ts';
import { hidden } from './portal/apply-testing.ts';
import { Client, demoUsers, passwordOf, type TestApp, testApp } from './testing.ts';

const FORM = {
  agencyId: '',
  itemId: '',
  kind: 'inquiry',
  subject: '咨询老旧小区改造清单',
  content: '请问今年的改造清单何时公布？\n我住在示例区。',
  name: '张三',
  contact: '13812345678',
  homepage: '',
};

async function count(db: Database) {
  const row = await db.kysely
    .selectFrom('feedback_messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Open the form, wait like a person (the test clock), send it. */
async function send(
  t: TestApp,
  client: Client,
  form: Record<string, string>,
  options: { wait?: number; path?: string; headers?: Record<string, string> } = {},
) {
  await client.get(options.path ?? '/feedback/new', options.headers);
  const page = client.lastHtml;
  t.advance(options.wait ?? 1);
  const body = { _csrf: hidden(page, '_csrf'), stamp: hidden(page, 'stamp'), ...form };
  return client.post('/feedback/new', body, options.headers);
}

const codesOf = (page: string) => {
  const [messageNo, queryCode] = [...page.matchAll(/<dd><code>([^<]+)<\/code><\/dd>/g)].map((m) => m[1]);
  return { messageNo: messageNo as string, queryCode: (queryCode as string).replaceAll(' ', '') };
};

describe('公众留言 (web)', () => {
  forEachEngine((_engine, getDb) => {
    let agencyId: number;
    let otherId: number;
    let form: Record<string, string>;
    beforeAll(async () => {
      const { ctx } = testApp(getDb());
      await demoUsers(ctx);
      const agencies = await listAgencyRows(ctx.db.kysely);
      agencyId = agencies.find((a) => a.name === '示例区市场监督管理局')?.id as number;
      otherId = agencies.find((a) => a.id !== agencyId && a.parentId !== null)?.id as number;
      form = { ...FORM, agencyId: String(agencyId) };
    });

    it('labels every field, hides the trap, and needs no script', async () => {
      const client = new Client(testApp(getDb()).app);
      const res = await client.get('/feedback/new');
      expect(res.status).toBe(200);
      const page = await res.text();
      for (const kind of ['咨询', '意见建议', '纠错（信息有误或链接失效）', '其他']) expect(page).toContain(kind);
      expect(page).toContain(`<option value="${agencyId}">示例区市场监督管理局</option>`);
      const ids = [...page.matchAll(/<(?:input|select|textarea)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThanOrEqual(10);
      for (const id of ids) expect(page).toContain(`<label for="${id}"`);
      expect(page).toMatch(/<div class="hp" aria-hidden="true">/);
      expect(page).not.toMatch(/<script|<style| style=/);
      expect(page).toContain('5个工作日内答复');
    });

    it('takes a message, shows the 留言编号 and 查询码 once, and answers the status lookup with them', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const before = await count(getDb());
      const res = await send(t, client, form);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('<h1>留言已提交，感谢您的意见建议</h1>');
      const { messageNo, queryCode } = codesOf(page);
      expect(messageNo).toMatch(new RegExp(`^LY2026-${agencyId}-\\d{6}$`));
      expect(queryCode).toMatch(/^[A-Z2-9]{16}$/);
      expect(page).toContain('2026年3月9日以前答复'); // Monday 2 March + 5 working days
      expect(await count(getDb())).toBe(before + 1);

      const csrf = await client.csrf('/feedback/status');
      const found = await client.post('/feedback/status', { _csrf: csrf, messageNo, queryCode });
      expect(found.status).toBe(200);
      const status = await found.text();
      expect(status).toContain('<p>请问今年的改造清单何时公布？</p><p>我住在示例区。</p>');
      expect(status).toContain('尚未答复。受理机关应在2026年3月9日以前答复。');
      const wrong = await client.post('/feedback/status', { _csrf: csrf, messageNo, queryCode: 'ABCDEFGHJKMNPQRS' });
      expect(wrong.status).toBe(400);
      const text = await wrong.text();
      expect(text).toContain('留言编号或查询码不正确');
      expect(text).not.toContain(messageNo);
    });

    it('names the field of bad input in Chinese, keeps the input and stores nothing', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const before = await count(getDb());
      let res = await send(t, client, { ...form, subject: '' });
      expect(res.status).toBe(400);
      let page = await res.text();
      expect(page).toContain('<a href="#f-subject">标题：不能为空</a>');
      expect(page).toMatch(/id="f-subject" name="subject" value=""[^>]*aria-invalid="true"/);
      expect(page).toContain('我住在示例区。</textarea>');
      res = await send(t, client, { ...form, name: '' });
      page = await res.text();
      expect(page).toContain(
        '<p class="field-error" id="f-name-error">姓名或称呼：留下联系方式以便私下答复的，请填写姓名或称呼</p>',
      );
      res = await send(t, client, { ...form, contact: '找我' });
      expect(await res.text()).toContain('id="f-contact-error">联系方式：应为手机号码、固定电话或电子邮箱');
      const { kind: _k, ...noKind } = form;
      res = await send(t, client, noKind);
      expect(await res.text()).toContain('<a href="#f-kind">留言类型：请选择留言类型</a>');
      res = await send(t, client, { ...form, agencyId: '' });
      expect(await res.text()).toContain('<a href="#f-agencyId">受理机关：请选择</a>');
      expect(await count(getDb())).toBe(before);
    });

    it('stores nothing from the trap field, asks a too-fast sender to confirm, and refuses a post without CSRF', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const before = await count(getDb());
      const trapped = await send(t, client, { ...form, homepage: 'http://spam.example' });
      expect(trapped.status).toBe(400);
      expect(await trapped.text()).toContain('一个应当留空的隐藏项被填写了');
      const fast = await send(t, client, form, { wait: 0 });
      expect(await fast.text()).toContain('请您再核对一遍填写的内容，然后再次点击“提交留言”');
      await client.get('/feedback/new');
      t.advance(1);
      const forged = await client.post('/feedback/new', { stamp: hidden(client.lastHtml, 'stamp'), ...form });
      expect(forged.status).toBe(403);
      expect(await count(getDb())).toBe(before);
    });

    it('refuses a sixth message within an hour from one address, with 429', async () => {
      const t = testApp(getDb(), { trustProxy: true });
      const client = new Client(t.app);
      const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
      for (let i = 0; i < 5; i++) expect((await send(t, client, form, from('203.0.113.50'))).status).toBe(200);
      const before = await count(getDb());
      const res = await send(t, client, form, from('203.0.113.50'));
      expect(res.status).toBe(429);
      expect(await res.text()).toContain('<h1>请稍后再试</h1>');
      expect(await count(getDb())).toBe(before);
      expect((await send(t, client, form, from('198.51.100.50'))).status).toBe(200);
    });

    it('counts status lookups in the same budget of tries as the application status page', async () => {
      const t = testApp(getDb(), { trustProxy: true });
      const client = new Client(t.app);
      const headers = { 'x-forwarded-for': '203.0.113.60' };
      const csrf = await client.csrf('/apply/status');
      const guess = { _csrf: csrf, trackingNo: 'GK2026-1-000001', queryCode: 'ABCDEFGHJKMNPQRS' };
      for (let i = 0; i < 10; i++) expect((await client.post('/apply/status', guess, headers)).status).toBe(400);
      const res = await client.post(
        '/feedback/status',
        { _csrf: csrf, messageNo: 'LY2026-1-000001', queryCode: 'ABCDEFGHJKMNPQRS' },
        headers,
      );
      expect(res.status).toBe(429);
    });

    it('routes a message from an item’s page to its agency and shows the item', async () => {
      const t = testApp(getDb());
      const publisher = (await buildUser(t.ctx, 'publisher', agencyId)).actor;
      const reviewer = (await buildUser(t.ctx, 'reviewer', agencyId)).actor;
      const item = await buildPublishedItem(t.ctx, agencyId, { publisher, reviewer });
      const client = new Client(t.app);
      const path = `/feedback/new?item=${item.id}`;
      const page = await (await client.get(path)).text();
      expect(page).toContain(`<a href="/catalog/${item.id}">${item.title}</a>`);
      expect(page).toContain('留言将转给发布该信息的示例区市场监督管理局答复');
      expect(page).not.toContain('name="agencyId"');
      const res = await send(
        t,
        client,
        { ...form, agencyId: '', itemId: String(item.id), kind: 'correction' },
        { path },
      );
      expect(res.status).toBe(200);
      const { messageNo } = codesOf(await res.text());
      const row = await getDb()
        .kysely.selectFrom('feedback_messages')
        .select(['agency_id', 'item_id'])
        .where('message_no', '=', messageNo)
        .executeTakeFirstOrThrow();
      expect(Number(row.agency_id)).toBe(agencyId);
      expect(Number(row.item_id)).toBe(item.id);
      expect(await (await client.get('/feedback/new?item=999999')).text()).toContain('所指的信息不存在或已不再公开');
    });

    it('lets the agency’s staff answer, masks the sender for inspectors, refuses other agencies', async () => {
      const t = testApp(getDb());
      const sender = new Client(t.app);
      const sent = await send(t, sender, { ...form, subject: '建议公开停车收费标准', publishConsent: '1' });
      const { messageNo } = codesOf(await sent.text());
      const id = Number(
        (
          await getDb()
            .kysely.selectFrom('feedback_messages')
            .select('id')
            .where('message_no', '=', messageNo)
            .executeTakeFirstOrThrow()
        ).id,
      );

      const staff = new Client(t.app);
      await staff.login('scjg.handler', await passwordOf(t.ctx, 'scjg.handler'));
      const home = await (await staff.get('/console')).text();
      expect(home).toContain('<a href="/console/feedback">公众留言</a>');
      expect(home).toContain('超过答复期限仍未答复的留言');
      const list = await (await staff.get('/console/feedback?state=open')).text();
      expect(list).toContain(`<a href="/console/feedback/${id}">${messageNo}</a>`);
      const detail = await (await staff.get(`/console/feedback/${id}`)).text();
      expect(detail).toContain('<dd>张三</dd>');
      expect(detail).toContain('<dd>13812345678</dd>');

      const inspector = new Client(t.app);
      await inspector.login('qzf.inspector', await passwordOf(t.ctx, 'qzf.inspector'));
      const masked = await (await inspector.get(`/console/feedback/${id}`)).text();
      expect(masked).toContain('<dd>张*</dd>');
      expect(masked).toContain('<dd>138****5678</dd>');
      expect(masked).not.toContain('13812345678');
      expect(masked).not.toContain('提交答复');

      const { user, password } = await buildUser(t.ctx, 'handler', otherId);
      await updateUserRow(t.ctx.db.kysely, user.id, { must_change_password: false }, t.ctx.clock().toISOString());
      const outsider = new Client(t.app);
      expect((await outsider.login(user.username, password)).headers.get('location')).toBe('/console');
      expect((await outsider.get(`/console/feedback/${id}`)).status).toBe(403);
      const refused = await outsider.post(`/console/feedback/${id}/answer`, {
        _csrf: await outsider.csrf('/console/feedback'),
        mode: 'private',
        answer: '越权答复',
      });
      expect(refused.status).toBe(403);

      const csrf = await staff.csrf(`/console/feedback/${id}`);
      const blank = await staff.post(`/console/feedback/${id}/answer`, { _csrf: csrf, mode: 'public', answer: '' });
      expect(blank.status).toBe(400);
      expect(await blank.text()).toContain('<a href="#f-answer">答复内容：不能为空</a>');
      const noCsrf = await staff.post(`/console/feedback/${id}/answer`, { mode: 'public', answer: '答复' });
      expect(noCsrf.status).toBe(403);
      const done = await staff.post(`/console/feedback/${id}/answer`, {
        _csrf: csrf,
        mode: 'public',
        answer: '收费标准已在主动公开目录中公布。',
        publicSubject: '建议公开停车收费标准',
        publicContent: '请问今年的改造清单何时公布？',
      });
      expect(done.status).toBe(303);
      const publicList = await (await sender.get('/feedback')).text();
      expect(publicList).toContain('收费标准已在主动公开目录中公布。');
      expect(publicList).toContain(messageNo);
      expect(publicList).not.toMatch(/张三|13812345678/);
    });

    it('lets the agency administrator set the deadline in the console, and no one else', async () => {
      const t = testApp(getDb());
      const admin = new Client(t.app);
      await admin.login('bgs.admin', await passwordOf(t.ctx, 'bgs.admin'));
      expect(await (await admin.get('/console')).text()).toContain('href="/console/feedback-deadline"');
      const csrf = await admin.csrf('/console/feedback-deadline');
      expect(admin.lastHtml).toContain('<strong>5</strong> 个工作日');
      const bad = await admin.post('/console/feedback-deadline', { _csrf: csrf, deadlineDays: '0' });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('<a href="#f-deadlineDays">答复期限（工作日）：至少1个工作日</a>');
      const saved = await admin.post('/console/feedback-deadline', { _csrf: csrf, deadlineDays: '7' });
      expect(saved.status).toBe(303);
      expect(await (await admin.get('/console/feedback-deadline?saved=1')).text()).toContain(
        '<strong>7</strong> 个工作日',
      );
      const handler = new Client(t.app);
      await handler.login('scjg.handler', await passwordOf(t.ctx, 'scjg.handler'));
      expect((await handler.get('/console/feedback-deadline')).status).toBe(403);
      const refused = await handler.post('/console/feedback-deadline', {
        _csrf: await handler.csrf('/console'),
        deadlineDays: '1',
      });
      expect(refused.status).toBe(403);
    });

    it('lists and counts a message left unanswered past its deadline', async () => {
      const t = testApp(getDb());
      const sent = await send(t, new Client(t.app), form);
      const { messageNo } = codesOf(await sent.text());
      t.advance(8 * 24 * 60); // Tuesday 10 March: past the 5 working days
      const staff = new Client(t.app);
      await staff.login('scjg.handler', await passwordOf(t.ctx, 'scjg.handler'));
      const home = await (await staff.get('/console')).text();
      expect(home).toMatch(/超过答复期限仍未答复的留言：<strong>[1-9]\d*<\/strong> 条/);
      const overdue = await (await staff.get('/console/feedback?state=overdue')).text();
      expect(overdue).toContain(messageNo);
      expect(overdue).toContain('2026-03-09<strong>（已超期）</strong>');
      expect(overdue).toContain('2026年留言办理情况');
    });
  });
});
