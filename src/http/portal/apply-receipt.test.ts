// The applicant's receipt as DOCX and PDF, on every engine: downloaded with the 查询号 and 查询码 in a POST body,
// counted in the status page's lookup budget; a wrong code gets the generic answer and is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnlineInput, buildOrgInput } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { submittedText } from '../../letters/applicant-receipt.ts';
import { closeBrowser, findChromium } from '../../report/write/pdf.ts';
import { unzipText } from '../../report/write/unzip.ts';
import { Client, type TestApp, testApp } from '../testing.ts';
import { LOOKUP_LIMIT } from './apply.tsx';
import { applyOnline, codesOf, demoAgencyId, formOf, hidden } from './apply-testing.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const chromium = findChromium();
afterAll(() => closeBrowser());

describe('依申请公开: the receipt as a document (portal)', () => {
  forEachEngine((_engine, getDb) => {
    let agencyId: number;
    beforeAll(async () => {
      agencyId = await demoAgencyId(getDb());
    });

    /** Submit online; the receipt page, the codes and the stored submission time. */
    async function submitted(t: TestApp, client: Client, input = buildOnlineInput(agencyId)) {
      const res = await applyOnline(t, client, formOf(input));
      const page = await res.text();
      const codes = codesOf(page);
      const row = await getDb()
        .kysely.selectFrom('applications')
        .select('submitted_at')
        .where('tracking_no', '=', codes.trackingNo)
        .executeTakeFirstOrThrow();
      return { page, ...codes, submittedAt: row.submitted_at };
    }

    it('offers the receipt as Word after submission; the file holds the case’s facts', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const c = await submitted(t, client, buildOrgInput(agencyId));
      // A POST form with the codes in hidden fields: never in a URL.
      expect(c.page).toContain('action="/apply/receipt/docx"');
      expect(c.page).not.toMatch(new RegExp(`(href|action)="[^"]*${c.queryCode}`));

      const res = await client.post('/apply/receipt/docx', {
        _csrf: hidden(c.page, '_csrf'),
        trackingNo: c.trackingNo,
        queryCode: c.queryCode,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(DOCX);
      expect(res.headers.get('cache-control')).toContain('no-store');
      expect(res.headers.get('content-disposition')).toContain(
        encodeURIComponent(`政府信息公开申请提交回执（${c.trackingNo}）.docx`),
      );
      const xml = unzipText(new Uint8Array(await res.arrayBuffer()), 'word/document.xml');
      expect(xml).toContain(`查询号：${c.trackingNo}`);
      expect(xml).toContain('申请人类型：法人或其他组织（商业企业）');
      expect(xml).toContain('受理机关：示例区市场监督管理局');
      expect(xml).toContain(`提交时间：${submittedText(c.submittedAt)}`);
      expect(submittedText(c.submittedAt)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）$/);
      expect(xml).toContain('政府信息公开申请提交回执');

      // The printable page offers the same downloads; a natural person's receipt names the kind so.
      const other = await submitted(t, client);
      const printable = await client.post('/apply/receipt', {
        _csrf: hidden(other.page, '_csrf'),
        trackingNo: other.trackingNo,
        queryCode: other.queryCode,
      });
      expect(await printable.text()).toContain('action="/apply/receipt/docx"');
      const own = await client.post('/apply/receipt/docx', {
        _csrf: hidden(other.page, '_csrf'),
        trackingNo: other.trackingNo,
        queryCode: other.queryCode,
      });
      expect(unzipText(new Uint8Array(await own.arrayBuffer()), 'word/document.xml')).toContain('申请人类型：自然人');
    });

    it('refuses a wrong code with the generic answer, audits it, and counts it in the lookup budget', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const c = await submitted(t, client);
      const csrf = hidden(c.page, '_csrf');
      const wrong = `${c.queryCode.slice(0, -1)}${c.queryCode.endsWith('A') ? 'B' : 'A'}`;
      const denied = await client.post('/apply/receipt/docx', {
        _csrf: csrf,
        trackingNo: c.trackingNo,
        queryCode: wrong,
      });
      expect(denied.status).toBe(404);
      expect(denied.headers.get('content-type')).not.toBe(DOCX);
      expect(await denied.text()).toContain('查询号或查询码不正确');
      const audited = await getDb()
        .kysely.selectFrom('audit_log')
        .select(['outcome', 'summary'])
        .where('action', '=', 'application.lookup')
        .where('summary', 'like', `%${c.trackingNo}%`)
        .execute();
      expect(audited.map((a) => a.outcome)).toEqual(['failure']);
      expect(audited.map((a) => a.summary).join('')).not.toContain(wrong);

      const noCsrf = await new Client(t.app).post('/apply/receipt/docx', {
        trackingNo: c.trackingNo,
        queryCode: c.queryCode,
      });
      expect(noCsrf.status).toBe(403);

      // One budget with the status page: the tries left after the first are used up there, then the right code here
      // is refused too.
      for (let i = 1; i < LOOKUP_LIMIT.max; i++) {
        const csrfStatus = await client.csrf('/apply/status');
        await client.post('/apply/status', { _csrf: csrfStatus, trackingNo: c.trackingNo, queryCode: wrong });
      }
      const limited = await client.post('/apply/receipt/docx', {
        _csrf: csrf,
        trackingNo: c.trackingNo,
        queryCode: c.queryCode,
      });
      expect(limited.status).toBe(429);
    });

    describe.skipIf(!chromium)('PDF (Chromium)', () => {
      it('prints the receipt as a PDF', async () => {
        const t = testApp(getDb());
        const client = new Client(t.app);
        const c = await submitted(t, client);
        expect(c.page).toContain('action="/apply/receipt/pdf"');
        const res = await client.post('/apply/receipt/pdf', {
          _csrf: hidden(c.page, '_csrf'),
          trackingNo: c.trackingNo,
          queryCode: c.queryCode,
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
      }, 30_000);
    });
  });
});
