// A letter is served only under its own case, on every engine: case A's URL with case B's letter id is 404 in the
// console (download and delivery), and the applicant of A gets the generic answer for B's letter on the portal.
import { describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { issueLetter } from '../letters/service.ts';
import { act, actorOf, signedIn } from './application-testing.ts';
import { Client, testApp } from './testing.ts';

describe('letters belong to the case in the URL', () => {
  forEachEngine((_engine, getDb) => {
    it("answers 404 for another case's letter under a case's URL", async () => {
      const { app, ctx } = testApp(getDb());
      const me = await actorOf(ctx, 'scjg.handler');
      const agencyId = me.agencyId as number;
      const a = await buildApplication(ctx, me, agencyId, { receivedOn: '2026-02-02' });
      const b = await buildApplication(ctx, me, agencyId, { receivedOn: '2026-02-02' });
      const ofA = (await issueLetter(me, ctx, a.application.id, 'receipt')).letter;
      const ofB = (await issueLetter(me, ctx, b.application.id, 'receipt')).letter;
      const handler = await signedIn(app, ctx, 'scjg.handler');

      const own = await handler.get(`/console/applications/${a.application.id}/letters/${ofA.id}/docx`);
      expect(own.status).toBe(200);
      const crossed = await handler.get(`/console/applications/${a.application.id}/letters/${ofB.id}/docx`);
      expect(crossed.status).toBe(404);
      expect(crossed.headers.get('content-type')).not.toContain('wordprocessingml');
      const crossedPdf = await handler.get(`/console/applications/${a.application.id}/letters/${ofB.id}/pdf`);
      expect(crossedPdf.status).toBe(404);

      const delivery = { method: 'inPerson', date: '2026-03-02', letter: String(ofB.id) };
      const misplaced = await act(handler, a.application.id, `letters/${ofB.id}/deliveries`, delivery);
      expect(misplaced.status).toBe(404);
      const stored = await getDb().kysely.selectFrom('letter_deliveries').select('id').execute();
      expect(stored).toEqual([]);
      const placed = await act(handler, b.application.id, `letters/${ofB.id}/deliveries`, delivery);
      expect(placed.status).toBe(303);

      // The portal: A's codes do not open B's letter.
      const client = new Client(app);
      const denied = await client.post(`/apply/letters/${ofB.id}/docx`, {
        _csrf: await client.csrf('/apply/status'),
        trackingNo: a.trackingNo,
        queryCode: a.queryCode,
      });
      expect(denied.status).toBe(404);
      expect(await denied.text()).toContain('查询号或查询码不正确');
      const allowed = await client.post(`/apply/letters/${ofA.id}/docx`, {
        _csrf: await client.csrf('/apply/status'),
        trackingNo: a.trackingNo,
        queryCode: a.queryCode,
      });
      expect(allowed.status).toBe(200);
    });
  });
});
