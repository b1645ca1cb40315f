// 目录导入 (issue 5 point 8): an agency's existing catalogue, from a CSV (UTF-8 with or without BOM, or GBK) or an
// XLSX with Chinese headers, becomes published items keeping their 索引号 and dates. Every row is checked first;
// if any is rejected nothing is written, and the report names each rejected row's line, column and reason. The
// rows are then written in ONE transaction with one audit entry (counts and the file's sha256). Importing skips
// the 审查 workflow — the items were published elsewhere already — so it needs catalog.publish.
import { createHash } from 'node:crypto';
import { authorize } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { yearOf } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { isDomainError } from '../errors.ts';
import { firstHit } from '../privacy/scan.ts';
import { type Tx, transaction } from '../storage/transaction.ts';
import { isXlsx, missingColumns, type Rejection, readUpload } from '../tables/table-file.ts';
import { parseInput } from '../validation.ts';
import { isoDate } from '../validation-fields.ts';
import { renderBody } from './body.ts';
import { DEFAULT_INDEX_PATTERN, formatIndexNo, type IndexAgency, nextIndexSeq } from './index-no.ts';
import {
  ARTICLE20_ITEMS,
  type BodyFormat,
  type DisclosureMode,
  hasValidity,
  type ItemFields,
  KIND_LABELS,
  type Kind,
  MODE_LABELS,
  VALIDITY_LABELS,
  type Validity,
} from './model.ts';
import { fieldColumns, toItem } from './repository.ts';
import { CATALOG_FIELD_LABELS, itemInput } from './schema.ts';
import { reindexItem } from './search/indexer.ts';

/** The columns an import understands, each with the header variants catalogues use. */
export const IMPORT_COLUMNS = {
  indexNo: ['索引号', '信息索引号', '索引编号'],
  title: ['标题', '名称', '信息名称', '文件名称', '题名', '信息标题'],
  docNo: ['文号', '发文字号', '发文文号', '文件编号'],
  issuer: ['发布机构', '发文机关', '发布机关', '发布单位', '发文单位'],
  formedOn: ['成文日期', '生成日期', '形成日期', '印发日期'],
  publishedOn: ['发布日期', '公开日期', '发布时间', '公开时间'],
  topic: ['主题分类', '主题', '分类'],
  kind: ['信息类别', '类别', '文件类型', '体裁分类', '体裁', '信息类型'],
  validity: ['效力状态', '有效性', '时效性', '效力'],
  validityOn: ['效力变更日期', '废止日期', '失效日期', '效力日期'],
  article20: ['第二十条事项', '条例第二十条事项'],
  standardArea: ['标准目录领域', '领域', '标准目录'],
  disclosureMode: ['公开方式', '公开属性', '公开形式'],
  withheldReason: ['不予公开理由', '不予公开的理由', '不公开理由'],
  bodyFormat: ['正文格式'],
  body: ['正文', '内容', '全文', '正文内容'],
  interprets: ['所解读的政策', '解读对象', '关联文件索引号'],
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

export const IMPORT_COLUMN_LABELS: Record<ImportColumn, string> = Object.fromEntries(
  Object.entries(IMPORT_COLUMNS).map(([k, v]) => [k, v[0]]),
) as Record<ImportColumn, string>;

export interface ImportFile {
  name: string;
  data: Uint8Array;
}

export type RejectedRow = Rejection;

export interface ImportReport {
  fileName: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  /** Data rows read (blank rows skipped). */
  rows: number;
  /** Items written (0 when checking only, or when any row was rejected). */
  imported: number;
  rejected: RejectedRow[];
  check: boolean;
  /** What was (or, when checking, would be) imported. */
  items: { line: number; id: number | null; indexNo: string; title: string }[];
}

// ---- reading the file ----

// ---- checking each row ----

const KIND_WORDS: Record<string, Kind> = {
  ...Object.fromEntries(Object.entries(KIND_LABELS).map(([k, v]) => [v, k as Kind])),
  规范性文件: 'normative',
  政府规章: 'rule',
  解读: 'interpretation',
  政策解读: 'interpretation',
  通知: 'notice',
  公告: 'notice',
  通知公告: 'notice',
  文件: 'document',
  其他: 'other',
};
const VALIDITY_WORDS: Record<string, Validity> = {
  ...Object.fromEntries(Object.entries(VALIDITY_LABELS).map(([k, v]) => [v, k as Validity])),
  现行有效: 'valid',
  已废止: 'repealed',
  已失效: 'expired',
  修改: 'amended',
};
const MODE_WORDS: Record<string, DisclosureMode> = Object.fromEntries(
  Object.entries(MODE_LABELS).map(([k, v]) => [v, k as DisclosureMode]),
);

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as catalogues write it: 2025-09-01, 2025/9/1, 2025.09.01, 2025年9月1日, 20250901. */
export function normaliseDate(value: string): string {
  const v = value.trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(v) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : v;
}

interface Checked {
  line: number;
  indexNo: string | null;
  fields: ItemFields;
  publishedOn: string;
  validity: Validity | null;
  validityOn: string | null;
  /** 索引号 of the policy an interpretation explains (resolved when written). */
  interprets: string | null;
}

type Cells = Partial<Record<ImportColumn, string>>;

class RowProblem extends Error {
  constructor(
    readonly column: ImportColumn | null,
    message: string,
  ) {
    super(message);
  }
}

/** Which of the item form's fields a column feeds (for the schema's messages). */
const FIELD_COLUMN: Record<string, ImportColumn> = {
  kind: 'kind',
  title: 'title',
  docNo: 'docNo',
  issuer: 'issuer',
  formedOn: 'formedOn',
  topic: 'topic',
  article20: 'article20',
  standardArea: 'standardArea',
  disclosureMode: 'disclosureMode',
  withheldReason: 'withheldReason',
  bodyFormat: 'bodyFormat',
  body: 'body',
  interpretsId: 'interprets',
};

function checkRow(line: number, cells: Cells, issuer: string): Checked {
  const get = (c: ImportColumn) => (cells[c] ?? '').trim();
  const kindWord = get('kind');
  const kind =
    kindWord === '' ? 'document' : (KIND_WORDS[kindWord] ?? (KIND_LABELS[kindWord as Kind] ? kindWord : null));
  if (!kind)
    throw new RowProblem('kind', `不认识的信息类别“${kindWord}”；应为${Object.values(KIND_LABELS).join('、')}之一`);
  const publishedOn = normaliseDate(get('publishedOn'));
  if (!publishedOn) throw new RowProblem('publishedOn', '发布日期不能为空');
  const date = isoDate.safeParse(publishedOn);
  if (!date.success)
    throw new RowProblem('publishedOn', `发布日期“${publishedOn}”${date.error.issues[0]?.message ?? ''}`);
  const formedOn = normaliseDate(get('formedOn')) || publishedOn;
  if (formedOn > publishedOn) throw new RowProblem('formedOn', `成文日期（${formedOn}）晚于发布日期（${publishedOn}）`);
  const modeWord = get('disclosureMode');
  const mode = modeWord === '' ? 'active' : MODE_WORDS[modeWord];
  if (!mode)
    throw new RowProblem('disclosureMode', `不认识的公开方式“${modeWord}”；应为主动公开、依申请公开或不予公开`);
  const a20 = get('article20');
  const article20 =
    a20 === ''
      ? ''
      : (Object.entries(ARTICLE20_ITEMS).find(
          ([k, text]) => a20 === k || text.includes(a20) || a20.includes(text),
        )?.[0] ?? a20);
  const body = get('body');
  const format = get('bodyFormat').toLowerCase();
  const bodyFormat: BodyFormat =
    format === 'html' || (format === '' && /<(p|div|br|table|span|h[1-6])\b/i.test(body)) ? 'html' : 'markdown';
  const interprets = get('interprets') || null;
  let v: ReturnType<typeof itemInput.parse>;
  try {
    v = parseInput(
      itemInput,
      {
        kind,
        title: get('title'),
        docNo: get('docNo'),
        issuer: get('issuer'),
        formedOn,
        topic: get('topic'),
        article20,
        standardArea: get('standardArea'),
        disclosureMode: mode,
        withheldReason: get('withheldReason'),
        bodyFormat,
        body,
        // Resolved later by 索引号; the schema only needs to know one is given.
        interpretsId: interprets ? 1 : null,
      },
      CATALOG_FIELD_LABELS,
    );
  } catch (e) {
    if (isDomainError(e, 'validation')) {
      const column = FIELD_COLUMN[e.field ?? ''] ?? null;
      throw new RowProblem(column, column === 'interprets' ? '政策解读须填写所解读政策的索引号' : e.message);
    }
    throw e;
  }
  let validity: Validity | null = null;
  let validityOn: string | null = null;
  if (hasValidity(v.kind)) {
    const word = get('validity');
    validity = word === '' ? 'valid' : (VALIDITY_WORDS[word] ?? null);
    if (!validity) throw new RowProblem('validity', `不认识的效力状态“${word}”；应为有效、已修改、废止或失效`);
    if (validity === 'valid') validityOn = formedOn;
    else {
      validityOn = normaliseDate(get('validityOn'));
      if (!validityOn)
        throw new RowProblem('validityOn', `效力状态为“${VALIDITY_LABELS[validity]}”时须填写效力变更日期`);
      const ok = isoDate.safeParse(validityOn);
      if (!ok.success) throw new RowProblem('validityOn', `“${validityOn}”${ok.error.issues[0]?.message ?? ''}`);
      if (validityOn < formedOn) throw new RowProblem('validityOn', `效力变更日期不能早于成文日期（${formedOn}）`);
    }
  }
  // The personal-data guard (issue 8 point 5): an imported row is public at once, with no one to say why a hit may
  // stand, so a row holding personal data is refused; what truly may be public is published through the workflow.
  const personal = firstHit(
    (['title', 'docNo', 'issuer', 'withheldReason'] as const)
      .map((k) => ({ place: k as string, text: v[k] ?? '' }))
      .concat({ place: 'body', text: renderBody(v.bodyFormat, v.body).text }),
  );
  if (personal)
    throw new RowProblem(
      FIELD_COLUMN[personal.place] ?? null,
      `含有个人信息（${personal.masked}），导入时不能说明公开理由：请在表格中删去；确需公开的，请通过“新建信息”发布并说明理由`,
    );
  return {
    line,
    indexNo: get('indexNo') || null,
    publishedOn,
    validity,
    validityOn,
    interprets,
    fields: {
      kind: v.kind,
      title: v.title,
      docNo: v.docNo,
      issuer: v.issuer ?? issuer,
      formedOn: v.formedOn,
      changedOn: null,
      topic: v.topic,
      article20: v.article20 ?? (hasValidity(v.kind) ? '1' : null),
      standardArea: v.standardArea,
      disclosureMode: v.disclosureMode,
      withheldReason: v.disclosureMode === 'withheld' ? v.withheldReason : null,
      bodyFormat: v.bodyFormat,
      body: v.body,
      interpretsId: null,
    },
  };
}

/** Header cell → column, by the variants (spaces, asterisks and brackets ignored: “*标题”, “成文日期（必填）”). */
function headerMap(header: string[]): { columns: Map<number, ImportColumn>; names: Map<ImportColumn, string> } {
  const columns = new Map<number, ImportColumn>();
  const names = new Map<ImportColumn, string>();
  header.forEach((raw, i) => {
    const h = raw
      .replace(/^\uFEFF/, '')
      .replace(/[\s*＊]/g, '')
      .replace(/[（(][^）)]*[）)]$/, '');
    for (const [col, variants] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][])
      if (variants.includes(h) && !names.has(col)) {
        columns.set(i, col);
        names.set(col, raw.trim());
      }
  });
  return { columns, names };
}

// ---- the import ----

export async function importCatalog(
  actor: Actor,
  ctx: Context,
  agencyId: number,
  file: ImportFile,
  options: { check?: boolean } = {},
): Promise<ImportReport> {
  await authorize(actor, ctx, 'catalog.publish', agencyId, { type: 'agency', id: agencyId });
  const check = options.check ?? false;
  const xlsx = isXlsx(file.data, file.name);
  const report: ImportReport = {
    fileName: file.name,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    format: xlsx ? 'xlsx' : 'csv',
    rows: 0,
    imported: 0,
    rejected: [],
    check,
    items: [],
  };
  const upload = await readUpload(file.data, file.name);
  if (upload.rejection) {
    report.rejected.push(upload.rejection);
    return report;
  }
  const { head, data } = upload;
  const { columns, names } = headerMap(head.cells);
  const nameOf = (c: ImportColumn | null) => (c ? (names.get(c) ?? IMPORT_COLUMN_LABELS[c]) : null);
  report.rejected.push(...missingColumns(head, names, ['title', 'publishedOn'], IMPORT_COLUMNS, IMPORT_COLUMN_LABELS));
  if (report.rejected.length > 0) return report;
  report.rows = data.length;
  if (data.length === 0) {
    report.rejected.push({ line: head.line + 1, column: null, reason: '没有数据行' });
    return report;
  }

  const db = ctx.db.kysely;
  const agency = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'credit_code', 'index_pattern'])
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const checked: Checked[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const cells: Cells = {};
    columns.forEach((col, i) => {
      cells[col] = row.cells[i] ?? '';
    });
    try {
      const c = checkRow(row.line, cells, agency.name);
      if (c.indexNo) {
        if (c.indexNo.length > 100) throw new RowProblem('indexNo', '索引号不得超过100个字符');
        const earlier = seen.get(c.indexNo);
        if (earlier !== undefined) throw new RowProblem('indexNo', `索引号“${c.indexNo}”与第${earlier}行重复`);
        seen.set(c.indexNo, row.line);
        const taken = await db
          .selectFrom('catalog_items')
          .select('id')
          .where('index_no', '=', c.indexNo)
          .executeTakeFirst();
        if (taken) throw new RowProblem('indexNo', `索引号“${c.indexNo}”已被系统中的信息（编号 ${taken.id}）使用`);
      }
      checked.push(c);
    } catch (e) {
      if (!(e instanceof RowProblem)) throw e;
      report.rejected.push({ line: row.line, column: nameOf(e.column), reason: e.message });
    }
  }
  // Interpretations name their policy by 索引号: one in this file or one already published.
  for (const c of checked) {
    if (!c.interprets) continue;
    const inFile = checked.find((o) => o.indexNo === c.interprets);
    if (inFile) {
      if (inFile.fields.kind === 'interpretation')
        report.rejected.push({
          line: c.line,
          column: nameOf('interprets'),
          reason: '所解读的应为政策文件，不能是另一篇解读',
        });
      continue;
    }
    const policy = await db
      .selectFrom('catalog_items')
      .select(['id', 'kind'])
      .where('index_no', '=', c.interprets)
      .executeTakeFirst();
    if (!policy)
      report.rejected.push({
        line: c.line,
        column: nameOf('interprets'),
        reason: `找不到索引号为“${c.interprets}”的政策文件（本文件和系统中均无）`,
      });
    else if (policy.kind === 'interpretation')
      report.rejected.push({
        line: c.line,
        column: nameOf('interprets'),
        reason: '所解读的应为政策文件，不能是另一篇解读',
      });
  }
  report.rejected.sort((a, b) => a.line - b.line);
  if (report.rejected.length > 0 || check) {
    if (report.rejected.length === 0)
      report.items = checked.map((c) => ({
        line: c.line,
        id: null,
        indexNo: c.indexNo ?? '（发布时生成）',
        title: c.fields.title,
      }));
    return report;
  }

  const indexAgency: IndexAgency = { id: agencyId, creditCode: agency.credit_code, indexPattern: agency.index_pattern };
  const intent = { action: 'catalog.import', objectType: 'agency', objectId: agencyId };
  await transaction(ctx, actor, intent, async (tx) => {
    const ids = new Map<string, number>();
    const written: { c: Checked; id: number }[] = [];
    for (const c of checked) {
      let indexNo = c.indexNo;
      const fits = indexNo ? seqOfIndexNo(indexAgency, indexNo) : null;
      if (fits) await bumpCounter(tx.kysely, agencyId, fits.year, fits.seq);
      while (!indexNo) {
        const year = yearOf(c.publishedOn);
        const seq = await nextIndexSeq(tx.kysely, agencyId, year);
        const candidate = formatIndexNo(indexAgency, year, seq);
        const taken = seen.has(candidate)
          ? true
          : await tx.kysely
              .selectFrom('catalog_items')
              .select('id')
              .where('index_no', '=', candidate)
              .executeTakeFirst();
        if (!taken) indexNo = candidate;
      }
      const body = renderBody(c.fields.bodyFormat, c.fields.body);
      const row = await tx.kysely
        .insertInto('catalog_items')
        .values({
          agency_id: agencyId,
          status: 'published',
          ...fieldColumns(c.fields, body),
          index_no: indexNo,
          published_on: c.publishedOn,
          changed_on: null,
          validity: c.validity,
          validity_on: c.validityOn,
          published_revision: 1,
          created_at: tx.now,
          created_by: actor.name,
          updated_at: tx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(row.id);
      ids.set(indexNo, id);
      written.push({ c, id });
      report.items.push({ line: c.line, id, indexNo, title: c.fields.title });
    }
    for (const { c, id } of written) {
      const interpretsId = c.interprets ? (ids.get(c.interprets) ?? (await policyId(tx.kysely, c.interprets))) : null;
      const fields: ItemFields = { ...c.fields, interpretsId };
      if (interpretsId !== null)
        await tx.kysely
          .updateTable('catalog_items')
          .set({ interprets_id: interpretsId })
          .where('id', '=', id)
          .execute();
      await tx.kysely
        .insertInto('catalog_revisions')
        .values({
          item_id: id,
          no: 1,
          status: 'published',
          fields: JSON.stringify(fields),
          note: `导入：${file.name} 第${c.line}行`,
          created_at: tx.now,
          created_by: actor.name,
          created_by_id: actor.id,
          published_at: tx.now,
          published_by: actor.name,
          published_by_id: actor.id,
        })
        .execute();
      if (c.validity && c.validity !== 'valid')
        await tx.kysely
          .insertInto('catalog_validity_changes')
          .values({
            item_id: id,
            validity: c.validity,
            on_date: c.validityOn as string,
            replaced_by_id: null,
            note: '导入',
            created_at: tx.now,
            created_by: actor.name,
          })
          .execute();
      const item = await tx.kysely
        .selectFrom('catalog_items')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await reindexItem(tx, toItem(item));
    }
    report.imported = written.length;
    tx.note({
      after: {
        fileName: file.name,
        sha256: report.sha256,
        format: report.format,
        rows: report.rows,
        imported: report.imported,
        firstId: written[0]?.id ?? null,
        lastId: written.at(-1)?.id ?? null,
      },
    });
  });
  return report;
}

/**
 * The year and 流水号 an imported 索引号 would have had if the agency's pattern made it, so the counter can be moved
 * past it (numbers the workflow gives later must not collide with imported ones). Null when it does not fit.
 */
export function seqOfIndexNo(agency: IndexAgency, indexNo: string): { year: number; seq: number } | null {
  const pattern = agency.indexPattern ?? DEFAULT_INDEX_PATTERN;
  const credit = agency.creditCode ?? `GK${String(agency.id).padStart(6, '0')}`;
  const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let source = '';
  let last = 0;
  const order: ('year' | 'seq')[] = [];
  for (const m of pattern.matchAll(/\{(credit|year|id|seq(?::\d)?)\}/g)) {
    source += literal(pattern.slice(last, m.index));
    const token = m[1] as string;
    if (token === 'credit') source += literal(credit);
    else if (token === 'id') source += String(agency.id);
    else if (token === 'year') {
      source += '(\\d{4})';
      order.push('year');
    } else {
      source += '(\\d+)';
      order.push('seq');
    }
    last = (m.index as number) + m[0].length;
  }
  source += literal(pattern.slice(last));
  const found = new RegExp(`^${source}$`).exec(indexNo);
  if (!found) return null;
  const value = (name: 'year' | 'seq') => {
    const i = order.indexOf(name);
    return i < 0 ? null : Number(found[i + 1]);
  };
  const seq = value('seq');
  const year = value('year');
  return seq === null || year === null ? null : { year, seq };
}

/** Move the agency's counter for the year past an imported 流水号. */
async function bumpCounter(db: Tx['kysely'], agencyId: number, year: number, seq: number) {
  const row = await db
    .selectFrom('catalog_counters')
    .select('last_no')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!row) await db.insertInto('catalog_counters').values({ agency_id: agencyId, year, last_no: seq }).execute();
  else if (Number(row.last_no) < seq)
    await db
      .updateTable('catalog_counters')
      .set({ last_no: seq })
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .execute();
}

async function policyId(db: Tx['kysely'], indexNo: string): Promise<number | null> {
  const row = await db.selectFrom('catalog_items').select('id').where('index_no', '=', indexNo).executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** The report as lines of text (the command line, and the console page's summary). */
export function reportLines(r: ImportReport): string[] {
  const lines = [`文件：${r.fileName}（${r.format.toUpperCase()}，SHA-256 ${r.sha256}）`, `数据行：${r.rows}`];
  if (r.rejected.length > 0) {
    lines.push(`有 ${r.rejected.length} 处问题，未导入任何信息（全部改正后重新导入）：`);
    for (const x of r.rejected) lines.push(`  第${x.line}行${x.column ? `“${x.column}”列` : ''}：${x.reason}`);
  } else if (r.check) lines.push(`检查通过：可导入 ${r.items.length} 条信息（仅检查，未导入）。`);
  else lines.push(`已导入 ${r.imported} 条信息，均为已发布状态。`);
  return lines;
}
