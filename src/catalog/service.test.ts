import { beforeAll, describe, expect, it } from 'vitest';
import { buildItemInput, buildPublishedItem, type Workflow } from '../../test/catalog.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { listAuditEntries } from '../audit/query.ts';
import type { Context } from '../context.ts';
import { textPdf } from '../pdf/testing.ts';
import { validityCounts } from './counts.ts';
import { itemForStaff, latePublications, listPublished, publicItem } from './queries.ts';
import {
  addItemAttachment,
  changeValidity,
  createItem,
  publishItem,
  reviewItem,
  saveItem,
  setIndexPattern,
  submitForReview,
  withdrawItem,
} from './service.ts';

/** A readable one-page PDF: the personal-data guard reads every file before it is published. */
const PDF = textPdf(['Annex 1']);

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let agencyId: number;
  let otherId: number;
  let who: Workflow;
  let outsider: Actor;
  let handler: Actor;
  let creditCode: string;
  let sysadmin: Actor;
  beforeAll(async () => {
    ctx = testContext(getDb());
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    otherId = tree.other.id;
    creditCode = tree.department.creditCode as string;
    who = {
      publisher: (await buildUser(ctx, 'publisher', agencyId)).actor,
      reviewer: (await buildUser(ctx, 'reviewer', agencyId)).actor,
    };
    outsider = (await buildUser(ctx, 'publisher', otherId)).actor;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
    sysadmin = (await buildUser(ctx, 'sysadmin', null)).actor;
  });

  describe('先审查、后公开', () => {
    it('takes an item from draft through 审查 to publication, giving it an 索引号', async () => {
      const { item } = await createItem(who.publisher, ctx, agencyId, buildItemInput());
      expect(item.status).toBe('draft');
      expect(item.indexNo).toBeNull();
      await expect(publishItem(who.publisher, ctx, item.id)).rejects.toMatchObject({ code: 'invalidState' });
      await expect(publicItem(ctx, item.id)).resolves.toBeUndefined();
      await submitForReview(who.publisher, ctx, item.id);
      await expect(
        reviewItem(who.reviewer, ctx, item.id, { approve: true, secrecyChecked: false }),
      ).rejects.toMatchObject({ code: 'validation', field: 'secrecyChecked' });
      await reviewItem(who.reviewer, ctx, item.id, { approve: true, secrecyChecked: true });
      const published = await publishItem(who.publisher, ctx, item.id, { publishedOn: '2025-09-05' });
      expect(published).toMatchObject({ status: 'published', publishedOn: '2025-09-05', validity: 'valid' });
      expect(published.indexNo).toMatch(new RegExp(`^${creditCode}/2025-\\d{5}$`));
      expect(published.bodyHtml).toContain('<p>一、压缩企业开办时间。</p>');
      const page = await publicItem(ctx, item.id);
      expect(page?.item.title).toBe(published.title);
      const { entries } = await listAuditEntries(sysadmin, ctx, { objectType: 'catalogItem', objectId: item.id });
      const actions = entries.map((e) => `${e.action}:${e.outcome}`);
      expect(actions).toEqual(
        expect.arrayContaining(['catalog.create:success', 'catalog.approve:success', 'catalog.publish:success']),
      );
    });

    it('returns a change with a comment, and refuses a reviewer reviewing their own draft', async () => {
      const reviewerAsAuthor = (await buildUser(ctx, 'reviewer', agencyId)).actor;
      const { item } = await createItem(who.publisher, ctx, agencyId, buildItemInput());
      await submitForReview(who.publisher, ctx, item.id);
      await expect(reviewItem(who.reviewer, ctx, item.id, { approve: false })).rejects.toMatchObject({
        field: 'comment',
      });
      const returned = await reviewItem(who.reviewer, ctx, item.id, { approve: false, comment: '文号有误' });
      expect(returned).toMatchObject({ status: 'draft', reviewComment: '文号有误' });
      expect(reviewerAsAuthor.role).toBe('reviewer');
    });

    it('keeps the public page unchanged while an edit is under review, and keeps the history', async () => {
      const item = await buildPublishedItem(ctx, agencyId, who, { title: '原标题的规范性文件' }, '2025-09-05');
      await saveItem(
        who.publisher,
        ctx,
        item.id,
        buildItemInput({ title: '修改后的规范性文件', changedOn: '2025-10-09' }),
      );
      expect((await publicItem(ctx, item.id))?.item.title).toBe('原标题的规范性文件');
      await submitForReview(who.publisher, ctx, item.id);
      await reviewItem(who.reviewer, ctx, item.id, { approve: true, secrecyChecked: true });
      const again = await publishItem(who.publisher, ctx, item.id, { publishedOn: '2025-10-10' });
      expect(again).toMatchObject({ title: '修改后的规范性文件', publishedOn: '2025-09-05', indexNo: item.indexNo });
      expect(again.changedOn).toBe('2025-10-09');
      const staff = await itemForStaff(who.publisher, ctx, item.id);
      expect(staff.revisions.map((r) => [r.no, r.status, r.fields.title])).toEqual([
        [2, 'published', '修改后的规范性文件'],
        [1, 'published', '原标题的规范性文件'],
      ]);
    });

    it('refuses staff of another agency and roles without the right', async () => {
      const item = await buildPublishedItem(ctx, agencyId, who);
      await expect(saveItem(outsider, ctx, item.id, buildItemInput())).rejects.toMatchObject({ code: 'forbidden' });
      await expect(createItem(outsider, ctx, agencyId, buildItemInput())).rejects.toMatchObject({ code: 'forbidden' });
      await expect(itemForStaff(outsider, ctx, item.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(createItem(handler, ctx, agencyId, buildItemInput())).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        reviewItem(who.publisher, ctx, item.id, { approve: true, secrecyChecked: true }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('names the field of bad input in Chinese', async () => {
      await expect(
        createItem(who.publisher, ctx, agencyId, buildItemInput({ formedOn: '2025-13-01' })),
      ).rejects.toMatchObject({ field: 'formedOn', message: expect.stringContaining('成文日期') });
      await expect(
        createItem(who.publisher, ctx, agencyId, buildItemInput({ disclosureMode: 'withheld' })),
      ).rejects.toMatchObject({ field: 'withheldReason' });
      await expect(
        createItem(who.publisher, ctx, agencyId, buildItemInput({ kind: 'interpretation' })),
      ).rejects.toMatchObject({ field: 'interpretsId' });
    });
  });

  describe('validity and interpretations', () => {
    it('links a policy and its interpretation both ways, repeals the policy and changes the year counts', async () => {
      const isolated = (await buildHierarchy(ctx)).department.id;
      const w: Workflow = {
        publisher: (await buildUser(ctx, 'publisher', isolated)).actor,
        reviewer: (await buildUser(ctx, 'reviewer', isolated)).actor,
      };
      const before = await validityCounts(ctx.db.kysely, isolated, 2025);
      expect(before.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 0 });
      const policy = await buildPublishedItem(ctx, isolated, w, { formedOn: '2025-03-01' }, '2025-03-05');
      await buildPublishedItem(ctx, isolated, w, { kind: 'rule', formedOn: '2024-06-01' }, '2024-06-03');
      const reading = await buildPublishedItem(ctx, isolated, w, {
        kind: 'interpretation',
        title: '《若干措施》政策解读',
        interpretsId: policy.id,
        formedOn: '2025-03-02',
      });
      const page = await publicItem(ctx, policy.id);
      expect(page?.interpretations.map((i) => i.id)).toEqual([reading.id]);
      expect((await publicItem(ctx, reading.id))?.interprets?.id).toBe(policy.id);

      let y2025 = await validityCounts(ctx.db.kysely, isolated, 2025);
      expect(y2025.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 1 });
      expect(y2025.rules).toEqual({ issued: 0, repealed: 0, inForce: 1 });

      const replacement = await buildPublishedItem(ctx, isolated, w, { formedOn: '2026-02-01' }, '2026-02-02');
      await expect(
        changeValidity(w.publisher, ctx, reading.id, { validity: 'repealed', onDate: '2026-02-10' }),
      ).rejects.toMatchObject({ field: 'validity' });
      const repealed = await changeValidity(w.publisher, ctx, policy.id, {
        validity: 'repealed',
        onDate: '2026-02-10',
        replacedById: replacement.id,
      });
      expect(repealed).toMatchObject({ validity: 'repealed', validityOn: '2026-02-10', replacedById: replacement.id });
      expect((await publicItem(ctx, policy.id))?.replacedBy?.id).toBe(replacement.id);
      y2025 = await validityCounts(ctx.db.kysely, isolated, 2025);
      expect(y2025.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 1 });
      const y2026 = await validityCounts(ctx.db.kysely, isolated, 2026);
      expect(y2026.normativeDocuments).toEqual({ issued: 1, repealed: 1, inForce: 1 });
      // in-force-continuity: 1 + 1 − 1 = 1
      expect((await listPublished(ctx, { agencyId: isolated, validity: 'repealed' })).rows.map((i) => i.id)).toEqual([
        policy.id,
      ]);
    });
  });

  describe('withdrawal, attachments, 索引号 pattern and timeliness', () => {
    it('withdraws an item from the portal, keeping its 索引号', async () => {
      const item = await buildPublishedItem(ctx, agencyId, who);
      const gone = await withdrawItem(who.publisher, ctx, item.id, { reason: '误发' });
      expect(gone).toMatchObject({ status: 'withdrawn', indexNo: item.indexNo });
      await expect(publicItem(ctx, item.id)).resolves.toBeUndefined();
    });

    it('publishes a file only with the revision that adds it', async () => {
      const item = await buildPublishedItem(ctx, agencyId, who);
      await addItemAttachment(who.publisher, ctx, item.id, { name: '附件1.pdf', data: PDF });
      expect((await publicItem(ctx, item.id))?.attachments).toEqual([]);
      await submitForReview(who.publisher, ctx, item.id);
      await reviewItem(who.reviewer, ctx, item.id, { approve: true, secrecyChecked: true });
      await publishItem(who.publisher, ctx, item.id);
      expect((await publicItem(ctx, item.id))?.attachments.map((a) => a.fileName)).toEqual(['附件1.pdf']);
    });

    it('forms 索引号 from the agency pattern and refuses a pattern that could collide', async () => {
      const admin = (await buildUser(ctx, 'agencyAdmin', otherId)).actor;
      await expect(setIndexPattern(admin, ctx, otherId, 'GK-{year}')).rejects.toMatchObject({ field: 'indexPattern' });
      await setIndexPattern(admin, ctx, otherId, 'GK{id}-{year}-{seq:4}');
      const w: Workflow = { publisher: outsider, reviewer: (await buildUser(ctx, 'reviewer', otherId)).actor };
      const a = await buildPublishedItem(ctx, otherId, w, {}, '2025-09-10');
      const b = await buildPublishedItem(ctx, otherId, w, {}, '2025-09-11');
      expect([a.indexNo, b.indexNo]).toEqual([`GK${otherId}-2025-0001`, `GK${otherId}-2025-0002`]);
    });

    it('lists publications later than 20 working days after the document was formed (第二十六条)', async () => {
      const late = await buildPublishedItem(ctx, agencyId, who, { formedOn: '2025-09-01' }, '2025-10-20');
      const onTime = await buildPublishedItem(ctx, agencyId, who, { formedOn: '2025-09-25' }, '2025-10-20');
      const list = await latePublications(who.reviewer, ctx, agencyId, 2025);
      const ids = list.map((l) => l.item.id);
      expect(ids).toContain(late.id);
      expect(ids).not.toContain(onTime.id);
      expect(list.find((l) => l.item.id === late.id)?.workingDays).toBeGreaterThan(20);
    });
  });
});
