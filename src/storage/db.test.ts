import { expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { isDomainError } from '../errors.ts';
import { translateError } from './db.ts';
import { migrationStatus } from './migrate.ts';

const now = '2025-09-29T01:00:00.000Z';

forEachEngine((_engine, getDb) => {
  it('has every migration applied', async () => {
    const status = await migrationStatus(getDb());
    expect(status.map((m) => [m.name, m.appliedAt !== null])).toEqual([
      ['0001_foundation', true],
      ['0002_calendar', true],
      ['0003_applications', true],
      ['0004_letters', true],
      ['0005_decision_review', true],
      ['0006_attachments', true],
      ['0007_notifications', true],
      ['0008_catalog', true],
      ['0009_catalog_search', true],
      ['0010_feedback', true],
      ['0011_appeals', true],
      ['0012_yearly_figures', true],
      ['0013_annual_reports', true],
      ['0014_redactions', true],
      ['0015_personal_data_reviews', true],
    ]);
  });

  it('seeds the working-day calendar for 2004–2026', async () => {
    const k = getDb().kysely;
    const years = await k.selectFrom('calendar_years').selectAll().orderBy('year').execute();
    expect(years.map((y) => [y.year, y.complete])).toEqual(Array.from({ length: 23 }, (_, i) => [2004 + i, true]));
    expect(years[0]?.source).toBe('chinese-days 1.5.7');
    const day = await k.selectFrom('calendar_days').selectAll().where('date', '=', '2025-10-11').executeTakeFirst();
    expect(day).toMatchObject({ kind: 'workday', name: '国庆节', source: 'chinese-days 1.5.7' });
    const { count } = await k
      .selectFrom('calendar_days')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(769);
  });

  it('reads booleans back as booleans and ids as numbers', async () => {
    const k = getDb().kysely;
    const row = await k
      .insertInto('users')
      .values({
        username: 'bool',
        display_name: 'b',
        role: 'handler',
        password_hash: 'x',
        password_changed_at: now,
        must_change_password: false,
        failed_attempts: 0,
        active: true,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'active', 'must_change_password'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ id: expect.any(Number), active: true, must_change_password: false });
    const found = await k.selectFrom('users').selectAll().where('active', '=', true).execute();
    expect(found.map((u) => u.must_change_password)).toEqual([false]);
  });

  it('turns engine constraint errors into one domain error', async () => {
    const k = getDb().kysely;
    const agency = { name: '重复', kind: 'government', created_at: now, updated_at: now };
    await k.insertInto('agencies').values(agency).execute();
    const dup = translateError(
      getDb(),
      await k
        .insertInto('agencies')
        .values(agency)
        .execute()
        .catch((e) => e),
    );
    expect(isDomainError(dup, 'conflict') && dup.message).toBe('机构名称已存在，不能重复');
    const missing = translateError(
      getDb(),
      await k
        .insertInto('agencies')
        .values({ ...agency, name: '孤儿', parent_id: 999 })
        .execute()
        .catch((e) => e),
    );
    expect(isDomainError(missing, 'referenceMissing')).toBe(true);
    expect(translateError(getDb(), new Error('other'))).toEqual(new Error('other'));
  });
});
