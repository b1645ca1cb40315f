// 送达 (issue 4 point 6): recording how and when a letter reached the applicant (or the third party), with the
// proof — a registered-mail number, the email address and time, a signature on collection. The letter's staff
// (handlers and reviewers of its agency) record it; it is written with its audit entry in one transaction.
import { authorize, permits } from '../agencies/authorize.ts';
import type { Actor } from '../agencies/model.ts';
import { beijingDate, isIsoDate } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { errors } from '../errors.ts';
import { transaction } from '../storage/transaction.ts';
import { type DeliveryRecord, findLetter, insertDelivery } from './repository.ts';

export const DELIVERY_METHODS = ['post', 'email', 'inPerson', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  post: '邮寄',
  email: '电子邮件',
  inPerson: '当面领取',
  online: '网上查看',
};

export interface DeliveryInput {
  method: string;
  date: string;
  proof?: string | null;
}

export type { DeliveryRecord };

export async function recordDelivery(
  actor: Actor,
  ctx: Context,
  letterId: number,
  input: DeliveryInput,
  applicationId?: number,
): Promise<DeliveryRecord> {
  const found = await findLetter(ctx.db.kysely, letterId);
  const agencyId = found?.record.agencyId ?? null;
  if (agencyId === null || !(await permits(actor, ctx, 'application.approve', agencyId)))
    await authorize(actor, ctx, 'application.handle', agencyId, { type: 'letter', id: letterId });
  // applicationId: the case named in the URL; a letter of another case is not found there.
  if (!found || (applicationId !== undefined && found.record.applicationId !== applicationId))
    throw errors.notFound('文书', letterId);
  if (!(DELIVERY_METHODS as readonly string[]).includes(input?.method))
    throw errors.validation('method', '送达方式', '应为邮寄、电子邮件、当面领取或网上查看');
  const today = beijingDate(ctx.clock());
  if (!isIsoDate(input.date) || input.date > today)
    throw errors.validation('date', '送达日期', `应为不晚于今天（${today}）的日期`);
  if (input.date < found.record.issuedOn)
    throw errors.validation('date', '送达日期', `不能早于文书的成文日期（${found.record.issuedOn}）`);
  const proof = typeof input.proof === 'string' ? input.proof.trim() : '';
  if (proof.length > 500) throw errors.validation('proof', '送达凭证', '不得超过500个字符');
  const intent = { action: 'letter.deliver', objectType: 'letter', objectId: letterId };
  return transaction(ctx, actor, intent, async (tx) => {
    const delivery = await insertDelivery(
      tx.kysely,
      { letterId, method: input.method, deliveredOn: input.date, proof: proof || null, by: actor.name, byId: actor.id },
      tx.now,
    );
    tx.note({ after: { number: found.record.number, method: delivery.method, deliveredOn: delivery.deliveredOn } });
    return delivery;
  });
}
