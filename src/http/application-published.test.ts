// 可能已主动公开的信息 on the case page, on every engine: a request whose description names a published document
// shows that document's public page; an unrelated request shows none; another agency's staff get 403 and nothing.
import { describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { buildPublishedItem } from '../../test/catalog.ts';
import { forEachEngine } from '../../test/engines.ts';
import { withdrawItem } from '../catalog/service.ts';
import { actorOf, newHandler, signedIn } from './application-testing.ts';
import { testApp } from './testing.ts';

const section = (page: string) =>
  page.slice(page.indexOf('<h2 id="published-title">'), page.indexOf('</section>', page.indexOf('published-title')));

describe('console: possibly already published', () => {
  forEachEngine((_engine, getDb) => {
    it('links the published item a request asks for, and says the handler decides', async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const agencyId = me.agencyId as number;
      const who = {
        publisher: { id: null, name: '测试发布员', role: 'publisher' as const, agencyId },
        reviewer: { id: null, name: '测试审核人', role: 'reviewer' as const, agencyId },
      };
      const inspections = await buildPublishedItem(
        ctx,
        agencyId,
        who,
        {
          kind: 'notice',
          title: '2024年食品安全监督抽检结果公告',
          docNo: null,
          body: '现将本局2024年食品安全监督抽检结果予以公告。',
          formedOn: '2025-01-10',
        },
        '2025-01-15',
      );
      const other = await buildPublishedItem(
        ctx,
        agencyId,
        who,
        {
          kind: 'notice',
          title: '关于做好防汛工作的通知',
          docNo: null,
          body: '落实防汛责任。',
          formedOn: '2025-05-01',
        },
        '2025-05-02',
      );
      const build = (description: string) =>
        buildApplication(ctx, me, agencyId, { receivedOn: '2025-11-03', description, documentRef: null });
      const asking = await build('申请公开贵局2024年食品安全监督抽检结果的相关信息');
      const unrelated = await build('申请公开本区2023年度老旧小区改造项目资金安排');

      const client = await signedIn(app, ctx, 'scjg.handler');
      const found = section(await (await client.get(`/console/applications/${asking.application.id}`)).text());
      expect(found).toContain('可能已主动公开的信息');
      expect(found).toContain(`<a href="/catalog/${inspections.id}">2024年食品安全监督抽检结果公告</a>`);
      expect(found).toContain(inspections.indexNo as string);
      expect(found).not.toContain(`/catalog/${other.id}"`);
      expect(found).toContain('由承办人核实后决定');
      expect(found).toContain('第三十六条第（一）项');

      const none = section(await (await client.get(`/console/applications/${unrelated.application.id}`)).text());
      expect(none).toContain('未在已主动公开的政府信息中找到');
      expect(none).not.toContain('/catalog/');

      // Withdrawn from the portal: no longer offered.
      await withdrawItem(who.publisher, ctx, inspections.id, { reason: '误发' });
      const after = section(await (await client.get(`/console/applications/${asking.application.id}`)).text());
      expect(after).not.toContain(`/catalog/${inspections.id}"`);

      const { client: outsider } = await newHandler(app, ctx, 'published.other', 4);
      const refused = await outsider.get(`/console/applications/${asking.application.id}`);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('2024年食品安全监督抽检结果公告');
    });
  });
});
