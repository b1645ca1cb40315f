import { beforeAll, describe, expect, it } from 'vitest';
import { buildCaseInput } from '../../test/appeals.ts';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, testClock, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { PDF } from '../attachments/testing.ts';
import { listAuditEntries } from '../audit/query.ts';
import type { Context } from '../context.ts';
import { appealCounts, caseColumn, tallyAppeals } from './counts.ts';
import { seedDemoAppeals } from './demo.ts';
import { caseDocument, casesOfApplication, getCase, listCases, tableFour } from './queries.ts';
import { addCaseDocuments, recordCase, removeCaseDocument, updateCase } from './service.ts';

describe('caseColumn', () => {
  const c = {
    kind: 'reconsideration',
    role: 'original',
    filed_on: '2025-11-20',
    result: 'corrected',
    result_on: '2026-01-08',
  };
  it('keeps a case concluded after 31 December pending in the year it was filed', () => {
    expect(caseColumn(c, 2025)).toBe('pending');
    expect(caseColumn(c, 2026)).toBeNull();
    expect(caseColumn({ ...c, result_on: '2025-12-31' }, 2025)).toBe('corrected');
  });
  it('does not count a suit for the 复议机关 named as co-defendant', () => {
    expect(
      caseColumn({ ...c, kind: 'litigationAfterReconsideration', role: 'reviewBodyCoDefendant' }, 2025),
    ).toBeNull();
  });
  it('sums each group into its total', () => {
    const t = tallyAppeals(
      [
        { ...c, result: 'upheld', result_on: '2025-12-01' },
        { ...c, result: 'pending', result_on: null },
        { ...c, kind: 'litigationDirect', result: 'other', result_on: '2025-12-02' },
      ],
      2025,
    );
    expect(t.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(t.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 });
    expect(t.litigationAfterReconsideration.total).toBe(0);
  });
});

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let agencyId: number;
  let governmentId: number;
  let otherId: number;
  let handler: Actor;
  let govHandler: Actor;
  let outsider: Actor;
  let inspector: Actor;
  let sysadmin: Actor;
  beforeAll(async () => {
    ctx = testContext(getDb(), testClock('2026-02-02T02:00:00.000Z'));
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    governmentId = tree.government.id;
    otherId = tree.other.id;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
    govHandler = (await buildUser(ctx, 'handler', governmentId)).actor;
    outsider = (await buildUser(ctx, 'handler', otherId)).actor;
    inspector = (await buildUser(ctx, 'inspector', governmentId)).actor;
    sysadmin = (await buildUser(ctx, 'sysadmin', null)).actor;
  });

  describe('table 四', () => {
    it('counts by filing year, result as of 31 December, and the 201号 co-defendant rule', async () => {
      const rec = (input: Parameters<typeof buildCaseInput>[0], who = handler, at = agencyId) =>
        recordCase(who, ctx, at, buildCaseInput(input));
      const reconsideration = await rec({ filedOn: '2025-02-01', result: 'upheld', resultOn: '2025-04-01' });
      await rec({ filedOn: '2025-05-01', result: 'corrected', resultOn: '2025-07-01' });
      // Filed 2025-11, decided 2026-01: pending in 2025's table, and not counted again in 2026's.
      await rec({ filedOn: '2025-11-15', result: 'corrected', resultOn: '2026-01-10' });
      await rec({ filedOn: '2024-12-20', result: 'other', resultOn: '2025-01-05' });
      await rec({ kind: 'litigationDirect', bodyName: '测试区人民法院', filedOn: '2025-06-01' });
      await rec({
        kind: 'litigationAfterReconsideration',
        bodyName: '测试市中级人民法院',
        filedOn: '2025-06-10',
        earlierCaseId: reconsideration.id,
        result: 'other',
        resultOn: '2025-09-01',
      });
      // The government, as 复议机关, is co-defendant of a suit after its reconsideration: recorded, not counted.
      const coDefendant = await rec(
        {
          kind: 'litigationAfterReconsideration',
          role: 'reviewBodyCoDefendant',
          bodyName: '测试市中级人民法院',
          filedOn: '2025-06-10',
          result: 'upheld',
          resultOn: '2025-10-01',
        },
        govHandler,
        governmentId,
      );

      const y2025 = await appealCounts(ctx.db.kysely, agencyId, 2025);
      expect(y2025.reconsideration).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 });
      expect(y2025.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
      expect(y2025.litigationAfterReconsideration).toEqual({ upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 });
      expect((await appealCounts(ctx.db.kysely, agencyId, 2024)).reconsideration).toEqual({
        upheld: 0,
        corrected: 0,
        other: 0,
        pending: 1,
        total: 1,
      });
      expect((await appealCounts(ctx.db.kysely, agencyId, 2026)).reconsideration.total).toBe(0);
      const government = await appealCounts(ctx.db.kysely, governmentId, 2025);
      expect(government.litigationAfterReconsideration.total).toBe(0);
      expect((await getCase(govHandler, ctx, coDefendant.id)).counted).toBe(false);

      // The inspector above reads the department's table; a stranger may not.
      expect(await tableFour(inspector, ctx, agencyId, 2025)).toEqual(y2025);
      await expect(tableFour(outsider, ctx, agencyId, 2025)).rejects.toMatchObject({ code: 'forbidden' });

      // The reconsideration shows the suit that followed it.
      expect((await getCase(handler, ctx, reconsideration.id)).laterCases).toHaveLength(1);
    });
  });

  describe('validation', () => {
    it('names the field in Chinese', async () => {
      const bad = async (input: Parameters<typeof buildCaseInput>[0], message: RegExp) =>
        expect(recordCase(handler, ctx, agencyId, buildCaseInput(input))).rejects.toMatchObject({
          code: 'validation',
          message: expect.stringMatching(message),
        });
      await bad({ result: 'upheld' }, /^结果日期：已审结的案件请填写结果日期/);
      await bad({ result: 'upheld', resultOn: '2025-03-01' }, /^结果日期：不能早于受理或立案日期/);
      await bad({ resultOn: '2025-04-01' }, /^结果日期：尚未审结/);
      await bad({ filedOn: '2025-02-30' }, /^受理或立案日期：不是有效的日期/);
      await bad({ bodyName: '' }, /^复议机关或人民法院：/);
      await bad({ appellantName: '  ' }, /^申请人或原告：/);
      await bad({ role: 'reviewBodyCoDefendant' }, /^本机关的地位：/);
      await bad({ earlierCaseId: 1 }, /^此前的行政复议案件：/);
      await bad({ trackingNo: 'GK2025-9-999999' }, /^相关申请的查询号：本机关没有/);
      // kind as a wrong value
      await bad({ kind: 'appeal' as never }, /^案件类型：请选择/);
    });

    it('refuses an earlier case of another agency', async () => {
      const theirs = await recordCase(outsider, ctx, otherId, buildCaseInput());
      await expect(
        recordCase(
          handler,
          ctx,
          agencyId,
          buildCaseInput({ kind: 'litigationAfterReconsideration', earlierCaseId: theirs.id }),
        ),
      ).rejects.toMatchObject({
        code: 'validation',
        message: expect.stringMatching(/^此前的行政复议案件：本机关没有/),
      });
    });
  });

  describe('applications, documents, access and audit', () => {
    it('links an application by 查询号, keeps documents, masks the name for inspectors, audits without it', async () => {
      const { application } = await buildApplication(ctx, handler, agencyId, { receivedOn: '2025-09-29' });
      const created = await recordCase(
        handler,
        ctx,
        agencyId,
        buildCaseInput({ trackingNo: application.trackingNo.toLowerCase(), appellantName: '欧阳娜娜' }),
      );
      expect(created.applicationId).toBe(application.id);
      const [onApp] = await casesOfApplication(handler, ctx, application.id);
      expect(onApp).toMatchObject({ id: created.id, trackingNo: application.trackingNo, appellantName: '欧阳娜娜' });

      // Another agency's application cannot be linked.
      const { application: theirs } = await buildApplication(ctx, outsider, otherId);
      await expect(
        updateCase(handler, ctx, created.id, buildCaseInput({ trackingNo: theirs.trackingNo })),
      ).rejects.toMatchObject({ code: 'validation' });

      const updated = await updateCase(
        handler,
        ctx,
        created.id,
        buildCaseInput({
          trackingNo: application.trackingNo,
          appellantName: '欧阳娜娜',
          result: 'corrected',
          resultOn: '2025-05-20',
          resultNote: '责令重新答复',
        }),
      );
      expect(updated).toMatchObject({ result: 'corrected', resultOn: '2025-05-20', updatedBy: handler.name });

      const doc = (await addCaseDocuments(handler, ctx, created.id, [{ name: '复议决定书.pdf', data: PDF }]))[0];
      if (!doc) throw new Error('no document');
      expect(doc).toMatchObject({ fileName: '复议决定书.pdf', mediaType: 'application/pdf', size: PDF.length });
      const read = await caseDocument(inspector, ctx, doc.id);
      expect(Buffer.from(read.content).equals(Buffer.from(PDF))).toBe(true);
      await expect(
        addCaseDocuments(handler, ctx, created.id, [{ name: 'x.exe', data: new Uint8Array([0x4d, 0x5a, 0, 0, 0]) }]),
      ).rejects.toMatchObject({ code: 'validation' });

      const seen = await getCase(inspector, ctx, created.id);
      expect(seen).toMatchObject({ appellantName: '欧***', personalDataMasked: true, documents: [{ id: doc.id }] });
      expect((await getCase(handler, ctx, created.id)).appellantName).toBe('欧阳娜娜');
      const listed = await listCases(inspector, ctx, { agencyId, result: 'corrected' });
      expect(listed.rows.every((r) => r.personalDataMasked && r.result === 'corrected')).toBe(true);

      // Strangers and readers-only are refused; a refusal is audited.
      await expect(getCase(outsider, ctx, created.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(caseDocument(outsider, ctx, doc.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateCase(inspector, ctx, created.id, buildCaseInput())).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(recordCase(outsider, ctx, agencyId, buildCaseInput())).rejects.toMatchObject({ code: 'forbidden' });
      await expect(casesOfApplication(outsider, ctx, application.id)).rejects.toMatchObject({ code: 'forbidden' });

      await removeCaseDocument(handler, ctx, doc.id);
      expect((await getCase(handler, ctx, created.id)).documents).toEqual([]);

      const { entries } = await listAuditEntries(sysadmin, ctx, { objectType: 'appeal', objectId: created.id });
      expect(entries.map((e) => `${e.action}:${e.outcome}`)).toEqual(
        expect.arrayContaining([
          'appeal.record:success',
          'appeal.update:success',
          'appeal.update:failure',
          'appeal.addDocuments:success',
          'appeal.removeDocument:success',
        ]),
      );
      expect(JSON.stringify(entries)).not.toMatch(/欧阳娜娜/);
    });

    it('lists with filters and paging', async () => {
      const all = await listCases(handler, ctx, { year: 2025, pageSize: 2 });
      expect(all.rows).toHaveLength(2);
      expect(all.total).toBeGreaterThan(2);
      const page2 = await listCases(handler, ctx, { year: 2025, pageSize: 2, page: 2 });
      expect(page2.rows[0]?.id).not.toBe(all.rows[0]?.id);
      const pending = await listCases(handler, ctx, { pending: true });
      expect(pending.rows.every((r) => r.result === 'pending')).toBe(true);
      const direct = await listCases(handler, ctx, { kind: 'litigationDirect' });
      expect(direct.rows.map((r) => r.kind)).toEqual(['litigationDirect']);
      expect((await listCases(handler, ctx, { year: 2024 })).total).toBe(1);
      // The handler sees only their own agency's cases.
      expect((await listCases(handler, ctx, {})).rows.every((r) => r.agencyId === agencyId)).toBe(true);
      // An inspector sees the subtree, the unrelated agency's cases not.
      const inspected = await listCases(inspector, ctx, { pageSize: 100 });
      expect(inspected.rows.some((r) => r.agencyId === otherId)).toBe(false);
      expect(inspected.rows.some((r) => r.agencyId === governmentId)).toBe(true);
    });
  });
});

forEachEngine((_engine, getDb) => {
  it('seeds demo cases that add up and count by the 201号 rule', async () => {
    const ctx = testContext(getDb(), testClock('2026-02-02T02:00:00.000Z'));
    const tree = await buildHierarchy(ctx);
    const agencies = [tree.government, tree.department, tree.unit, tree.other];
    expect(await seedDemoAppeals(ctx, agencies)).toBe(6);
    const market = await appealCounts(ctx.db.kysely, tree.unit.id, 2025);
    expect(market.reconsideration).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 });
    expect(market.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(market.litigationAfterReconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect((await appealCounts(ctx.db.kysely, tree.government.id, 2025)).litigationAfterReconsideration.total).toBe(0);
  });
});
