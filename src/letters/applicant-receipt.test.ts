// The applicant's receipt document, on every engine: a 受理回执 once the receipt date is known (with that date and
// the deadline), checked with the 查询号 and 查询码 exactly as the status page checks them.
import { beforeAll, expect, it } from 'vitest';
import { buildApplication } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { buildHierarchy, buildUser, testContext } from '../../test/platform.ts';
import type { Context } from '../context.ts';
import { isDomainError } from '../errors.ts';
import { unzipText } from '../report/write/unzip.ts';
import { applicantKindText, receiptFileForApplicant } from './applicant-receipt.ts';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let agencyName: string;
  let registered: Awaited<ReturnType<typeof buildApplication>>;
  beforeAll(async () => {
    ctx = testContext(getDb());
    const tree = await buildHierarchy(ctx);
    agencyName = tree.government.name;
    const handler = (await buildUser(ctx, 'handler', tree.government.id)).actor;
    registered = await buildApplication(ctx, handler, tree.government.id, { receivedOn: '2025-09-29' });
  });

  it('writes a 受理回执 with the date of receipt and the deadline once staff registered the application', async () => {
    const { trackingNo, queryCode, application } = registered;
    const spaced = (queryCode.match(/.{1,4}/g) ?? []).join(' ').toLowerCase(); // as typed back from paper
    const file = await receiptFileForApplicant(ctx, trackingNo, spaced, 'docx');
    expect(file.filename).toBe(`政府信息公开申请受理回执（${trackingNo}）.docx`);
    const xml = unzipText(file.data, 'word/document.xml');
    expect(xml).toContain('政府信息公开申请受理回执');
    expect(xml).toContain(`受理机关：${agencyName}`);
    expect(xml).toContain('收到申请之日：2025年9月29日');
    expect(xml).toContain('目前的答复期限为2025年11月3日'); // 20 working days across the National Day break
    expect(xml).toContain(`申请人类型：${applicantKindText(application.applicantKind)}`);
    expect(xml).not.toContain(application.idNumber as string);
  });

  it('refuses a wrong code with the generic lookup failure', async () => {
    const error = await receiptFileForApplicant(ctx, registered.trackingNo, 'AAAABBBBCCCCDDDD', 'docx').catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error, 'notFound')).toBe(true);
    expect((error as Error).message).toContain('查询号或查询码不正确');
  });
});
