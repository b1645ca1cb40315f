// Rows of feedback_messages, feedback_counters and feedback_settings in and out. No policy here: service.ts and
// queries.ts decide who may call what.
import type { Kysely, Selectable } from 'kysely';
import type { FeedbackMessageTable, Schema } from '../storage/schema.ts';
import {
  type AnswerMode,
  type CloseReason,
  DEFAULT_DEADLINE_DAYS,
  type Kind,
  type Message,
  type Status,
} from './model.ts';

type Db = Kysely<Schema>;
export type MessageRow = Selectable<FeedbackMessageTable>;

export function toMessage(r: MessageRow): Message {
  return {
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    messageNo: r.message_no,
    queryCodeHash: r.query_code_hash,
    itemId: r.item_id === null ? null : Number(r.item_id),
    kind: r.kind as Kind,
    subject: r.subject,
    content: r.content,
    name: r.name,
    contact: r.contact,
    publishConsent: Boolean(r.publish_consent),
    status: r.status as Status,
    receivedAt: r.received_at,
    receivedOn: r.received_on,
    deadlineDays: Number(r.deadline_days),
    dueOn: r.due_on,
    answer: r.answer,
    answerMode: r.answer_mode as AnswerMode | null,
    publicSubject: r.public_subject,
    publicContent: r.public_content,
    closeReason: r.close_reason as CloseReason | null,
    closeNote: r.close_note,
    handledAt: r.handled_at,
    handledOn: r.handled_on,
    handledBy: r.handled_by,
    handledById: r.handled_by_id === null ? null : Number(r.handled_by_id),
    workingDays: r.working_days === null ? null : Number(r.working_days),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findMessage(db: Db, id: number): Promise<Message | undefined> {
  const row = await db.selectFrom('feedback_messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

export async function findByMessageNo(db: Db, messageNo: string): Promise<Message | undefined> {
  const row = await db
    .selectFrom('feedback_messages')
    .selectAll()
    .where('message_no', '=', messageNo)
    .executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

export async function nextMessageSeq(db: Db, agencyId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('feedback_counters')
    .values({ agency_id: agencyId, year, last_no: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet((eb) => ({ last_no: eb('feedback_counters.last_no', '+', 1) })),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(row.last_no);
}

/** The agency's deadline in working days (DEFAULT_DEADLINE_DAYS when it has set none). */
export async function deadlineDaysOf(db: Db, agencyId: number): Promise<number> {
  const row = await db
    .selectFrom('feedback_settings')
    .select('deadline_days')
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row ? Number(row.deadline_days) : DEFAULT_DEADLINE_DAYS;
}
