// 复议诉讼 through the console: the list with its filters, recording a case (errors beside the fields), the case
// page with its documents, correcting it, table 四 with its drill-down, the case shown on its application's page —
// another agency's staff refused, inspectors shown masked names.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import { PDF } from '../attachments/testing.ts';
import { actorOf, newHandler, signedIn } from './application-testing.ts';
import { Client, demoUsers, testApp } from './testing.ts';

const FORM = {
  kind: 'reconsideration',
  role: 'original',
  bodyName: '示例区人民政府',
  caseNo: '示政复〔2025〕7号',
  appellantName: '钱多多',
  filedOn: '2025-11-20',
  trackingNo: '',
  earlierCaseId: '',
  result: 'pending',
  resultOn: '',
  resultNote: '',
  note: '',
};

describe('复议诉讼 (console)', () => {
  forEachEngine((_engine, getDb) => {
    let agencyId: number;
    let otherId: number;
    beforeAll(async () => {
      const { ctx } = testApp(getDb());
      await demoUsers(ctx);
      const agencies = await listAgencyRows(ctx.db.kysely);
      agencyId = agencies.find((a) => a.name === '示例区市场监督管理局')?.id as number;
      otherId = agencies.find((a) => a.name === '示例区教育局')?.id as number;
    });

    it('records a case, shows it, takes documents, corrects it and counts it in table 四', async () => {
      const { app, ctx } = testApp(getDb());
      const { client } = await newHandler(app, ctx, 'ap.web.handler', agencyId);
      const list = await client.get('/console/appeals');
      expect(list.status).toBe(200);
      const html = await list.text();
      expect(html).toContain('<h1>行政复议、行政诉讼</h1>');
      expect(html).not.toContain('本功能模块正在建设中');
      for (const id of [...html.matchAll(/<(?:input|select)[^>]* id="([^"]+)"/g)].map((m) => m[1]))
        expect(html).toContain(`for="${id}"`);

      const token = await client.csrf('/console/appeals/new');
      const bad = await client.post('/console/appeals/new', { _csrf: token, ...FORM, result: 'upheld' });
      expect(bad.status).toBe(400);
      const badHtml = await bad.text();
      expect(badHtml).toContain('结果日期：已审结的案件请填写结果日期');
      expect(badHtml).toContain('value="钱多多"');

      const { application } = await buildApplication(ctx, await actorOf(ctx, 'scjg.handler'), agencyId);
      const created = await client.post('/console/appeals/new', {
        _csrf: token,
        ...FORM,
        trackingNo: application.trackingNo,
      });
      expect(created.status).toBe(303);
      const location = created.headers.get('location') as string;
      const id = Number(/\/console\/appeals\/(\d+)\?saved=1/.exec(location)?.[1]);
      const page = await (await client.get(`/console/appeals/${id}`)).text();
      expect(page).toContain('钱多多');
      expect(page).toContain(application.trackingNo);
      expect(page).toContain('计入示例区市场监督管理局2025年度报告表四');

      // A document, uploaded as a browser would.
      const form = new FormData();
      form.append('_csrf', await client.csrf(`/console/appeals/${id}`));
      form.append('documents', new Blob([PDF], { type: 'application/pdf' }), '复议决定书.pdf');
      const uploaded = await client.request(`/console/appeals/${id}/documents`, { method: 'POST', body: form });
      expect(uploaded.status).toBe(303);
      const withDoc = await (await client.get(`/console/appeals/${id}`)).text();
      const docId = /\/console\/appeals\/\d+\/documents\/(\d+)"/.exec(withDoc)?.[1];
      expect(withDoc).toContain('复议决定书.pdf');
      const download = await client.get(`/console/appeals/${id}/documents/${docId}`);
      expect(download.headers.get('content-type')).toBe('application/pdf');

      // Decided in January 2026: pending in 2025's table 四, and the drill-down lists it.
      const edit = await client.post(`/console/appeals/${id}/edit`, {
        _csrf: await client.csrf(`/console/appeals/${id}/edit`),
        ...FORM,
        trackingNo: application.trackingNo,
        result: 'corrected',
        resultOn: '2026-01-12',
      });
      expect(edit.status).toBe(303);
      const table = await (await client.get('/console/appeals/table?year=2025')).text();
      expect(table).toContain('四、政府信息公开行政复议、行政诉讼情况');
      const pendingLink = `/console/appeals?agency=${agencyId}&amp;year=2025&amp;kind=reconsideration&amp;column=pending`;
      expect(table).toContain(`href="${pendingLink}"`);
      const drill = await (await client.get(pendingLink.replaceAll('&amp;', '&'))).text();
      expect(drill).toContain('示政复〔2025〕7号');
      const corrected = await (
        await client.get(`/console/appeals?agency=${agencyId}&year=2025&kind=reconsideration&column=corrected`)
      ).text();
      expect(corrected).not.toContain('示政复〔2025〕7号');

      // The application's page shows the case.
      const appPage = await (await client.get(`/console/applications/${application.id}`)).text();
      expect(appPage).toContain('行政复议、行政诉讼');
      expect(appPage).toContain(`href="/console/appeals/${id}"`);

      // An inspector above reads it with the name masked and no forms; another agency's staff are refused.
      const inspector = await signedIn(app, ctx, 'qzf.inspector');
      const masked = await (await inspector.get(`/console/appeals/${id}`)).text();
      expect(masked).toContain('钱**');
      expect(masked).not.toContain('钱多多');
      expect(masked).not.toContain('上传文书');
      expect((await inspector.get(`/console/appeals/${id}/edit`)).status).toBe(403);
      expect((await inspector.get('/console/appeals/new')).status).toBe(403);
      expect(await (await inspector.get('/console/appeals')).text()).not.toContain('登记案件');
      const { client: outsider } = await newHandler(app, ctx, 'ap.web.outsider', otherId);
      expect((await outsider.get(`/console/appeals/${id}`)).status).toBe(403);
      expect((await outsider.get(`/console/appeals/${id}/documents/${docId}`)).status).toBe(403);
      const refused = await outsider.post(`/console/appeals/${id}/edit`, {
        _csrf: await outsider.csrf('/console/appeals'),
        ...FORM,
      });
      expect(refused.status).toBe(403);
      expect(await (await outsider.get('/console/appeals')).text()).not.toContain('示政复〔2025〕7号');

      // Removing the document.
      const removed = await client.post(`/console/appeals/${id}/documents/${docId}/remove`, {
        _csrf: await client.csrf(`/console/appeals/${id}`),
      });
      expect(removed.status).toBe(303);
      expect(await (await client.get(`/console/appeals/${id}`)).text()).toContain('尚未上传文书');
    });

    it('needs a login', async () => {
      const res = await new Client(testApp(getDb()).app).get('/console/appeals');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/console\/login/);
    });
  });
});
