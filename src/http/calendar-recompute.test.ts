// 工作日历 — a change made on the calendar page recomputes the open applications' deadlines in the same transaction,
// and the page says how many (read back from the change's audit entry).
import { describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { userActor } from '../agencies/model.ts';
import { findUserByUsername } from '../agencies/repository.ts';
import { Client, passwordOf, testApp } from './testing.ts';

describe('console: calendar and open deadlines', () => {
  forEachEngine((_engine, getDb) => {
    it('says how many open applications a change recomputed, and recomputes them', async () => {
      const { app, ctx } = testApp(getDb());
      const admin = new Client(app);
      await admin.login('admin', await passwordOf(ctx, 'admin'));
      const clerk = await findUserByUsername(ctx.db.kysely, 'scjg.handler');
      if (!clerk?.agencyId) throw new Error('no demo handler');
      const { application } = await buildApplication(ctx, userActor(clerk), clerk.agencyId, {
        receivedOn: '2025-10-20',
      });
      expect(application.dueDate).toBe('2025-11-17');
      const due = async () =>
        (
          await getDb()
            .kysely.selectFrom('applications')
            .select('due_date')
            .where('id', '=', application.id)
            .executeTakeFirstOrThrow()
        ).due_date;
      const token = await admin.csrf('/console/calendar/2025');
      const form = {
        _csrf: token,
        kind: 'holiday',
        from: '2025-10-31',
        name: '测试假日',
        source: 'chinese-days 1.5.7',
      };
      const res = await admin.post('/console/calendar/2025/add', form);
      expect(res.headers.get('location')).toBe('/console/calendar/2025?saved=holiday');
      expect(await due()).toBe('2025-11-18');
      const page = await (await admin.get('/console/calendar/2025?saved=holiday')).text();
      expect(page).toMatch(/已添加法定节假日。已重新计算[1-9]\d*件办理中申请的答复期限，[1-9]\d*件有变化。/);
      const remove = { _csrf: token, date: '2025-10-31', confirm: 'yes' };
      expect((await admin.post('/console/calendar/2025/remove', remove)).status).toBe(303);
      expect(await due()).toBe('2025-11-17');
    });
  });
});
