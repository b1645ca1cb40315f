// 文书 on the case page, in-process on every engine: the letter an event calls for is offered, issued with its
// number, listed and downloaded (DOCX with the RFC 5987 name), refused to another agency's staff; its delivery is
// recorded and shown; a fee notice shows the fee fees.ts computes and goes out only once the amount is confirmed.
import { describe, expect, it } from 'vitest';
import { buildApplication, buildOrgInput } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { unzipText } from '../report/write/unzip.ts';
import { act, actorOf, newHandler, signedIn } from './application-testing.ts';
import { contentDisposition } from './console/application-detail.tsx';
import { testApp } from './testing.ts';

describe('console: letters of a case', () => {
  forEachEngine((_engine, getDb) => {
    it('issues a 补正告知书 after the event: numbered, listed, downloadable, delivered; 403 elsewhere', async () => {
      const { app, ctx } = testApp(getDb());
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const me = await actorOf(ctx, 'scjg.handler');
      const { application: a } = await buildApplication(ctx, me, me.agencyId as number, { receivedOn: '2026-02-02' });
      const page = () => handler.get(`/console/applications/${a.id}`).then((r) => r.text());
      expect(await page()).not.toContain('生成补正告知书');

      const event = { type: 'correctionRequested', date: '2026-02-03', replyBy: '2026-02-17' };
      expect((await act(handler, a.id, 'events', event)).status).toBe(303);
      const offered = await page();
      expect(offered).toContain('<h3 id="act-letter-correction">生成补正告知书</h3>');
      expect(offered).toContain('value="2026-02-17" id="f-letter-correction-replyBy"'); // from the event
      const missing = await act(handler, a.id, 'letters', { kind: 'correction', replyBy: '2026-02-17', problems: '' });
      expect(missing.status).toBe(400);
      expect(await missing.text()).toContain('<a href="#f-letter-correction-problems">需要补正的事项：不能为空</a>');
      const problems = '未写明所需信息的文号或时间范围';
      const issued = await act(handler, a.id, 'letters', { kind: 'correction', replyBy: '2026-02-17', problems });
      expect(issued.status).toBe(303);

      const listed = await page();
      const row =
        /<tr><th scope="row">(示市监信公开公补〔2026〕\d+号)<\/th><td>补正告知书<\/td><td>2026-03-02<\/td>/.exec(
          listed,
        );
      expect(row).toBeTruthy();
      const number = row?.[1] as string;
      expect(listed).not.toContain('<h3 id="act-letter-correction">'); // issued once for the one event
      const href = new RegExp(`href="(/console/applications/${a.id}/letters/(\\d+)/docx)"`).exec(listed);
      const [path, lid] = [href?.[1] as string, href?.[2] as string];
      expect(listed).toMatch(/PDF需安装Chromium|\/pdf"/);

      const res = await handler.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const filename = `${number}补正告知书.docx`;
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="letter-${lid}.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      );
      const docx = new Uint8Array(await res.arrayBuffer());
      expect(new TextDecoder().decode(docx.slice(0, 2))).toBe('PK');
      const xml = unzipText(docx, 'word/document.xml');
      expect(xml).toContain(number);
      expect(xml).toContain(problems);

      const { client: other } = await newHandler(app, ctx, 'letters.other', 4);
      expect((await other.get(path)).status).toBe(403);
      const token = await other.csrf('/console/applications');
      const foreign = await other.post(`/console/applications/${a.id}/letters/${lid}/deliveries`, {
        _csrf: token,
        letter: lid,
        method: 'post',
        date: '2026-03-02',
      });
      expect(foreign.status).toBe(403);

      const early = await act(handler, a.id, `letters/${lid}/deliveries`, {
        letter: lid,
        method: 'post',
        date: '2026-03-01',
      });
      expect(early.status).toBe(400);
      expect(await early.text()).toContain('送达日期：不能早于文书的成文日期（2026-03-02）');
      const proof = '挂号信 XA123456789CN';
      const sent = await act(handler, a.id, `letters/${lid}/deliveries`, {
        letter: lid,
        method: 'post',
        date: '2026-03-02',
        proof,
      });
      expect(sent.status).toBe(303);
      expect(await page()).toContain(`<p>邮寄，2026-03-02送达（凭证：${proof}）</p>`);
      const audit = await ctx.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'summary'])
        .where('action', '=', 'letter.deliver')
        .where('outcome', '=', 'success')
        .executeTakeFirstOrThrow();
      expect(audit.summary).toContain(number);
      expect(audit.summary).not.toContain(proof); // the proof may carry personal data
    });

    it('computes the fee notice from 45 applications in a month: 5,500元 and its arithmetic, once confirmed', async () => {
      const { app, ctx } = testApp(getDb());
      const handler = await signedIn(app, ctx, 'scjg.handler');
      const me = await actorOf(ctx, 'scjg.handler');
      const agencyId = me.agencyId as number;
      const org = buildOrgInput(agencyId);
      let last = 0;
      for (let i = 0; i < 45; i += 1)
        last = (await buildApplication(ctx, me, agencyId, { ...org, receivedOn: '2026-02-02' })).application.id;
      await buildApplication(ctx, me, agencyId, { ...org, receivedOn: '2026-01-30' }); // another month: not counted
      expect((await act(handler, last, 'events', { type: 'feeNoticeSent', date: '2026-02-03' })).status).toBe(303);

      const page = await (await handler.get(`/console/applications/${last}`)).text();
      expect(page).toContain('该申请人2026年2月向本机关提出申请共45件，按件计收应收<strong>5,500元</strong>');
      for (const line of [
        '第1至10件：免费',
        '第11至30件：20件×100元＝2000元',
        '第31至40件：10件×200元＝2000元',
        '第41至45件：5件×300元＝1500元',
        '合计：5500元',
      ])
        expect(page).toContain(`<li>${line}</li>`);
      expect(page).toContain('value="45" id="f-letter-feeNotice-quantity"');

      const form = { kind: 'feeNotice', feeBasis: 'items', quantity: '45', month: '2026年2月' };
      const unconfirmed = await act(handler, last, 'letters', { ...form, amount: '' });
      expect(unconfirmed.status).toBe(400);
      expect(await unconfirmed.text()).toContain('按件计收45件应收5,500元');
      const wrong = await act(handler, last, 'letters', { ...form, amount: '5000' });
      expect(wrong.status).toBe(400);
      expect((await act(handler, last, 'letters', { ...form, amount: '5,500' })).status).toBe(303);
      const listed = await (await handler.get(`/console/applications/${last}`)).text();
      const lid = new RegExp(`/console/applications/${last}/letters/(\\d+)/docx`).exec(listed)?.[1];
      expect(listed).toMatch(/<td>收费通知书<\/td><td>2026-03-02<\/td>/);
      const docx = new Uint8Array(
        await (await handler.get(`/console/applications/${last}/letters/${lid}/docx`)).arrayBuffer(),
      );
      const xml = unzipText(docx, 'word/document.xml');
      expect(xml).toContain('您于2026年2月向本机关提出政府信息公开申请共45件');
      expect(xml).toContain('合计：5500元');
    });

    it('encodes a Chinese file name as RFC 5987 asks', () => {
      expect(contentDisposition("示市监公补〔2026〕1号(补正)'.docx", 'letter-1.docx')).toBe(
        `attachment; filename="letter-1.docx"; filename*=UTF-8''${encodeURIComponent('示市监公补〔2026〕1号')}%28${encodeURIComponent('补正')}%29%27.docx`,
      );
    });
  });
});
