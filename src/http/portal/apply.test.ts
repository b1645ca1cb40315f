// 依申请公开 on the portal: the online form, its anti-abuse measures and the receipt (status page: apply-status.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnlineInput, buildOrgInput, ID_NUMBER } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { Client, testApp } from '../testing.ts';
import { applyOnline, codesOf, countApplications, demoAgencyId, formOf, hidden } from './apply-testing.ts';

describe('依申请公开 (portal)', () => {
  forEachEngine((_engine, getDb) => {
    let agencyId: number;
    beforeAll(async () => {
      agencyId = await demoAgencyId(getDb());
    });
    const count = () => countApplications(getDb());
    const apply = applyOnline;

    it('explains the law and labels every field of the form', async () => {
      const client = new Client(testApp(getDb()).app);
      const res = await client.get('/apply');
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('20个工作日');
      expect(page).toContain('明显超过合理范围');
      expect(page).toContain(`<option value="${agencyId}">示例区市场监督管理局</option>`);
      for (const kind of ['个人（自然人）', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他组织'])
        expect(page).toContain(kind);
      const ids = [...page.matchAll(/<(?:input|select|textarea)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(20);
      for (const id of ids) expect(page).toContain(`<label for="${id}"`);
      expect(page).toMatch(/<div class="hp" aria-hidden="true">/);
      expect(page).toMatch(/name="homepage" value="" tabindex="-1" autocomplete="off"/);
      // The CSP forbids inline script and style: the one script is a static file that only enhances the form.
      expect(page.match(/<script[^>]*>/g)).toEqual(['<script src="/static/apply.js" defer="">']);
      expect(page).not.toMatch(/<style| style=/);
      const js = await client.get('/static/apply.js');
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    });

    it('takes a person’s application and shows the 查询号 and 查询码 once', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const before = await count();
      const res = await apply(t, client, formOf(buildOnlineInput(agencyId)));
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('<h1>申请已提交</h1>');
      const { trackingNo, queryCode } = codesOf(page);
      expect(trackingNo).toMatch(new RegExp(`^GK2026-${agencyId}-\\d{6}$`));
      expect(queryCode).toMatch(/^[A-Z2-9]{16}$/);
      expect(page).toContain('查询码只在这里显示这一次');
      expect(page).toMatch(/<code>[A-Z2-9]{4} [A-Z2-9]{4} [A-Z2-9]{4} [A-Z2-9]{4}<\/code>/); // grouped for copying
      expect(page).toContain('确认之日为收到申请之日');
      expect(await count()).toBe(before + 1);
      const audit = await getDb()
        .kysely.selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'application.submit')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.summary).not.toContain(ID_NUMBER);
      expect(audit.summary).not.toContain(queryCode);
    });

    it('takes an organisation’s application', async () => {
      const t = testApp(getDb());
      const res = await apply(t, new Client(t.app), formOf(buildOrgInput(agencyId, { applicantKind: 'research' })));
      expect(res.status).toBe(200);
      expect(codesOf(await res.text()).trackingNo).toMatch(/^GK2026-/);
    });

    it('names the field of a wrong ID check digit or credit code, keeps the input and stores nothing', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const before = await count();
      const res = await apply(t, client, formOf(buildOnlineInput(agencyId, { idNumber: '320102199001011234' })));
      expect(res.status).toBe(400);
      const page = await res.text();
      const message = '证件号码：校验位不符（第18位应为“2”），请核对';
      expect(page).toContain(`<div class="alert" role="alert">`);
      expect(page).toContain(`<a href="#f-idNumber">${message}</a>`);
      expect(page).toContain(`<p class="field-error" id="f-idNumber-error">${message}</p>`);
      expect(page).toMatch(/id="f-idNumber" name="idNumber" value="320102199001011234"[^>]*aria-invalid="true"/);
      expect(page).toContain('value="张三"');
      expect(page).toContain('2024年度本区老旧小区改造项目清单及资金安排</textarea>');

      const org = buildOrgInput(agencyId);
      const bad = `${(org.creditCode as string).slice(0, 17)}${(org.creditCode as string).endsWith('0') ? '1' : '0'}`;
      const orgRes = await apply(t, client, formOf({ ...org, creditCode: bad }));
      expect(orgRes.status).toBe(400);
      expect(await orgRes.text()).toMatch(
        /<p class="field-error" id="f-creditCode-error">统一社会信用代码：[^<]+<\/p>/,
      );
      expect(await count()).toBe(before);
    });

    it('asks for the declaration', async () => {
      const t = testApp(getDb());
      const { declaration: _d, ...form } = formOf(buildOnlineInput(agencyId));
      const res = await apply(t, new Client(t.app), form);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('id="f-declaration-error">声明：请阅读并勾选确认</p>');
    });

    it('stores nothing when the hidden trap field is filled', async () => {
      const t = testApp(getDb());
      const before = await count();
      const res = await apply(t, new Client(t.app), { ...formOf(buildOnlineInput(agencyId)), homepage: 'http://x' });
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain('一个应当留空的隐藏项被填写了');
      expect(page).toContain('name="homepage" value=""');
      expect(await count()).toBe(before);
    });

    it('asks a submission faster than 3 seconds to confirm, then takes it', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const before = await count();
      const res = await apply(t, client, formOf(buildOnlineInput(agencyId)), 0);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('请您再核对一遍填写的内容，然后再次点击“提交申请”');
      expect(page).toContain('value="张三"');
      expect(await count()).toBe(before);
      t.advance(1);
      const again = await client.post('/apply', {
        ...formOf(buildOnlineInput(agencyId)),
        _csrf: hidden(page, '_csrf'),
        stamp: hidden(page, 'stamp'),
      });
      expect(await again.text()).toContain('<h1>申请已提交</h1>');
      // A forged stamp counts as too fast.
      const forged = await client.post('/apply', {
        ...formOf(buildOnlineInput(agencyId)),
        _csrf: hidden(page, '_csrf'),
        stamp: `1.${'A'.repeat(43)}`,
      });
      expect(await forged.text()).toContain('再次点击“提交申请”');
      expect(await count()).toBe(before + 1);
    });

    it('refuses a sixth submission within an hour with 429 and says when to try again', async () => {
      const t = testApp(getDb(), { trustProxy: true });
      const client = new Client(t.app);
      const from = (address: string) => ({ 'x-forwarded-for': address });
      const send = (address = '203.0.113.7') => apply(t, client, formOf(buildOnlineInput(agencyId)), 1, from(address));
      for (let i = 0; i < 5; i++) expect((await send()).status).toBe(200);
      const audit = await getDb()
        .kysely.selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'application.submit')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.client_address).toBe('203.0.113.7');
      const before = await count();
      const res = await send();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe(String(55 * 60));
      const page = await res.text();
      expect(page).toContain('<h1>请稍后再试</h1>');
      expect(page).toContain('请在 2026-03-02 11:01');
      expect(await count()).toBe(before);
      expect((await send('198.51.100.2')).status).toBe(200); // another address has its own count
      t.advance(55);
      expect((await send()).status).toBe(200);
    });

    it('refuses a submission without the CSRF token', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const before = await count();
      await client.get('/apply');
      t.advance(1);
      const res = await client.post('/apply', {
        stamp: hidden(client.lastHtml, 'stamp'),
        ...formOf(buildOnlineInput(agencyId)),
      });
      expect(res.status).toBe(403);
      expect(await count()).toBe(before);
    });
  });
});
