// The database as Kysely sees it: one description for both engines. Column names are snake_case in SQL;
// timestamps are ISO-8601 UTC text written by the application, dates YYYY-MM-DD text, so both engines store,
// compare and sort them the same way.
import type { Generated } from 'kysely';

export interface MetaTable {
  key: string;
  value: string;
}

export interface AgencyTable {
  id: Generated<number>;
  name: string;
  short_name: string | null;
  /** 统一社会信用代码 (GB 32100-2015), 18 characters. */
  credit_code: string | null;
  kind: string;
  parent_id: number | null;
  office_address: string | null;
  office_hours: string | null;
  office_phone: string | null;
  office_fax: string | null;
  office_email: string | null;
  website: string | null;
  /** 复议机关 named in remedy notices (告知救济途径). */
  review_body: string | null;
  /** 人民法院 named in remedy notices. */
  court: string | null;
  /** 文号 prefix of the agency's letters, e.g. “淮政信公开”. */
  letter_prefix: string | null;
  /** Replies need a reviewer's approval before they go out (0005; default true). */
  reply_review: Generated<boolean>;
  /** How the agency's 索引号 are formed (0008; catalog/index-no.ts); the default pattern when null. */
  index_pattern: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  agency_id: number | null;
  password_hash: string;
  password_changed_at: string;
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: string | null;
  active: boolean;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  client_address: string | null;
}

export interface AuditLogTable {
  /** Assigned by the application from audit_head: contiguous, in chain order. */
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  object_type: string;
  object_id: string | null;
  /** JSON text: { before?, after?, error? } — stored exactly as hashed. */
  summary: string;
  outcome: string;
  client_address: string | null;
  prev_hash: string;
  hash: string;
}

/** A single row (id = 1) holding the end of the chain; locked while appending. */
export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

/** An exception to the weekday rule (spec §1): a holiday, or a weekend day worked (调休). */
export interface CalendarDayTable {
  /** YYYY-MM-DD (Beijing date). */
  date: string;
  /** 'holiday' | 'workday' */
  kind: string;
  name: string;
  /** Where it comes from: “chinese-days 1.5.7”, “国办发明电〔2026〕…号”. */
  source: string;
  updated_at: string;
  updated_by: string;
}

/** A year whose notice has been (or is being) entered; only complete years serve deadlines. */
export interface CalendarYearTable {
  year: number;
  complete: boolean;
  source: string;
  updated_at: string;
  updated_by: string;
}

/** The next 查询号 of an agency in a year (never reused). */
export interface ApplicationCounterTable {
  agency_id: number;
  year: number;
  last_no: number;
}

/** An application for disclosure (依申请公开, 条例第二十七条起). */
export interface ApplicationTable {
  id: Generated<number>;
  agency_id: number;
  /** 查询号, e.g. GK2025-3-000123: unique, per agency and year. */
  tracking_no: string;
  /** SHA-256 (hex) of the applicant's query code; the code itself is shown once and never stored. */
  query_code_hash: string;
  /** One of the six applicant kinds of report table 三. */
  applicant_kind: string;
  /** The natural person's name, or the organisation's. */
  applicant_name: string;
  contact_person: string | null;
  id_type: string | null;
  id_number: string | null;
  /** 统一社会信用代码 of an organisation. */
  credit_code: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  description: string;
  /** 文号 or title of the document, when known. */
  document_ref: string | null;
  provision_form: string;
  delivery: string;
  channel: string;
  submitted_at: string;
  /** The legal receipt date (条例第三十一条), YYYY-MM-DD Beijing; null until confirmed. */
  received_on: string | null;
  status: string;
  /** The reply deadline computed from the ledger; null while unknown (unconfirmed, paused, closed). */
  due_date: string | null;
  handler_user_id: number | null;
  outcome: string | null;
  decided_on: string | null;
  created_at: string;
  updated_at: string;
}

/** One event of an application's clock ledger (applications/ledger.ts ClockEvent). */
export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  kind: string;
  on_date: string;
  /** JSON text: the event's other fields (replyBy, party, days, approvedBy, payBy, outcome …). */
  details: string;
  actor: string;
  created_at: string;
}

/** The next number of an agency's letters in a year and series (never reused). */
export interface LetterCounterTable {
  agency_id: number;
  year: number;
  /** 受, 补, 征, 延, 费, 复: the character after “公” in the number (letters/model.ts SERIES). */
  series: string;
  last_no: number;
}

/** A numbered letter (文书) issued on an application: the composed text and the DOCX exactly as issued. */
export interface LetterTable {
  id: Generated<number>;
  application_id: number;
  agency_id: number;
  /** letters/model.ts LetterKind. */
  kind: string;
  series: string;
  /** “示市监公复〔2025〕7号”: unique within the agency. */
  number: string;
  year: number;
  seq: number;
  /** YYYY-MM-DD, the date on the letter. */
  issued_on: string;
  /** JSON text: the composed letter (letters/model.ts Letter). */
  body_json: string;
  /** The DOCX as issued, base64 (a few KB); kept so the issued file can be produced again byte for byte. */
  docx_base64: string;
  docx_sha256: string;
  created_at: string;
  created_by: string;
  created_by_id: number | null;
}

/** A reply proposed by a handler for a reviewer's approval (applications/review.ts). */
export interface ReplyProposalTable {
  id: Generated<number>;
  application_id: number;
  agency_id: number;
  /** An outcome code of report table 三. */
  outcome: string;
  reason: string | null;
  /** The legal basis as the handler states it. */
  basis: string | null;
  /** 'pending' | 'returned' | 'approved' */
  status: string;
  proposed_at: string;
  proposed_by: string;
  proposed_by_id: number | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  reviewed_by_id: number | null;
  review_comment: string | null;
  decided_on: string | null;
}

/** 送达: how and when a letter reached its addressee, with the proof (letters/deliveries.ts). */
export interface LetterDeliveryTable {
  id: Generated<number>;
  letter_id: number;
  /** 'post' | 'email' | 'inPerson' | 'online' */
  method: string;
  delivered_on: string;
  proof: string | null;
  created_at: string;
  created_by: string;
  created_by_id: number | null;
}

/** A file kept with a case: an applicant's attachment or the information disclosed with a reply (attachments/). */
export interface AttachmentTable {
  id: Generated<number>;
  /** 'application' | 'decision' */
  owner_kind: string;
  owner_id: number;
  application_id: number;
  agency_id: number;
  /** The name the file was sent with (shown, never used as a path). */
  file_name: string;
  /** Detected from the bytes, never taken from the client. */
  media_type: string;
  size: number;
  sha256: string;
  /** BLOB (SQLite) / bytea (PostgreSQL); both drivers return a Buffer. */
  content: Uint8Array;
  /** 'staff' (originals) | 'applicant' (may be given to the applicant) */
  audience: string;
  uploaded_by: string;
  uploaded_by_id: number | null;
  created_at: string;
}

/** An email waiting to be sent, sent, or given up (notifications/outbox.ts). */
export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  object_type: string | null;
  object_id: string | null;
  created_at: string;
  send_after: string;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: string | null;
  failed_at: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
}

/** A notice to a staff member in the console (notifications/notices.ts). */
export interface NoticeTable {
  id: Generated<number>;
  user_id: number;
  text: string;
  link: string | null;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

/** The next 流水号 of an agency's 索引号 in a year (never reused). */
export interface CatalogCounterTable {
  agency_id: number;
  year: number;
  last_no: number;
}

/** An item of the disclosure catalogue: what the public sees once published (catalog/). */
export interface CatalogItemTable {
  id: Generated<number>;
  agency_id: number;
  /** 索引号: assigned at first publication, unique, never reused. */
  index_no: string | null;
  /** 'draft' (never published) | 'published' | 'withdrawn' */
  status: string;
  kind: string;
  title: string;
  /** 文号 */
  doc_no: string | null;
  /** 发布机构 */
  issuer: string;
  /** 成文日期 */
  formed_on: string;
  /** 发布日期: the first publication. */
  published_on: string | null;
  /** The date of the latest published change. */
  changed_on: string | null;
  /** 主题分类 */
  topic: string | null;
  /** The item of 条例第二十条 it discharges ('1' … '15'). */
  article20: string | null;
  /** 基层政务公开标准目录 area. */
  standard_area: string | null;
  disclosure_mode: string;
  withheld_reason: string | null;
  body_format: string;
  /** As written (Markdown or HTML). */
  body: string;
  /** Sanitised HTML shown on the portal. */
  body_html: string;
  /** Plain text, for search and snippets. */
  body_text: string;
  validity: string | null;
  validity_on: string | null;
  replaced_by_id: number | null;
  /** A 政策解读's policy. */
  interprets_id: number | null;
  published_revision: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** A change of an item on its way through 审查 to publication; published ones are its history. */
export interface CatalogRevisionTable {
  id: Generated<number>;
  item_id: number;
  no: number;
  /** 'draft' | 'reviewing' | 'approved' | 'published' | 'discarded' */
  status: string;
  /** JSON text: catalog/model.ts ItemFields. */
  fields: string;
  note: string | null;
  created_at: string;
  created_by: string;
  created_by_id: number | null;
  submitted_at: string | null;
  secrecy_checked: Generated<boolean>;
  reviewed_at: string | null;
  reviewed_by: string | null;
  reviewed_by_id: number | null;
  review_comment: string | null;
  published_at: string | null;
  published_by: string | null;
  published_by_id: number | null;
}

/** A 规章's or 行政规范性文件's change of validity (有效, 已修改, 废止, 失效), dated. */
export interface CatalogValidityChangeTable {
  id: Generated<number>;
  item_id: number;
  validity: string;
  on_date: string;
  replaced_by_id: number | null;
  note: string | null;
  created_at: string;
  created_by: string;
}

/** A file published with an item (PDF, DOCX, images). */
export interface CatalogAttachmentTable {
  id: Generated<number>;
  item_id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  added_in: number;
  removed_in: number | null;
  created_at: string;
  created_by: string;
}

export interface Schema {
  meta: MetaTable;
  agencies: AgencyTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  application_counters: ApplicationCounterTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  letter_counters: LetterCounterTable;
  letters: LetterTable;
  reply_proposals: ReplyProposalTable;
  letter_deliveries: LetterDeliveryTable;
  attachments: AttachmentTable;
  outbox: OutboxTable;
  notices: NoticeTable;
  catalog_counters: CatalogCounterTable;
  catalog_items: CatalogItemTable;
  catalog_revisions: CatalogRevisionTable;
  catalog_validity_changes: CatalogValidityChangeTable;
  catalog_attachments: CatalogAttachmentTable;
  feedback_counters: FeedbackCounterTable;
  feedback_settings: FeedbackSettingTable;
  feedback_messages: FeedbackMessageTable;
}

/** The next 留言编号 of an agency in a year (never reused). */
export interface FeedbackCounterTable {
  agency_id: number;
  year: number;
  last_no: number;
}

/** An agency's own deadline for answering public feedback (default 5 working days). */
export interface FeedbackSettingTable {
  agency_id: number;
  deadline_days: number;
  updated_at: string;
  updated_by: string;
}

/** A message from the public (feedback/): question, comment or correction, and its answer. */
export interface FeedbackMessageTable {
  id: Generated<number>;
  agency_id: number;
  /** 留言编号, e.g. LY2025-3-000012: unique, per agency and year. */
  message_no: string;
  /** SHA-256 (hex) of the sender's query code; the code itself is shown once and never stored. */
  query_code_hash: string;
  /** The catalogue item the message is about, when sent from its page. */
  item_id: number | null;
  /** 'inquiry' | 'suggestion' | 'correction' | 'other' */
  kind: string;
  subject: string;
  content: string;
  name: string | null;
  /** A phone number or an email address, for a private reply. */
  contact: string | null;
  /** The sender agrees that the message and its answer may be published (without name or contact). */
  publish_consent: boolean;
  /** 'open' | 'answered' | 'closed' */
  status: string;
  received_at: string;
  /** YYYY-MM-DD, Beijing. */
  received_on: string;
  deadline_days: number;
  due_on: string | null;
  answer: string | null;
  /** 'public' | 'private' */
  answer_mode: string | null;
  public_subject: string | null;
  public_content: string | null;
  /** 'spam' | 'duplicate' */
  close_reason: string | null;
  close_note: string | null;
  handled_at: string | null;
  handled_on: string | null;
  handled_by: string | null;
  handled_by_id: number | null;
  /** Working days from receipt to the answer (or the closing). */
  working_days: number | null;
  created_at: string;
  updated_at: string;
}

/** A 行政复议 or 行政诉讼 case about disclosure brought against an agency (appeals/; report table 四). */
export interface AppealCaseTable {
  id: Generated<number>;
  agency_id: number;
  /** 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration' */
  kind: string;
  /** 'original' | 'reviewBodyCoDefendant' (复议机关 as 共同被告: recorded, not counted — 201号) */
  role: string;
  application_id: number | null;
  /** The reconsideration case a suit after reconsideration follows. */
  earlier_case_id: number | null;
  /** The 复议机关 or the court. */
  body_name: string;
  /** 案号 or 复议决定书文号. */
  case_no: string | null;
  /** The applicant or plaintiff: personal data. */
  appellant_name: string;
  /** 受理/立案 date, YYYY-MM-DD. */
  filed_on: string;
  /** 'pending' | 'upheld' | 'corrected' | 'other' */
  result: string;
  result_on: string | null;
  result_note: string | null;
  note: string | null;
  created_at: string;
  created_by: string;
  created_by_id: number | null;
  updated_at: string;
  updated_by: string;
}

/** A document of an appeal case (复议决定书, 判决书 …), its bytes in the row. */
export interface AppealDocumentTable {
  id: Generated<number>;
  case_id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_at: string;
  created_by: string;
}

// Declaration merging: the appeal tables join the Schema above.
export interface Schema {
  appeal_cases: AppealCaseTable;
  appeal_documents: AppealDocumentTable;
}

/** An agency's yearly figures for report table 二 not kept as records (figures/). */
export interface YearlyFigureTable {
  agency_id: number;
  year: number;
  licensing: number;
  punishment: number;
  coercion: number;
  /** 行政事业性收费 in hundredths of 万元 (18651.06 万元 → 1865106): exact, never a float. */
  fees_cents_wan: number;
  source: string;
  entered_at: string;
  entered_by: string;
  entered_by_id: number | null;
}

// Declaration merging: the yearly figures join the Schema above.
export interface Schema {
  yearly_figures: YearlyFigureTable;
}

/** An agency's annual report for a year and where it stands (annual/). */
export interface AnnualReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** 'draft' | 'submitted' | 'returned' | 'approved' | 'published' */
  status: string;
  /** 'compiled' | 'imported' */
  origin: string;
  overview: string | null;
  problems: string | null;
  other: string | null;
  snapshot_json: string | null;
  acknowledged_json: string | null;
  comment: string | null;
  published_on: string | null;
  source_name: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  published_at: string | null;
  published_by: string | null;
}

export interface AnnualReportEventTable {
  id: Generated<number>;
  report_id: number;
  /** 'saved' | 'submitted' | 'returned' | 'approved' | 'published' | 'imported' | 'withdrawn' */
  kind: string;
  at: string;
  actor: string;
  actor_id: number | null;
  comment: string | null;
}

// Declaration merging: the annual reports join the Schema above.
export interface Schema {
  annual_reports: AnnualReportTable;
  annual_report_events: AnnualReportEventTable;
}

/** An acknowledged hit of the personal-data guard (privacy/): never the personal data itself. */
export interface PersonalDataReviewTable {
  id: Generated<number>;
  /** 'catalogItem' | 'feedback' | 'annualReport' */
  object_type: string;
  object_id: number;
  fingerprint: string;
  kind: string;
  masked: string;
  place: string;
  reason: string;
  created_at: string;
  created_by: string;
  created_by_id: number | null;
}

// Declaration merging: the personal-data guard joins the Schema above.
export interface Schema {
  personal_data_reviews: PersonalDataReviewTable;
}

/** A handler's redaction plan for one file of a case (redaction/): the boxes, saved over several sittings. */
export interface RedactionPlanTable {
  id: Generated<number>;
  attachment_id: number;
  application_id: number;
  agency_id: number;
  /** JSON text: redaction/model.ts RedactionBox[] (areas and reasons, never the text under them). */
  boxes_json: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
  updated_by_id: number | null;
}

/** An applied redaction: the original (staff-only) and the redacted copy made from it for the applicant. */
export interface RedactionTable {
  id: Generated<number>;
  source_attachment_id: number;
  result_attachment_id: number;
  application_id: number;
  agency_id: number;
  /** JSON text: the RedactionBox[] applied. */
  boxes_json: string;
  /** JSON text: number[] of the pages rebuilt. */
  pages_rebuilt_json: string;
  applied_at: string;
  applied_by: string;
  applied_by_id: number | null;
}

// Declaration merging: 区分处理 joins the Schema above.
export interface Schema {
  redaction_plans: RedactionPlanTable;
  redactions: RedactionTable;
}
