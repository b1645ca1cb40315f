// The catalogue's console pages, in-process on every engine: a 发布员 creates and submits an item, a 审核人 approves
// it with the 保密审查, the 发布员 publishes it and it is public; errors come back beside the field with the input
// kept; another agency's 发布员 is refused; files are uploaded and removed; the timeliness list names late items.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildItemInput, buildPublishedItem, type Workflow } from '../../test/catalog.ts';
import { catalogStaff, signInAs } from '../../test/catalog-clients.ts';
import { forEachEngine } from '../../test/engines.ts';
import { PDF } from '../attachments/testing.ts';
import { itemForStaff, publicItem } from '../catalog/queries.ts';
import { Client, type TestApp, testApp } from './testing.ts';

forEachEngine((_engine, getDb) => {
  let t: TestApp;
  let agencyId: number;
  let who: Workflow;
  let publisher: Client;
  let reviewer: Client;
  let outsider: Client;
  let handler: Client;
  let inspector: Client;

  const signIn = (role: Parameters<typeof signInAs>[1], agency: number) => signInAs(t, role, agency);

  beforeAll(async () => {
    t = testApp(getDb());
    const staff = await catalogStaff(t);
    ({ agencyId, who, publisher, reviewer, outsider, handler } = staff);
    inspector = (await signIn('inspector', staff.tree.government.id)).client;
  });

  async function postForm(client: Client, page: string, path: string, form: Record<string, string>) {
    const token = await client.csrf(page);
    return client.post(path, { _csrf: token, ...form });
  }

  const FORM = {
    kind: 'normative',
    title: '测试区关于促进政务公开标准化的实施意见',
    docNo: '测政规〔2026〕3号',
    issuer: '',
    formedOn: '2026-02-27',
    topic: '综合政务',
    article20: '1',
    standardArea: '',
    disclosureMode: 'active',
    withheldReason: '',
    bodyFormat: 'markdown',
    body: '为推进政务公开标准化规范化，制定本意见。',
    interpretsId: '',
    note: '',
  };

  describe('先审查、后公开 through the pages', () => {
    it('creates, submits, approves with the 保密审查, publishes; the item is then public', async () => {
      let res = await postForm(publisher, '/console/catalog/new', '/console/catalog', FORM);
      expect(res.status).toBe(303);
      const location = res.headers.get('location') ?? '';
      const id = Number(/\/console\/catalog\/(\d+)/.exec(location)?.[1]);
      expect(id).toBeGreaterThan(0);

      res = await publisher.get(`/console/catalog/${id}`);
      expect(res.status).toBe(200);
      let html = await res.text();
      expect(html).toContain(FORM.title);
      expect(html).toContain('<p>为推进政务公开标准化规范化，制定本意见。</p>'); // the draft's body, for the reviewer
      expect(html).toContain('送审');
      expect(html).not.toContain('提交审查意见');

      res = await postForm(publisher, `/console/catalog/${id}`, `/console/catalog/${id}/submit`, {});
      expect(res.status).toBe(303);

      // The reviewer sees the item in the 待审查 filter and its review form.
      res = await reviewer.get('/console/catalog?status=reviewing');
      expect(await res.text()).toContain(FORM.title);
      res = await reviewer.get(`/console/catalog/${id}`);
      html = await res.text();
      expect(html).toContain('已进行保密审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私');
      expect(html).not.toContain('>发布</button>');

      // Approving without the 保密审查 is refused beside the checkbox.
      res = await postForm(reviewer, `/console/catalog/${id}`, `/console/catalog/${id}/review`, {
        decision: 'approve',
        comment: '',
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('通过前须确认已进行保密审查');

      res = await postForm(reviewer, `/console/catalog/${id}`, `/console/catalog/${id}/review`, {
        decision: 'approve',
        secrecyChecked: 'yes',
        comment: '同意发布',
      });
      expect(res.status).toBe(303);
      expect((await itemForStaff(who.publisher, t.ctx, id)).open?.status).toBe('approved');

      res = await publisher.get(`/console/catalog/${id}`);
      expect(await res.text()).toContain('>发布</button>');
      res = await postForm(publisher, `/console/catalog/${id}`, `/console/catalog/${id}/publish`, {
        publishedOn: '2026-03-02',
      });
      expect(res.status).toBe(303);
      const pub = await publicItem(t.ctx, id);
      expect(pub?.item.publishedOn).toBe('2026-03-02');
      expect(pub?.item.indexNo).toBeTruthy();

      res = await publisher.get(`/console/catalog/${id}`);
      html = await res.text();
      expect(html).toContain(`href="/catalog/${id}"`);
      expect(html).toContain('同意发布');
      expect(html).toContain('变更效力状态');
      expect(html).toContain('撤回');

      // The public page (another engineer's) shows it, when present.
      const portal = await new Client(t.app).get(`/catalog/${id}`);
      if (portal.status !== 404) expect(await portal.text()).toContain(FORM.title);
    });

    it('keeps the input and names the field when the form is wrong', async () => {
      const res = await postForm(publisher, '/console/catalog/new', '/console/catalog', {
        ...FORM,
        title: '一份成文日期有误的文件',
        formedOn: '2026-02-30',
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('成文日期');
      expect(html).toContain('不是有效的日期');
      expect(html).toContain('value="一份成文日期有误的文件"');
      expect(html).toContain('aria-invalid="true"');
    });

    it('previews a pasted HTML body without its script', async () => {
      const res = await postForm(publisher, '/console/catalog/new', '/console/catalog', {
        ...FORM,
        title: '含脚本的正文',
        bodyFormat: 'html',
        body: '<p onclick="x()">正文段落</p><script>alert(1)</script>',
      });
      const page = await publisher.get(res.headers.get('location') ?? '');
      const html = await page.text();
      expect(html).toContain('<p>正文段落</p>');
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toContain('onclick');
    });

    it('edits a published item as a new revision; the history names the changed fields', async () => {
      const item = await buildPublishedItem(t.ctx, agencyId, who, {}, '2025-09-05');
      let res = await publisher.get(`/console/catalog/${item.id}/edit`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`value="${item.title}"`);
      res = await postForm(publisher, `/console/catalog/${item.id}/edit`, `/console/catalog/${item.id}/edit`, {
        ...FORM,
        title: `${item.title}（修订）`,
        formedOn: item.formedOn,
        changedOn: '2026-03-01',
        note: '修改标题',
      });
      expect(res.status).toBe(303);
      await postForm(publisher, `/console/catalog/${item.id}`, `/console/catalog/${item.id}/submit`, {});
      await postForm(reviewer, `/console/catalog/${item.id}`, `/console/catalog/${item.id}/review`, {
        decision: 'approve',
        secrecyChecked: 'yes',
      });
      await postForm(publisher, `/console/catalog/${item.id}`, `/console/catalog/${item.id}/publish`, {});
      res = await publisher.get(`/console/catalog/${item.id}`);
      const html = await res.text();
      expect(html).toContain('第2稿');
      expect(html).toContain(`标题：${item.title} → ${item.title}（修订）`);
      expect((await publicItem(t.ctx, item.id))?.item.title).toBe(`${item.title}（修订）`);
    });

    it('returns with an opinion, changes validity and withdraws', async () => {
      const { createItem, submitForReview } = await import('../catalog/service.ts');
      const { item: draft } = await createItem(who.publisher, t.ctx, agencyId, buildItemInput());
      await submitForReview(who.publisher, t.ctx, draft.id);
      const page = `/console/catalog/${draft.id}`;
      let back = await postForm(reviewer, page, `${page}/review`, { decision: 'return', comment: '' });
      expect(back.status).toBe(400);
      expect(await back.text()).toContain('退回时须写明审查意见');
      back = await postForm(reviewer, page, `${page}/review`, { decision: 'return', comment: '请补充文号' });
      expect(back.status).toBe(303);
      const returned = await (await publisher.get(page)).text();
      expect(returned).toContain('请补充文号');
      expect(returned).toContain('>送审</button>');
      const item = await buildPublishedItem(t.ctx, agencyId, who, {}, '2025-09-05');
      let res = await postForm(publisher, `/console/catalog/${item.id}`, `/console/catalog/${item.id}/validity`, {
        validity: 'repealed',
        onDate: '2026-01-01',
        replacedById: '',
        note: '被新文件废止',
      });
      expect(res.status).toBe(303);
      expect((await publicItem(t.ctx, item.id))?.item.validity).toBe('repealed');
      res = await postForm(publisher, `/console/catalog/${item.id}`, `/console/catalog/${item.id}/withdraw`, {
        reason: '',
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('撤回理由');
      res = await postForm(publisher, `/console/catalog/${item.id}`, `/console/catalog/${item.id}/withdraw`, {
        reason: '误发',
      });
      expect(res.status).toBe(303);
      expect(await publicItem(t.ctx, item.id)).toBeUndefined();
    });

    it('uploads, downloads and removes a file of the revision', async () => {
      const item = await buildPublishedItem(t.ctx, agencyId, who);
      const token = await publisher.csrf(`/console/catalog/${item.id}`);
      const body = new FormData();
      body.append('_csrf', token);
      body.append('attachment', new File([PDF as Uint8Array<ArrayBuffer>], '附件一.pdf', { type: 'application/pdf' }));
      let res = await publisher.request(`/console/catalog/${item.id}/attachments`, { method: 'POST', body });
      expect(res.status).toBe(303);
      const staff = await itemForStaff(who.publisher, t.ctx, item.id);
      const file = staff.workingAttachments[0];
      expect(file?.fileName).toBe('附件一.pdf');
      res = await publisher.get(`/console/catalog/${item.id}/attachments/${file?.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
      res = await postForm(
        publisher,
        `/console/catalog/${item.id}`,
        `/console/catalog/${item.id}/attachments/${file?.id}/remove`,
        {},
      );
      expect(res.status).toBe(303);
      expect((await itemForStaff(who.publisher, t.ctx, item.id)).workingAttachments).toHaveLength(0);
    });

    it('lists items published late (第二十六条)', async () => {
      const late = await buildPublishedItem(t.ctx, agencyId, who, { formedOn: '2026-01-05' });
      const res = await publisher.get('/console/catalog/late?year=2026');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(late.title);
      expect(html).toContain('2026-03-02');
    });
  });

  describe('the console home and the agency’s 索引号规则', () => {
    it('tells a reviewer what awaits review and a publisher what awaits publication', async () => {
      const { createItem, submitForReview, reviewItem } = await import('../catalog/service.ts');
      const { item: waiting } = await createItem(who.publisher, t.ctx, agencyId, buildItemInput());
      await submitForReview(who.publisher, t.ctx, waiting.id);
      let html = await (await reviewer.get('/console')).text();
      expect(html).toMatch(/待我审查的信息：<strong>[1-9]\d*<\/strong>/);
      expect(html).not.toContain('已审查待发布的信息');
      await reviewItem(who.reviewer, t.ctx, waiting.id, { approve: true, secrecyChecked: true });
      html = await (await publisher.get('/console')).text();
      expect(html).toMatch(/已审查待发布的信息：<strong>[1-9]\d*<\/strong>/);
      expect(html).toContain('逾期发布');
      expect(await (await handler.get('/console')).text()).not.toContain('主动公开</h2>');
    });

    it('lets the agency administrator set the 索引号 pattern, naming a bad one', async () => {
      const { client: admin } = await signIn('agencyAdmin', agencyId);
      const page = `/console/agencies/${agencyId}/index-pattern`;
      let res = await postForm(admin, page, page, { indexPattern: 'CAT-{year}' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('须包含流水号');
      expect(html).toContain('value="CAT-{year}"');
      res = await postForm(admin, page, page, { indexPattern: 'CAT{id}-{year}-{seq:3}' });
      expect(res.status).toBe(303);
      const item = await buildPublishedItem(t.ctx, agencyId, who, {}, '2026-03-02');
      expect(item.indexNo).toMatch(new RegExp(`^CAT${agencyId}-2026-\\d{3}$`));
      await postForm(admin, page, page, { indexPattern: '' });
      expect((await publisher.get(page)).status).toBe(403);
    });
  });

  describe('导入已有目录', () => {
    it('checks an uploaded CSV, lists its bad rows, then imports it', async () => {
      const upload = async (csv: string, check: boolean) => {
        const token = await publisher.csrf('/console/catalog/import');
        const body = new FormData();
        body.append('_csrf', token);
        if (check) body.append('check', 'yes');
        body.append('file', new File([csv], '目录.csv', { type: 'text/csv' }));
        return publisher.request('/console/catalog/import', { method: 'POST', body });
      };
      const bad = '索引号,标题,发布日期\nPAGE-1,好的,2024-01-02\nPAGE-2,坏的,2024-13-01\n';
      let res = await upload(bad, false);
      expect(res.status).toBe(400);
      let html = await res.text();
      expect(html).toContain('第3行');
      expect(html).toContain('未导入任何信息');
      const good = '索引号,标题,发布日期\nPAGE-1,页面导入的文件,2024-01-02\n';
      res = await upload(good, true);
      html = await res.text();
      expect(html).toContain('检查通过');
      res = await upload(good, false);
      html = await res.text();
      expect(html).toContain('已导入 1 条信息');
      expect(html).toContain('页面导入的文件');
      expect((await reviewer.get('/console/catalog/import')).status).toBe(403);
    });
  });

  describe('who may see and do what', () => {
    it('refuses another agency’s publisher the item page and its actions', async () => {
      const item = await buildPublishedItem(t.ctx, agencyId, who);
      expect((await outsider.get(`/console/catalog/${item.id}`)).status).toBe(403);
      const token = await outsider.csrf('/console/catalog');
      const res = await outsider.post(`/console/catalog/${item.id}/withdraw`, { _csrf: token, reason: '越权' });
      expect(res.status).toBe(403);
      expect((await publicItem(t.ctx, item.id))?.item.status).toBe('published');
    });

    it('keeps the module from a handler and the actions from a reviewer', async () => {
      expect((await handler.get('/console/catalog')).status).toBe(403);
      expect((await reviewer.get('/console/catalog/new')).status).toBe(403);
      const list = await reviewer.get('/console/catalog');
      expect(await list.text()).not.toContain('新建信息');
      const item = await buildPublishedItem(t.ctx, agencyId, who);
      const token = await reviewer.csrf(`/console/catalog/${item.id}`);
      const res = await reviewer.post(`/console/catalog/${item.id}/withdraw`, { _csrf: token, reason: '越权' });
      expect(res.status).toBe(403);
    });

    it('lets an inspector read the items of an agency in their subtree', async () => {
      const item = await buildPublishedItem(t.ctx, agencyId, who);
      const res = await inspector.get(`/console/catalog?agency=${agencyId}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(item.title);
      const page = await inspector.get(`/console/catalog/${item.id}`);
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain('>撤回</button>');
    });
  });
});
