import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnlineInput, buildStaffInput } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, testClock, testContext } from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { registerByStaff, submitOnline } from '../applications/service.ts';
import type { Context } from '../context.ts';
import { detectMediaType, Refused } from './detect.ts';
import { checkFiles, DEFAULT_ATTACHMENT_LIMITS } from './model.ts';
import {
  addDecisionAttachment,
  applicantAttachmentFile,
  attachmentFile,
  attachmentsForApplicant,
  listAttachments,
} from './service.ts';
import { DOCX, EXE, HTML, JPEG, OFD, PDF, PLAIN_ZIP, PNG, SVG, TEXT, zipBomb } from './testing.ts';

describe('detectMediaType', () => {
  it('knows the accepted kinds by their bytes', () => {
    expect(detectMediaType(PDF)).toBe('application/pdf');
    expect(detectMediaType(PNG)).toBe('image/png');
    expect(detectMediaType(JPEG)).toBe('image/jpeg');
    expect(detectMediaType(DOCX)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(detectMediaType(OFD)).toBe('application/ofd');
    expect(detectMediaType(TEXT)).toBe('text/plain; charset=utf-8');
    expect(detectMediaType(new Uint8Array([0xc9, 0xea, 0xc7, 0xeb, 0x0a]))).toBe('text/plain; charset=gb18030');
  });

  it('refuses executables, markup, plain zips and zip bombs with the reason', () => {
    expect(() => detectMediaType(EXE)).toThrow(/可执行程序/);
    expect(() => detectMediaType(SVG)).toThrow(/SVG/);
    expect(() => detectMediaType(HTML)).toThrow(/网页/);
    expect(() => detectMediaType(PLAIN_ZIP)).toThrow(/不是 Word/);
    expect(() => detectMediaType(zipBomb())).toThrow(/压缩炸弹/);
    expect(() => detectMediaType(new Uint8Array([0, 1, 2, 3, 0xff, 0xfe]))).toThrow(Refused);
  });

  it('names the file and the reason, and enforces the limits', () => {
    const limits = { ...DEFAULT_ATTACHMENT_LIMITS, maxFileBytes: 100, maxFiles: 2, maxTotalBytes: 150 };
    expect(() => checkFiles([{ name: 'C:\\tmp\\setup.pdf', data: EXE }], limits)).toThrow(
      /附件：文件“setup\.pdf”是可执行程序/,
    );
    expect(() => checkFiles([{ name: 'big.pdf', data: new Uint8Array(101) }], limits)).toThrow(
      /“big\.pdf”.*超过单个文件/,
    );
    const three = [1, 2, 3].map((n) => ({ name: `${n}.txt`, data: TEXT }));
    expect(() => checkFiles(three, limits)).toThrow(/最多上传 2 个文件/);
    expect(checkFiles([{ name: 'a.txt', data: TEXT }], limits)[0]).toMatchObject({
      fileName: 'a.txt',
      size: TEXT.length,
    });
  });
});

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let agencyId: number;
  let handler: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    ctx = testContext(getDb(), testClock('2025-09-29T02:00:00.000Z'));
    const tree = await buildHierarchy(ctx);
    agencyId = tree.department.id;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
    outsider = (await buildUser(ctx, 'handler', tree.other.id)).actor;
  });

  const k = () => getDb().kysely;
  const count = async (table: 'applications' | 'attachments') =>
    Number(
      (
        await k()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores the online files with the application, types detected from the bytes, audited', async () => {
    const files = [
      { name: '身份证明.pdf', data: PDF },
      { name: 'photo.jpg', data: PNG },
    ];
    const { trackingNo, queryCode } = await submitOnline(ctx, buildOnlineInput(agencyId), null, files);
    const app = await k()
      .selectFrom('applications')
      .selectAll()
      .where('tracking_no', '=', trackingNo)
      .executeTakeFirstOrThrow();
    const list = await listAttachments(handler, ctx, app.id);
    expect(list.map((a) => [a.fileName, a.mediaType, a.audience, a.ownerKind])).toEqual([
      ['身份证明.pdf', 'application/pdf', 'staff', 'application'],
      ['photo.jpg', 'image/png', 'staff', 'application'],
    ]);
    const file = await attachmentFile(handler, ctx, list[0]?.id as number);
    expect(Buffer.from(file.data).equals(Buffer.from(PDF))).toBe(true);
    const audit = await k()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'application.submit')
      .where('object_id', '=', String(app.id))
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain('身份证明.pdf');
    expect(audit.summary).toContain(list[0]?.sha256);
    // Originals are staff-only: the applicant sees none of them.
    expect(await attachmentsForApplicant(ctx, trackingNo, queryCode)).toEqual([]);
  });

  it('stores nothing, not even the application, when one file is refused', async () => {
    const before = [await count('applications'), await count('attachments')];
    for (const bad of [
      { name: 'setup.pdf', data: EXE },
      { name: 'logo.svg', data: SVG },
      { name: 'page.html', data: HTML },
      { name: 'report.docx', data: zipBomb() },
    ]) {
      const files = [{ name: 'ok.pdf', data: PDF }, bad];
      await expect(submitOnline(ctx, buildOnlineInput(agencyId), null, files)).rejects.toThrow(bad.name);
    }
    const small = { ...ctx, attachmentLimits: { ...DEFAULT_ATTACHMENT_LIMITS, maxFileBytes: 10 } };
    await expect(submitOnline(small, buildOnlineInput(agencyId), null, [{ name: 'a.pdf', data: PDF }])).rejects.toThrow(
      /超过单个文件/,
    );
    expect([await count('applications'), await count('attachments')]).toEqual(before);
  });

  it('staff registration stores the files in its transaction', async () => {
    const files = [{ name: '来信扫描件.pdf', data: PDF }];
    const { application } = await registerByStaff(handler, ctx, buildStaffInput(agencyId), files);
    expect((await listAttachments(handler, ctx, application.id)).map((a) => a.fileName)).toEqual(['来信扫描件.pdf']);
  });

  it('decision files: the applicant gets only audience applicant; another agency is refused', async () => {
    const { trackingNo, queryCode } = await submitOnline(ctx, buildOnlineInput(agencyId), null, [
      { name: 'id.png', data: PNG },
    ]);
    const app = await k()
      .selectFrom('applications')
      .selectAll()
      .where('tracking_no', '=', trackingNo)
      .executeTakeFirstOrThrow();
    const original = await addDecisionAttachment(handler, ctx, app.id, { name: '原件.docx', data: DOCX }, 'staff');
    const copy = await addDecisionAttachment(handler, ctx, app.id, { name: '公开件.pdf', data: PDF }, 'applicant');
    expect(original.mediaType).toMatch(/wordprocessingml/);
    const given = await attachmentsForApplicant(ctx, trackingNo, queryCode);
    expect(given.map((a) => a.id)).toEqual([copy.id]);
    expect((await applicantAttachmentFile(ctx, trackingNo, queryCode, copy.id)).data.length).toBe(PDF.length);
    await expect(applicantAttachmentFile(ctx, trackingNo, queryCode, original.id)).rejects.toMatchObject({
      code: 'notFound',
    });
    await expect(attachmentsForApplicant(ctx, trackingNo, 'WRONGCODE2345678')).rejects.toMatchObject({
      code: 'notFound',
    });
    await expect(attachmentFile(outsider, ctx, copy.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listAttachments(outsider, ctx, app.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      addDecisionAttachment(handler, ctx, app.id, { name: 'x.pdf', data: EXE }, 'applicant'),
    ).rejects.toThrow(/x\.pdf/);
    const audits = await k()
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('action', '=', 'attachment.add')
      .where('object_id', '=', String(app.id))
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.outcome)).toEqual(['success', 'success', 'failure']);
  });
});
