// 区分处理 through the pages, in-process on every engine: a handler of the agency builds a plan (a typed-in box, a
// phrase, the ID-number pattern) and applies it — the copy is stored for the applicant, the original stays
// staff-only, the case proposes 部分公开 with the withheld list, and the audit log holds no personal data. Staff
// of another agency are refused everywhere; a POST without its CSRF token is refused; a bad box is refused with a
// Chinese message naming the box; nothing is stored on any refusal.
import { describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import { addDecisionAttachment, applicantAttachmentFile, attachmentsForApplicant } from '../attachments/service.ts';
import { PNG } from '../attachments/testing.ts';
import { textPdf } from '../pdf/testing.ts';
import { idNumberFor } from '../privacy/testing.ts';
import { extract, rawLeaks } from '../redaction/testing.ts';
import { actorOf, newHandler, signedIn, withoutReview } from './application-testing.ts';
import { demoAgencyId } from './portal/apply-testing.ts';
import { type Client, testApp } from './testing.ts';

const NAME = 'WANG XIAOMING';
const ID = idNumberFor('32010219850612003');
const PAGES = [`Inspection record. Party: ${NAME} ID ${ID}`, 'Conclusion: compliant'];

describe('区分处理 on the pages', () => {
  forEachEngine((engine, getDb) => {
    async function setUp() {
      const t = testApp(getDb());
      const { ctx, app } = t;
      const agencyId = await demoAgencyId(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const { application, queryCode } = await buildApplication(ctx, me, agencyId);
      const file = await addDecisionAttachment(
        me,
        ctx,
        application.id,
        { name: '检查记录.pdf', data: textPdf(PAGES) },
        'staff',
      );
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const base = `/console/applications/${application.id}/attachments/${file.id}/redact`;
      return { t, ctx, app, agencyId, me, application, queryCode, file, handler, base };
    }
    const counts = async () => {
      const db = getDb().kysely;
      const n = async (table: 'attachments' | 'redaction_plans' | 'redactions') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        attachments: await n('attachments'),
        plans: await n('redaction_plans'),
        redactions: await n('redactions'),
      };
    };
    const post = async (client: Client, path: string, pairs: [string, string][]) => {
      const token = await client.csrf(path.replace(/\/(boxes|phrase|patterns|apply|update|remove)$/, ''));
      const body = new URLSearchParams([['_csrf', token], ...pairs]).toString();
      return client.request(path, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    };

    it('a handler marks a box, a phrase and an ID number, applies, and the applicant gets the copy only', async () => {
      const { ctx, application, queryCode, file, handler, base, agencyId } = await setUp();
      await withoutReview(ctx, agencyId);
      const page = await (await handler.get(`/console/applications/${application.id}`)).text();
      expect(page).toContain(`href="${base}"`);
      const view = await handler.get(base);
      expect(view.status).toBe(200);
      const html = await view.text();
      expect(html).toContain('<h1>区分处理：检查记录.pdf</h1>');
      expect(html).toContain('alt="第1页"');
      expect(html).toContain('alt="第2页"');
      expect(html).toContain('<script src="/static/redaction.js" defer=""></script>');
      const png = await handler.get(`${base}/pages/2`);
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect((await handler.get(`${base}/pages/3`)).status).toBe(404);

      const typed = await post(handler, `${base}/boxes`, [
        ['page', '1'],
        ['unit', 'mm'],
        ['x', '20'],
        ['y', '100'],
        ['width', '50'],
        ['height', '10'],
        ['reason', 'internalAffairs'],
        ['note', '内部审批意见'],
      ]);
      expect(typed.status).toBe(303);
      const found = await post(handler, `${base}/phrase`, [
        ['phrase', NAME],
        ['phraseReason', 'personalPrivacy'],
      ]);
      expect(found.status).toBe(200);
      expect(await found.text()).toContain('找到1处，新添加遮盖框1个');
      const ids = await post(handler, `${base}/patterns`, [
        ['kinds', 'idNumber'],
        ['kinds', 'mobile'],
        ['patternReason', 'personalPrivacy'],
      ]);
      const idsPage = await ids.text();
      expect(idsPage).toContain('识别身份证号码、手机号码的结果');
      expect(idsPage).toContain('找到1处');
      expect(idsPage).toContain('遮盖框（共3个）');
      const applied = await post(handler, `${base}/apply`, []);
      expect(applied.status).toBe(303);
      expect(await (await handler.get(applied.headers.get('location') as string)).text()).toContain(
        '检查记录（区分处理）.pdf',
      );

      const db = getDb().kysely;
      const files = await db
        .selectFrom('attachments')
        .select(['id', 'file_name', 'audience', 'owner_kind', 'media_type'])
        .where('application_id', '=', application.id)
        .orderBy('id')
        .execute();
      expect(files.map((f) => [f.file_name, f.audience, f.owner_kind, f.media_type])).toEqual([
        ['检查记录.pdf', 'staff', 'decision', 'application/pdf'],
        ['检查记录（区分处理）.pdf', 'applicant', 'decision', 'application/pdf'],
      ]);
      const link = await db.selectFrom('redactions').selectAll().executeTakeFirstOrThrow();
      expect(Number(link.source_attachment_id)).toBe(file.id);
      expect(Number(link.result_attachment_id)).toBe(Number(files[1]?.id));
      expect(JSON.parse(link.boxes_json).map((b: { reason: string; source: string }) => [b.reason, b.source])).toEqual([
        ['internalAffairs', 'manual'],
        ['personalPrivacy', 'phrase'],
        ['personalPrivacy', 'pattern'],
      ]);

      // The audit log: counts, pages and reasons — never the name or the number found.
      const audit = await db
        .selectFrom('audit_log')
        .select(['action', 'summary'])
        .where('action', 'like', 'redaction.%')
        .where('object_id', '=', String(file.id))
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'redaction.plan',
        'redaction.plan',
        'redaction.plan',
        'redaction.apply',
      ]);
      for (const a of audit) {
        expect(a.summary).not.toContain(ID);
        expect(a.summary).not.toContain('WANG');
      }
      expect(JSON.parse(audit[3]?.summary as string).after).toMatchObject({ boxes: 3, pages: [1] });

      // The case proposes 部分公开 with what is withheld, why and on what basis.
      const casePage = await (await handler.get(`/console/applications/${application.id}`)).text();
      expect(casePage).toMatch(/<option value="partlyGranted" selected="">/);
      expect(casePage).toContain('区分处理件，原件：检查记录.pdf');

      // The applicant, with the codes: the redacted copy only, and neither the name nor the number in its text.
      const given = await attachmentsForApplicant(ctx, application.trackingNo, queryCode);
      expect(given.map((g) => g.fileName)).toEqual(['检查记录（区分处理）.pdf']);
      const copy = await applicantAttachmentFile(ctx, application.trackingNo, queryCode, given[0]?.id as number);
      const out = await extract(copy.data);
      const text = [...out.pages, ...out.other].join('\n');
      expect(text).toContain('Conclusion: compliant');
      expect(text).not.toContain(NAME);
      expect(text).not.toContain(ID);
      expect(await rawLeaks(copy.data, [NAME, ID])).toEqual([]);
      await expect(applicantAttachmentFile(ctx, application.trackingNo, queryCode, file.id)).rejects.toThrow(/不存在/);
    });

    it('a file that cannot be made a PDF shows why and asks for a PDF, with no tools offered', async () => {
      const { ctx, me, application, handler } = await setUp();
      const broken = await addDecisionAttachment(me, ctx, application.id, { name: '照片.png', data: PNG }, 'staff');
      const res = await handler.get(`/console/applications/${application.id}/attachments/${broken.id}/redact`);
      expect(res.status).toBe(200);
      const html = await res.text();
      // The engine's reason (redaction/convert.ts), then what to do.
      expect(html).toMatch(/<div class="alert" role="alert"><p>图片[^<]*无法作区分处理<\/p>/);
      expect(html).toContain('请将其转换为PDF文件');
      expect(html).not.toContain('应用区分处理</button>');
      // Under another case's URL the file is not found.
      const other = await buildApplication(ctx, me, application.agencyId);
      expect(
        (await handler.get(`/console/applications/${other.application.id}/attachments/${broken.id}/redact`)).status,
      ).toBe(404);
    });

    it('staff of another agency are refused the page, its images and every change; nothing is stored', async () => {
      const { app, ctx, agencyId, base } = await setUp();
      const sibling = (await listAgencyRows(ctx.db.kysely)).find((a) => a.id !== agencyId && a.parentId !== null);
      const { client: outsider } = await newHandler(app, ctx, `redact.other.${engine}`, sibling?.id as number);
      expect((await outsider.get(base)).status).toBe(403);
      expect((await outsider.get(`${base}/pages/1`)).status).toBe(403);
      const before = await counts();
      const token = await outsider.csrf('/console');
      for (const [path, form] of [
        ['boxes', { page: '1', unit: 'pt', x: '10', y: '10', width: '50', height: '20', reason: 'personalPrivacy' }],
        ['phrase', { phrase: NAME, phraseReason: 'personalPrivacy' }],
        ['patterns', { kinds: 'idNumber', patternReason: 'personalPrivacy' }],
        ['apply', {}],
      ] as const) {
        const res = await outsider.post(`${base}/${path}`, { _csrf: token, ...form });
        expect(res.status).toBe(403);
      }
      expect(await counts()).toEqual(before);
    });

    it('a POST without its CSRF token is refused and stores nothing', async () => {
      const { handler, base } = await setUp();
      const before = await counts();
      const res = await handler.post(`${base}/boxes`, {
        page: '1',
        unit: 'pt',
        x: '10',
        y: '10',
        width: '50',
        height: '20',
        reason: 'personalPrivacy',
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('请求未通过安全校验');
      expect((await handler.post(`${base}/apply`, { _csrf: 'forged' })).status).toBe(403);
      expect(await counts()).toEqual(before);
    });

    it('a bad box is refused with a Chinese message naming it, and nothing is stored', async () => {
      const { handler, base } = await setUp();
      const box = { page: '1', unit: 'mm', x: '10', y: '10', width: '50', height: '10', reason: 'personalPrivacy' };
      const cases: [Record<string, string>, string][] = [
        [{ ...box, page: '3' }, '第1个遮盖框：页码应为1至2之间的整数'],
        [{ ...box, x: '200' }, '第1个遮盖框：超出第1页的范围（该页宽595磅、高842磅，约210×297毫米）'],
        [{ ...box, width: '0' }, '第1个遮盖框：宽度、高度过小'],
        [{ ...box, y: '一' }, '距上边：请填写不小于0的数字'],
        [{ ...box, reason: 'because' }, '第1个遮盖框的理由：请选择不予公开的理由'],
      ];
      const before = await counts();
      for (const [form, message] of cases) {
        const res = await post(handler, `${base}/boxes`, Object.entries(form));
        expect(res.status).toBe(400);
        const html = await res.text();
        expect(html).toContain(message);
        expect(html).toContain('提交的内容有误，未予保存');
        expect(html).toContain(`value="${form.x}"`); // the input is put back
      }
      // Applying an empty plan, and an empty phrase, are refused the same way.
      const empty = await post(handler, `${base}/apply`, []);
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('遮盖框：尚未添加任何遮盖框');
      const phrase = await post(handler, `${base}/phrase`, [
        ['phrase', ' '],
        ['phraseReason', 'personalPrivacy'],
      ]);
      expect(phrase.status).toBe(400);
      expect(await phrase.text()).toContain('查找内容：请填写要查找的文字');
      expect(await counts()).toEqual(before);
    });
  });
});
