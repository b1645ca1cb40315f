// The personal-data guard on every engine: a catalogue item whose PDF holds a valid 身份证号, or whose body does, is
// held until the publisher removes it or records why it may stand; a changed text needs a new acknowledgement; a
// public feedback answer with a mobile number likewise; the reason is required; neither the audit log, the stored
// acknowledgements nor the refusal holds the full number.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildItemInput, type Workflow } from '../../test/catalog.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { approveReport, getReport, publishReport, saveTexts, submitReport } from '../annual/service.ts';
import { PDF } from '../attachments/testing.ts';
import { importCatalog } from '../catalog/import.ts';
import { publicItem } from '../catalog/queries.ts';
import type { ItemInput } from '../catalog/schema.ts';
import {
  addItemAttachment,
  createItem,
  publishItem,
  removeItemAttachment,
  reviewItem,
  saveItem,
  submitForReview,
} from '../catalog/service.ts';
import type { Context } from '../context.ts';
import { isDomainError } from '../errors.ts';
import { answerFeedback, submitFeedback } from '../feedback/service.ts';
import { textPdf } from '../pdf/testing.ts';
import {
  acknowledgeCatalogHit,
  acknowledgeFeedbackHit,
  acknowledgeReportHit,
  reviewAnnualReport,
  reviewCatalogItem,
  reviewFeedbackAnswer,
} from './service.ts';
import { idNumberFor } from './testing.ts';

const ID = idNumberFor('32080219850612031'); // made up, with a valid check character
const OTHER_ID = idNumberFor('32080219920228041');
const MOBILE = '13951234567';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let agencyId: number;
  let who: Workflow;
  let handler: Actor;

  beforeAll(async () => {
    ctx = testContext(getDb());
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    who = {
      publisher: (await buildUser(ctx, 'publisher', agencyId)).actor,
      reviewer: (await buildUser(ctx, 'reviewer', agencyId)).actor,
    };
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
  });

  async function approved(overrides: Partial<ItemInput> = {}, pdf?: Uint8Array) {
    const { item } = await createItem(who.publisher, ctx, agencyId, buildItemInput(overrides));
    if (pdf) await addItemAttachment(who.publisher, ctx, item.id, { name: '公示名单.pdf', data: pdf });
    await submitForReview(who.publisher, ctx, item.id);
    await reviewItem(who.reviewer, ctx, item.id, { approve: true, secrecyChecked: true });
    return item.id;
  }

  async function refusal(p: Promise<unknown>) {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(isDomainError(e, 'personalData'), String(e)).toBe(true);
    return (e as Error).message;
  }

  /** Everything the database holds as text in the audit log and the acknowledgements. */
  async function stored(): Promise<string> {
    const audit = await sql<Record<string, unknown>>`select * from audit_log`.execute(ctx.db.kysely);
    const acks = await ctx.db.kysely.selectFrom('personal_data_reviews').selectAll().execute();
    return JSON.stringify([audit.rows, acks]);
  }

  describe('a catalogue item', () => {
    it('is held while its PDF holds a 身份证号, and published once the publisher gives a reason', async () => {
      const id = await approved({}, textPdf(['Name list', `No. 1  ${ID}  2025-09-01`]));
      const message = await refusal(publishItem(who.publisher, ctx, id));
      expect(message).toContain('身份证号码 3208**********');
      expect(message).toContain('附件“公示名单.pdf”第2页');
      expect(message).not.toContain(ID);
      expect((await publicItem(ctx, id))?.item).toBeUndefined();

      const {
        hits: [hit, ...more],
      } = await reviewCatalogItem(who.publisher, ctx, id);
      expect(more).toEqual([]);
      expect(hit).toMatchObject({ kind: 'idNumber', places: ['附件“公示名单.pdf”第2页'], acknowledgement: null });
      const fingerprint = hit?.fingerprint ?? '';
      await expect(acknowledgeCatalogHit(who.publisher, ctx, id, { fingerprint, reason: '  ' })).rejects.toMatchObject({
        code: 'validation',
        field: 'reason',
        message: expect.stringContaining('说明可以公开的理由'),
      });
      await expect(
        acknowledgeCatalogHit(handler, ctx, id, { fingerprint, reason: '当事人同意公开' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        acknowledgeCatalogHit(who.publisher, ctx, id, { fingerprint: 'f'.repeat(64), reason: '当事人同意公开' }),
      ).rejects.toMatchObject({ code: 'invalidState' });
      await acknowledgeCatalogHit(who.publisher, ctx, id, { fingerprint, reason: '当事人书面同意公开' });
      expect((await reviewCatalogItem(who.publisher, ctx, id)).hits[0]?.acknowledgement).toMatchObject({
        reason: '当事人书面同意公开',
        createdBy: who.publisher.name,
      });

      const published = await publishItem(who.publisher, ctx, id);
      expect(published.status).toBe('published');
      const entry = await ctx.db.kysely
        .selectFrom('audit_log')
        .select(['summary', 'actor_name'])
        .where('action', '=', 'privacy.acknowledge')
        .where('outcome', '=', 'success')
        .where('object_type', '=', 'catalogItem')
        .where('object_id', '=', String(id))
        .executeTakeFirstOrThrow();
      expect(entry.actor_name).toBe(who.publisher.name);
      expect(JSON.parse(entry.summary).after).toEqual({
        kind: 'idNumber',
        masked: hit?.masked,
        place: '附件“公示名单.pdf”第2页',
        reason: '当事人书面同意公开',
      });
      const text = await stored();
      expect(text).toContain('当事人书面同意公开');
      expect(text).not.toContain(ID);
    });

    it('is published once the file with the number is removed', async () => {
      const id = await approved({}, textPdf([`ID ${ID}`]));
      await refusal(publishItem(who.publisher, ctx, id));
      const [file] = (await workingFiles(id)) ?? [];
      await removeItemAttachment(who.publisher, ctx, id, file as number);
      expect((await reviewCatalogItem(who.publisher, ctx, id)).hits).toEqual([]);
      await expect(publishItem(who.publisher, ctx, id)).resolves.toMatchObject({ status: 'published' });
    });

    it('holds a number in the body; a changed body with another number needs a new reason', async () => {
      const id = await approved({ body: `经审核，申请人（身份证号码${ID}）符合条件。` });
      const message = await refusal(publishItem(who.publisher, ctx, id));
      expect(message).toContain('（正文）');
      const [hit] = (await reviewCatalogItem(who.publisher, ctx, id)).hits;
      await acknowledgeCatalogHit(who.publisher, ctx, id, {
        fingerprint: hit?.fingerprint ?? '',
        reason: '依法公示，当事人已同意',
      });
      // The text changes before publication: the new number is a new hit, the old acknowledgement no longer counts.
      await saveItem(
        who.publisher,
        ctx,
        id,
        buildItemInput({ body: `经审核，申请人（身份证号码${OTHER_ID}）符合条件。` }),
      );
      await submitForReview(who.publisher, ctx, id);
      await reviewItem(who.reviewer, ctx, id, { approve: true, secrecyChecked: true });
      const again = await refusal(publishItem(who.publisher, ctx, id));
      expect(again).toContain(OTHER_ID.slice(0, 4));
      expect(again).not.toContain(OTHER_ID);
      // Removing it is the other way out.
      await saveItem(who.publisher, ctx, id, buildItemInput({ body: '经审核，申请人符合条件。' }));
      await submitForReview(who.publisher, ctx, id);
      await reviewItem(who.reviewer, ctx, id, { approve: true, secrecyChecked: true });
      await expect(publishItem(who.publisher, ctx, id)).resolves.toMatchObject({ status: 'published' });
      expect(await stored()).not.toContain(OTHER_ID);
    });

    it('publishes an item without personal data exactly as before', async () => {
      const id = await approved({ body: '办公电话：0517-83600000。' });
      expect(await reviewCatalogItem(who.publisher, ctx, id)).toEqual({ hits: [] });
      await expect(publishItem(who.publisher, ctx, id)).resolves.toMatchObject({ status: 'published' });
    });

    it('holds an item whose file cannot be read until the publisher has looked at it', async () => {
      const id = await approved({ body: '办公电话：0517-83600000。' }, PDF);
      const { hits } = await reviewCatalogItem(who.publisher, ctx, id);
      expect(hits.map((h) => [h.kind, h.masked])).toEqual([
        ['unreadable', '附件“公示名单.pdf”无法自动读取文字（PDF 已损坏或无法解析），请人工核对'],
      ]);
      expect(await refusal(publishItem(who.publisher, ctx, id))).toContain('无法自动读取文字');
      await acknowledgeCatalogHit(who.publisher, ctx, id, {
        fingerprint: hits[0]?.fingerprint ?? '',
        reason: '已逐页人工核对，无个人信息',
      });
      await expect(publishItem(who.publisher, ctx, id)).resolves.toMatchObject({ status: 'published' });
    });
  });

  describe('an annual report', () => {
    it('is held while its texts hold a mobile number, and published once the publisher gives a reason', async () => {
      const year = 2024;
      const tree = await buildHierarchy(ctx);
      const dept = tree.department.id;
      const clerk = (await buildUser(ctx, 'handler', dept)).actor;
      const office = (await buildUser(ctx, 'reviewer', tree.government.id)).actor;
      const publisher = (await buildUser(ctx, 'publisher', dept)).actor;
      await saveTexts(clerk, ctx, dept, year, {
        overview: `${year}年，本局认真贯彻《条例》。`,
        problems: '问题与改进。',
        other: `联系人手机：${MOBILE}。`,
      });
      const view = await getReport(clerk, ctx, dept, year);
      const warnings = view.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule);
      await submitReport(clerk, ctx, dept, year, warnings);
      await approveReport(office, ctx, dept, year);
      const message = await refusal(publishReport(publisher, ctx, dept, year));
      expect(message).toContain('手机号码 1395***4567（六、其他需要报告的事项）');
      const review = await reviewAnnualReport(publisher, ctx, dept, year);
      const fingerprint = review?.hits[0]?.fingerprint ?? '';
      await expect(
        acknowledgeReportHit(clerk, ctx, dept, year, { fingerprint, reason: '系本机关公开的咨询电话' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await acknowledgeReportHit(publisher, ctx, dept, year, { fingerprint, reason: '系本机关公开的咨询电话' });
      await expect(publishReport(publisher, ctx, dept, year)).resolves.toMatchObject({ status: 'published' });
      expect(await stored()).not.toContain(MOBILE);
    });
  });

  describe('the catalogue import', () => {
    it('refuses a row holding personal data: nobody could say why it may stand', async () => {
      const csv = `标题,成文日期,发布日期,正文\n公示,2024-01-01,2024-01-02,申请人身份证号码${ID}\n`;
      const report = await importCatalog(who.publisher, ctx, agencyId, {
        name: '目录.csv',
        data: new TextEncoder().encode(csv),
      });
      expect(report.imported).toBe(0);
      expect(report.rejected).toEqual([
        { line: 2, column: '正文', reason: expect.stringContaining('含有个人信息（身份证号码 3208**********') },
      ]);
      expect(JSON.stringify(report)).not.toContain(ID);
    });
  });

  async function workingFiles(itemId: number) {
    const rows = await ctx.db.kysely
      .selectFrom('catalog_attachments')
      .select('id')
      .where('item_id', '=', itemId)
      .where('removed_in', 'is', null)
      .execute();
    return rows.map((r) => Number(r.id));
  }

  describe('a public feedback answer', () => {
    it('is held while it shows a mobile number, and sent once the one answering gives a reason', async () => {
      const sent = await submitFeedback(ctx, {
        kind: 'inquiry',
        subject: '低保申请咨询',
        content: '请问低保申请需要哪些材料？',
        agencyId,
        publishConsent: true,
      });
      const row = await ctx.db.kysely
        .selectFrom('feedback_messages')
        .select('id')
        .where('message_no', '=', sent.messageNo)
        .executeTakeFirstOrThrow();
      const id = Number(row.id);
      const answer = {
        mode: 'public' as const,
        answer: `请携带户口簿到街道办事处办理，经办人手机 ${MOBILE}。`,
      };
      const message = await refusal(answerFeedback(handler, ctx, id, answer));
      expect(message).toContain('手机号码 1395***4567（答复内容）');
      expect(message).not.toContain(MOBILE);
      const [hit] = await reviewFeedbackAnswer(handler, ctx, id, answer);
      await expect(
        acknowledgeFeedbackHit(handler, ctx, id, answer, { fingerprint: hit?.fingerprint ?? '', reason: '' }),
      ).rejects.toMatchObject({ field: 'reason' });
      await acknowledgeFeedbackHit(handler, ctx, id, answer, {
        fingerprint: hit?.fingerprint ?? '',
        reason: '系本机关公开的工作电话',
      });
      await expect(answerFeedback(handler, ctx, id, answer)).resolves.toMatchObject({ status: 'answered' });
      expect(await stored()).not.toContain(MOBILE);
    });

    it('does not hold a private answer: it is not published', async () => {
      const sent = await submitFeedback(ctx, {
        kind: 'inquiry',
        subject: '咨询',
        content: '请回电。',
        agencyId,
        publishConsent: false,
      });
      const row = await ctx.db.kysely
        .selectFrom('feedback_messages')
        .select('id')
        .where('message_no', '=', sent.messageNo)
        .executeTakeFirstOrThrow();
      await expect(
        answerFeedback(handler, ctx, Number(row.id), { mode: 'private', answer: `请致电 ${MOBILE}。` }),
      ).resolves.toMatchObject({ status: 'answered' });
    });
  });
});
