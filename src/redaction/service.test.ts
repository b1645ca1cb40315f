// The redaction service on every engine: the policy first, a plan kept over several sittings, and applying as
// one transaction — the copy for the applicant linked to its original, which is made staff-only; nothing stored
// when the engine fails or the plan changes while it works; the 答复书 offered with the withheld list.
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, CLI, testClock, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { setReplyReview } from '../applications/review.ts';
import { decide } from '../applications/service.ts';
import { addDecisionAttachment } from '../attachments/service.ts';
import { DOCX } from '../attachments/testing.ts';
import type { Context } from '../context.ts';
import { caseLetters } from '../letters/case-letters.ts';
import { issueLetter } from '../letters/service.ts';
import { textPdf } from '../pdf/testing.ts';
import { idNumberFor } from '../privacy/testing.ts';
import { RedactionError } from './engine.ts';
import { ENGINE } from './files.ts';
import { redactedName } from './model.ts';
import { addBoxes, redactPatterns, removeBox, updateBoxes } from './plan.ts';
import { applyPlan, redactionWorkspace } from './service.ts';

const ID = idNumberFor('11010519800101123');
const box = { page: 1, x: 72, y: 72, width: 200, height: 20, reason: 'personalPrivacy' };

describe('redaction service', () => {
  forEachEngine((_engine, getDb) => {
    let ctx: Context;
    let handler: Actor;
    let stranger: Actor;
    let agencyId: number;

    beforeAll(async () => {
      ctx = testContext(getDb(), testClock('2025-09-29T02:00:00.000Z'));
      const tree = await buildHierarchy(ctx);
      agencyId = tree.department.id;
      handler = (await buildUser(ctx, 'handler', agencyId)).actor;
      stranger = (await buildUser(ctx, 'handler', tree.other.id)).actor;
      await setReplyReview(CLI, ctx, agencyId, false);
    });

    async function newFile(audience = 'staff') {
      const { application } = await buildApplication(ctx, handler, agencyId);
      const data = textPdf([`Party ID ${ID}`, 'Second page']);
      const file = await addDecisionAttachment(handler, ctx, application.id, { name: '名单.pdf', data }, audience);
      return { application, file };
    }
    const count = async (table: 'attachments' | 'redactions') =>
      Number(
        (
          await getDb()
            .kysely.selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('refuses staff of another agency before anything else', async () => {
      const { file } = await newFile();
      await expect(redactionWorkspace(stranger, ctx, file.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(addBoxes(stranger, ctx, file.id, [box])).rejects.toMatchObject({ code: 'forbidden' });
      await expect(applyPlan(stranger, ctx, file.id)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('keeps the plan over several sittings: add, change a reason, remove', async () => {
      const { file } = await newFile();
      await addBoxes(handler, ctx, file.id, [box, { ...box, page: 2 }]);
      await redactPatterns(handler, ctx, file.id, ['idNumber'], 'personalPrivacy');
      let w = await redactionWorkspace(handler, ctx, file.id);
      expect(w.boxes.map((b) => [b.page, b.source])).toEqual([
        [1, 'manual'],
        [2, 'manual'],
        [1, 'pattern'],
      ]);
      const keep = { reason: 'personalPrivacy', note: '', remove: false };
      await updateBoxes(handler, ctx, file.id, [
        keep,
        { reason: 'deliberative', note: '审批意见', remove: false },
        keep,
      ]);
      await removeBox(handler, ctx, file.id, 1);
      w = await redactionWorkspace(handler, ctx, file.id);
      expect(w.boxes.map((b) => [b.page, b.reason, b.note ?? ''])).toEqual([
        [2, 'deliberative', '审批意见'],
        [1, 'personalPrivacy', ''],
      ]);
      await expect(updateBoxes(handler, ctx, file.id, [keep])).rejects.toThrow(/已被他人修改/);
    });

    it('applies in one transaction: a copy for the applicant, the original made staff-only', async () => {
      const { application, file } = await newFile('applicant');
      await addBoxes(handler, ctx, file.id, [box]);
      const { file: copy } = await applyPlan(handler, ctx, file.id);
      expect(copy).toMatchObject({ fileName: '名单（区分处理）.pdf', audience: 'applicant', ownerKind: 'decision' });
      const w = await redactionWorkspace(handler, ctx, file.id);
      expect(w.attachment.audience).toBe('staff');
      expect(w.copies.map((c) => c.file.id)).toEqual([copy.id]);
      expect(w.copies[0]?.file.applicationId).toBe(application.id);
    });

    it('applying again withdraws the earlier copy from the applicant: a corrected redaction replaces it', async () => {
      const { file } = await newFile();
      await addBoxes(handler, ctx, file.id, [box]);
      const { file: first } = await applyPlan(handler, ctx, file.id);
      await addBoxes(handler, ctx, file.id, [{ ...box, page: 2 }]);
      const { file: second } = await applyPlan(handler, ctx, file.id);
      const audiences = await getDb()
        .kysely.selectFrom('attachments')
        .select(['id', 'audience'])
        .where('id', 'in', [file.id, first.id, second.id])
        .orderBy('id')
        .execute();
      expect(audiences.map((a) => [Number(a.id), a.audience])).toEqual([
        [file.id, 'staff'],
        [first.id, 'staff'],
        [second.id, 'applicant'],
      ]);
    });

    it('stores nothing when the engine fails or the plan changes while it works', async () => {
      const { file } = await newFile();
      await addBoxes(handler, ctx, file.id, [box]);
      const before = [await count('attachments'), await count('redactions')];
      const failing = {
        ...ENGINE,
        applyRedactions: () => Promise.reject(new RedactionError('第1页无法读取')),
      };
      await expect(applyPlan(handler, ctx, file.id, failing)).rejects.toThrow('第1页无法读取');
      const racing = {
        ...ENGINE,
        applyRedactions: async (...args: Parameters<typeof ENGINE.applyRedactions>) => {
          await addBoxes(handler, ctx, file.id, [{ ...box, page: 2 }]);
          return ENGINE.applyRedactions(...args);
        },
      };
      await expect(applyPlan(handler, ctx, file.id, racing)).rejects.toThrow(/处理期间已被修改/);
      expect([await count('attachments'), await count('redactions')]).toEqual(before);
    });

    it('converts an image to PDF first; a file that cannot be converted says why and takes no box', async () => {
      const { application } = await buildApplication(ctx, handler, agencyId);
      const photo = new Uint8Array(await createCanvas(300, 200).encode('png'));
      const png = await addDecisionAttachment(handler, ctx, application.id, { name: '照片.png', data: photo }, 'staff');
      const w = await redactionWorkspace(handler, ctx, png.id);
      expect(w.conversionError).toBeNull();
      expect(w.pages).toHaveLength(1);
      const docx = await addDecisionAttachment(
        handler,
        ctx,
        application.id,
        { name: '说明.docx', data: DOCX },
        'staff',
      );
      const noOffice = {
        ...ENGINE,
        toPdf: () => Promise.reject(new RedactionError('本机无法转换Word文档，请上传PDF文件')),
      };
      const refused = await redactionWorkspace(handler, ctx, docx.id, noOffice);
      expect(refused).toMatchObject({ pages: null, conversionError: '本机无法转换Word文档，请上传PDF文件' });
      await expect(addBoxes(handler, ctx, docx.id, [box], noOffice)).rejects.toThrow('请上传PDF文件');
    });

    it('offers the 答复书 of a partly granted case with the withheld list filled in', async () => {
      const { application, file } = await newFile();
      await addBoxes(handler, ctx, file.id, [box, { ...box, page: 2, reason: 'internalAffairs' }]);
      await applyPlan(handler, ctx, file.id);
      await decide(handler, ctx, application.id, 'partlyGranted', '2025-09-29');
      const reply = (await caseLetters(handler, ctx, application.id)).offers.find((o) => o.kind === 'reply');
      expect(reply?.defaults.reason).toBe(
        '第1页中涉及个人隐私的内容（第三方合法权益（个人隐私）），依据《条例》第十五条不予公开；' +
          '第2页中属于内部事务信息的内容（内部事务信息），依据《条例》第十六条第一款不予公开。',
      );
      // The 答复书 issued with it says what was withheld, why and on what basis.
      const issued = await issueLetter(handler, ctx, application.id, 'reply', { reason: reply?.defaults.reason ?? '' });
      const row = await getDb()
        .kysely.selectFrom('letters')
        .select('body_json')
        .where('number', '=', issued.letter.number)
        .executeTakeFirstOrThrow();
      const text = (JSON.parse(row.body_json) as { paragraphs: string[] }).paragraphs.join('');
      expect(text).toContain('根据《条例》第三十七条的规定');
      expect(text).toContain(`对不予公开的内容，说明理由如下：${reply?.defaults.reason}`);
    });
  });

  it('names the copy after its original', () => {
    expect(redactedName('材料.docx')).toBe('材料（区分处理）.pdf');
    expect(redactedName('扫描件')).toBe('扫描件（区分处理）.pdf');
  });
});
