// The case-work part of the JSON API on every engine: staff registration, review of the reply (a reviewer
// approves, the proposing handler cannot), letters issued, listed and downloaded only by the agency's staff,
// and the public tools (fees, calendar, deadline).
import { describe, expect, it } from 'vitest';
import { buildStaffInput, ID_NUMBER } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { actorOf, newHandler, signedIn } from '../application-testing.ts';
import { Client, testApp } from '../testing.ts';
import { inspectorApplication, staffApplication } from './shapes.ts';
import { calendarYear, fee, letter, proposal } from './shapes-work.ts';
import { json, postJson } from './testing.ts';

const NOTICE_2027 = '2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n';
const PROPOSAL = { outcome: 'granted', reason: '予以公开', basis: '《条例》第三十六条第（二）项' };

describe('API: case work', () => {
  forEachEngine((_engine, getDb) => {
    it('registers by staff; a reviewer approves the proposal, the proposing handler cannot', async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const input = buildStaffInput(me.agencyId as number, { submittedOn: '2026-02-26' });
      const noCsrf = await json(postJson(handler, '/api/v1/applications/staff', input));
      expect(noCsrf.status).toBe(403);
      const reg = await json(postJson(handler, '/api/v1/applications/staff', input, { csrf: true }));
      expect(reg.status).toBe(201);
      const app1 = staffApplication.parse(reg.body.application);
      expect(app1).toMatchObject({ status: 'received', receivedOn: '2026-02-26', idNumber: ID_NUMBER });
      expect(reg.body.queryCode).toEqual(expect.any(String));
      const id = app1.id;

      const assigned = await json(
        postJson(handler, `/api/v1/applications/${id}/assign`, { handlerUserId: me.id }, { csrf: true }),
      );
      expect(assigned.body.application).toMatchObject({ id, handlerUserId: me.id });
      const badAssign = await json(
        postJson(handler, `/api/v1/applications/${id}/assign`, { handlerUserId: 'x' }, { csrf: true }),
      );
      expect(badAssign.body.error).toMatchObject({ code: 'validation', field: 'handlerUserId' });

      const proposed = await json(postJson(handler, `/api/v1/applications/${id}/proposal`, PROPOSAL, { csrf: true }));
      expect(proposed.status).toBe(201);
      expect(proposal.parse(proposed.body.proposal)).toMatchObject({ status: 'pending', outcome: 'granted' });

      const own = await json(
        postJson(handler, `/api/v1/applications/${id}/proposal/approve`, { date: '2026-03-02' }, { csrf: true }),
      );
      expect(own.status).toBe(403);

      const reviewer = await signedIn(app, ctx, 'scjg.reviewer');
      const returned = await json(
        postJson(reviewer, `/api/v1/applications/${id}/proposal/return`, { comment: '请补充理由' }, { csrf: true }),
      );
      expect(returned.body.proposal).toMatchObject({ status: 'returned', reviewComment: '请补充理由' });
      await json(postJson(handler, `/api/v1/applications/${id}/proposal`, PROPOSAL, { csrf: true }));
      const approved = await json(
        postJson(reviewer, `/api/v1/applications/${id}/proposal/approve`, { date: '2026-03-02' }, { csrf: true }),
      );
      expect(approved.status).toBe(200);
      expect(approved.body.proposal).toMatchObject({ status: 'approved', decidedOn: '2026-03-02' });
      expect(approved.body.application).toMatchObject({ id, status: 'closed', outcome: 'granted' });

      const inspector = await signedIn(app, ctx, 'qzf.inspector');
      const seen = await json(inspector.get(`/api/v1/applications/${id}`));
      expect(inspectorApplication.parse(seen.body.application)).toMatchObject({ idNumber: '3201**********1232' });
      expect(JSON.stringify(seen.body)).not.toContain(ID_NUMBER);
    });

    it("issues, lists and downloads a letter for the agency's staff only; records its delivery", async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const input = buildStaffInput(me.agencyId as number, { submittedOn: '2026-02-26' });
      const { id } = (await json(postJson(handler, '/api/v1/applications/staff', input, { csrf: true }))).body
        .application;

      const bad = await json(postJson(handler, `/api/v1/applications/${id}/letters`, { kind: 'x' }, { csrf: true }));
      expect(bad.body.error).toMatchObject({ code: 'validation', field: 'kind' });
      const issued = await json(
        postJson(handler, `/api/v1/applications/${id}/letters`, { kind: 'receipt' }, { csrf: true }),
      );
      expect(issued.status).toBe(201);
      const made = letter.parse(issued.body.letter);
      const listed = await json(handler.get(`/api/v1/applications/${id}/letters`));
      expect(listed.body.letters.map((l: { id: number }) => l.id)).toEqual([made.id]);

      const file = await handler.get(`/api/v1/letters/${made.id}/docx`);
      expect(file.status).toBe(200);
      const bytes = new Uint8Array(await file.arrayBuffer());
      expect(String.fromCharCode(bytes[0] as number, bytes[1] as number)).toBe('PK');
      const pdf = await handler.get(`/api/v1/letters/${made.id}/pdf`);
      if (pdf.headers.get('content-type')?.startsWith('application/json'))
        expect((await json(pdf)).body.error.message).toContain('Chromium');
      else expect(pdf.status).toBe(200);

      const delivered = await json(
        postJson(
          handler,
          `/api/v1/letters/${made.id}/deliveries`,
          { method: 'inPerson', date: '2026-03-02' },
          {
            csrf: true,
          },
        ),
      );
      expect(delivered.status).toBe(201);
      const again = await json(handler.get(`/api/v1/applications/${id}/letters`));
      expect(again.body.letters[0].deliveries).toHaveLength(1);
      expect((await json(handler.get(`/api/v1/applications/${id}/attachments`))).body).toEqual({ attachments: [] });

      const bgs = await actorOf(ctx, 'bgs.admin');
      const { client: other } = await newHandler(app, ctx, 'bgs.work.handler', bgs.agencyId as number);
      for (const path of [`/api/v1/applications/${id}/letters`, `/api/v1/letters/${made.id}/docx`]) {
        const res = await json(other.get(path));
        expect([403, 404]).toContain(res.status);
      }
      const otherIssue = await json(
        postJson(other, `/api/v1/applications/${id}/letters`, { kind: 'receipt' }, { csrf: true }),
      );
      expect([403, 404]).toContain(otherIssue.status);
      expect((await json(new Client(app).get(`/api/v1/letters/${made.id}/docx`))).status).toBe(401);
    });

    it('computes fees, shows a year of the calendar and the N-th working day, without login', async () => {
      const { app } = testApp(getDb());
      const client = new Client(app);
      const items = await json(client.get('/api/v1/fees?items=45'));
      expect(fee.parse(items.body)).toMatchObject({ basis: 'items', quantity: 45, amount: 5500 });
      expect(items.body.lines.map((l: { amount: number }) => l.amount)).toEqual([0, 2000, 2000, 1500]);
      expect(items.body.text.at(-1)).toBe('合计：5500元');
      expect((await json(client.get('/api/v1/fees?pages=30'))).body.amount).toBe(0);
      const both = await json(client.get('/api/v1/fees?items=1&pages=1'));
      expect(both.body.error).toMatchObject({ code: 'validation', field: 'items' });

      const year = await json(client.get('/api/v1/calendar/2025'));
      expect(calendarYear.parse(year.body).days).toContainEqual(
        expect.objectContaining({ date: '2025-10-01', kind: 'holiday' }),
      );
      expect(year.body.days).toContainEqual(expect.objectContaining({ date: '2025-09-28', kind: 'workday' }));
      expect((await json(client.get('/api/v1/calendar/1999'))).status).toBe(404);

      const due = await json(client.get('/api/v1/deadline?from=2025-09-29&days=20'));
      expect(due).toEqual({ status: 200, body: { from: '2025-09-29', days: 20, date: '2025-11-03' } });
      expect((await json(client.get('/api/v1/deadline?from=2025-09-29'))).body.date).toBe('2025-11-03');
      const bad = await json(client.get('/api/v1/deadline?from=2025-9-29'));
      expect(bad.body.error).toMatchObject({ code: 'validation', field: 'from' });
      expect((await json(client.get('/api/v1/deadline?from=2099-01-05&days=1'))).status).toBe(404);
    });

    it('lets the system administrator, not a handler, import a year; deadlines then use it', async () => {
      const { app, ctx } = testApp(getDb());
      const notice = { text: NOTICE_2027, source: '国办发明电〔2026〕示例号', complete: true };
      const handler = await signedIn(app, ctx, 'scjg.handler');
      expect((await json(postJson(handler, '/api/v1/calendar/import', notice, { csrf: true }))).status).toBe(403);
      const admin = await signedIn(app, ctx, 'admin');
      expect((await json(postJson(admin, '/api/v1/calendar/import', notice))).status).toBe(403); // no CSRF header
      const bad = { ...notice, text: '2027-0101,holiday,元旦' };
      const refused = await json(postJson(admin, '/api/v1/calendar/import', bad, { csrf: true }));
      expect(refused.body.error).toMatchObject({ code: 'validation', field: 'file' });
      const ok = await json(postJson(admin, '/api/v1/calendar/import', notice, { csrf: true }));
      expect(ok).toEqual({ status: 200, body: { years: [2027], days: 2 } });
      const client = new Client(app);
      expect((await json(client.get('/api/v1/calendar/2027'))).body).toMatchObject({ year: 2027, complete: true });
      const due = await json(client.get('/api/v1/deadline?from=2026-12-31&days=1'));
      expect(due.body.date).toBe('2027-01-04'); // 2027-01-01 is a holiday, then the weekend
    });
  });
});
