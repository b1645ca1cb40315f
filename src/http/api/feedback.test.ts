// 公众留言 in the JSON API: the public submission and status lookup, the public answers, and the staff's list, one
// message, answer and close — another agency's staff refused, inspectors shown masked personal data.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../../test/engines.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import { newHandler, signedIn } from '../application-testing.ts';
import { Client, demoUsers, testApp } from '../testing.ts';
import { json, postJson } from './testing.ts';

const MESSAGE = {
  kind: 'suggestion',
  subject: '建议公开菜市场改造进度',
  content: '建议每月公开一次进度。我的电话13912345678。',
  name: '李四',
  contact: 'lisi@example.com',
  publishConsent: true,
};

describe('API: 公众留言', () => {
  forEachEngine((_engine, getDb) => {
    let agencyId: number;
    let otherId: number;
    beforeAll(async () => {
      const { ctx } = testApp(getDb());
      await demoUsers(ctx);
      const agencies = await listAgencyRows(ctx.db.kysely);
      agencyId = agencies.find((a) => a.name === '示例区市场监督管理局')?.id as number;
      otherId = agencies.find((a) => a.id !== agencyId && a.parentId !== null)?.id as number;
    });

    it('takes a message, answers the lookup, and names a bad field in Chinese', async () => {
      const { app } = testApp(getDb());
      const client = new Client(app);
      const bad = await json(postJson(client, '/api/v1/feedback', { ...MESSAGE, agencyId, name: null }));
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'validation', field: 'name' });
      expect(bad.body.error.message).toMatch(/^姓名或称呼：/);
      const none = await json(postJson(client, '/api/v1/feedback', { ...MESSAGE }));
      expect(none.body.error).toMatchObject({ field: 'agencyId', message: '受理机关：请选择' });

      const sent = await json(postJson(client, '/api/v1/feedback', { ...MESSAGE, agencyId }));
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ agencyName: '示例区市场监督管理局', dueOn: '2026-03-09' });
      const { messageNo, queryCode } = sent.body;
      const found = await json(postJson(client, '/api/v1/feedback/status', { messageNo, queryCode }));
      expect(found).toMatchObject({ status: 200, body: { messageNo, status: 'open', answer: null } });
      const wrong = await json(postJson(client, '/api/v1/feedback/status', { messageNo, queryCode: 'X'.repeat(16) }));
      expect(wrong).toMatchObject({
        status: 404,
        body: { error: { message: '留言编号或查询码不正确，请核对后重新输入' } },
      });
    });

    it('lets the agency’s staff list, read and answer; refuses another agency; masks for inspectors', async () => {
      const { app, ctx } = testApp(getDb());
      const anon = new Client(app);
      const { messageNo, queryCode } = (await json(postJson(anon, '/api/v1/feedback', { ...MESSAGE, agencyId }))).body;
      expect((await json(anon.get('/api/v1/staff/feedback'))).status).toBe(401);

      const { client: staff } = await newHandler(app, ctx, 'fb.api.handler', agencyId);
      const list = await json(staff.get('/api/v1/staff/feedback?state=open'));
      expect(list.status).toBe(200);
      const row = list.body.rows.find((r: { messageNo: string }) => r.messageNo === messageNo);
      expect(row).toMatchObject({ name: '李四', contact: 'lisi@example.com', personalDataMasked: false });
      const bad = await json(staff.get('/api/v1/staff/feedback?state=late'));
      expect(bad.body.error.field).toBe('state');

      const { client: outsider } = await newHandler(app, ctx, 'fb.api.outsider', otherId);
      expect((await json(outsider.get(`/api/v1/staff/feedback/${row.id}`))).status).toBe(403);
      const refused = await json(
        postJson(
          outsider,
          `/api/v1/staff/feedback/${row.id}/answer`,
          { mode: 'private', answer: '越权' },
          { csrf: true },
        ),
      );
      expect(refused.status).toBe(403);
      const outsiderList = await json(outsider.get('/api/v1/staff/feedback?state=all'));
      expect(outsiderList.body.rows.map((r: { id: number }) => r.id)).not.toContain(row.id);

      const inspector = await signedIn(app, ctx, 'qzf.inspector');
      const masked = await json(inspector.get(`/api/v1/staff/feedback/${row.id}`));
      expect(masked.body).toMatchObject({ name: '李*', contact: 'l***@example.com', personalDataMasked: true });

      const path = `/api/v1/staff/feedback/${row.id}/answer`;
      const noCsrf = await json(postJson(staff, path, { mode: 'public', answer: '好' }));
      expect(noCsrf.status).toBe(403);
      const answered = await json(
        postJson(staff, path, { mode: 'public', answer: '每月10日前公开上月进度。' }, { csrf: true }),
      );
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({
        status: 'answered',
        answerMode: 'public',
        publicContent: '建议每月公开一次进度。我的电话［电话已隐去］。',
        daysTaken: 0,
      });
      const again = await json(postJson(staff, path, { mode: 'private', answer: '再答' }, { csrf: true }));
      expect(again.status).toBe(409);

      const published = await json(anon.get('/api/v1/feedback'));
      const shown = published.body.rows.find((r: { messageNo: string }) => r.messageNo === messageNo);
      expect(shown).toMatchObject({ answer: '每月10日前公开上月进度。' });
      expect(JSON.stringify(published.body)).not.toMatch(/李四|lisi@|13912345678/);
      const status = await json(postJson(anon, '/api/v1/feedback/status', { messageNo, queryCode }));
      expect(status.body).toMatchObject({ status: 'answered', answerMode: 'public' });

      const summary = await json(staff.get('/api/v1/staff/feedback/summary?year=2026'));
      expect(summary.body.find((s: { agencyId: number }) => s.agencyId === agencyId)).toMatchObject({
        answered: expect.any(Number),
        publicAnswers: expect.any(Number),
      });
    });

    it('answers as its OpenAPI description says', async () => {
      const { app, ctx } = testApp(getDb());
      const anon = new Client(app);
      const { body: doc } = await json(anon.get('/api/v1/openapi.json'));
      const BASE = 'https://gongkai.invalid/api/v1/openapi.json';
      const ajv = new Ajv2020({ strict: false, formats: { binary: true, email: true, date: true } });
      ajv.addSchema({ ...doc, $id: BASE });
      const pointer = (path: string, method: string, status: string) =>
        `${BASE}#/paths/${path.replaceAll('/', '~1')}/${method}/responses/${status}/content/application~1json/schema`;
      const valid = (path: string, method: string, status: string, body: unknown) => {
        const check = ajv.compile({ $ref: pointer(path, method, status) });
        expect(check(body), JSON.stringify(check.errors)).toBe(true);
      };
      const sent = await json(postJson(anon, '/api/v1/feedback', { ...MESSAGE, agencyId }));
      valid('/feedback', 'post', '201', sent.body);
      valid('/feedback/status', 'post', '200', (await json(postJson(anon, '/api/v1/feedback/status', sent.body))).body);
      valid('/feedback', 'get', '200', (await json(anon.get('/api/v1/feedback'))).body);
      const { client: staff } = await newHandler(app, ctx, 'fb.api.schema', agencyId);
      const list = (await json(staff.get('/api/v1/staff/feedback?state=all'))).body;
      valid('/staff/feedback', 'get', '200', list);
      valid(
        '/staff/feedback/{id}',
        'get',
        '200',
        (await json(staff.get(`/api/v1/staff/feedback/${list.rows[0].id}`))).body,
      );
      valid('/staff/feedback/summary', 'get', '200', (await json(staff.get('/api/v1/staff/feedback/summary'))).body);
    });

    it('lets the agency administrator set the deadline, and nobody else', async () => {
      const { app, ctx } = testApp(getDb());
      const { client: handler } = await newHandler(app, ctx, 'fb.api.deadline', agencyId);
      const refused = await json(
        postJson(handler, '/api/v1/staff/feedback/deadline', { deadlineDays: 3 }, { csrf: true }),
      );
      expect(refused.status).toBe(403);
      const admin = await signedIn(app, ctx, 'bgs.admin'); // the 办公室's administrator
      const other = await json(
        postJson(admin, '/api/v1/staff/feedback/deadline', { agencyId, deadlineDays: 3 }, { csrf: true }),
      );
      expect(other.status).toBe(403);
      const bad = await json(postJson(admin, '/api/v1/staff/feedback/deadline', { deadlineDays: 90 }, { csrf: true }));
      expect(bad.body.error).toMatchObject({
        field: 'deadlineDays',
        message: '答复期限（工作日）：不得超过60个工作日',
      });
      const set = await json(postJson(admin, '/api/v1/staff/feedback/deadline', { deadlineDays: 10 }, { csrf: true }));
      expect(set).toMatchObject({ status: 200, body: { deadlineDays: 10 } });
      const sent = await json(
        postJson(new Client(app), '/api/v1/feedback', { ...MESSAGE, agencyId: set.body.agencyId }),
      );
      expect(sent.body.dueOn).toBe('2026-03-16'); // Monday 2 March + 10 working days
    });

    it('closes a message as spam', async () => {
      const { app, ctx } = testApp(getDb());
      const anon = new Client(app);
      const { messageNo } = (await json(postJson(anon, '/api/v1/feedback', { ...MESSAGE, agencyId }))).body;
      const { client: staff } = await newHandler(app, ctx, 'fb.api.closer', agencyId);
      const list = await json(staff.get('/api/v1/staff/feedback?state=open'));
      const id = list.body.rows.find((r: { messageNo: string }) => r.messageNo === messageNo).id;
      const path = `/api/v1/staff/feedback/${id}/close`;
      const bad = await json(postJson(staff, path, { reason: 'rude' }, { csrf: true }));
      expect(bad.body.error).toMatchObject({ field: 'reason', message: '关闭原因：请选择关闭原因' });
      const closed = await json(postJson(staff, path, { reason: 'spam' }, { csrf: true }));
      expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'spam' });
    });
  });
});
