// Attachments through the pages, in-process on every engine: the portal form (multipart) stores files with the
// types their bytes show or refuses them with the reason and stores nothing; the case page lists and serves them
// to staff of the agency only; the applicant downloads only the files meant for them.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnlineInput } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import { addDecisionAttachment } from '../attachments/service.ts';
import { EXE, HTML, PDF, PNG, SVG, zipBomb } from '../attachments/testing.ts';
import { actorOf, newHandler, signedIn } from './application-testing.ts';
import { codesOf, countApplications, demoAgencyId, formOf, hidden } from './portal/apply-testing.ts';
import { Client, type TestApp, testApp } from './testing.ts';

type Upload = { name: string; data: Uint8Array; type?: string };

const WALK_IN = {
  channel: 'inPerson',
  receivedDate: '2025-09-29',
  applicantKind: 'naturalPerson',
  applicantName: '张三',
  idType: 'residentId',
  idNumber: '320102199001011232',
  phone: '13812345678',
  address: '江苏省淮安市清江浦区健康东路1号',
  description: '2024年度本区食品安全抽检结果',
  provisionForm: 'paper',
  delivery: 'post',
};

/** Open the form, wait like a person, send it as multipart with the files. */
async function applyWithFiles(t: TestApp, client: Client, form: Record<string, string>, files: Upload[]) {
  await client.get('/apply');
  const page = client.lastHtml;
  t.advance(1);
  const body = new FormData();
  for (const [k, v] of Object.entries({ _csrf: hidden(page, '_csrf'), stamp: hidden(page, 'stamp'), ...form }))
    body.append(k, v);
  for (const f of files)
    body.append('attachments', new File([f.data as Uint8Array<ArrayBuffer>], f.name, { type: f.type ?? '' }));
  return client.request('/apply', { method: 'POST', body });
}

describe('attachments on the pages', () => {
  forEachEngine((_engine, getDb) => {
    let agencyId: number;
    beforeAll(async () => {
      agencyId = await demoAgencyId(getDb());
    });
    const count = async () =>
      Number(
        (
          await getDb()
            .kysely.selectFrom('attachments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const idOf = async (trackingNo: string) =>
      (
        await getDb()
          .kysely.selectFrom('applications')
          .select('id')
          .where('tracking_no', '=', trackingNo)
          .executeTakeFirstOrThrow()
      ).id;

    it('the form is multipart and stores a PDF and a PNG with the types their bytes show', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const form = await (await client.get('/apply')).text();
      expect(form).toContain('enctype="multipart/form-data"');
      expect(form).toMatch(/<input type="file" id="f-attachments" name="attachments" multiple/);
      const res = await applyWithFiles(t, client, formOf(buildOnlineInput(agencyId)), [
        { name: '身份证明.pdf', data: PDF, type: 'image/png' },
        { name: '照片.jpg', data: PNG, type: 'image/jpeg' },
      ]);
      expect(res.status).toBe(200);
      const { trackingNo } = codesOf(await res.text());
      const rows = await getDb()
        .kysely.selectFrom('attachments')
        .select(['file_name', 'media_type', 'audience'])
        .where('application_id', '=', await idOf(trackingNo))
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { file_name: '身份证明.pdf', media_type: 'application/pdf', audience: 'staff' },
        { file_name: '照片.jpg', media_type: 'image/png', audience: 'staff' },
      ]);
    });

    it('refuses an .exe renamed .pdf, an SVG, an HTML file, a zip bomb and a too-large file: nothing stored', async () => {
      const before = [await countApplications(getDb()), await count()];
      const cases: [Upload, RegExp][] = [
        [{ name: '申请书.pdf', data: EXE }, /文件“申请书\.pdf”是可执行程序/],
        [{ name: 'logo.svg', data: SVG }, /文件“logo\.svg”是网页或 SVG/],
        [{ name: 'page.html', data: HTML }, /文件“page\.html”是网页或 SVG/],
        [{ name: '材料.docx', data: zipBomb() }, /文件“材料\.docx”解压后过大，疑似压缩炸弹/],
        [
          { name: '扫描件.pdf', data: new Uint8Array(21 * 1024 * 1024) },
          /文件“扫描件\.pdf”大小为 21 MB，超过单个文件 20 MB/,
        ],
      ];
      for (const [file, reason] of cases) {
        const t = testApp(getDb());
        const client = new Client(t.app);
        const res = await applyWithFiles(t, client, formOf(buildOnlineInput(agencyId)), [
          { name: 'ok.pdf', data: PDF },
          file,
        ]);
        expect(res.status).toBe(400);
        const page = await res.text();
        expect(page).toMatch(reason);
        expect(page).toContain('<p class="field-error" id="f-attachments-error">');
        expect(page).toContain('请重新选择');
      }
      expect([await countApplications(getDb()), await count()]).toEqual(before);
    });

    it('staff registration takes the papers the applicant brought, in the same transaction', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      const token = await client.csrf('/console/applications/new');
      expect(client.lastHtml).toContain('enctype="multipart/form-data"');
      const send = (file: Upload) => {
        const body = new FormData();
        const walkIn = { ...WALK_IN, _csrf: token };
        for (const [k, v] of Object.entries(walkIn)) body.append(k, v);
        body.append('attachments', new File([file.data as Uint8Array<ArrayBuffer>], file.name));
        return client.request('/console/applications', { method: 'POST', body });
      };
      const before = [await countApplications(getDb()), await count()];
      const refused = await send({ name: '来信.pdf', data: EXE });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('文件“来信.pdf”是可执行程序');
      expect([await countApplications(getDb()), await count()]).toEqual(before);
      const ok = await send({ name: '来信.pdf', data: PDF });
      expect(ok.status).toBe(200);
      const id = Number(/href="\/console\/applications\/(\d+)"/.exec(await ok.text())?.[1]);
      expect(await (await client.get(`/console/applications/${id}`)).text()).toContain('来信.pdf');
    });

    it('the case page lists files for staff of the agency; downloads are safe; another agency gets 403', async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const t = testApp(getDb());
      const portal = new Client(t.app);
      const res = await applyWithFiles(t, portal, formOf(buildOnlineInput(agencyId)), [
        { name: '材料 (1).pdf', data: PDF },
      ]);
      const { trackingNo, queryCode } = codesOf(await res.text());
      const id = await idOf(trackingNo);
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const page = await (await handler.get(`/console/applications/${id}`)).text();
      expect(page).toContain('材料 (1).pdf');
      const link = /href="(\/console\/applications\/\d+\/attachments\/(\d+))"/.exec(page);
      expect(link).not.toBeNull();
      const file = await handler.get(link?.[1] as string);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-security-policy')).toMatch(/; sandbox$/);
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="attachment-${link?.[2]}.pdf"; filename*=UTF-8''%E6%9D%90%E6%96%99%20%281%29.pdf`,
      );
      expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);

      const sibling = (await listAgencyRows(ctx.db.kysely)).find((a) => a.id !== agencyId && a.parentId !== null);
      const { client: outsider } = await newHandler(app, ctx, `att.other.${getDb().engine}`, sibling?.id as number);
      expect((await outsider.get(link?.[1] as string)).status).toBe(403);

      // A decision file through the upload form, for the applicant; the original stays staff-only.
      const token = await handler.csrf(`/console/applications/${id}`);
      const body = new FormData();
      body.append('_csrf', token);
      body.append('audience', 'applicant');
      body.append('attachments', new File([PDF as Uint8Array<ArrayBuffer>], '公开的信息.pdf'));
      const up = await handler.request(`/console/applications/${id}/attachments`, { method: 'POST', body });
      expect(up.status).toBe(303);
      const bad = new FormData();
      bad.append('_csrf', token);
      bad.append('audience', 'applicant');
      bad.append('attachments', new File([SVG as Uint8Array<ArrayBuffer>], 'x.svg'));
      const refused = await handler.request(`/console/applications/${id}/attachments`, { method: 'POST', body: bad });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('文件“x.svg”是网页或 SVG');
      await addDecisionAttachment(me, ctx, id, { name: '原件.pdf', data: PDF }, 'staff');

      // The applicant: the status page offers only the applicant's copy, downloaded by POST with the codes.
      const status = await portal.post('/apply/status', {
        _csrf: await portal.csrf('/apply/status'),
        trackingNo,
        queryCode,
      });
      const statusPage = await status.text();
      expect(statusPage).toContain('公开的信息.pdf');
      expect(statusPage).not.toContain('原件.pdf');
      expect(statusPage).not.toContain('材料 (1).pdf');
      const given = /action="\/apply\/attachments\/(\d+)"/.exec(statusPage)?.[1];
      const csrf = hidden(statusPage, '_csrf');
      const ok = await portal.post(`/apply/attachments/${given}`, { _csrf: csrf, trackingNo, queryCode });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-security-policy')).toMatch(/sandbox/);
      const original = Number(link?.[2]);
      const denied = await portal.post(`/apply/attachments/${original}`, { _csrf: csrf, trackingNo, queryCode });
      expect(denied.status).toBe(404);
      const wrong = await portal.post(`/apply/attachments/${given}`, {
        _csrf: csrf,
        trackingNo,
        queryCode: 'ABCDEFGHJKLMNPQR',
      });
      expect(wrong.status).toBe(404);

      const audit = await getDb()
        .kysely.selectFrom('audit_log')
        .select(['action', 'outcome'])
        .where('object_id', '=', String(id))
        .where('action', 'in', ['application.submit', 'attachment.add'])
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'application.submit', outcome: 'success' },
        { action: 'attachment.add', outcome: 'success' },
        { action: 'attachment.add', outcome: 'failure' },
        { action: 'attachment.add', outcome: 'success' },
      ]);
    });
  });
});
