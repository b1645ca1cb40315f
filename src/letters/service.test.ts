import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import {
  buildAgencyInput,
  buildHierarchy,
  buildUser,
  CLI,
  type TestClock,
  testClock,
  testContext,
} from '../../test/platform.ts';
import type { Actor } from '../agencies/model.ts';
import { createAgency } from '../agencies/service.ts';
import { setReplyReview } from '../applications/review.ts';
import { decide } from '../applications/service.ts';
import type { Context } from '../context.ts';
import { isDomainError } from '../errors.ts';
import { closeBrowser, findChromium } from '../report/write/pdf.ts';
import { unzipText } from '../report/write/unzip.ts';
import { issueLetter, letterFile, listLetters } from './service.ts';

const chromium = findChromium();
afterAll(() => closeBrowser());

forEachEngine((engine, getDb, getTest) => {
  let ctx: Context;
  let clock: TestClock;
  let agencyId: number;
  let otherAgencyId: number;
  let handler: Actor;
  let reviewer: Actor;
  let stranger: Actor;
  let inspector: Actor;
  const at = (date: string) => clock.set(`${date}T02:00:00.000Z`);
  const k = () => getDb().kysely;

  beforeAll(async () => {
    clock = testClock('2025-09-29T02:00:00.000Z');
    ctx = testContext(getDb(), clock);
    const tree = await buildHierarchy(ctx);
    // A market regulator of the government, with the prefix of the brief and no 复议机关 of its own.
    const agency = await createAgency(
      CLI,
      ctx,
      buildAgencyInput({
        name: `${tree.government.name}市场监督管理局`,
        kind: 'department',
        parentId: tree.government.id,
        letterPrefix: '示市监',
        reviewBody: null,
        court: '示例市示城区人民法院',
      }),
    );
    agencyId = agency.id;
    otherAgencyId = tree.other.id;
    handler = (await buildUser(ctx, 'handler', agencyId)).actor;
    reviewer = (await buildUser(ctx, 'reviewer', agencyId)).actor;
    stranger = (await buildUser(ctx, 'handler', otherAgencyId)).actor;
    inspector = (await buildUser(ctx, 'inspector', tree.government.id)).actor;
    await setReplyReview(CLI, ctx, agencyId, false); // direct decisions: review is tested in applications/
  });

  const newCase = async () => {
    at('2025-09-29');
    return (await buildApplication(ctx, handler, agencyId)).application;
  };

  it('numbers receipts and replies in their own series, per agency and year, without gaps', async () => {
    const a = await newCase();
    const b = await newCase();
    const r1 = await issueLetter(handler, ctx, a.id, 'receipt');
    const r2 = await issueLetter(reviewer, ctx, b.id, 'receipt');
    expect([r1.letter.number, r2.letter.number]).toEqual(['示市监公受〔2025〕1号', '示市监公受〔2025〕2号']);
    at('2025-10-20');
    await decide(handler, ctx, a.id, 'granted', '2025-10-20');
    const reply = await issueLetter(handler, ctx, a.id, 'reply');
    expect(reply.letter).toMatchObject({
      number: '示市监公复〔2025〕1号',
      issuedOn: '2025-10-20',
      kindLabel: '答复书',
    });
    at('2026-01-05');
    const next = await issueLetter(handler, ctx, b.id, 'extension', { days: 10 });
    expect(next.letter.number).toBe('示市监公延〔2026〕1号');
    expect((await listLetters(handler, ctx, a.id)).map((l) => l.number)).toEqual([
      '示市监公受〔2025〕1号',
      '示市监公复〔2025〕1号',
    ]);
  });

  // PostgreSQL: a second pool, as another server process would have. SQLite: one process has one connection (two
  // better-sqlite3 connections in one process block each other's event loop); its transactions queue on it.
  it('never gives two concurrent issues the same number, even from another connection', async () => {
    const app = await newCase();
    const second = engine === 'postgres' ? getTest().reopen() : null;
    try {
      const ctx2 = second ? testContext(second, clock) : ctx;
      const issued = await Promise.all([
        issueLetter(handler, ctx, app.id, 'consultationNotice'),
        issueLetter(handler, ctx2, app.id, 'consultationNotice'),
        issueLetter(reviewer, ctx, app.id, 'consultationNotice'),
        issueLetter(reviewer, ctx2, app.id, 'consultationNotice'),
      ]);
      const seqs = issued.map((i) => Number(/〕(\d+)号$/.exec(i.letter.number)?.[1])).sort((x, y) => x - y);
      expect(seqs).toEqual([1, 2, 3, 4]);
    } finally {
      await second?.close();
    }
  });

  it('a 答复书 for partlyGranted quotes 第三十七条 and names the 复议机关 and the court; the DOCX holds it', async () => {
    const app = await newCase();
    at('2025-10-21');
    await decide(handler, ctx, app.id, 'partlyGranted', '2025-10-21');
    const issued = await issueLetter(handler, ctx, app.id, 'reply', { reason: '名单中的个人信息涉及个人隐私' });
    const row = await k()
      .selectFrom('letters')
      .selectAll()
      .where('number', '=', issued.letter.number)
      .executeTakeFirstOrThrow();
    const body = JSON.parse(row.body_json);
    expect(body.paragraphs.join('')).toContain('《条例》第三十七条');
    // No 复议机关 of its own: the department's 本级人民政府 (its parent).
    expect(body.remedy).toMatch(/六十日内向测试市人民政府\d+申请行政复议/);
    expect(body.remedy).toContain('六个月内向示例市示城区人民法院提起行政诉讼');
    expect(body.dateText).toBe('2025年10月21日');
    expect(row.docx_sha256).toBe(issued.docxSha256);

    const xml = unzipText(issued.docx, 'word/document.xml');
    expect(xml).toContain(issued.letter.number);
    expect(xml).toContain('政府信息公开申请答复书');
    expect(xml).toMatch(/w:eastAsia="仿宋/);
    expect(xml).not.toContain('320102199001011232');
    const file = await letterFile(reviewer, ctx, issued.letter.id, 'docx');
    expect(file.filename).toBe(`${issued.letter.number}答复书.docx`);
    expect(Buffer.from(file.data).equals(Buffer.from(issued.docx))).toBe(true);

    const audit = await k()
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'letter.issue', object_type: 'letter', object_id: String(issued.letter.id) });
    expect(audit.summary).toContain(issued.letter.number);
    expect(audit.summary).not.toContain('张三');
  });

  it('refuses a reply before the outcome is recorded, or one that contradicts it, taking no number', async () => {
    const app = await newCase();
    await expect(issueLetter(handler, ctx, app.id, 'reply')).rejects.toThrow('尚未记录办理结果');
    const decided = await newCase();
    at('2025-10-22');
    await decide(handler, ctx, decided.id, 'unableNotHeld', '2025-10-22');
    await expect(issueLetter(handler, ctx, decided.id, 'reply', { outcome: 'granted' })).rejects.toThrow(
      '办理结果：与已记录的办理结果不一致',
    );
    expect(await listLetters(handler, ctx, decided.id)).toEqual([]);
    await expect(issueLetter(handler, ctx, app.id, 'feeNotice', { feeBasis: 'items', quantity: 10 })).rejects.toThrow(
      '未超过免费额度',
    );
    const fee = await issueLetter(handler, ctx, app.id, 'feeNotice', { feeBasis: 'items', quantity: 45 });
    expect(fee.letter.number).toBe('示市监公费〔2025〕1号');
    expect(unzipText(fee.docx, 'word/document.xml')).toContain('合计：5500元');
  });

  it('refuses another agency’s staff, and inspectors may list but not open letters', async () => {
    const app = await newCase();
    const issued = await issueLetter(handler, ctx, app.id, 'receipt');
    const refused = await issueLetter(stranger, ctx, app.id, 'receipt').catch((e) => e);
    expect(isDomainError(refused, 'forbidden') && refused.message).toBe('无权办理该机构的依申请公开件');
    await expect(letterFile(stranger, ctx, issued.letter.id, 'docx')).rejects.toThrow('无权');
    await expect(listLetters(stranger, ctx, app.id)).rejects.toThrow('无权');
    expect(await listLetters(inspector, ctx, app.id)).toHaveLength(1);
    await expect(letterFile(inspector, ctx, issued.letter.id, 'docx')).rejects.toThrow('无权');
    const counters = await k()
      .selectFrom('letter_counters')
      .selectAll()
      .where('agency_id', '=', otherAgencyId)
      .execute();
    expect(counters).toEqual([]);
    // The other agency's own letters start their own count.
    const own = (await buildApplication(ctx, stranger, otherAgencyId)).application;
    expect((await issueLetter(stranger, ctx, own.id, 'receipt')).letter.number).toBe('测政信公开公受〔2025〕1号');
  });

  describe.skipIf(!chromium)('PDF (Chromium)', () => {
    it('prints the letter as a PDF', async () => {
      const app = await newCase();
      const issued = await issueLetter(handler, ctx, app.id, 'receipt');
      const file = await letterFile(handler, ctx, issued.letter.id, 'pdf');
      expect(file.contentType).toBe('application/pdf');
      expect(new TextDecoder().decode(file.data.slice(0, 5))).toBe('%PDF-');
    }, 30_000);
  });
});
