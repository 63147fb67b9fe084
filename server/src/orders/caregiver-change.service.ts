// 换一位护理员 (issue 25): the elder or the family asks the provider for another caregiver on an
// assigned visit that has not started. The request is a notice to the provider's administrators,
// who reassign through dispatch as usual (000 六·流程2 派单); the platform does not pick the next
// caregiver itself. Asked again for the same caregiver on the same order, it changes nothing and
// says when it was asked; after a reassignment, the new caregiver may be asked about in turn.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { formatShanghaiCn } from '../common/calendar.js';
import { shortRef } from '../common/refs.js';
import type { PrismaClient } from '../db/prisma.js';
import { notify } from '../notices/index.js';
import { orderInScope } from './orders.service.js';

export const CAREGIVER_CHANGE_KIND = 'CAREGIVER_CHANGE_REQUESTED';

export async function requestCaregiverChange(
  prisma: PrismaClient,
  actor: Actor,
  input: { orderId: string; reason: string },
  now: Date,
) {
  const grant = authorize(actor, 'requestCaregiverChange');
  const order = await orderInScope(prisma, grant, input.orderId);
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 2 || reason.length > 200) throw badInput('reason', '请用 2–200 字说明为什么想换一位护理员。');
  if (order.status !== 'ASSIGNED' || !order.caregiverId)
    fail(
      ErrorCode.INVALID_STATE,
      order.status === 'PLACED'
        ? '这张工单还没有派护理员，不需要换人；派单后可以申请。'
        : '护理员已经开始服务，或工单已完成、已取消，不能再换护理员；如有问题请投诉或联系服务机构。',
    );
  const dedupe = `caregiver-change:${order.id}:${order.caregiverId}`;
  return prisma.$transaction(async (tx) => {
    // One request per order and caregiver: the first notice's key says whether it was asked before.
    const earlier = await tx.notice.findFirst({
      where: { kind: CAREGIVER_CHANGE_KIND, dedupeKey: { startsWith: `${dedupe}:` } },
      orderBy: { createdAt: 'asc' },
    });
    if (earlier) return { orderId: order.id, requestedAt: earlier.createdAt, alreadyRequested: true, notified: 0 };
    const [admins, caregiver, service] = await Promise.all([
      tx.user.findMany({ where: { role: 'PROVIDER_ADMIN', providerId: order.providerId ?? '' }, select: { id: true } }),
      tx.caregiver.findUniqueOrThrow({ where: { id: order.caregiverId! } }),
      tx.serviceItem.findUniqueOrThrow({ where: { id: order.serviceItemId } }),
    ]);
    const who = actor.role === 'ELDER' ? '老人' : '家属';
    const notified = await notify(
      tx,
      admins.map((a) => a.id),
      {
        elderId: order.elderId,
        kind: CAREGIVER_CHANGE_KIND,
        title: `${who}申请换一位护理员`,
        body:
          `工单 ${shortRef(order.id)}（${service.name}，${formatShanghaiCn(order.scheduledAt)}）原派护理员 ${caregiver.name}，` +
          `${who}申请换一位。原因：${reason}。请重新派单，并告知老人或家属。`,
        dedupe,
        orderId: order.id,
      },
    );
    // A request sent at the same moment got there first: its notices stand, this one adds nothing.
    if (admins.length && notified === 0)
      return { orderId: order.id, requestedAt: now, alreadyRequested: true, notified: 0 };
    await tx.notice.updateMany({ where: { dedupeKey: { startsWith: `${dedupe}:` } }, data: { createdAt: now } });
    await audit(tx, actor, {
      action: 'REQUEST_CAREGIVER_CHANGE',
      entity: 'Order',
      entityId: order.id,
      detail: { caregiverId: caregiver.id, reason },
    });
    return { orderId: order.id, requestedAt: now, alreadyRequested: false, notified };
  });
}
