// 主动公开目录 — the staff side: the agency's items with filters, the item form (new and edit), one item's page with
// the workflow's actions (送审, 审查 with the 保密审查, 发布, 放弃修改, 变更效力, 撤回) as the policy and the open
// revision allow, its attachments and history, and the 第二十六条 timeliness list. The services check the policy
// and write with their audit entry; a refused action re-renders the page with the reason beside its form.
import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { authorize, permits } from '../../agencies/authorize.ts';
import { getAgency, subtreeIds } from '../../agencies/service.ts';
import { beijingDate } from '../../calendar/dates.ts';
import { renderBody } from '../../catalog/body.ts';
import {
  ARTICLE20_ITEMS,
  type CatalogAttachment,
  hasValidity,
  KIND_LABELS,
  KINDS,
  type Kind,
  MODE_LABELS,
  REVISION_STATUS_LABELS,
  type Revision,
  VALIDITY,
  VALIDITY_LABELS,
} from '../../catalog/model.ts';
import {
  itemForStaff,
  latePublications,
  listForStaff,
  type StaffFilters,
  staffAttachment,
} from '../../catalog/queries.ts';
import {
  addItemAttachment,
  changeValidity,
  createItem,
  discardRevision,
  fieldsOf,
  publishItem,
  removeItemAttachment,
  reviewItem,
  saveItem,
  submitForReview,
  withdrawItem,
} from '../../catalog/service.ts';
import { type DomainError, isDomainError } from '../../errors.ts';
import { acknowledgeCatalogHit, reviewCatalogItem } from '../../privacy/service.ts';
import { requireLogin } from '../auth.ts';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { filesOf } from '../portal/attachment-field.tsx';
import { STATUS } from '../status.ts';
import { contentDisposition } from './application-detail.tsx';
import { DateField } from './application-forms.tsx';
import { catalogImportRoutes } from './catalog-import.tsx';
import { indexPatternRoutes } from './catalog-index-pattern.tsx';
import { changedFields, itemInputFrom, itemValues, reviewInputFrom, validityInputFrom } from './catalog-input.ts';
import { BODY_FORMAT_LABELS, HREF, ItemForm, ItemTable, label, stageText } from './catalog-views.tsx';
import {
  ErrorSummary,
  type FormError,
  fieldId,
  filterSelect,
  formValues,
  SelectField,
  Settings,
  TextField,
  type Values,
} from './form.tsx';
import { consolePage, requireModule } from './frame.tsx';
import { Pager } from './pager.tsx';
import { PrivacyPanel } from './privacy.tsx';

type C = Context<AppEnv>;
const actorOf = (c: C) => c.get('auth').actor;
const ID = `${HREF}/:id{[0-9]{1,12}}`;
const KEY = 'attachment';

/** Where a catalogue item's file is posted (the body limit allows a file there, app.ts). */
export const CATALOG_UPLOAD_PATH = /^\/console\/catalog\/(\d{1,12}\/attachments|import)$/;

export const consoleCatalogRoutes = new Hono<AppEnv>();
consoleCatalogRoutes.route('/', catalogImportRoutes);
consoleCatalogRoutes.route('/', indexPatternRoutes);
const gate = requireModule(HREF);

interface Failed {
  form: string;
  values: Values;
  error: FormError;
}

/** Errors shown beside the form that was submitted; anything else (forbidden, not found) is the error page. */
const SHOWN = new Set(['validation', 'conflict', 'referenceMissing', 'invalidState', 'personalData']);
function failure(e: unknown): FormError | undefined {
  if (!isDomainError(e) || !SHOWN.has(e.code)) return undefined;
  return { field: (e as DomainError).field, message: e.message, status: STATUS[e.code] === 409 ? 409 : 400 };
}

/** ?page=N (1-based); anything else is the first page. */
const pageOf = (value: string | undefined) => (/^\d{1,6}$/.test(value ?? '') ? Number(value) : 1);

/** The agency in view: ?agency= for an inspector (within their subtree), else the actor's own. */
async function agencyInView(c: C): Promise<{ agencyId: number; choices: { id: number; name: string }[] }> {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const own = actor.agencyId;
  // Without an agency of its own the policy refuses (and records it).
  if (own === null) await authorize(actor, ctx, 'catalog.view', null);
  const home = own as number;
  if (actor.role !== 'inspector') return { agencyId: home, choices: [] };
  const ids = await subtreeIds(ctx, home);
  const asked = Number(c.req.query('agency'));
  const agencyId = ids.includes(asked) ? asked : home;
  const choices = await Promise.all(ids.map(async (id) => ({ id, name: (await getAgency(actor, ctx, id)).name })));
  return { agencyId, choices };
}

const STAGES: [NonNullable<StaffFilters['status']>, string][] = [
  ['draft', '草稿'],
  ['reviewing', '待审查'],
  ['approved', '已审查待发布'],
  ['published', '已发布'],
  ['withdrawn', '已撤回'],
];

function filtersFrom(q: Record<string, string>): StaffFilters {
  const f: StaffFilters = { page: pageOf(q.page) };
  const stage = STAGES.find(([s]) => s === q.status);
  if (stage) f.status = stage[0];
  if ((KINDS as readonly string[]).includes(q.kind ?? '')) f.kind = q.kind as Kind;
  const text = (q.q ?? '').trim();
  if (text) f.q = text.slice(0, 100);
  return f;
}

function pageHref(q: Record<string, string>, page: number): string {
  const params = new URLSearchParams();
  for (const name of ['agency', 'status', 'kind', 'q']) if (q[name]) params.set(name, q[name] as string);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${HREF}?${query}` : HREF;
}

consoleCatalogRoutes.get(HREF, requireLogin(), gate, async (c) => {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const q = c.req.query();
  const { agencyId, choices } = await agencyInView(c);
  const filters = filtersFrom(q);
  const list = await listForStaff(actor, ctx, agencyId, filters);
  const mayEdit = await permits(actor, ctx, 'catalog.edit', agencyId);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const agency = await getAgency(actor, ctx, agencyId);
  const year = Number(beijingDate(ctx.clock()).slice(0, 4));
  const suffix = choices.length > 0 ? `?agency=${agencyId}` : '';
  return consolePage(c, {
    title: '主动公开目录',
    current: HREF,
    children: (
      <>
        <h1>主动公开目录（{agency.name}）</h1>
        <ul class="actions">
          {mayEdit ? (
            <li>
              <a href={`${HREF}/new`}>新建信息</a>
            </li>
          ) : null}
          <li>
            <a href={`${HREF}/late?year=${year}${choices.length > 0 ? `&agency=${agencyId}` : ''}`}>
              逾期发布情况（第二十六条）
            </a>
          </li>
          {(await permits(actor, ctx, 'catalog.publish', agencyId)) ? (
            <li>
              <a href={`${HREF}/import${suffix}`}>导入已有目录（CSV、Excel）</a>
            </li>
          ) : null}
        </ul>
        <form method="get" action={HREF} class="filters" aria-label="筛选条件">
          {choices.length > 0
            ? filterSelect(
                'agency',
                '机关',
                String(agencyId),
                choices.map((a) => [String(a.id), a.name]),
                '',
              )
            : null}
          {filterSelect('status', '状态', q.status ?? '', STAGES)}
          {filterSelect(
            'kind',
            '信息类别',
            q.kind ?? '',
            KINDS.map((k) => [k, KIND_LABELS[k]]),
          )}
          <div>
            <label for="q-q">标题包含</label>
            <input type="search" id="q-q" name="q" value={q.q ?? ''} maxlength={100} />
          </div>
          <div>
            <button type="submit">查询</button>
          </div>
        </form>
        <ItemTable caption="查询结果" rows={list.rows} total={list.total} />
        <Pager total={list.total} page={list.page} pages={pages} href={(p) => pageHref(q, p)} />
      </>
    ),
  });
});

/** Published policies of the agency an interpretation may explain (the form's suggestions). */
async function policiesOf(c: C, agencyId: number) {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const rows = [];
  for (const kind of ['rule', 'normative', 'document'] as const)
    rows.push(...(await listForStaff(actor, ctx, agencyId, { kind, status: 'published' })).rows);
  return rows.map((r) => ({ id: r.item.id, title: r.item.title }));
}

async function interpretsTitle(c: C, values: Values): Promise<string | null> {
  const id = Number(values.interpretsId);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  try {
    return (await itemForStaff(actorOf(c), c.get('ctx'), id)).item.title;
  } catch {
    return null;
  }
}

async function formPage(c: C, props: { itemId: number | null; values: Values; error?: FormError }) {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const staff = props.itemId === null ? null : await itemForStaff(actor, ctx, props.itemId);
  const agencyId = staff?.item.agencyId ?? (actor.agencyId as number);
  const agency = await getAgency(actor, ctx, agencyId);
  const title = staff ? `修改：${staff.item.title}` : '新建信息';
  return consolePage(c, {
    title,
    current: HREF,
    status: props.error?.status ?? 200,
    children: (
      <>
        <h1>{title}</h1>
        {staff && staff.item.status !== 'draft' ? (
          <p class="hint">
            修改已发布的信息：保存后形成新的修改稿，经审查、发布后才替换公开的内容；修改期间公众看到的仍是已发布的版本。
          </p>
        ) : null}
        <ItemForm
          action={staff ? `${HREF}/${staff.item.id}/edit` : HREF}
          csrf={csrfToken(c)}
          values={props.values}
          error={props.error}
          agencyName={agency.name}
          policies={await policiesOf(c, agencyId)}
          interpretsTitle={await interpretsTitle(c, props.values)}
          published={staff !== null && staff.item.status !== 'draft'}
          submit={staff ? '保存修改' : '保存草稿'}
        />
        <p>
          <a href={staff ? `${HREF}/${staff.item.id}` : HREF}>返回</a>
        </p>
      </>
    ),
  });
}

consoleCatalogRoutes.get(`${HREF}/new`, requireLogin(), gate, async (c) => {
  const actor = actorOf(c);
  // Refused (and recorded) here as the service would refuse the POST.
  await authorize(actor, c.get('ctx'), 'catalog.edit', actor.agencyId);
  const today = beijingDate(c.get('ctx').clock());
  return formPage(c, {
    itemId: null,
    values: { kind: 'document', formedOn: today, disclosureMode: 'active', bodyFormat: 'markdown' },
  });
});

consoleCatalogRoutes.post(HREF, requireLogin(), gate, async (c) => {
  const values = formValues(await c.req.parseBody());
  const actor = actorOf(c);
  try {
    const { item } = await createItem(actor, c.get('ctx'), actor.agencyId as number, itemInputFrom(values));
    return c.redirect(`${HREF}/${item.id}?saved=1`, 303);
  } catch (e) {
    const error = failure(e);
    if (!error) throw e;
    return formPage(c, { itemId: null, values, error });
  }
});

consoleCatalogRoutes.get(`${ID}/edit`, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const staff = await itemForStaff(actor, ctx, id);
  await authorize(actor, ctx, 'catalog.edit', staff.item.agencyId, { type: 'catalogItem', id });
  const values = staff.open ? itemValues(staff.open.fields, staff.open.note) : itemValues(fieldsOf(staff.item));
  return formPage(c, { itemId: id, values });
});

consoleCatalogRoutes.post(`${ID}/edit`, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  const values = formValues(await c.req.parseBody());
  try {
    await saveItem(actorOf(c), c.get('ctx'), id, itemInputFrom(values));
  } catch (e) {
    const error = failure(e);
    if (!error) throw e;
    return formPage(c, { itemId: id, values, error });
  }
  return c.redirect(`${HREF}/${id}?saved=1`, 303);
});

// ---- one item ----

function ActionForm(props: {
  name: string;
  title: string;
  action: string;
  csrf: string;
  failed: Failed | undefined;
  submit: string;
  children?: unknown;
}) {
  const error = props.failed?.form === props.name ? props.failed.error : undefined;
  return (
    <section aria-labelledby={`act-${props.name}`}>
      <h3 id={`act-${props.name}`}>{props.title}</h3>
      <ErrorSummary error={error} />
      <form method="post" action={props.action} class="stack" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {props.children}
        <button type="submit">{props.submit}</button>
      </form>
    </section>
  );
}

/** A field's value in the history, short. */
function brief(value: unknown): string {
  const text = value === null || value === '' ? '（空）' : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function Revisions(props: { revisions: readonly Revision[] }) {
  // Published revisions oldest first: each compared with the one it replaced.
  const published = props.revisions.filter((r) => r.status === 'published').sort((a, b) => a.no - b.no);
  const changes = new Map<number, string>();
  for (let i = 1; i < published.length; i++) {
    const before = published[i - 1] as Revision;
    const after = published[i] as Revision;
    const names = changedFields(before.fields, after.fields).map((k) =>
      k === 'body' ? '正文' : `${label(k)}：${brief(before.fields[k])} → ${brief(after.fields[k])}`,
    );
    changes.set(after.no, names.length > 0 ? names.join('；') : '无字段变化（附件或重新发布）');
  }
  return (
    <table>
      <caption>修改记录（共 {props.revisions.length} 次）</caption>
      <thead>
        <tr>
          <th scope="col">序号</th>
          <th scope="col">状态</th>
          <th scope="col">起草</th>
          <th scope="col">审查</th>
          <th scope="col">发布</th>
          <th scope="col">修改说明、审查意见</th>
          <th scope="col">变更的项目</th>
        </tr>
      </thead>
      <tbody>
        {props.revisions.map((r) => (
          <tr>
            <th scope="row">第{r.no}稿</th>
            <td>{REVISION_STATUS_LABELS[r.status]}</td>
            <td>
              {r.createdBy}，{r.createdAt.slice(0, 10)}
            </td>
            <td>
              {r.reviewedBy ? `${r.reviewedBy}，${(r.reviewedAt ?? '').slice(0, 10)}` : ''}
              {r.secrecyChecked ? '（已保密审查）' : ''}
            </td>
            <td>{r.publishedBy ? `${r.publishedBy}，${(r.publishedAt ?? '').slice(0, 10)}` : ''}</td>
            <td>
              {r.note ? <p>修改说明：{r.note}</p> : null}
              {r.reviewComment ? <p>审查意见：{r.reviewComment}</p> : null}
            </td>
            <td>{changes.get(r.no) ?? (r.status === 'published' ? '首次发布' : '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FileTable(props: {
  caption: string;
  itemId: number;
  files: readonly CatalogAttachment[];
  remove?: { csrf: string };
}) {
  if (props.files.length === 0)
    return (
      <p class="hint">
        {props.caption}：<span>无</span>
      </p>
    );
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">文件</th>
          <th scope="col">类型、大小</th>
          <th scope="col">加入</th>
          {props.remove ? <th scope="col">操作</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.files.map((a) => (
          <tr>
            <th scope="row">
              <a href={`${HREF}/${props.itemId}/attachments/${a.id}`}>{a.fileName}</a>
            </th>
            <td>
              {a.mediaType.split(';')[0]}，{Math.max(1, Math.round(a.size / 1024))} KB
            </td>
            <td>第{a.addedIn}稿</td>
            {props.remove ? (
              <td>
                <form method="post" action={`${HREF}/${props.itemId}/attachments/${a.id}/remove`}>
                  <input type="hidden" name="_csrf" value={props.remove.csrf} />
                  <button type="submit" aria-label={`删除附件 ${a.fileName}`}>
                    删除
                  </button>
                </form>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function itemPage(c: C, id: number, failed?: Failed) {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const staff = await itemForStaff(actor, ctx, id);
  const { item, open } = staff;
  const [mayEdit, mayApprove, mayPublish, agency] = await Promise.all([
    permits(actor, ctx, 'catalog.edit', item.agencyId),
    permits(actor, ctx, 'catalog.approve', item.agencyId),
    permits(actor, ctx, 'catalog.publish', item.agencyId),
    getAgency(actor, ctx, item.agencyId),
  ]);
  const csrf = csrfToken(c);
  const base = `${HREF}/${id}`;
  const v = failed?.values ?? {};
  const errorOf = (form: string) => (failed?.form === form ? failed.error : undefined);
  const shown = new Set<string>();
  const offer = (key: string, yes: boolean) => {
    if (yes) shown.add(key);
    return yes;
  };
  const published = item.status === 'published';
  // What the open revision would publish, scanned for personal data (shown before the publish button).
  const privacy = open && (mayEdit || mayApprove || mayPublish) ? await reviewCatalogItem(actor, ctx, id) : null;
  const actions = (
    <>
      {offer('submit', mayEdit && open?.status === 'draft') ? (
        <ActionForm name="submit" title="送审" action={`${base}/submit`} csrf={csrf} failed={failed} submit="送审">
          <p class="hint">送交审核人进行保密审查和内容审查（先审查、后公开）。</p>
        </ActionForm>
      ) : null}
      {offer('review', mayApprove && open?.status === 'reviewing') ? (
        <ActionForm
          name="review"
          title="审查"
          action={`${base}/review`}
          csrf={csrf}
          failed={failed}
          submit="提交审查意见"
        >
          <fieldset class="choices">
            <legend>审查结论</legend>
            <div class="choice">
              <input
                type="radio"
                id={fieldId('decision')}
                name="decision"
                value="approve"
                checked={v.decision !== 'return'}
              />
              <label for={fieldId('decision')}>通过</label>
            </div>
            <div class="choice">
              <input
                type="radio"
                id={`${fieldId('decision')}-return`}
                name="decision"
                value="return"
                checked={v.decision === 'return'}
              />
              <label for={`${fieldId('decision')}-return`}>退回修改</label>
            </div>
          </fieldset>
          <div class="choice">
            <input
              type="checkbox"
              id={fieldId('secrecyChecked')}
              name="secrecyChecked"
              value="yes"
              checked={v.secrecyChecked === 'yes'}
              aria-invalid={errorOf('review')?.field === 'secrecyChecked' ? 'true' : undefined}
            />
            <label for={fieldId('secrecyChecked')}>已进行保密审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私</label>
          </div>
          {errorOf('review')?.field === 'secrecyChecked' ? (
            <p class="field-error">{errorOf('review')?.message}</p>
          ) : null}
          <div class="field">
            <label for={fieldId('comment')}>{label('comment')}</label>
            <textarea id={fieldId('comment')} name="comment" rows={3} aria-describedby={`${fieldId('comment')}-hint`}>
              {v.comment ?? ''}
            </textarea>
            <p class="hint" id={`${fieldId('comment')}-hint`}>
              退回时必填
            </p>
            {errorOf('review')?.field === 'comment' ? <p class="field-error">{errorOf('review')?.message}</p> : null}
          </div>
        </ActionForm>
      ) : null}
      {privacy && offer('privacy', true) ? (
        <PrivacyPanel
          action={`${base}/privacy`}
          review={privacy}
          csrf={csrf}
          mayAcknowledge={mayPublish}
          failed={failed?.form === 'privacy' ? failed : undefined}
        />
      ) : null}
      {offer('publish', mayPublish && open?.status === 'approved') ? (
        <ActionForm name="publish" title="发布" action={`${base}/publish`} csrf={csrf} failed={failed} submit="发布">
          <DateField
            name="publishedOn"
            label={label('publishedOn')}
            hint="不填写时为今天"
            values={v}
            error={errorOf('publish')}
          />
        </ActionForm>
      ) : null}
      {offer('discard', mayEdit && open !== null) ? (
        <ActionForm
          name="discard"
          title="放弃修改"
          action={`${base}/discard`}
          csrf={csrf}
          failed={failed}
          submit="放弃本次修改"
        >
          <p class="hint">放弃第{open?.no}稿；已发布的内容不受影响。</p>
        </ActionForm>
      ) : null}
      {offer('validity', mayPublish && published && hasValidity(item.kind)) ? (
        <ActionForm
          name="validity"
          title="变更效力状态"
          action={`${base}/validity`}
          csrf={csrf}
          failed={failed}
          submit="变更效力"
        >
          <SelectField
            name="validity"
            label={label('validity')}
            required
            options={VALIDITY.map((x) => [x, VALIDITY_LABELS[x]])}
            values={{ validity: item.validity ?? 'valid', ...v }}
            error={errorOf('validity')}
          />
          <DateField name="onDate" label={label('onDate')} required values={v} error={errorOf('validity')} />
          <TextField
            name="replacedById"
            label={`${label('replacedById')}（信息编号）`}
            maxlength={12}
            values={v}
            error={errorOf('validity')}
          />
          <TextField name="note" label="说明" maxlength={500} values={v} error={errorOf('validity')} />
        </ActionForm>
      ) : null}
      {offer('withdraw', mayPublish && published) ? (
        <ActionForm name="withdraw" title="撤回" action={`${base}/withdraw`} csrf={csrf} failed={failed} submit="撤回">
          <TextField
            name="reason"
            label={label('reason')}
            required
            maxlength={500}
            values={v}
            error={errorOf('withdraw')}
          />
        </ActionForm>
      ) : null}
    </>
  );
  const uploadError = errorOf(KEY);
  if (mayEdit) shown.add(KEY);
  const elsewhere = failed && !shown.has(failed.form) ? failed.error.message : undefined;
  const fields = open?.fields;
  return consolePage(c, {
    title: item.title || '（无标题）',
    current: HREF,
    status: failed?.error.status ?? 200,
    children: (
      <>
        <h1>{item.title || '（无标题）'}</h1>
        {elsewhere ? (
          <div class="alert" role="alert">
            <p>未予保存：{elsewhere}</p>
          </div>
        ) : null}
        {c.req.query('saved') ? (
          <p class="notice" role="status">
            已保存。
          </p>
        ) : null}
        <ul class="actions">
          <li>
            <a href={HREF}>返回目录</a>
          </li>
          {mayEdit ? (
            <li>
              <a href={`${base}/edit`}>{open ? `修改第${open.no}稿` : '修改（形成新的修改稿）'}</a>
            </li>
          ) : null}
          {published ? (
            <li>
              <a href={`/catalog/${item.id}`}>查看公开页面</a>
            </li>
          ) : null}
        </ul>
        <h2>{published || item.status === 'withdrawn' ? '已发布的内容' : '草稿内容'}</h2>
        <Settings
          rows={[
            ['状态', stageText(item, open?.status ?? null)],
            ['索引号', item.indexNo],
            [label('kind'), KIND_LABELS[item.kind]],
            [label('docNo'), item.docNo],
            [label('issuer'), item.issuer],
            ['所属机关', agency.name],
            [label('formedOn'), item.formedOn],
            [label('publishedOn'), item.publishedOn],
            [label('changedOn'), item.changedOn],
            [label('topic'), item.topic],
            [label('standardArea'), item.standardArea],
            [label('disclosureMode'), MODE_LABELS[item.disclosureMode]],
            [label('withheldReason'), item.withheldReason],
            [label('bodyFormat'), BODY_FORMAT_LABELS[item.bodyFormat] ?? item.bodyFormat],
            [label('validity'), item.validity ? `${VALIDITY_LABELS[item.validity]}（${item.validityOn ?? ''}）` : null],
            [label('interpretsId'), staff.interprets ? `${staff.interprets.title}（${staff.interprets.id}）` : null],
            ['替代文件', staff.replacedBy ? `${staff.replacedBy.title}（${staff.replacedBy.id}）` : null],
          ]}
        />
        {staff.interprets ? (
          <p>
            所解读的政策：<a href={`${HREF}/${staff.interprets.id}`}>{staff.interprets.title}</a>
          </p>
        ) : null}
        {staff.interpretations.length > 0 ? (
          <section aria-labelledby="interpretations-title">
            <h2 id="interpretations-title">政策解读</h2>
            <ul>
              {staff.interpretations.map((i) => (
                <li>
                  <a href={`${HREF}/${i.id}`}>{i.title}</a>（{stageText(i, null)}）
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="open-title">
          <h2 id="open-title">待处理的修改</h2>
          {open && fields ? (
            <>
              <p>
                第{open.no}稿，{REVISION_STATUS_LABELS[open.status]}
                {open.reviewComment ? `；审查意见：${open.reviewComment}` : ''}
              </p>
              <Settings
                rows={[
                  [label('title'), fields.title],
                  [label('kind'), KIND_LABELS[fields.kind]],
                  [label('docNo'), fields.docNo],
                  [label('issuer'), fields.issuer],
                  [label('formedOn'), fields.formedOn],
                  [label('changedOn'), fields.changedOn],
                  [label('topic'), fields.topic],
                  [
                    label('article20'),
                    fields.article20 ? (ARTICLE20_ITEMS[fields.article20] ?? fields.article20) : null,
                  ],
                  [label('standardArea'), fields.standardArea],
                  [label('disclosureMode'), MODE_LABELS[fields.disclosureMode]],
                  [label('withheldReason'), fields.withheldReason],
                  [label('note'), open.note],
                ]}
              />
              {item.status !== 'draft' ? (
                <p>
                  与已发布内容相比，修改了：
                  {changedFields(fieldsOf(item), fields)
                    .map((k) => label(k))
                    .join('、') || '（各项内容未变）'}
                </p>
              ) : null}
              <h3>修改稿正文（预览）</h3>
              <div class="item-body">{raw(renderBody(fields.bodyFormat, fields.body).html)}</div>
            </>
          ) : (
            <p class="hint">没有待处理的修改。</p>
          )}
          <h3>可进行的操作</h3>
          {shown.size === 0 || (shown.size === 1 && shown.has(KEY)) ? (
            <p class="hint">当前没有您可进行的操作。</p>
          ) : null}
          {actions}
        </section>
        <section aria-labelledby="files-title">
          <h2 id="files-title">附件</h2>
          <FileTable caption="已公开的附件" itemId={id} files={staff.attachments} />
          <FileTable
            caption="修改稿的附件（发布后公开）"
            itemId={id}
            files={staff.workingAttachments}
            remove={mayEdit ? { csrf } : undefined}
          />
          {mayEdit ? (
            <section aria-labelledby="act-attachment">
              <h3 id="act-attachment">上传附件</h3>
              <ErrorSummary error={uploadError} />
              <form method="post" action={`${base}/attachments`} enctype="multipart/form-data" class="stack" novalidate>
                <input type="hidden" name="_csrf" value={csrf} />
                <div class="field">
                  <label for={fieldId('attachment')}>文件（PDF、Word、图片等）</label>
                  {uploadError?.field === 'attachment' ? (
                    <p class="field-error" id={`${fieldId('attachment')}-error`}>
                      {uploadError.message}
                    </p>
                  ) : null}
                  <input type="file" id={fieldId('attachment')} name="attachment" required />
                </div>
                <button type="submit">上传</button>
              </form>
            </section>
          ) : null}
        </section>
        {staff.validityChanges.length > 0 ? (
          <section aria-labelledby="validity-title">
            <h2 id="validity-title">效力变更</h2>
            <table>
              <caption>效力变更记录</caption>
              <thead>
                <tr>
                  <th scope="col">日期</th>
                  <th scope="col">效力状态</th>
                  <th scope="col">替代文件</th>
                  <th scope="col">说明</th>
                  <th scope="col">登记</th>
                </tr>
              </thead>
              <tbody>
                {staff.validityChanges.map((x) => (
                  <tr>
                    <th scope="row">{x.onDate}</th>
                    <td>{VALIDITY_LABELS[x.validity]}</td>
                    <td>{x.replacedById ? <a href={`${HREF}/${x.replacedById}`}>{x.replacedById}</a> : ''}</td>
                    <td>{x.note ?? ''}</td>
                    <td>
                      {x.createdBy}，{x.createdAt.slice(0, 10)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        <section aria-labelledby="history-title">
          <h2 id="history-title">修改记录</h2>
          <Revisions revisions={staff.revisions} />
        </section>
      </>
    ),
  });
}

consoleCatalogRoutes.get(ID, requireLogin(), gate, (c) => itemPage(c, Number(c.req.param('id'))));

/** One action's POST: the service call, then back to the page (or the page with the reason beside the form). */
function action(name: string, run: (c: C, id: number, values: Values) => Promise<unknown>) {
  consoleCatalogRoutes.post(`${ID}/${name}`, requireLogin(), gate, async (c) => {
    const id = Number(c.req.param('id'));
    const values = formValues(await c.req.parseBody());
    try {
      await run(c, id, values);
    } catch (e) {
      const error = failure(e);
      if (!error) throw e;
      return itemPage(c, id, { form: name, values, error });
    }
    return c.redirect(`${HREF}/${id}?saved=1`, 303);
  });
}

action('submit', (c, id) => submitForReview(actorOf(c), c.get('ctx'), id));
action('review', (c, id, v) => reviewItem(actorOf(c), c.get('ctx'), id, reviewInputFrom(v)));
action('publish', (c, id, v) => publishItem(actorOf(c), c.get('ctx'), id, { publishedOn: v.publishedOn ?? '' }));
action('privacy', (c, id, v) =>
  acknowledgeCatalogHit(actorOf(c), c.get('ctx'), id, { fingerprint: v.fingerprint ?? '', reason: v.reason ?? '' }),
);
action('discard', (c, id) => discardRevision(actorOf(c), c.get('ctx'), id));
action('validity', (c, id, v) => changeValidity(actorOf(c), c.get('ctx'), id, validityInputFrom(v)));
action('withdraw', (c, id, v) => withdrawItem(actorOf(c), c.get('ctx'), id, { reason: v.reason ?? '' }));

consoleCatalogRoutes.post(`${ID}/attachments`, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  const body = await c.req.parseBody({ all: true });
  const [file] = await filesOf(body.attachment);
  try {
    await addItemAttachment(actorOf(c), c.get('ctx'), id, file ?? { name: '', data: new Uint8Array() });
  } catch (e) {
    const error = failure(e);
    if (!error) throw e;
    return itemPage(c, id, { form: KEY, values: {}, error });
  }
  return c.redirect(`${HREF}/${id}?saved=1`, 303);
});

consoleCatalogRoutes.post(`${ID}/attachments/:aid{[0-9]{1,12}}/remove`, requireLogin(), gate, async (c) => {
  const id = Number(c.req.param('id'));
  try {
    await removeItemAttachment(actorOf(c), c.get('ctx'), id, Number(c.req.param('aid')));
  } catch (e) {
    const error = failure(e);
    if (!error) throw e;
    return itemPage(c, id, { form: KEY, values: {}, error });
  }
  return c.redirect(`${HREF}/${id}?saved=1`, 303);
});

consoleCatalogRoutes.get(`${ID}/attachments/:aid{[0-9]{1,12}}`, requireLogin(), gate, async (c) => {
  const aid = Number(c.req.param('aid'));
  const file = await staffAttachment(actorOf(c), c.get('ctx'), Number(c.req.param('id')), aid);
  c.header('content-type', file.mediaType);
  c.header('content-disposition', contentDisposition(file.fileName, `attachment-${aid}`));
  c.header('x-content-type-options', 'nosniff');
  c.header('content-security-policy', 'sandbox');
  c.header('cache-control', 'private, no-store');
  return c.body(file.content as Uint8Array<ArrayBuffer>);
});

// ---- 第二十六条: published more than 20 working days after being formed or changed ----

consoleCatalogRoutes.get(`${HREF}/late`, requireLogin(), gate, async (c) => {
  const actor = actorOf(c);
  const ctx = c.get('ctx');
  const { agencyId, choices } = await agencyInView(c);
  const thisYear = Number(beijingDate(ctx.clock()).slice(0, 4));
  const asked = c.req.query('year') ?? '';
  const year = /^\d{4}$/.test(asked) ? Number(asked) : thisYear;
  const late = await latePublications(actor, ctx, agencyId, year);
  const agency = await getAgency(actor, ctx, agencyId);
  return consolePage(c, {
    title: `${year}年逾期发布的信息`,
    current: HREF,
    children: (
      <>
        <h1>
          {year}年逾期发布的信息（{agency.name}）
        </h1>
        <p class="hint">
          《条例》第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。下列为发布时已超过20个工作日的信息。
        </p>
        <form method="get" action={`${HREF}/late`} class="filters" aria-label="选择年度">
          {choices.length > 0 ? <input type="hidden" name="agency" value={String(agencyId)} /> : null}
          <div>
            <label for="q-year">年度</label>
            <input type="number" id="q-year" name="year" value={String(year)} min="2000" max="2100" />
          </div>
          <div>
            <button type="submit">查询</button>
          </div>
        </form>
        {late.length === 0 ? (
          <p>该年度没有逾期发布的信息。</p>
        ) : (
          <table>
            <caption>逾期发布（共 {late.length} 条）</caption>
            <thead>
              <tr>
                <th scope="col">信息</th>
                <th scope="col">形成或变更日期</th>
                <th scope="col">发布日期</th>
                <th scope="col">用时（工作日）</th>
              </tr>
            </thead>
            <tbody>
              {late.map((l) => (
                <tr>
                  <th scope="row">
                    <a href={`${HREF}/${l.item.id}`}>{l.item.title}</a>（第{l.revisionNo}稿）
                  </th>
                  <td>{l.from}</td>
                  <td>{l.publishedOn}</td>
                  <td>{l.workingDays}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <a href={HREF}>返回目录</a>
        </p>
      </>
    ),
  });
});
