// The annual report (政府信息公开工作年度报告) exactly as schema/annual-report.schema.json describes it.
// Every table cell has one dotted path (e.g. `requests.received.naturalPerson`); rules, readers,
// writers and the UI all address cells by these paths.

export const APPLICANT_KINDS = [
  'naturalPerson',
  'business',
  'research',
  'nonprofit',
  'legalService',
  'otherOrg',
] as const;
export const APPLICANT_COLUMNS = [...APPLICANT_KINDS, 'total'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

/** The 21 outcome leaves of table 三: every handled application lands in exactly one (spec §4). */
export const OUTCOME_LEAVES = [
  'granted',
  'partlyGranted',
  'withheldStateSecret',
  'withheldProhibitedByLaw',
  'withheldSecurityStability',
  'withheldThirdPartyRights',
  'withheldInternalAffairs',
  'withheldDeliberative',
  'withheldEnforcementFile',
  'withheldQueryMatter',
  'unableNotHeld',
  'unableNeedsCreation',
  'unableStillUnclear',
  'rejectedPetition',
  'rejectedDuplicate',
  'rejectedPublication',
  'rejectedExcessive',
  'rejectedConfirmation',
  'otherNoCorrection',
  'otherUnpaidFee',
  'otherOther',
] as const;
export type OutcomeCode = (typeof OUTCOME_LEAVES)[number];

/** The 25 rows of table 三 in printed order. */
export const REQUEST_ROWS = ['received', 'carriedOver', ...OUTCOME_LEAVES, 'totalHandled', 'carriedForward'] as const;
export type RequestRow = (typeof REQUEST_ROWS)[number];

export const CASE_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];
export const APPEAL_GROUPS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export type AppealGroup = (typeof APPEAL_GROUPS)[number];

export const DOC_COLUMNS = ['issued', 'repealed', 'inForce'] as const;
export type DocColumn = (typeof DOC_COLUMNS)[number];

export type FormatVersion = '2021' | '2019';

export type ByApplicant = Record<ApplicantColumn, number>;
export type CaseResults = Record<CaseColumn, number>;
export type DocCounts = Record<DocColumn, number>;

export interface AnnualReport {
  formatVersion: FormatVersion;
  year: number;
  agency: string | null;
  proactive: {
    rules: DocCounts;
    normativeDocuments: DocCounts;
    licensing: number;
    punishment: number;
    coercion: number;
    feesTenThousandYuan: number;
  };
  requests: Record<RequestRow, ByApplicant>;
  appeals: Record<AppealGroup, CaseResults>;
  text: { overview: string; problems: string; other: string };
  publishedOn?: string | null;
  legacy?: Record<string, number | string>;
}

/** Paths of table 二, in printed order. */
export const PROACTIVE_PATHS = [
  ...DOC_COLUMNS.map((c) => `proactive.rules.${c}`),
  ...DOC_COLUMNS.map((c) => `proactive.normativeDocuments.${c}`),
  'proactive.licensing',
  'proactive.punishment',
  'proactive.coercion',
  'proactive.feesTenThousandYuan',
] as const;

export const REQUEST_PATHS: string[] = REQUEST_ROWS.flatMap((r) => APPLICANT_COLUMNS.map((c) => `requests.${r}.${c}`));
export const APPEAL_PATHS: string[] = APPEAL_GROUPS.flatMap((g) => CASE_COLUMNS.map((c) => `appeals.${g}.${c}`));

/** Every numeric cell of the 2021 form, in printed order (10 + 175 + 15 = 200). */
export const CELL_PATHS: readonly string[] = [...PROACTIVE_PATHS, ...REQUEST_PATHS, ...APPEAL_PATHS];
/** Each cell path split into its keys once: getCell/setCell run for every cell of every report read. */
const CELL_KEYS = new Map(CELL_PATHS.map((path) => [path, path.split('.')]));
export function isCellPath(path: string): boolean {
  return CELL_KEYS.has(path);
}

/** Cells that may hold decimals (万元); all others are counts. */
export function isDecimalCell(path: string): boolean {
  return path === 'proactive.feesTenThousandYuan';
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = 0;
  return out;
}

export function emptyReport(year: number, agency: string | null = null): AnnualReport {
  return {
    formatVersion: '2021',
    year,
    agency,
    proactive: {
      rules: zeros(DOC_COLUMNS),
      normativeDocuments: zeros(DOC_COLUMNS),
      licensing: 0,
      punishment: 0,
      coercion: 0,
      feesTenThousandYuan: 0,
    },
    requests: Object.fromEntries(REQUEST_ROWS.map((r) => [r, zeros(APPLICANT_COLUMNS)])) as Record<
      RequestRow,
      ByApplicant
    >,
    appeals: Object.fromEntries(APPEAL_GROUPS.map((g) => [g, zeros(CASE_COLUMNS)])) as Record<AppealGroup, CaseResults>,
    text: { overview: '', problems: '', other: '' },
    publishedOn: null,
  };
}

export function getCell(report: AnnualReport, path: string): number {
  let node: unknown = report;
  for (const key of CELL_KEYS.get(path) ?? path.split('.')) node = (node as Record<string, unknown>)[key];
  if (typeof node !== 'number') throw new Error(`not a cell path: ${path}`);
  return node;
}

export function setCell(report: AnnualReport, path: string, value: number): void {
  const keys = CELL_KEYS.get(path);
  if (!keys) throw new Error(`not a cell path: ${path}`);
  let node = report as unknown as Record<string, unknown>;
  for (let i = 0; i < keys.length - 1; i++) node = node[keys[i] as string] as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}

/** A deep copy with keys in schema order, the form every writer emits. */
export function normalizeReport(report: AnnualReport): AnnualReport {
  const out = emptyReport(report.year, report.agency);
  out.formatVersion = report.formatVersion;
  for (const path of CELL_PATHS) setCell(out, path, getCell(report, path));
  out.text = { overview: report.text.overview, problems: report.text.problems, other: report.text.other };
  out.publishedOn = report.publishedOn ?? null;
  if (report.legacy && Object.keys(report.legacy).length > 0) out.legacy = { ...report.legacy };
  return out;
}
