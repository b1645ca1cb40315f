// 依申请公开 on the portal: the status page looked up with the 查询号 and 查询码, and what it never shows.
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS, buildOnlineInput, ID_NUMBER, PHONE } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { userActor } from '../../agencies/model.ts';
import { findUserByUsername, publicUser } from '../../agencies/repository.ts';
import { confirmReceipt } from '../../applications/service.ts';
import { postJson } from '../api/testing.ts';
import { createLogger } from '../logger.ts';
import { Client, type TestApp, testApp } from '../testing.ts';
import { applyOnline, codesOf, demoAgencyId, formOf } from './apply-testing.ts';

describe('依申请公开: status page (portal)', () => {
  forEachEngine((_engine, getDb) => {
    let agencyId: number;
    beforeAll(async () => {
      agencyId = await demoAgencyId(getDb());
    });

    async function submitted(t: TestApp) {
      const res = await applyOnline(t, new Client(t.app), formOf(buildOnlineInput(agencyId)));
      return codesOf(await res.text());
    }

    it('shows the steps, the deadline and the ledger with its legal basis, without personal data', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const t = testApp(getDb(), { logger: createLogger('info', sink) });
      const { trackingNo, queryCode } = await submitted(t);
      const client = new Client(t.app);
      let res = await client.post('/apply/status', {
        _csrf: await client.csrf('/apply/status'),
        trackingNo,
        queryCode,
      });
      let page = await res.text();
      expect(res.status).toBe(200);
      expect(page).toContain('已提交，待确认收到');
      expect(page).toContain('工作人员确认收到申请后，开始计算20个工作日的答复期限');

      const user = await findUserByUsername(getDb().kysely, 'scjg.handler');
      const handler = userActor(publicUser(user as NonNullable<typeof user>));
      const row = await getDb()
        .kysely.selectFrom('applications')
        .select('id')
        .where('tracking_no', '=', trackingNo)
        .executeTakeFirstOrThrow();
      await confirmReceipt(handler, t.ctx, Number(row.id), '2026-03-02');

      const code = `${queryCode.slice(0, 4).toLowerCase()} ${queryCode.slice(4)}`; // typed loosely
      res = await client.post('/apply/status', {
        _csrf: await client.csrf('/apply/status'),
        trackingNo,
        queryCode: code,
      });
      page = await res.text();
      expect(page).toContain('<h1>办理进度</h1>');
      expect(page).toContain('示例区市场监督管理局');
      expect(page).toContain('已受理，办理中');
      expect(page).toContain('机关应在 <strong>2026-03-30</strong> 以前答复您');
      expect(page).toContain('《条例》第三十三条第二款');
      expect(page).toMatch(/<td>2026-03-02<\/td>/);
      expect(page).toContain('<h2>已发出的文书</h2><p>暂无。</p>');
      for (const secret of [ID_NUMBER, PHONE, ADDRESS, '3201', '5678', 'zhangsan@']) expect(page).not.toContain(secret);

      const receipt = await client.post('/apply/receipt', {
        _csrf: await client.csrf('/apply/status'),
        trackingNo,
        queryCode,
      });
      const printed = await receipt.text();
      expect(printed).toContain('政府信息公开申请回执');
      expect(printed).toContain(queryCode.match(/.{4}/g)?.join(' '));
      expect(printed).not.toContain(ID_NUMBER);

      const logs = lines.join('');
      expect(logs).toContain('"path":"/apply/status"');
      expect(logs).not.toContain(queryCode);
      expect(logs).not.toContain(ID_NUMBER);
    });

    it('gives the same page for a wrong code and an unknown number, and audits both', async () => {
      const t = testApp(getDb());
      const { trackingNo } = await submitted(t);
      const client = new Client(t.app);
      const csrf = await client.csrf('/apply/status');
      const wrong = await client.post('/apply/status', { _csrf: csrf, trackingNo, queryCode: 'ABCDEFGHJKMNPQRS' });
      const unknown = await client.post('/apply/status', {
        _csrf: csrf,
        trackingNo: 'GK2026-999-000001',
        queryCode: 'ABCDEFGHJKMNPQRS',
      });
      expect(wrong.status).toBe(400);
      expect(unknown.status).toBe(400);
      const page = await wrong.text();
      expect(page).toContain('查询号或查询码不正确，请核对后重新输入');
      expect(await unknown.text()).toBe(page);
      const audit = await getDb()
        .kysely.selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'application.lookup')
        .orderBy('id', 'desc')
        .limit(2)
        .execute();
      expect(audit.map((a) => a.outcome)).toEqual(['failure', 'failure']);
      expect(audit[0]?.summary).toContain('GK2026-999-000001');
      expect(audit.map((a) => a.summary).join('')).not.toContain('ABCDEFGHJKMNPQRS');
    });

    it('limits lookups to 10 in 10 minutes per address', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const csrf = await client.csrf('/apply/status');
      const form = { _csrf: csrf, trackingNo: 'GK2026-1-000001', queryCode: 'ABCDEFGHJKMNPQRS' };
      for (let i = 0; i < 10; i++) expect((await client.post('/apply/status', form)).status).toBe(400);
      const res = await client.post('/apply/status', form);
      expect(res.status).toBe(429);
      expect(await res.text()).toContain('查询的次数较多');
      t.advance(11);
      expect((await client.post('/apply/status', form)).status).toBe(400);
    });

    it('counts the downloads of letters and attachments in the same budget of tries', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const csrf = await client.csrf('/apply/status');
      const form = { _csrf: csrf, trackingNo: 'GK2026-1-000001', queryCode: 'ABCDEFGHJKMNPQRS' };
      for (let i = 0; i < 4; i++) expect((await client.post('/apply/status', form)).status).toBe(400);
      for (let i = 0; i < 3; i++) expect((await client.post('/apply/letters/1/docx', form)).status).toBe(404);
      for (let i = 0; i < 3; i++) expect((await client.post('/apply/attachments/1', form)).status).toBe(404);
      expect((await client.post('/apply/letters/1/docx', form)).status).toBe(429);
      expect((await client.post('/apply/attachments/1', form)).status).toBe(429);
      expect((await client.post('/apply/status', form)).status).toBe(429);
    });
  });
});

describe('查询码 tries through the API', () => {
  forEachEngine((_engine, getDb) => {
    it('share the budget of the portal pages', async () => {
      const t = testApp(getDb());
      const client = new Client(t.app);
      const csrf = await client.csrf('/apply/status');
      const form = { _csrf: csrf, trackingNo: 'GK2026-1-000001', queryCode: 'ABCDEFGHJKMNPQRS' };
      for (let i = 0; i < 10; i++) expect((await client.post('/apply/status', form)).status).toBe(400);
      const api = await postJson(client, '/api/v1/applications/status', {
        trackingNo: form.trackingNo,
        queryCode: form.queryCode,
      });
      expect(api.status).toBe(429);
    });
  });
});
