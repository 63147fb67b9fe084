// The provider's dispatch board (000 六·流程2: the platform dispatches to the provider, the provider to a
// caregiver): what is still to be assigned, what is at risk of being missed, how today is going, the
// caregivers who may be sent and the assignment itself.
import { type Actor, authorize } from '../auth/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { assertCreditAllowsDispatch, rankByCredit } from '../credit/index.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertCaregiverAssignable, assertTakesOrders, certifiedFor } from '../providers/index.js';
import { orderInScope, orderScope } from './orders.service.js';
import type { DispatchRisk } from './dispatch.types.js';

/**
 * An unassigned order this close to its start is flagged: time enough for the dispatcher to call a caregiver
 * who can still get there. A dispatcher's working margin, not a programme rule, so it is not in the policy.
 */
export const SOON_MINUTES = 120;
const BOARD_LIMIT = 200;

/** The board for the caller's provider on the app clock's day (Asia/Shanghai). */
export async function dispatchBoard(prisma: PrismaClient, actor: Actor, now: Date) {
  const scope = orderScope(authorize(actor, 'dispatchBoard'));
  const day = todayInShanghai(now);
  const dayStart = new Date(`${day}T00:00:00+08:00`);
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const soon = new Date(now.getTime() + SOON_MINUTES * 60_000);
  const [unassigned, late, today] = await Promise.all([
    prisma.order.findMany({
      where: { AND: [scope, { status: 'PLACED', scheduledAt: { gte: dayStart } }] },
      orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
      take: BOARD_LIMIT,
    }),
    // Assigned, past its start today and nobody checked in (a check-in moves it to IN_SERVICE).
    prisma.order.findMany({
      where: { AND: [scope, { status: 'ASSIGNED', scheduledAt: { gte: dayStart, lt: now } }] },
      orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
      take: BOARD_LIMIT,
    }),
    prisma.order.groupBy({
      by: ['status'],
      where: { AND: [scope, { scheduledAt: { gte: dayStart, lt: dayEnd } }] },
      _count: { _all: true },
    }),
  ]);
  const minutesTo = (at: Date) => Math.round((at.getTime() - now.getTime()) / 60_000);
  const risk = (order: (typeof unassigned)[number], r: DispatchRisk) => ({
    order,
    risk: r,
    minutesToStart: minutesTo(order.scheduledAt),
  });
  const atRisk = [
    ...unassigned.filter((o) => o.scheduledAt <= soon).map((o) => risk(o, 'NO_CAREGIVER')),
    ...late.map((o) => risk(o, 'NOT_CHECKED_IN')),
  ].sort((a, b) => a.minutesToStart - b.minutesToStart);
  const count = (...statuses: string[]) =>
    today.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + g._count._all, 0);
  return {
    day,
    unassigned,
    atRisk,
    progress: {
      total: count('PLACED', 'ASSIGNED', 'IN_SERVICE', 'COMPLETED', 'CONFIRMED'),
      unassigned: count('PLACED'),
      assigned: count('ASSIGNED'),
      inService: count('IN_SERVICE'),
      done: count('COMPLETED', 'CONFIRMED'),
      cancelled: count('CANCELLED'),
    },
  };
}

/** Assigns a placed order to one of the provider's active caregivers (provider staff only). */
export async function assignOrder(prisma: PrismaClient, actor: Actor, orderId: string, caregiverId: string, now: Date) {
  const order = await orderInScope(prisma, authorize(actor, 'assignOrder'), orderId);
  const caregiver = await prisma.caregiver.findUnique({ where: { id: caregiverId }, include: { provider: true } });
  if (!caregiver || caregiver.providerId !== order.providerId || !caregiver.active)
    throw badInput('caregiverId', '请选择本机构在岗的护理员。');
  // 取消服务资格 (003 四(三)): a disqualified provider sends nobody, even on orders it already holds.
  if (caregiver.provider.disqualifiedAt) assertTakesOrders(caregiver.provider);
  await assertCaregiverAssignable(prisma, caregiver, order);
  // 002 二(三)10: a caregiver whose credit is below the programme's floor is not sent.
  await assertCreditAllowsDispatch(prisma, order, caregiver.id, now);
  const claimed = await prisma.order.updateMany({
    where: { id: order.id, status: { in: ['PLACED', 'ASSIGNED'] } },
    data: { status: 'ASSIGNED', caregiverId },
  });
  if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这张工单已经开始服务、完成或取消，不能再派单。');
  return prisma.order.findUniqueOrThrow({ where: { id: order.id } });
}

/**
 * The provider's caregivers who may be sent, for its dispatcher to pick from: least loaded on the visit's day first
 * (other visits booked with them that day), then fewest open orders overall; a caregiver whose credit is lowered
 * comes after the others and one barred is left out (002 二(三)10, the programme's credit.dispatch).
 */
export async function suggestCaregivers(prisma: PrismaClient, actor: Actor, orderId: string, now: Date) {
  const order = await orderInScope(prisma, authorize(actor, 'caregiverSuggestions'), orderId);
  const dayStart = new Date(`${todayInShanghai(order.scheduledAt)}T00:00:00+08:00`);
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const all = await prisma.caregiver.findMany({
    where: { providerId: order.providerId!, active: true },
    include: {
      _count: {
        select: {
          orders: { where: { status: { in: ['ASSIGNED', 'IN_SERVICE'] } } },
        },
      },
    },
  });
  // Only those who may be sent: every certificate the programme asks for, valid on the visit's day (000 五).
  const certified = await certifiedFor(
    prisma,
    all.map((c) => c.id),
    order,
  );
  const day = await prisma.order.groupBy({
    by: ['caregiverId'],
    where: {
      caregiverId: { in: [...certified] },
      id: { not: order.id },
      status: { not: 'CANCELLED' },
      scheduledAt: { gte: dayStart, lt: dayEnd },
    },
    _count: { _all: true },
  });
  const dayOrders = new Map(day.map((d) => [d.caregiverId!, d._count._all]));
  const ranked = all
    .filter((c) => certified.has(c.id))
    .map((c) => ({ caregiver: c, openOrders: c._count.orders, dayOrders: dayOrders.get(c.id) ?? 0 }))
    .sort(
      (a, b) =>
        a.dayOrders - b.dayOrders ||
        a.openOrders - b.openOrders ||
        a.caregiver.name.localeCompare(b.caregiver.name, 'zh'),
    );
  return rankByCredit(prisma, order, ranked, now);
}
