// The rest of the case work in the JSON API, on every engine: a decision attachment uploaded by the holding agency's
// staff only; the reviewer's list of pending proposals; day-by-day entry of a year's calendar by the system
// administrator only.
import { describe, expect, it } from 'vitest';
import { buildStaffInput } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { createUser } from '../../agencies/accounts.ts';
import { cliActor, type Role } from '../../agencies/model.ts';
import { updateUserRow } from '../../agencies/repository.ts';
import { PDF } from '../../attachments/testing.ts';
import type { Context } from '../../context.ts';
import { type App, actorOf, PASSWORD, signedIn } from '../application-testing.ts';
import { sessionCsrfToken } from '../csrf.tsx';
import { type Client, testApp } from '../testing.ts';
import { attachment, calendarYear } from './shapes-work.ts';
import { json, postJson } from './testing.ts';

const PROPOSAL = { outcome: 'granted', reason: '予以公开', basis: '《条例》第三十六条第（二）项' };

/** A signed-in user of a role in an agency (a test user, apart from the demo ones). */
async function newUser(app: App, ctx: Context, username: string, role: Role, agencyId: number) {
  const { user } = await createUser(cliActor('test'), ctx, {
    username,
    displayName: `${username}名`,
    role,
    agencyId,
    password: PASSWORD,
  });
  await updateUserRow(ctx.db.kysely, user.id, { must_change_password: false }, ctx.clock().toISOString());
  return signedIn(app, ctx, username, PASSWORD);
}

/** A multipart POST with the session's CSRF header. */
function upload(client: Client, path: string, fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const session = client.cookies.get('gk_session') ?? '';
  return client.request(path, { method: 'POST', body: form, headers: { 'x-csrf-token': sessionCsrfToken(session) } });
}

/** A case of the market regulation bureau registered by its handler; its id. */
async function newCase(handler: Client, agencyId: number): Promise<number> {
  const input = buildStaffInput(agencyId, { submittedOn: '2026-02-26' });
  const res = await json(postJson(handler, '/api/v1/applications/staff', input, { csrf: true }));
  expect(res.status).toBe(201);
  return res.body.application.id;
}

describe('API: decision attachments, pending proposals, calendar days', () => {
  forEachEngine((_engine, getDb) => {
    it("uploads a decision attachment for the holding agency's handler only", async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const id = await newCase(handler, me.agencyId as number);
      const path = `/api/v1/applications/${id}/attachments`;
      const file = () => new File([PDF], '公开的信息.pdf', { type: 'application/pdf' });

      const ok = await json(upload(handler, path, { attachments: file(), audience: 'applicant' }));
      expect(ok.status).toBe(201);
      expect(attachment.parse(ok.body.attachment)).toMatchObject({
        applicationId: id,
        ownerKind: 'decision',
        fileName: '公开的信息.pdf',
        mediaType: 'application/pdf',
        audience: 'applicant',
      });
      const listed = await json(handler.get(`/api/v1/applications/${id}/attachments`));
      expect(listed.body.attachments.map((a: { id: number }) => a.id)).toEqual([ok.body.attachment.id]);

      const badAudience = await json(upload(handler, path, { attachments: file(), audience: 'public' }));
      expect(badAudience.status).toBe(400);
      expect(badAudience.body.error).toMatchObject({ code: 'validation', field: 'audience' });
      expect(badAudience.body.error.message).toContain('提供对象');
      const noFile = await json(upload(handler, path, { audience: 'staff' }));
      expect(noFile.body.error).toMatchObject({ code: 'validation', field: 'attachments' });
      expect(noFile.body.error.message).toContain('附件');
      const asJson = await json(postJson(handler, path, { audience: 'staff' }, { csrf: true }));
      expect(asJson.body.error).toMatchObject({ code: 'validation', field: 'body' });
      const form = new FormData();
      form.append('attachments', file());
      form.append('audience', 'staff');
      const noCsrf = await json(handler.request(path, { method: 'POST', body: form }));
      expect(noCsrf.status).toBe(403);

      // Wrong role: a reviewer of the same agency approves replies but does not handle cases.
      const reviewer = await signedIn(app, ctx, 'scjg.reviewer');
      const byReviewer = await json(upload(reviewer, path, { attachments: file(), audience: 'staff' }));
      expect(byReviewer.status).toBe(403);
      // Staff of another agency.
      const bgs = await actorOf(ctx, 'bgs.admin');
      const other = await newUser(app, ctx, 'bgs.upload.handler', 'handler', bgs.agencyId as number);
      const byOther = await json(upload(other, path, { attachments: file(), audience: 'staff' }));
      expect(byOther.status).toBe(403);
      expect((await json(handler.get(`/api/v1/applications/${id}/attachments`))).body.attachments).toHaveLength(1);
    });

    it('takes a file larger than the form limit, up to the attachment limits, then 413', async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const id = await newCase(handler, me.agencyId as number);
      const path = `/api/v1/applications/${id}/attachments`;
      const pdf = (bytes: number) => {
        const data = new Uint8Array(bytes).fill(0x20);
        data.set(PDF);
        return new File([data], '公开的信息.pdf', { type: 'application/pdf' });
      };
      // 1.5 MB: over the configured form limit (1 MB by default), within an attachment's 20 MB.
      const big = await json(upload(handler, path, { attachments: pdf(1_500_000), audience: 'staff' }));
      expect(big.status).toBe(201);
      ctx.attachmentLimits = { maxFileBytes: 1000, maxFiles: 10, maxTotalBytes: 5000 };
      try {
        const over = await json(upload(handler, path, { attachments: pdf(2000), audience: 'staff' }));
        expect(over.body.error).toMatchObject({ code: 'validation', field: 'attachments' });
        const huge = await json(upload(handler, path, { attachments: pdf(1_200_000), audience: 'staff' }));
        expect(huge.status).toBe(413);
      } finally {
        delete ctx.attachmentLimits;
      }
    });

    it("lists the agency's pending proposals for its reviewers only", async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const id = await newCase(handler, me.agencyId as number);
      const proposed = await json(postJson(handler, `/api/v1/applications/${id}/proposal`, PROPOSAL, { csrf: true }));
      expect(proposed.status).toBe(201);

      const reviewer = await signedIn(app, ctx, 'scjg.reviewer');
      const list = await json(reviewer.get('/api/v1/applications/pending-proposals'));
      expect(list.status).toBe(200);
      expect(list.body.proposals).toHaveLength(1);
      expect(list.body.proposals[0]).toMatchObject({
        applicationId: id,
        status: 'pending',
        outcome: 'granted',
        trackingNo: expect.stringMatching(/^GK/),
      });
      const explicit = await json(reviewer.get(`/api/v1/applications/pending-proposals?agency=${me.agencyId}`));
      expect(explicit.body.proposals).toHaveLength(1);
      const bad = await json(reviewer.get('/api/v1/applications/pending-proposals?agency=x'));
      expect(bad.body.error).toMatchObject({ code: 'validation', field: 'agency' });

      // Wrong role: the handler proposes but does not review.
      expect((await json(handler.get('/api/v1/applications/pending-proposals'))).status).toBe(403);
      // A reviewer of another agency sees their own (none), and is refused this agency's.
      const bgs = await actorOf(ctx, 'bgs.admin');
      const other = await newUser(app, ctx, 'bgs.list.reviewer', 'reviewer', bgs.agencyId as number);
      expect((await json(other.get('/api/v1/applications/pending-proposals'))).body).toEqual({ proposals: [] });
      const refused = await json(other.get(`/api/v1/applications/pending-proposals?agency=${me.agencyId}`));
      expect(refused.status).toBe(403);

      // Approved: the list is empty again.
      await json(
        postJson(reviewer, `/api/v1/applications/${id}/proposal/approve`, { date: '2026-03-02' }, { csrf: true }),
      );
      expect((await json(reviewer.get('/api/v1/applications/pending-proposals'))).body).toEqual({ proposals: [] });
    });

    it('lets the system administrator enter a year day by day and mark it complete', async () => {
      const { app, ctx } = testApp(getDb());
      const admin = await signedIn(app, ctx, 'admin');
      const source = '国办发明电〔2027〕示例号';
      const add = (client: Client, body: unknown) =>
        json(postJson(client, '/api/v1/calendar/days', body, { csrf: true }));

      const first = await add(admin, { date: '2028-01-01', kind: 'holiday', name: '元旦', source });
      expect(first.status).toBe(200);
      expect(calendarYear.parse(first.body)).toMatchObject({ year: 2028, complete: false, source });
      await add(admin, { date: '2028-01-29', kind: 'workday', name: '春节', source });
      // The same date again replaces the day (here its name), it does not add a second one.
      const replaced = await add(admin, { date: '2028-01-01', kind: 'holiday', name: '元旦节', source });
      expect(replaced.body.days).toEqual([
        { date: '2028-01-01', kind: 'holiday', kindLabel: expect.any(String), name: '元旦节' },
        { date: '2028-01-29', kind: 'workday', kindLabel: expect.any(String), name: '春节' },
      ]);

      const badKind = await add(admin, { date: '2028-01-02', kind: 'rest', name: '元旦', source });
      expect(badKind.body.error).toMatchObject({ code: 'validation', field: 'kind' });
      expect(badKind.body.error.message).toContain('类别');
      const badDate = await add(admin, { date: '2028-1-2', kind: 'holiday', name: '元旦', source });
      expect(badDate.body.error).toMatchObject({ code: 'validation', field: 'date' });
      const weekday = await add(admin, { date: '2028-01-04', kind: 'workday', name: '元旦', source });
      expect(weekday.body.error).toMatchObject({ code: 'validation', field: 'date' });
      expect(weekday.body.error.message).toContain('不是周六或周日');
      const noSource = await add(admin, { date: '2028-01-02', kind: 'holiday', name: '元旦' });
      expect(noSource.body.error).toMatchObject({ code: 'validation', field: 'source' });

      const complete = await json(
        postJson(admin, '/api/v1/calendar/2028/complete', { complete: true }, { csrf: true }),
      );
      expect(complete.status).toBe(200);
      expect(complete.body).toMatchObject({ year: 2028, complete: true });
      const empty = await json(postJson(admin, '/api/v1/calendar/2029/complete', { complete: true }, { csrf: true }));
      expect(empty.body.error).toMatchObject({ code: 'validation', field: 'year' });
      const notBool = await json(
        postJson(admin, '/api/v1/calendar/2028/complete', { complete: 'yes' }, { csrf: true }),
      );
      expect(notBool.body.error).toMatchObject({ code: 'validation', field: 'complete' });

      // Wrong role, another agency: neither a handler nor an agency's administrator manages the calendar.
      const day = { date: '2028-01-03', kind: 'holiday', name: '元旦', source };
      for (const username of ['scjg.handler', 'bgs.admin']) {
        const client = await signedIn(app, ctx, username);
        expect((await add(client, day)).status).toBe(403);
        const mark = await json(
          postJson(client, '/api/v1/calendar/2028/complete', { complete: false }, { csrf: true }),
        );
        expect(mark.status).toBe(403);
      }
      expect((await json(postJson(admin, '/api/v1/calendar/days', day))).status).toBe(403); // no CSRF header
      const audit = await getDb()
        .kysely.selectFrom('audit_log')
        .select(['action', 'object_id', 'outcome'])
        .where('action', 'like', 'calendar.%')
        .where('outcome', '=', 'success')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => [a.action, a.object_id])).toEqual([
        ['calendar.enterYear', '2028'],
        ['calendar.enterYear', '2028'],
        ['calendar.enterYear', '2028'],
        ['calendar.markYear', '2028'],
      ]);
      const after = await json(admin.get('/api/v1/calendar/2028'));
      expect(after.body).toMatchObject({ complete: true });
      expect(after.body.days).toHaveLength(2);
    });
  });
});
