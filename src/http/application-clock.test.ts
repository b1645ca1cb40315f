// 依申请公开办理 — the clock on the case page, in-process on every engine: a 补正 restart and a consultation pause in
// the ledger, a late 补正告知 warned of, extensions approved only by a reviewer, and deciding with one outcome.
import { describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { act, actorOf, signedIn, withoutReview } from './application-testing.ts';
import { testApp } from './testing.ts';

describe('console: an application and its clock', () => {
  forEachEngine((_engine, getDb) => {
    it('shows a 补正 restart and a consultation pause in the ledger, and warns of a late 补正告知', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      const handler = await actorOf(ctx, 'scjg.handler');
      const agencyId = handler.agencyId as number;
      const { application: a } = await buildApplication(ctx, handler, agencyId, { receivedOn: '2026-01-05' });
      const page = await (await client.get(`/console/applications/${a.id}`)).text();
      expect(page).toContain('应于收到申请之日起7个工作日内（2026-01-14前）一次性告知');
      expect((await act(client, a.id, 'events', { type: 'correctionRequested', date: '2026-01-20' })).status).toBe(303);
      const asked = await (await client.get(`/console/applications/${a.id}`)).text();
      expect(asked).toContain('补正告知晚于收到申请之日起7个工作日（应于2026-01-14前告知）');
      expect(asked).toContain('等待申请人补正');
      const bad = await act(client, a.id, 'events', { type: 'correctionReceived', date: '2026-01-19' });
      expect(bad.status).toBe(409);
      expect(await bad.text()).toContain('办理记录有误：');
      expect((await act(client, a.id, 'events', { type: 'correctionReceived', date: '2026-01-26' })).status).toBe(303);
      const restarted = await (await client.get(`/console/applications/${a.id}`)).text();
      expect(restarted).toMatch(/<td>2026-01-26<\/td><td>收到补正<\/td><td>答复期限重新计算为\d{4}-\d{2}-\d{2}<\/td>/);
      expect(restarted).toContain('<dt>起算日</dt><dd>2026-01-26</dd>');

      const { application: b } = await buildApplication(ctx, handler, agencyId, { receivedOn: '2026-02-02' });
      const start = { type: 'consultationStarted', date: '2026-02-04', party: 'thirdParty', name: '某科技公司' };
      expect((await act(client, b.id, 'events', start)).status).toBe(303);
      const paused = await (await client.get(`/console/applications/${b.id}`)).text();
      expect(paused).toContain('<dt>是否暂停计时</dt><dd>是</dd>');
      expect(paused).toMatch(/<td>2026-02-04<\/td><td>征求意见<\/td>/);
      expect(paused).toContain('《条例》第三十二条、第三十三条第三款');
      expect(paused).toContain('name="type" value="consultationEnded"');
      expect((await act(client, b.id, 'events', { type: 'consultationEnded', date: '2026-02-26' })).status).toBe(303);
      const resumed = await (await client.get(`/console/applications/${b.id}`)).text();
      expect(resumed).toContain('<dt>是否暂停计时</dt><dd>否</dd>');
      expect(resumed).toMatch(
        /<td>2026-02-26<\/td><td>征求意见结束<\/td><td>计时恢复，答复期限为\d{4}-\d{2}-\d{2}<\/td>/,
      );
    });

    it('shows a refusal for an action the case no longer offers at the top, and writes nothing', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      const actor = await actorOf(ctx, 'scjg.handler');
      const { application: a } = await buildApplication(ctx, actor, actor.agencyId as number, {
        receivedOn: '2026-02-02',
      });
      const res = await act(client, a.id, 'events', { type: 'correctionReceived', date: '2026-02-10' });
      expect(res.status).toBe(409);
      const page = await res.text();
      expect(page).toContain('<p>未予保存：办理记录有误：第2条记录（收到补正）：此前没有补正告知</p>');
      expect(page.match(/<tr><td>\d{4}-\d{2}-\d{2}<\/td>/g)).toHaveLength(1); // the ledger still has one line
    });

    it('lets a reviewer, not a handler, approve an extension of at most 20 working days', async () => {
      const { app, ctx } = testApp(getDb());
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const actor = await actorOf(ctx, 'scjg.handler');
      const { application: a } = await buildApplication(ctx, actor, actor.agencyId as number, {
        receivedOn: '2026-02-02',
      });
      const seen = await (await handler.get(`/console/applications/${a.id}`)).text();
      expect(seen).toContain('请报审核人在本系统中批准');
      expect(seen).not.toContain('value="extensionApproved"');
      const refused = await act(handler, a.id, 'events', { type: 'extensionApproved', date: '2026-02-27', days: '10' });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('无权审核该机构的延期、答复');

      const reviewer = await signedIn(app, ctx, 'scjg.reviewer');
      const page = await (await reviewer.get(`/console/applications/${a.id}`)).text();
      expect(page).toContain('value="extensionApproved"');
      expect(page).not.toContain('value="correctionRequested"'); // a reviewer approves, does not handle
      const tooLong = await act(reviewer, a.id, 'events', {
        type: 'extensionApproved',
        date: '2026-02-27',
        days: '25',
      });
      expect(tooLong.status).toBe(409);
      expect(await tooLong.text()).toContain('延长的期限应为1至20个工作日，不能为25');
      const ok = await act(reviewer, a.id, 'events', { type: 'extensionApproved', date: '2026-02-27', days: '20' });
      expect(ok.status).toBe(303);
      const after = await (await reviewer.get(`/console/applications/${a.id}`)).text();
      expect(after).toContain('<dt>法定办理期限</dt><dd>40个工作日</dd>');
      expect(after).toMatch(/<td>2026-02-27<\/td><td>延期答复<\/td>/);
      expect(after).not.toContain('value="extensionApproved"'); // once only
    });

    it('decides with exactly one of the 21 outcomes, grouped as table 三 prints them', async () => {
      const { app, ctx } = testApp(getDb());
      const client = await signedIn(app, ctx, 'scjg.handler');
      const actor = await actorOf(ctx, 'scjg.handler');
      await withoutReview(ctx, actor.agencyId as number);
      const { application: a } = await buildApplication(ctx, actor, actor.agencyId as number, {
        receivedOn: '2026-02-02',
      });
      const page = await (await client.get(`/console/applications/${a.id}`)).text();
      const select = /<select id="f-decide-outcome"[\s\S]*?<\/select>/.exec(page)?.[0] ?? '';
      expect(select.match(/<option value="[a-zA-Z]+"/g)).toHaveLength(21);
      expect(select).toContain('<option value="granted">（一）予以公开</option>');
      expect(select).toContain('<option value="partlyGranted">（二）部分公开</option>');
      for (const group of ['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'])
        expect(select).toContain(`<optgroup label="${group}">`);
      const none = await act(client, a.id, 'decide', { outcome: '', date: '2026-02-27' });
      expect(none.status).toBe(400);
      expect(await none.text()).toContain(
        '<a href="#f-decide-outcome">办理结果：应为年度报告表三的21项办理结果之一</a>',
      );
      const res = await act(client, a.id, 'decide', { outcome: 'withheldStateSecret', date: '2026-02-27' });
      expect(res.status).toBe(303);
      const closed = await (await client.get(`/console/applications/${a.id}`)).text();
      expect(closed).toContain('<dd>不予公开·属于国家秘密</dd>');
      expect(closed).toContain('<dd>已办结</dd>');
      // Only the letters remain to be issued (and the disclosed information attached) on a closed case.
      expect(closed).not.toMatch(new RegExp(`action="/console/applications/${a.id}/(?!letters|attachments)`));
    });
  });
});
