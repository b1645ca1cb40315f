// The public part of the JSON API, in-process on every engine: report check, online application and status lookup.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADDRESS, buildOnlineInput, ID_NUMBER, PHONE } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { schemaErrors } from '../../report/schema.ts';
import { Client, demoUsers, testApp } from '../testing.ts';
import { applicantStatus, checkResult, submitted } from './shapes.ts';
import { json, postJson } from './testing.ts';

const SEED = new URL('../../../test/fixtures/seed/000_c1efcce95eb0748a.txt', import.meta.url);
const SECTION_TITLE = {
  rule: 'section-title',
  severity: 'warning',
  message: '章节标题“6、 其他需要报告的事项”不规范，应为“六、其他需要报告的事项”',
  cells: [],
};

async function agencyId(ctx: Parameters<typeof demoUsers>[0]) {
  await demoUsers(ctx);
  const row = await ctx.db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('name', '=', '示例区市场监督管理局')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

describe('API: public', () => {
  forEachEngine((_engine, getDb) => {
    it('checks the seed report from its text or its file: the one section-title warning', async () => {
      const { app } = testApp(getDb());
      const client = new Client(app);
      const text = readFileSync(SEED, 'utf8');
      const byText = await json(postJson(client, '/api/v1/reports/check', { text }));
      expect(byText.status).toBe(200);
      checkResult.parse(byText.body);
      expect(schemaErrors(byText.body.report)).toEqual([]);
      expect(byText.body.diagnostics).toEqual([SECTION_TITLE]);

      const form = new FormData();
      form.set('file', new File([readFileSync(SEED)], 'report.txt', { type: 'text/plain' }));
      form.set('agency', '某某区某某局');
      const byFile = await json(client.request('/api/v1/reports/check', { method: 'POST', body: form }));
      expect(byFile.status).toBe(200);
      expect(byFile.body.report.agency).toBe('某某区某某局');
      expect(byFile.body.diagnostics).toEqual([SECTION_TITLE]);

      const badYear = await json(postJson(client, '/api/v1/reports/check', { text, year: 1999 }));
      expect(badYear).toEqual({
        status: 400,
        body: { error: { code: 'validation', field: 'year', message: '报告年度：应为2008至2100之间的四位年份' } },
      });
      const none = await json(client.request('/api/v1/reports/check', { method: 'POST', body: new FormData() }));
      expect(none.body.error).toEqual({
        code: 'validation',
        field: 'file',
        message: '报告文件：请上传报告文件或填写报告全文',
      });
      const notJson = await json(
        client.request('/api/v1/reports/check', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        }),
      );
      expect(notJson.body.error).toEqual({ code: 'validation', field: 'body', message: '请求体：不是有效的 JSON' });
    });

    it('takes an application and shows its status by 查询号 and 查询码, never the ID number or phone', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      const input = buildOnlineInput(await agencyId(ctx));
      const res = await json(postJson(client, '/api/v1/applications', input));
      expect(res.status).toBe(201);
      const { trackingNo, queryCode } = submitted.parse(res.body);
      expect(trackingNo).toMatch(/^GK2026-\d+-\d{6}$/);

      const found = await json(postJson(client, '/api/v1/applications/status', { trackingNo, queryCode }));
      expect(found.status).toBe(200);
      const status = applicantStatus.parse(found.body); // strict: no field beyond the public presenter's
      expect(status).toMatchObject({ trackingNo, applicantName: '张三', status: '已提交，待确认收到', dueDate: null });
      const text = JSON.stringify(found.body);
      for (const secret of [ID_NUMBER, PHONE, ADDRESS, 'zhangsan@example.com', queryCode])
        expect(text).not.toContain(secret);

      const wrong = await json(postJson(client, '/api/v1/applications/status', { trackingNo, queryCode: 'AAAA' }));
      expect(wrong).toEqual({
        status: 404,
        body: { error: { code: 'notFound', message: '查询号或查询码不正确，请核对后重新输入' } },
      });
    });

    it('names the field of an invalid application in Chinese, and limits submissions per address', async () => {
      const { app, ctx } = testApp(getDb());
      const client = new Client(app);
      const id = await agencyId(ctx);
      const missing = await json(postJson(client, '/api/v1/applications', buildOnlineInput(id, { idNumber: null })));
      expect(missing).toEqual({
        status: 400,
        body: { error: { code: 'validation', field: 'idNumber', message: '证件号码：必须填写' } },
      });
      for (let i = 0; i < 5; i++)
        expect((await postJson(client, '/api/v1/applications', buildOnlineInput(id))).status).toBe(201);
      const limited = await json(postJson(client, '/api/v1/applications', buildOnlineInput(id)));
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rateLimited');
    });

    it('answers unknown API paths with JSON 404, and bodies over the limit with JSON 413', async () => {
      const { app } = testApp(getDb(), { bodyLimitBytes: 64 * 1024 });
      const big = { text: '年'.repeat(40_000) }; // 120 KB: over the form limit, well under the report upload limit
      const tooLarge = await json(postJson(new Client(app), '/api/v1/applications', big));
      expect(tooLarge).toEqual({
        status: 413,
        body: { error: { code: 'tooLarge', message: '提交的内容超过了上限（64 KB）' } },
      });
      const report = await json(postJson(new Client(app), '/api/v1/reports/check', big));
      expect(report.status).toBe(400); // read, and found not to be a report
      expect(report.body.error.field).toBe('file');
      const res = await json(new Client(app).get('/api/v1/nothing'));
      expect(res).toEqual({
        status: 404,
        body: { error: { code: 'notFound', message: '接口不存在，请查阅 /api/v1/openapi.json' } },
      });
    });
  });
});
