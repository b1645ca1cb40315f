// The personal-data guard through the pages and the staff API, on every engine: the publisher sees the masked hit
// and where it is before the publish button; publishing is refused until a reason is recorded (required), then
// goes through; a public feedback answer with a mobile number comes back with a reason field per hit; the API
// refuses to publish (409 personalData) and lets the publisher list hits and give reasons. No page, response or
// audit entry shows the full number.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildItemInput, type Workflow } from '../../../test/catalog.ts';
import { catalogStaff, signInAs } from '../../../test/catalog-clients.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { buildHierarchy, buildUser } from '../../../test/platform.ts';
import { approveReport, getReport, saveTexts, submitReport } from '../../annual/service.ts';
import { publicItem } from '../../catalog/queries.ts';
import type { ItemInput } from '../../catalog/schema.ts';
import { addItemAttachment, createItem, reviewItem, submitForReview } from '../../catalog/service.ts';
import { findMessage } from '../../feedback/repository.ts';
import { submitFeedback } from '../../feedback/service.ts';
import { textPdf } from '../../pdf/testing.ts';
import { idNumberFor } from '../../privacy/testing.ts';
import { staffCatalogOperations } from '../api/staff-catalog.ts';
import { json, postJson } from '../api/testing.ts';
import { consoleReportHref } from '../report-links.ts';
import type { Client, TestApp } from '../testing.ts';
import { testApp } from '../testing.ts';

const ID = idNumberFor('32080219770815123');
const MOBILE = '15851234567';

forEachEngine((_engine, getDb) => {
  let t: TestApp;
  let agencyId: number;
  let who: Workflow;
  let publisher: Client;
  let handler: Client;

  beforeAll(async () => {
    t = testApp(getDb());
    ({ agencyId, who, publisher, handler } = await catalogStaff(t));
  });

  async function approvedWithPdf(overrides: Partial<ItemInput> = {}) {
    const { item } = await createItem(who.publisher, t.ctx, agencyId, buildItemInput(overrides));
    await addItemAttachment(who.publisher, t.ctx, item.id, { name: '名单.pdf', data: textPdf([`No. 1 ${ID}`]) });
    await submitForReview(who.publisher, t.ctx, item.id);
    await reviewItem(who.reviewer, t.ctx, item.id, { approve: true, secrecyChecked: true });
    return item.id;
  }

  async function auditText() {
    const rows = await sql<Record<string, unknown>>`select * from audit_log`.execute(t.ctx.db.kysely);
    return JSON.stringify(rows.rows);
  }

  const fingerprintIn = (page: string) => /name="fingerprint" value="([0-9a-f]{64})"/.exec(page)?.[1] ?? '';

  describe('the catalogue item page', () => {
    it('shows the masked hit before publishing, refuses until a reason is recorded, then publishes', async () => {
      const id = await approvedWithPdf();
      const page = `/console/catalog/${id}`;
      let html = await (await publisher.get(page)).text();
      expect(html).toContain('个人信息检查');
      expect(html).toContain('身份证号码 3208**********');
      expect(html).toContain('附件“名单.pdf”第1页');
      expect(html.indexOf('个人信息检查')).toBeLessThan(html.indexOf('act-publish'));
      expect(html).not.toContain(ID);
      const fingerprint = fingerprintIn(html);
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);

      const csrf = await publisher.csrf(page);
      let res = await publisher.post(`${page}/publish`, { _csrf: csrf, publishedOn: '' });
      expect(res.status).toBe(409);
      html = await res.text();
      expect(html).toContain('个人信息尚未处理');
      expect(html).not.toContain(ID);
      expect(await publicItem(t.ctx, id)).toBeUndefined();

      res = await publisher.post(`${page}/privacy`, { _csrf: csrf, fingerprint, reason: ' ' });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('说明可以公开的理由：不能为空');

      res = await publisher.post(`${page}/privacy`, { _csrf: csrf, fingerprint, reason: '依法公示，当事人已书面同意' });
      expect(res.status).toBe(303);
      html = await (await publisher.get(page)).text();
      expect(html).toContain('已说明理由：依法公示，当事人已书面同意');
      res = await publisher.post(`${page}/publish`, { _csrf: await publisher.csrf(page), publishedOn: '' });
      expect(res.status).toBe(303);
      expect((await publicItem(t.ctx, id))?.item.status).toBe('published');
      expect(await auditText()).not.toContain(ID);
    });

    it('offers no reason form to staff who may not publish', async () => {
      const id = await approvedWithPdf();
      const reviewer = (await signInAs(t, 'reviewer', agencyId)).client;
      const html = await (await reviewer.get(`/console/catalog/${id}`)).text();
      expect(html).toContain('身份证号码 3208**********');
      expect(fingerprintIn(html)).toBe('');
    });
  });

  describe('the feedback answer form', () => {
    it('comes back with the hit and a reason field; answered once the reason is given', async () => {
      const id = await openMessage();
      const page = `/console/feedback/${id}`;
      const form = {
        _csrf: await handler.csrf(page),
        mode: 'public',
        answer: `请到区政务服务中心办理，联系人手机${MOBILE}。`,
        publicSubject: '办事咨询',
        publicContent: '请问到哪里办理？',
      };
      let res = await handler.post(`${page}/answer`, form);
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(html).toContain('手机号码 1585***4567');
      expect(html).toContain('说明可以公开的理由');
      const field = /name="(reason-[0-9a-f]{64})"/.exec(html)?.[1] ?? '';
      expect(field).not.toBe('');
      expect(html.replace(/value="[^"]*"|<textarea[^>]*>[^<]*<\/textarea>/g, '')).not.toContain(MOBILE);

      res = await handler.post(`${page}/answer`, { ...form, [field]: '系本机关公开的咨询电话' });
      expect(res.status).toBe(303);
      expect((await findMessage(t.ctx.db.kysely, id))?.status).toBe('answered');
      expect(await auditText()).not.toContain(MOBILE);
    });
  });

  describe('the annual report page', () => {
    it('lists a hit of the frozen texts before the publish button and takes the reason', async () => {
      const year = 2024;
      const tree = await buildHierarchy(t.ctx);
      const dept = tree.department.id;
      const clerk = (await buildUser(t.ctx, 'handler', dept)).actor;
      const office = (await buildUser(t.ctx, 'reviewer', tree.government.id)).actor;
      await saveTexts(clerk, t.ctx, dept, year, { overview: '总体情况。', problems: '问题。', other: `手机${MOBILE}` });
      const view = await getReport(clerk, t.ctx, dept, year);
      const warnings = view.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule);
      await submitReport(clerk, t.ctx, dept, year, warnings);
      await approveReport(office, t.ctx, dept, year);
      const publisher = (await signInAs(t, 'publisher', dept)).client;
      const page = consoleReportHref(dept, year);
      let html = await (await publisher.get(page)).text();
      expect(html).toContain('手机号码 1585***4567');
      expect(html.indexOf('个人信息检查')).toBeLessThan(html.indexOf(`${page}/publish`));
      const csrf = await publisher.csrf(page);
      let res = await publisher.post(`${page}/publish`, { _csrf: csrf });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('个人信息尚未处理');
      res = await publisher.post(`${page}/privacy`, { _csrf: csrf, fingerprint: fingerprintIn(html), reason: '' });
      expect(res.status).toBe(400);
      res = await publisher.post(`${page}/privacy`, {
        _csrf: csrf,
        fingerprint: fingerprintIn(html),
        reason: '系本机关公开的咨询电话',
      });
      expect(res.status).toBe(303);
      html = await (await publisher.get(page)).text();
      expect(html).toContain('已说明理由：系本机关公开的咨询电话');
      res = await publisher.post(`${page}/publish`, { _csrf: await publisher.csrf(page) });
      expect(res.status).toBe(303);
    });
  });

  async function openMessage() {
    const sent = await submitFeedback(t.ctx, {
      kind: 'inquiry',
      subject: '办事咨询',
      content: '请问到哪里办理？',
      agencyId,
      publishConsent: true,
    });
    const row = await t.ctx.db.kysely
      .selectFrom('feedback_messages')
      .select('id')
      .where('message_no', '=', sent.messageNo)
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  describe('the staff API', () => {
    const BASE = '/api/v1/staff/catalog/items';
    const shape = (method: string, path: string) =>
      staffCatalogOperations.find((o) => o.method === method && o.path === `${BASE.replace('/api/v1', '')}${path}`)
        ?.response;

    it('refuses to publish past the guard, lists the hits and takes a reason', async () => {
      const id = await approvedWithPdf();
      let r = await json(postJson(publisher, `${BASE}/${id}/publish`, {}, { csrf: true }));
      expect(r.status).toBe(409);
      expect(JSON.stringify(r.body)).toContain('personalData');
      expect(JSON.stringify(r.body)).not.toContain(ID);

      r = await json(publisher.get(`${BASE}/${id}/personal-data`));
      expect(r.status).toBe(200);
      expect(shape('get', '/{id}/personal-data')?.safeParse(r.body).success).toBe(true);
      expect(r.body.hits).toHaveLength(1);
      expect(r.body.hits[0]).toMatchObject({
        kind: 'idNumber',
        places: ['附件“名单.pdf”第1页'],
        acknowledgement: null,
      });
      const fingerprint = r.body.hits[0].fingerprint as string;

      r = await json(postJson(publisher, `${BASE}/${id}/personal-data`, { fingerprint, reason: '' }, { csrf: true }));
      expect(r.status).toBe(400);
      r = await json(postJson(handler, `${BASE}/${id}/personal-data`, { fingerprint, reason: '同意' }, { csrf: true }));
      expect(r.status).toBe(403);
      r = await json(
        postJson(publisher, `${BASE}/${id}/personal-data`, { fingerprint, reason: '当事人同意公开' }, { csrf: true }),
      );
      expect(r.status).toBe(200);
      expect(shape('post', '/{id}/personal-data')?.safeParse(r.body).success).toBe(true);
      expect(r.body.hits[0].acknowledgement).toMatchObject({ reason: '当事人同意公开' });

      r = await json(postJson(publisher, `${BASE}/${id}/publish`, {}, { csrf: true }));
      expect(r.status).toBe(200);
      expect(r.body.item.status).toBe('published');
    });

    it('refuses a public answer past the guard and takes the reasons with the proposed answer', async () => {
      const id = await openMessage();
      const path = `/api/v1/staff/feedback/${id}`;
      const answer = { mode: 'public', answer: `请致电经办人 ${MOBILE}。` };
      let r = await json(postJson(handler, `${path}/answer`, answer, { csrf: true }));
      expect(r.status).toBe(409);
      expect(JSON.stringify(r.body)).not.toContain(MOBILE);
      r = await json(postJson(handler, `${path}/personal-data`, answer, { csrf: true }));
      expect(r.status).toBe(200);
      expect(r.body.hits).toMatchObject([{ kind: 'mobile', masked: '手机号码 1585***4567', places: ['答复内容'] }]);
      const fingerprint = r.body.hits[0].fingerprint as string;
      r = await json(
        postJson(
          handler,
          `${path}/personal-data`,
          { ...answer, acknowledgements: [{ fingerprint, reason: '系本机关公开的咨询电话' }] },
          { csrf: true },
        ),
      );
      expect(r.status).toBe(200);
      expect(r.body.hits[0].acknowledgement).toMatchObject({ reason: '系本机关公开的咨询电话' });
      r = await json(postJson(handler, `${path}/answer`, answer, { csrf: true }));
      expect(r.status).toBe(200);
    });
  });
});
