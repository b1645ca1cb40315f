// After a load of portal submissions (test/portal-load.ts): does the database hold exactly what the citizens sent,
// every acknowledged application whole and none half-written? Used by the crash and backup-under-load tests.
import { createHash } from 'node:crypto';
import { hashQueryCode } from '../src/applications/codes.ts';
import { staffOf } from '../src/notifications/notices.ts';
import type { Database } from '../src/storage/db.ts';
import type { Acknowledged, Sent } from './portal-load.ts';

/** The applications table's columns as the service stores the form's text (blank → null, IDs upper-cased). */
function expectedColumns(f: Record<string, string>) {
  const orNull = (v: string | undefined) => (v ? v : null);
  const person = f.applicantKind === 'naturalPerson';
  return {
    agency_id: Number(f.agencyId),
    applicant_kind: f.applicantKind,
    applicant_name: f.applicantName,
    contact_person: orNull(f.contactPerson),
    id_type: person ? orNull(f.idType) : null,
    id_number: person ? orNull(f.idNumber) : null,
    credit_code: person ? null : orNull(f.creditCode),
    phone: orNull(f.phone),
    email: orNull(f.email),
    address: orNull(f.address),
    postcode: orNull(f.postcode),
    description: f.description,
    document_ref: orNull(f.documentRef),
    provision_form: f.provisionForm,
    delivery: f.delivery,
    channel: 'online',
    status: 'submitted',
  };
}

export interface IntegrityReport {
  /** Applications of this run found in the database (acknowledged or not: a reply may be lost in the kill). */
  found: number;
  /** Acknowledged ones found with every field, its attachment, audit entry and notices intact. */
  acknowledgedIntact: number;
  /** Every discrepancy, one line each; empty when all is well. */
  problems: string[];
}

/**
 * Compare the database with what was sent. Every acknowledged application must be there under its 查询号 with its
 * 查询码's hash; every application of the run (found by the marker in its description) must be whole: exactly the
 * fields of the one submission it came from, its one attachment byte for byte, its audit entry, and a notice to
 * each handler of its agency. Its agency's tracking counter must have counted it. No attachment may lack its
 * application.
 */
export async function checkIntegrity(
  db: Database,
  sent: Sent[],
  acknowledged: Acknowledged[],
  run: string,
): Promise<IntegrityReport> {
  const problems: string[] = [];
  const bySent = new Map(sent.map((s) => [s.marker, s]));
  const rows = await db.kysely
    .selectFrom('applications')
    .selectAll()
    .where('description', 'like', `【${run}-%`)
    .orderBy('id')
    .execute();
  const byTracking = new Map(rows.map((r) => [r.tracking_no, r]));
  const seen = new Set<string>();
  const intact = new Set<string>();
  for (const row of rows) {
    const tag = `${row.tracking_no}`;
    const marker = /^【[^】]+】/.exec(row.description)?.[0] ?? '';
    const from = bySent.get(marker);
    if (!from) {
      problems.push(`${tag}: matches no submission of the run (${marker || 'no marker'})`);
      continue;
    }
    if (seen.has(marker)) problems.push(`${tag}: submission ${marker} stored twice`);
    seen.add(marker);
    const expected = expectedColumns(from.fields);
    for (const [k, v] of Object.entries(expected)) {
      const got = (row as Record<string, unknown>)[k];
      const actual = typeof v === 'number' ? Number(got) : got;
      if (actual !== v) problems.push(`${tag}: ${k} is ${JSON.stringify(got)}, sent ${JSON.stringify(v)}`);
    }
    const files = await db.kysely
      .selectFrom('attachments')
      .select(['file_name', 'size', 'sha256', 'content', 'owner_kind', 'owner_id'])
      .where('application_id', '=', row.id)
      .execute();
    const sha = createHash('sha256').update(from.file.data).digest('hex');
    const file = files[0];
    if (files.length !== 1 || !file) problems.push(`${tag}: ${files.length} attachments, sent 1`);
    else {
      const bytes = Buffer.from(file.content);
      if (file.file_name !== from.file.name) problems.push(`${tag}: attachment named ${file.file_name}`);
      if (file.sha256 !== sha || createHash('sha256').update(bytes).digest('hex') !== sha)
        problems.push(`${tag}: attachment bytes differ from those sent`);
      if (Number(file.owner_id) !== Number(row.id) || file.owner_kind !== 'application')
        problems.push(`${tag}: attachment owned by ${file.owner_kind} ${file.owner_id}`);
    }
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select(['outcome'])
      .where('action', '=', 'application.submit')
      .where('outcome', '=', 'success')
      .where('object_id', '=', String(row.id))
      .execute();
    if (audit.length !== 1) problems.push(`${tag}: ${audit.length} audit entries for its submission, expected 1`);
    const handlers = await staffOf(db.kysely, Number(row.agency_id), 'handler');
    const notices = await db.kysely
      .selectFrom('notices')
      .select('user_id')
      .where('text', 'like', `%${row.tracking_no}%`)
      .execute();
    if (
      notices
        .map((n) => Number(n.user_id))
        .sort()
        .join() !== [...handlers].sort().join()
    )
      problems.push(`${tag}: notices to users [${notices.map((n) => n.user_id)}], handlers are [${handlers}]`);
    const seq = Number(/-(\d+)$/.exec(row.tracking_no)?.[1]);
    const year = Number(/^GK(\d{4})-/.exec(row.tracking_no)?.[1]);
    const counter = await db.kysely
      .selectFrom('application_counters')
      .select('last_no')
      .where('agency_id', '=', row.agency_id)
      .where('year', '=', year)
      .executeTakeFirst();
    if (!counter || Number(counter.last_no) < seq)
      problems.push(`${tag}: tracking counter ${counter?.last_no ?? 'missing'} is behind its number`);
    if (problems.every((p) => !p.startsWith(`${tag}:`))) intact.add(row.tracking_no);
  }
  let acknowledgedIntact = 0;
  for (const a of acknowledged) {
    const row = byTracking.get(a.trackingNo);
    if (!row) {
      problems.push(`${a.trackingNo}: acknowledged (${a.sent.marker}) but not in the database`);
      continue;
    }
    if (row.description !== a.sent.fields.description)
      problems.push(`${a.trackingNo}: holds another submission than the one acknowledged (${a.sent.marker})`);
    else if (row.query_code_hash !== hashQueryCode(a.queryCode))
      problems.push(`${a.trackingNo}: the 查询码 given on the receipt does not match`);
    else if (intact.has(a.trackingNo)) acknowledgedIntact += 1;
  }
  const orphans = await db.kysely
    .selectFrom('attachments')
    .leftJoin('applications', 'applications.id', 'attachments.application_id')
    .select('attachments.id')
    .where('applications.id', 'is', null)
    .execute();
  if (orphans.length > 0) problems.push(`${orphans.length} attachments belong to no application`);
  // Nor may the audit log record a submission as done whose application is not there (a refused or failed attempt
  // is logged too, with outcome 'failure', in a transaction of its own after the rollback).
  const ids = new Set((await db.kysely.selectFrom('applications').select('id').execute()).map((r) => String(r.id)));
  const logged = await db.kysely
    .selectFrom('audit_log')
    .select('object_id')
    .where('action', '=', 'application.submit')
    .where('outcome', '=', 'success')
    .execute();
  const unmatched = logged.filter((l) => !ids.has(String(l.object_id)));
  if (unmatched.length > 0) problems.push(`${unmatched.length} submissions audited without their application`);
  return { found: rows.length, acknowledgedIntact, problems };
}
