// The provider's dispatch board (000 六·流程2: the platform dispatches to the provider, the provider to a
// caregiver): what is still to be assigned, what is at risk of being missed, and how today is going.
import { type Actor, authorize } from '../auth/index.js';
import { todayInShanghai } from '../common/calendar.js';
import type { PrismaClient } from '../db/prisma.js';
import { orderScope } from './orders.service.js';
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
