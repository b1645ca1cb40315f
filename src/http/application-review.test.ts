// 答复审核 on the console, in-process on every engine: propose → return → re-propose → approve; nobody approves
// their own proposal; an agency with the setting off decides directly (and one with it on cannot).
import { describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { approveProposal, proposeReply } from '../applications/review.ts';
import { act, actorOf, newHandler, signedIn, withoutReview } from './application-testing.ts';
import { testApp } from './testing.ts';

const PROPOSAL = { outcome: 'partlyGranted', basis: '《条例》第三十七条', reason: '第3页涉及个人隐私，不予公开' };

describe('console: review before the reply', () => {
  forEachEngine((_engine, getDb) => {
    it('propose → return with a comment → propose again → approve: decided on the date given', async () => {
      const { app, ctx } = testApp(getDb());
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const reviewer = await signedIn(app, ctx, 'scjg.reviewer');
      const me = await actorOf(ctx, 'scjg.handler');
      const { application: a } = await buildApplication(ctx, me, me.agencyId as number, { receivedOn: '2026-02-02' });
      const page = () => handler.get(`/console/applications/${a.id}`).then((r) => r.text());

      const before = await page();
      expect(before).toContain('提交拟答复意见');
      expect(before).not.toContain('id="f-decide-outcome"'); // no direct decision where review is on
      const direct = await act(handler, a.id, 'decide', { outcome: 'granted', date: '2026-02-27' });
      expect(direct.status).toBe(409);
      expect(await direct.text()).toContain('本机关的答复须经审核人审核');

      const noBasis = await act(handler, a.id, 'review/propose', { ...PROPOSAL, basis: '' });
      expect(noBasis.status).toBe(400);
      expect(await noBasis.text()).toContain('<a href="#f-basis">法律依据：不能为空</a>');
      expect((await act(handler, a.id, 'review/propose', PROPOSAL)).status).toBe(303);
      const pending = await page();
      expect(pending).toContain('待审核：承办人已提出拟答复意见');
      expect(pending).toContain('<dt>法律依据</dt><dd>《条例》第三十七条</dd>');
      expect(pending).not.toContain(`action="/console/applications/${a.id}/review/approve"`);
      const again = await act(handler, a.id, 'review/propose', PROPOSAL);
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('已有待审核的拟答复意见');
      // The handler's own attempt to approve is refused by the policy (application.approve).
      const self = await act(handler, a.id, 'review/approve', { date: '2026-02-27' });
      expect(self.status).toBe(403);

      const seen = await (await reviewer.get(`/console/applications/${a.id}`)).text();
      expect(seen).toContain(`action="/console/applications/${a.id}/review/approve"`);
      expect(seen).toContain(`action="/console/applications/${a.id}/review/return"`);
      const blank = await act(reviewer, a.id, 'review/return', { comment: '' });
      expect(blank.status).toBe(400);
      expect(await blank.text()).toContain('退回意见：不能为空');
      const comment = '请写明不予公开部分的页码和理由';
      expect((await act(reviewer, a.id, 'review/return', { comment })).status).toBe(303);

      const returned = await page();
      expect(returned).toContain(`审核人scjg.reviewer退回了拟答复意见：${comment}`);
      expect(returned).toContain('提交拟答复意见');
      expect((await act(handler, a.id, 'review/propose', PROPOSAL)).status).toBe(303);
      const late = await act(reviewer, a.id, 'review/approve', { date: '2026-03-03' });
      expect(late.status).toBe(409); // after today (2026-03-02): the clock refuses, nothing is written
      expect((await act(reviewer, a.id, 'review/approve', { date: '2026-02-27' })).status).toBe(303);

      const done = await page();
      expect(done).toContain('<dd>已办结</dd>');
      expect(done).toContain('<dt>答复日期</dt><dd>2026-02-27</dd>');
      expect(done).toMatch(/<td>2026-02-27<\/td><td>作出答复<\/td>/);
      expect(done).toContain(`<td>已退回</td><td>scjg.reviewer</td><td>${comment}</td>`);
      expect(done).toContain('<td>已批准</td><td>scjg.reviewer</td><td>答复日期 2026-02-27</td>');
      expect(done).toContain('生成答复书');
      expect(done).toContain(`>${PROPOSAL.reason}</textarea>`); // the 答复书 starts from the approved reason

      // The approved reply goes out as its 答复书, dated the decision date.
      expect((await act(handler, a.id, 'letters', { kind: 'reply', reason: PROPOSAL.reason })).status).toBe(303);
      expect(await page()).toMatch(
        /<th scope="row">示市监信公开公复〔2026〕\d+号<\/th><td>答复书<\/td><td>2026-02-27<\/td>/,
      );

      const audit = await ctx.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'outcome', 'actor_name'])
        .where('object_id', '=', String(a.id))
        .where('action', 'like', 'application.%')
        .orderBy('id')
        .execute();
      const steps = audit.filter((e) => e.outcome === 'success').map((e) => e.action);
      expect(steps).toEqual([
        'application.register',
        'application.proposeReply',
        'application.returnProposal',
        'application.proposeReply',
        'application.approveReply',
      ]);
    });

    it('refuses a reviewer approving their own proposal, and records the refusal', async () => {
      const { ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const { application: a } = await buildApplication(ctx, me, me.agencyId as number, { receivedOn: '2026-02-02' });
      await proposeReply(me, ctx, a.id, PROPOSAL);
      // The same person, now a reviewer (a role changed between the two steps).
      const promoted = { ...me, role: 'reviewer' as const };
      await expect(approveProposal(promoted, ctx, a.id, '2026-02-27')).rejects.toThrow('无权审核本人提出的拟答复意见');
      const refused = await ctx.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'outcome'])
        .where('object_id', '=', String(a.id))
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(refused).toEqual({ action: 'application.approveReply', outcome: 'failure' });
      const reviewer = await actorOf(ctx, 'scjg.reviewer');
      const { application } = await approveProposal(reviewer, ctx, a.id, '2026-02-27');
      expect(application).toMatchObject({ status: 'closed', outcome: 'partlyGranted', decidedOn: '2026-02-27' });
    });

    it("is an agency setting: on by default, switched by the agency's administrator, audited", async () => {
      const { app, ctx } = testApp(getDb());
      const agencyId = (await actorOf(ctx, 'bgs.admin')).agencyId as number;
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const token = await handler.csrf('/console');
      const refused = await handler.post(`/console/agencies/${agencyId}/reply-review`, { _csrf: token, on: '0' });
      expect(refused.status).toBe(403);

      const admin = await signedIn(app, ctx, 'bgs.admin');
      const page = await (await admin.get(`/console/agencies/${agencyId}`)).text();
      expect(page).toContain('须由承办人提出拟答复意见、经审核人批准后办结'); // on by default
      expect(page).toContain('<button type="submit">改为无需审核</button>');
      const res = await admin.post(`/console/agencies/${agencyId}/reply-review`, {
        _csrf: await admin.csrf(),
        on: '0',
      });
      expect(res.status).toBe(303);
      expect(await (await admin.get(`/console/agencies/${agencyId}`)).text()).toContain('无需审核人批准');
      const audit = await ctx.db.kysely
        .selectFrom('audit_log')
        .select(['summary'])
        .where('action', '=', 'agency.replyReview')
        .where('outcome', '=', 'success')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.summary)).toEqual({ before: { replyReview: true }, after: { replyReview: false } });
    });

    it('lets the handler decide directly where the agency turned review off', async () => {
      const { app, ctx } = testApp(getDb());
      const { user, client } = await newHandler(app, ctx, 'direct.handler', 4);
      await withoutReview(ctx, 4);
      const { application: a } = await buildApplication(
        ctx,
        { id: user.id, name: user.username, role: 'handler', agencyId: 4 },
        4,
        {
          receivedOn: '2026-02-02',
        },
      );
      const page = await (await client.get(`/console/applications/${a.id}`)).text();
      expect(page).toContain('id="f-decide-outcome"');
      expect(page).not.toContain('提交拟答复意见');
      const refused = await act(client, a.id, 'review/propose', PROPOSAL);
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('本机关的答复无需审核，请直接记录答复');
      expect((await act(client, a.id, 'decide', { outcome: 'granted', date: '2026-02-27' })).status).toBe(303);
      expect(await (await client.get(`/console/applications/${a.id}`)).text()).toContain('<dd>已办结</dd>');
    });
  });
});
