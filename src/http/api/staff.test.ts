// The staff part of the JSON API, in-process on every engine: the session cookie (401 JSON without one), the CSRF
// header on POST, another agency refused, inspectors masked, and the actions as thin wrappers over the services.
import { describe, expect, it } from 'vitest';
import { buildApplication, buildOnlineInput, ID_NUMBER, PHONE } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { submitOnline } from '../../applications/service.ts';
import { actorOf, newHandler, signedIn } from '../application-testing.ts';
import { Client, testApp } from '../testing.ts';
import { CSRF_MESSAGE } from './auth.ts';
import { applicationDetail, applicationList, inspectorApplication, staffApplication } from './shapes.ts';
import { json, postJson } from './testing.ts';

describe('API: staff', () => {
  forEachEngine((_engine, getDb) => {
    it('answers anonymous requests with 401 JSON, never a redirect', async () => {
      const { app } = testApp(getDb());
      const client = new Client(app);
      for (const path of ['/api/v1/applications', '/api/v1/applications/1', '/api/v1/applications/due-soon']) {
        const res = await client.get(path);
        expect(res.headers.get('location')).toBeNull();
        expect(await json(res)).toEqual({
          status: 401,
          body: { error: { code: 'notAuthenticated', message: '请先登录' } },
        });
      }
      const post = await json(
        postJson(client, '/api/v1/applications/1/decision', { outcome: 'granted', date: '2026-03-02' }),
      );
      expect(post.status).toBe(401);
    });

    it('ends an idle session with 401 sessionExpired', async () => {
      const { app, ctx, advance } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      expect((await client.get('/api/v1/applications/overdue')).status).toBe(200);
      advance(31);
      const expired = await json(client.get('/api/v1/applications/overdue'));
      expect(expired).toEqual({
        status: 401,
        body: { error: { code: 'sessionExpired', message: '登录已超时，请重新登录' } },
      });
    });

    it('gives the handling agency the case in full; refuses a POST without the CSRF header', async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const client = await signedIn(app, ctx, 'scjg.handler');
      const agencyId = me.agencyId as number;
      const { application } = await buildApplication(ctx, me, agencyId, { receivedOn: '2026-02-26' });
      const id = application.id;

      const detail = await json(client.get(`/api/v1/applications/${id}`));
      expect(detail.status).toBe(200);
      applicationDetail.parse(detail.body);
      expect(staffApplication.parse(detail.body.application)).toMatchObject({ idNumber: ID_NUMBER, phone: PHONE });
      expect(detail.body.clock.ledger[0]).toMatchObject({ date: '2026-02-26', event: 'received' });

      const list = await json(client.get('/api/v1/applications?status=received'));
      expect(applicationList.parse(list.body).applications.map((a) => a.id)).toContain(id);
      const bad = await json(client.get('/api/v1/applications?from=2026-2-1'));
      expect(bad.body.error).toEqual({
        code: 'validation',
        field: 'from',
        message: '收到日期（起）：应为“YYYY-MM-DD”格式的日期，如 2025-09-29',
      });
      const soon = await json(client.get('/api/v1/applications/due-soon?within=20'));
      expect(soon.body.applications.map((a: { id: number }) => a.id)).toContain(id);
      expect((await json(client.get('/api/v1/applications/overdue'))).status).toBe(200);

      const event = { type: 'correctionRequested', date: '2026-02-27', replyBy: '2026-03-01' };
      const noHeader = await json(postJson(client, `/api/v1/applications/${id}/events`, event));
      expect(noHeader).toEqual({ status: 403, body: { error: { code: 'forbidden', message: CSRF_MESSAGE } } });
      const badType = await json(
        postJson(client, `/api/v1/applications/${id}/events`, { type: 'x', date: '2026-02-27' }, { csrf: true }),
      );
      expect(badType.body.error).toMatchObject({ code: 'validation', field: 'type' });
      const recorded = await json(postJson(client, `/api/v1/applications/${id}/events`, event, { csrf: true }));
      expect(recorded.status).toBe(200);
      expect(recorded.body.application).toMatchObject({ id, status: 'awaitingCorrection' });

      // 条例第三十条: no correction by the date set ends the case (no reply to review, so no reviewer needed).
      const decision = { outcome: 'otherNoCorrection', date: '2026-03-02' };
      const decided = await json(postJson(client, `/api/v1/applications/${id}/decision`, decision, { csrf: true }));
      expect(decided.body.application).toMatchObject({ id, status: 'closed', outcome: 'otherNoCorrection' });
      const again = await json(postJson(client, `/api/v1/applications/${id}/decision`, decision, { csrf: true }));
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ledgerInvalid');
    });

    it('confirms an online application through the events route', async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const client = await signedIn(app, ctx, 'scjg.handler');
      const { trackingNo } = await submitOnline(ctx, buildOnlineInput(me.agencyId as number));
      const list = await json(client.get('/api/v1/applications?status=submitted'));
      const id = list.body.applications.find((a: { trackingNo: string }) => a.trackingNo === trackingNo).id;
      const res = await json(
        postJson(client, `/api/v1/applications/${id}/events`, { type: 'received', date: '2026-03-02' }, { csrf: true }),
      );
      expect(res.body.application).toMatchObject({
        status: 'received',
        receivedOn: '2026-03-02',
        dueDate: '2026-03-30',
      });
    });

    it("keeps a case from another agency's staff, and masks personal data for inspectors", async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const { application } = await buildApplication(ctx, me, me.agencyId as number, { receivedOn: '2026-02-26' });
      const bgs = await actorOf(ctx, 'bgs.admin');
      const { client: other } = await newHandler(app, ctx, 'bgs.api.handler', bgs.agencyId as number);

      const detail = await json(other.get(`/api/v1/applications/${application.id}`));
      expect([403, 404]).toContain(detail.status);
      expect(JSON.stringify(detail.body)).not.toContain(ID_NUMBER);
      const list = await json(other.get('/api/v1/applications'));
      expect(list.status).toBe(200);
      expect(list.body.applications.map((a: { id: number }) => a.id)).not.toContain(application.id);
      const act = await json(
        postJson(
          other,
          `/api/v1/applications/${application.id}/decision`,
          { outcome: 'granted', date: '2026-03-02' },
          { csrf: true },
        ),
      );
      expect(act.status).toBe(403);

      const inspector = await signedIn(app, ctx, 'qzf.inspector');
      const seen = await json(inspector.get(`/api/v1/applications/${application.id}`));
      expect(seen.status).toBe(200);
      const masked = inspectorApplication.parse(seen.body.application);
      expect(masked).toMatchObject({ idNumber: '3201**********1232', phone: '138****5678' });
      expect(JSON.stringify(seen.body)).not.toContain(ID_NUMBER);
      const listed = await json(inspector.get('/api/v1/applications'));
      const row = listed.body.applications.find((a: { id: number }) => a.id === application.id);
      expect(row).toMatchObject({ idNumber: '3201**********1232', phone: '138****5678' });
      const refused = await json(
        postJson(
          inspector,
          `/api/v1/applications/${application.id}/events`,
          { type: 'feePaid', date: '2026-03-02' },
          { csrf: true },
        ),
      );
      expect(refused.status).toBe(403);
    });
  });
});
