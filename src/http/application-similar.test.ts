// 可能的重复申请 on the case page, on every engine: the same applicant's rephrased earlier request is listed with a
// link and its score; another applicant's or an unrelated request is not; another agency's staff get 403 and
// nothing of the section.
import { describe, expect, it } from 'vitest';
import { buildApplication, buildOrgInput, ID_NUMBER } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { actorOf, newHandler, signedIn } from './application-testing.ts';
import { testApp } from './testing.ts';

const PENALTIES = '申请公开2024年度区市场监督管理局作出的行政处罚决定书';

describe('console: possible repeat applications', () => {
  forEachEngine((_engine, getDb) => {
    it('lists the same applicant’s alike request with a link and its score, and says the handler decides', async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const agencyId = me.agencyId as number;
      const build = (receivedOn: string, description: string, extra = {}) =>
        buildApplication(ctx, me, agencyId, { receivedOn, description, documentRef: null, ...extra });
      const first = await build('2025-11-03', PENALTIES);
      const unrelated = await build('2025-12-01', '2024年度本区老旧小区改造项目清单及资金安排');
      const otherApplicant = await build('2026-01-05', PENALTIES, buildOrgInput(agencyId));
      const second = await build('2026-02-02', '请提供区市场监管局2024年作出的全部行政处罚决定书');

      const client = await signedIn(app, ctx, 'scjg.handler');
      const page = await (await client.get(`/console/applications/${second.application.id}`)).text();
      const section = page.slice(
        page.indexOf('<h2 id="similar-title">'),
        page.indexOf('</section>', page.indexOf('similar-title')),
      );
      expect(section).toContain('可能的重复申请');
      expect(section).toContain(
        `<a href="/console/applications/${first.application.id}">${first.application.trackingNo}</a>`,
      );
      expect(section).toContain('<td>2025-11-03</td>');
      expect(section).toMatch(/<td>(8\d|9\d|100)%<\/td>/);
      expect(section).toContain('由承办人核实后决定');
      expect(section).toContain('第三十六条第（六）项');
      for (const absent of [unrelated, otherApplicant]) expect(section).not.toContain(absent.application.trackingNo);
      expect(section).not.toContain(ID_NUMBER);

      const alone = await (await client.get(`/console/applications/${unrelated.application.id}`)).text();
      expect(alone).toContain('未发现同一申请人近12个月内向本机关提出的相似申请。');

      const { client: other } = await newHandler(app, ctx, 'similar.other', 4);
      const refused = await other.get(`/console/applications/${second.application.id}`);
      expect(refused.status).toBe(403);
      const body = await refused.text();
      for (const leak of ['可能的重复申请', first.application.trackingNo, PENALTIES]) expect(body).not.toContain(leak);
    });
  });
});
