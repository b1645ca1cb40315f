// 依申请公开 on the portal: the letters issued to the applicant on the status page and their download, authorised
// by the 查询号 and 查询码 in the POST body; the letter to a third party is never shown.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnlineInput } from '../../../test/applications.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { CLI } from '../../../test/platform.ts';
import { userActor } from '../../agencies/model.ts';
import { findUserByUsername, publicUser } from '../../agencies/repository.ts';
import { setReplyReview } from '../../applications/review.ts';
import { confirmReceipt, decide, recordEvent } from '../../applications/service.ts';
import { recordDelivery } from '../../letters/deliveries.ts';
import { issueLetter } from '../../letters/service.ts';
import { unzipText } from '../../report/write/unzip.ts';
import { Client, type TestApp, testApp } from '../testing.ts';
import { applyOnline, codesOf, demoAgencyId, formOf, hidden } from './apply-testing.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('依申请公开: letters on the status page (portal)', () => {
  forEachEngine((_engine, getDb) => {
    let agencyId: number;
    beforeAll(async () => {
      agencyId = await demoAgencyId(getDb());
    });

    /** A case with a 补正告知书, a 征求第三方意见书 and a 答复书 (partial disclosure). */
    async function caseWithLetters(t: TestApp) {
      const res = await applyOnline(t, new Client(t.app), formOf(buildOnlineInput(agencyId)));
      const codes = codesOf(await res.text());
      const user = await findUserByUsername(getDb().kysely, 'scjg.handler');
      const handler = userActor(publicUser(user as NonNullable<typeof user>));
      const row = await getDb()
        .kysely.selectFrom('applications')
        .select('id')
        .where('tracking_no', '=', codes.trackingNo)
        .executeTakeFirstOrThrow();
      const id = Number(row.id);
      const day = '2026-03-02';
      await confirmReceipt(handler, t.ctx, id, day);
      await recordEvent(handler, t.ctx, id, { type: 'correctionRequested', date: day });
      const correction = await issueLetter(handler, t.ctx, id, 'correction', {
        problems: '所需信息的名称不明确',
        replyBy: '2026-03-16',
      });
      await recordEvent(handler, t.ctx, id, { type: 'correctionReceived', date: day });
      await recordEvent(handler, t.ctx, id, {
        type: 'consultationStarted',
        date: day,
        party: 'thirdParty',
        name: '某公司',
      });
      const third = await issueLetter(handler, t.ctx, id, 'thirdPartyConsultation', { thirdPartyName: '某公司' });
      await recordEvent(handler, t.ctx, id, { type: 'consultationEnded', date: day });
      await setReplyReview(CLI, t.ctx, agencyId, false);
      try {
        await decide(handler, t.ctx, id, 'partlyGranted', day);
      } finally {
        await setReplyReview(CLI, t.ctx, agencyId, true);
      }
      const reply = await issueLetter(handler, t.ctx, id, 'reply', { reason: '部分信息涉及个人隐私' });
      await recordDelivery(handler, t.ctx, reply.letter.id, { method: 'post', date: day, proof: 'EMS1234567890' });
      return { ...codes, correction: correction.letter, third: third.letter, reply: reply.letter };
    }

    it('lists the applicant’s letters, not the third party’s, each downloadable as DOCX', async () => {
      const t = testApp(getDb());
      const c = await caseWithLetters(t);
      const client = new Client(t.app);
      const res = await client.post('/apply/status', {
        _csrf: await client.csrf('/apply/status'),
        trackingNo: c.trackingNo,
        queryCode: c.queryCode,
      });
      const page = await res.text();
      expect(res.status).toBe(200);
      expect(page).toContain('<h2>已发出的文书</h2>');
      expect(page).toContain(`<td>${c.correction.number}</td>`);
      expect(page).toContain(`<td>${c.reply.number}</td>`);
      expect(page).toContain('<td>补正告知书</td>');
      expect(page).toContain('<td>答复书</td>');
      expect(page).toContain('<td>2026-03-02 邮寄</td>'); // the delivery, without its proof
      expect(page).not.toContain('EMS1234567890');
      expect(page).not.toContain(c.third.number);
      expect(page).not.toContain('征求第三方意见书');
      // The codes travel in the body of a POST form, never in a URL.
      expect(page).toContain(`action="/apply/letters/${c.reply.id}/docx"`);
      expect(page).not.toMatch(new RegExp(`href="[^"]*${c.queryCode}`));

      const download = await client.post(`/apply/letters/${c.reply.id}/docx`, {
        _csrf: hidden(page, '_csrf'),
        trackingNo: c.trackingNo,
        queryCode: c.queryCode,
      });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe(DOCX);
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename="letter-${c.reply.id}.docx"; filename*=UTF-8''${encodeURIComponent(`${c.reply.number}答复书`)}.docx`,
      );
      const docx = new Uint8Array(await download.arrayBuffer());
      expect(unzipText(docx, 'word/document.xml')).toContain(c.reply.number);
    });

    it('gives the generic answer for a wrong code or another person’s letter, and audits the attempt', async () => {
      const t = testApp(getDb());
      const c = await caseWithLetters(t);
      const client = new Client(t.app);
      const wrong = `${c.queryCode.slice(0, -1)}${c.queryCode.endsWith('A') ? 'B' : 'A'}`;
      const res = await client.post('/apply/status', {
        _csrf: await client.csrf('/apply/status'),
        trackingNo: c.trackingNo,
        queryCode: wrong,
      });
      const page = await res.text();
      expect(res.status).toBe(400);
      expect(page).toContain('查询号或查询码不正确');
      expect(page).not.toContain(c.reply.number);

      const csrf = await client.csrf('/apply/status');
      for (const [id, queryCode] of [
        [c.reply.id, wrong],
        [c.third.id, c.queryCode],
      ] as const) {
        const denied = await client.post(`/apply/letters/${id}/docx`, {
          _csrf: csrf,
          trackingNo: c.trackingNo,
          queryCode,
        });
        expect(denied.status).toBe(404);
        expect(denied.headers.get('content-type')).not.toBe(DOCX);
        expect(await denied.text()).toContain('查询号或查询码不正确');
      }
      const audited = await getDb()
        .kysely.selectFrom('audit_log')
        .select(['outcome', 'summary'])
        .where('action', '=', 'application.lookup')
        .where('summary', 'like', `%${c.trackingNo}%`)
        .execute();
      // The page and the download with the wrong code; a letter not theirs with the right code is not a guess.
      expect(audited.map((a) => a.outcome)).toEqual(['failure', 'failure']);
      expect(audited.map((a) => a.summary).join('')).not.toContain(wrong);
    });

    it('refuses a download without the CSRF token', async () => {
      const t = testApp(getDb());
      const c = await caseWithLetters(t);
      const res = await new Client(t.app).post(`/apply/letters/${c.reply.id}/docx`, {
        trackingNo: c.trackingNo,
        queryCode: c.queryCode,
      });
      expect(res.status).toBe(403);
    });
  });
});
