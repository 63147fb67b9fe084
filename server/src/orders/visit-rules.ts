// What a programme says about an order's visit: its item's rule, and when check-in opens and closes
// (the visit rules and the hourly charge read them).
import { shanghaiMinute } from '../common/calendar.js';
import { ErrorCode, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { POLICY_STAMP, policyDocumentOf } from '../policies/index.js';

/** The programme's document and the item of an order (the visit rules and the hourly charge read them). */
export async function orderRules(prisma: PrismaClient | Tx, order: { serviceItemId: string }) {
  const item = await prisma.serviceItem.findUniqueOrThrow({
    where: { id: order.serviceItemId },
    include: { policy: { select: POLICY_STAMP } },
  });
  const doc = await policyDocumentOf(prisma, item.policy);
  const rule = doc.serviceGuide.items.find((i) => i.code === item.code);
  if (!rule) throw new Error(`service item ${item.code} is not in ${item.policy.code}'s guide`);
  return { doc, item: rule, policyId: item.policyId };
}

export type OrderRules = Awaited<ReturnType<typeof orderRules>>;

/** When check-in opens and closes for an order: the programme's window around the booked time. */
export async function checkInWindowOf(prisma: PrismaClient, order: { scheduledAt: Date; serviceItemId: string }) {
  return visitWindow((await orderRules(prisma, order)).doc, order);
}

function visitWindow(doc: OrderRules['doc'], order: { scheduledAt: Date }) {
  const w = doc.visits.checkInWindow;
  return {
    opensAt: new Date(order.scheduledAt.getTime() - w.earlyMinutes * 60_000),
    closesAt: new Date(order.scheduledAt.getTime() + w.lateMinutes * 60_000),
    earlyMinutes: w.earlyMinutes,
    lateMinutes: w.lateMinutes,
    source: w.source,
  };
}

/** Check-in only around the booked time (the programme's window): a visit days early or late is not the booked one. */
export function checkInWindow(doc: OrderRules['doc'], order: { scheduledAt: Date }, now: Date) {
  const w = visitWindow(doc, order);
  if (now.getTime() < w.opensAt.getTime() || now.getTime() > w.closesAt.getTime()) {
    fail(
      ErrorCode.OUTSIDE_VISIT_WINDOW,
      `这张工单预约的是 ${shanghaiMinute(order.scheduledAt)}，` +
        `签到须在预约时间前 ${w.earlyMinutes} 分钟到后 ${w.lateMinutes / 60} 小时之间；时间有变请先改约。`,
      {
        scheduledAt: order.scheduledAt.toISOString(),
      },
    );
  }
}
