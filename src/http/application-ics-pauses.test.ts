// Paused cases in the handler's calendar feed, on every engine: a third-party consultation on the day the third
// party must answer, a fee notice on its payment deadline, a consultation of another agency on the day it began;
// each says 暂停（…）and why. A case whose pause ended is back to its deadline.
import { describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { userActor } from '../agencies/model.ts';
import { assignHandler, recordEvent } from '../applications/service.ts';
import { getWorkingCalendar } from '../calendar/service.ts';
import { actorOf, newHandler } from './application-testing.ts';
import { testApp } from './testing.ts';

const compact = (date: string) => date.replaceAll('-', '');

/** The ICS event (unfolded) whose SUMMARY names the tracking number. */
function eventOf(ics: string, trackingNo: string): string {
  const unfolded = ics.replace(/\r\n /g, '');
  return unfolded.split('BEGIN:VEVENT').find((e) => e.includes(trackingNo)) ?? '';
}

describe('console: paused cases in the deadlines feed', () => {
  forEachEngine((_engine, getDb) => {
    it('adds 暂停（征求意见/待缴费）events with the date the other party must answer by', async () => {
      const { app, ctx } = testApp(getDb());
      const scjg = (await actorOf(ctx, 'scjg.handler')).agencyId as number;
      const { user, client } = await newHandler(app, ctx, 'ics.pause.handler', scjg);
      const me = userActor(user);
      const cases = [];
      for (let i = 0; i < 4; i++) {
        const { application } = await buildApplication(ctx, me, scjg, { receivedOn: '2026-02-02' });
        await assignHandler(me, ctx, application.id, user.id);
        cases.push(application);
      }
      const [third, fee, agency, resumed] = cases as [
        (typeof cases)[0],
        (typeof cases)[0],
        (typeof cases)[0],
        (typeof cases)[0],
      ];
      const day = '2026-02-27';
      await recordEvent(me, ctx, third.id, {
        type: 'consultationStarted',
        date: day,
        party: 'thirdParty',
        name: '某公司',
      });
      await recordEvent(me, ctx, fee.id, { type: 'feeNoticeSent', date: day, payBy: '2026-03-27' });
      await recordEvent(me, ctx, agency.id, { type: 'consultationStarted', date: day, party: 'agency' });
      await recordEvent(me, ctx, resumed.id, { type: 'consultationStarted', date: day, party: 'agency' });
      const back = await recordEvent(me, ctx, resumed.id, { type: 'consultationEnded', date: '2026-03-02' });

      const ics = await (await client.get('/console/applications/deadlines.ics')).text();
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);

      const answerBy = (await getWorkingCalendar(ctx)).addWorkingDays(day, 15);
      const e1 = eventOf(ics, third.trackingNo);
      expect(e1).toContain(`SUMMARY:暂停（征求意见）：${third.trackingNo}`);
      expect(e1).toContain(`DTSTART;VALUE=DATE:${compact(answerBy)}`);
      expect(e1).toContain(`第三方应于${answerBy}前提出意见`);

      const e2 = eventOf(ics, fee.trackingNo);
      expect(e2).toContain(`SUMMARY:暂停（待缴费）：${fee.trackingNo}`);
      expect(e2).toContain('DTSTART;VALUE=DATE:20260327');
      expect(e2).toContain('申请人应于2026-03-27前缴纳信息处理费');

      const e3 = eventOf(ics, agency.trackingNo);
      expect(e3).toContain(`SUMMARY:暂停（征求意见）：${agency.trackingNo}`);
      expect(e3).toContain(`DTSTART;VALUE=DATE:${compact(day)}`);
      expect(e3).toContain('征求其他机关意见');

      const e4 = eventOf(ics, resumed.trackingNo);
      expect(e4).toContain(`SUMMARY:答复期限：${resumed.trackingNo}`);
      expect(e4).toContain(`DTSTART;VALUE=DATE:${compact(back.dueDate as string)}`);
      for (const secret of ['张三', '某公司']) expect(ics).not.toContain(secret);
    });
  });
});
