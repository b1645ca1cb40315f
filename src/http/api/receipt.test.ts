// The applicant's receipt as a file through the public JSON API, on every engine: the 查询号 and 查询码 in the JSON
// body (never the URL), the generic 404 for a wrong code, the fields named in Chinese, the shared lookup budget.
import { afterAll, describe, expect, it } from 'vitest';
import { buildOnlineInput } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { closeBrowser } from '../../report/write/pdf.ts';
import { unzipText } from '../../report/write/unzip.ts';
import { actorOf } from '../application-testing.ts';
import { Client, testApp } from '../testing.ts';
import { LOOKUP_LIMIT } from './public-applications.ts';
import { json, postJson } from './testing.ts';

afterAll(() => closeBrowser());

describe('API: the applicant’s receipt as a file', () => {
  forEachEngine((_engine, getDb) => {
    it('gives the receipt as DOCX (and PDF where Chromium is installed) for the right codes only', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      const me = await actorOf(ctx, 'scjg.handler');
      const { trackingNo, queryCode } = (
        await json(postJson(client, '/api/v1/applications', buildOnlineInput(me.agencyId as number)))
      ).body;

      const res = await postJson(client, '/api/v1/applications/receipt/docx', { trackingNo, queryCode });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const xml = unzipText(new Uint8Array(await res.arrayBuffer()), 'word/document.xml');
      expect(xml).toContain(`查询号：${trackingNo}`);
      expect(xml).toContain('申请人类型：自然人');
      expect(xml).toContain('受理机关：示例区市场监督管理局');
      expect(xml).toMatch(/提交时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）/);

      const pdf = await postJson(client, '/api/v1/applications/receipt/pdf', { trackingNo, queryCode });
      if (pdf.headers.get('content-type')?.startsWith('application/json'))
        expect((await json(pdf)).body.error).toMatchObject({ code: 'pdfUnavailable' });
      else expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');

      const wrong = await json(
        postJson(client, '/api/v1/applications/receipt/docx', { trackingNo, queryCode: 'AAAA' }),
      );
      expect(wrong).toEqual({
        status: 404,
        body: { error: { code: 'notFound', message: '查询号或查询码不正确，请核对后重新输入' } },
      });
      const missing = await json(postJson(client, '/api/v1/applications/receipt/docx', { queryCode }));
      expect(missing.body.error).toMatchObject({ code: 'validation', field: 'trackingNo' });
      expect(missing.body.error.message).toContain('查询号');

      // The tries above count in the budget of the status lookups: the rest is used up there, then refused here.
      for (let i = 4; i < LOOKUP_LIMIT.max; i++)
        await postJson(client, '/api/v1/applications/status', { trackingNo, queryCode: 'AAAA' });
      const limited = await json(postJson(client, '/api/v1/applications/receipt/docx', { trackingNo, queryCode }));
      expect(limited.status).toBe(429);
    }, 30_000);
  });
});
