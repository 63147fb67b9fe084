// Moving a visit not yet started to another time (改期). The limits are the ones placing a booking
// keeps (the programme's booking hours, visits.bookingHours; not in the past; at most 60 days ahead;
// not after the elder's service ends), and the moment is the one cancelling keeps: until the
// caregiver checks in. The price does not depend on the time, so the holds placed with the booking
// stay as they are (same accounts, same amounts): nothing moves in the ledger.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { assertIdempotencyKey, firstUseOrReplay, replayOrConflict, requestHash } from '../common/idempotency.js';
import type { PrismaClient } from '../db/prisma.js';
import { policyDocument } from '../policies/index.js';
import { assertBookingHours, orderInScope } from './orders.service.js';
import { lockIdempotencyKey, lockOrderRow } from './orders.store.js';

/** The same horizon placing an order keeps. */
export const MAX_DAYS_AHEAD = 60;
const OPEN = ['PLACED', 'ASSIGNED'] as const;

export interface RescheduleInput {
  orderId: string;
  startAt: Date;
  idempotencyKey: string;
}

/**
 * Moves an order's visit to `startAt`. Refused, with nothing written: a caller who may not manage the
 * order (FORBIDDEN / NOT_FOUND), a malformed key, a time in the past, the same time, more than 60 days
 * ahead or after the elder's service ends (BAD_USER_INPUT), a start outside the programme's booking
 * hours for an item that is not night care (OUTSIDE_BOOKING_HOURS), an order already started,
 * finished or cancelled (INVALID_STATE), a key reused for another move (IDEMPOTENCY_CONFLICT). A
 * replayed key returns the order as it is. An assigned order goes back to the provider's dispatch
 * queue: the caregiver was sent for the old time.
 */
export async function rescheduleOrder(prisma: PrismaClient, actor: Actor, input: RescheduleInput, now: Date) {
  const grant = authorize(actor, 'rescheduleOrder');
  assertIdempotencyKey(input.idempotencyKey);
  const order = await orderInScope(prisma, grant, input.orderId);
  const at = input.startAt;
  if (Number.isNaN(at.getTime())) throw badInput('startAt', '请选择新的上门时间。');
  const hash = requestHash({ orderId: order.id, startAt: at.toISOString() });
  // The key's first move, for the same request by the same caller; IDEMPOTENCY_CONFLICT otherwise.
  const sameMove = (first: { requestHash: string | null; byId: string }) =>
    replayOrConflict(first, hash, first.byId === actor.userId);
  const replay = async () => {
    const first = await prisma.orderReschedule.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (!first) return null;
    sameMove(first);
    return prisma.order.findUniqueOrThrow({ where: { id: order.id } });
  };
  const replayed = await replay();
  if (replayed) return replayed;

  if (!(OPEN as readonly string[]).includes(order.status)) fail(ErrorCode.INVALID_STATE, notOpenMessage(order.status));
  if (at.getTime() < now.getTime()) throw badInput('startAt', '新的上门时间不能早于现在。');
  if (at.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000)
    throw badInput('startAt', `最多只能改到 ${MAX_DAYS_AHEAD} 天以内。`);
  if (at.getTime() === order.scheduledAt.getTime())
    throw badInput('startAt', '新的时间和原来的相同，请选择另一个时间。');
  const enrolment = order.enrolmentId
    ? await prisma.enrolment.findUnique({ where: { id: order.enrolmentId }, include: { policy: true } })
    : null;
  if (enrolment?.serviceEndsAt && at >= enrolment.serviceEndsAt)
    throw badInput('startAt', `老人的服务到 ${enrolment.endedOn!.toISOString().slice(0, 10)} 终止，不能改到之后。`);
  // 004 五(二)3: an agreed visit stays within its agreement's term.
  const agreement = order.visitAgreementId
    ? await prisma.visitAgreement.findUnique({ where: { id: order.visitAgreementId } })
    : null;
  if (agreement && (at < agreement.startsOn || at >= agreement.endsOn))
    throw badInput('startAt', '新的上门时间不在服务协议的期限内，请在协议期内改约。');
  if (enrolment) {
    const doc = policyDocument(enrolment.policy);
    const service = await prisma.serviceItem.findUniqueOrThrow({ where: { id: order.serviceItemId } });
    const item = doc.serviceGuide.items.find((i) => i.code === service.code);
    if (item) assertBookingHours(doc, item, at, 'startAt');
  }

  // Two first requests with one key on separate connections: the unique index keeps one.
  return firstUseOrReplay(
    () =>
      prisma.$transaction(async (tx) => {
        // The same key takes turns; the order's row is locked so a cancellation, a check-in or another
        // move in flight is seen as it is, and the move records the time it really moved from.
        await lockIdempotencyKey(tx, input.idempotencyKey);
        const first = await tx.orderReschedule.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
        if (first) {
          sameMove(first);
          return tx.order.findUniqueOrThrow({ where: { id: order.id } });
        }
        const current = await lockOrderRow(tx, order.id);
        if (!(OPEN as readonly string[]).includes(current.status))
          fail(ErrorCode.INVALID_STATE, notOpenMessage(current.status));
        if (current.scheduledAt.getTime() === at.getTime())
          throw badInput('startAt', '新的时间和原来的相同，请选择另一个时间。');
        await tx.orderReschedule.create({
          data: {
            orderId: order.id,
            fromAt: current.scheduledAt,
            toAt: at,
            byId: actor.userId,
            idempotencyKey: input.idempotencyKey,
            requestHash: hash,
            createdAt: now,
          },
        });
        const updated = await tx.order.update({
          where: { id: order.id },
          data: { scheduledAt: at, ...(current.status === 'ASSIGNED' ? { status: 'PLACED', caregiverId: null } : {}) },
        });
        await audit(tx, actor, {
          action: 'ORDER_RESCHEDULED',
          entity: 'Order',
          entityId: order.id,
          detail: {
            fromAt: current.scheduledAt.toISOString(),
            toAt: at.toISOString(),
            unassignedCaregiverId: current.status === 'ASSIGNED' ? current.caregiverId : null,
          },
        });
        return updated;
      }),
    async () => (await replay()) ?? fail(ErrorCode.IDEMPOTENCY_CONFLICT),
  );
}

/** The moves of an order, oldest first (its detail page lists them). */
export function orderReschedules(prisma: PrismaClient, orderId: string) {
  return prisma.orderReschedule.findMany({ where: { orderId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

function notOpenMessage(status: string) {
  if (status === 'CANCELLED') return '这张工单已经取消了，不能改期。';
  return '服务已经开始或完成，不能改期；如需再次服务请重新预约。';
}
