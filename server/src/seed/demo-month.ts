// Last month, finished: the demo's district (000 黄陂) served a few elders of the worker's community
// through the same services a worker, an operator, the QA agency and the district use, so the console
// and every export (/exports/visits, /exports/settlement) show real content on first start. One visit
// is cut short (an exception, 000 六·流程3), one elder complains, the QA agency passes the provider
// (000 七), and the district has generated the statement, which the open exception holds.
import type { AppServices } from '../app/context.js';
import type { Actor } from '../auth/index.js';
import { loadActor } from '../auth/auth.service.js';
import { monthInShanghai } from '../common/calendar.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { fileComplaint } from '../feedback/feedback.service.js';
import { placeOrder } from '../orders/orders.service.js';
import { confirmVisitByCall } from '../orders/visits.service.js';
import { recordQualityEvaluation, runSettlement } from '../settlement/settlement.service.js';
import { previousMonth } from '../wallet/month.js';
import { writeRecordedVisit } from './recorded-visit.js';

/** 09:00 (or the given hour) Beijing time on day `d` of `month`. */
export const beijingAt = (month: string, d: number, hour = 9) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, d, hour - 8));

/** The moment the demo seed is laid down when it includes last month: the 1st of last month, 08:00. */
export const demoMonthStart = (now: Date) => beijingAt(previousMonth(monthInShanghai(now)), 1, 8);

/** The bookings: service, hours, and the minutes actually spent (less than half flags SHORT_VISIT). */
const VISITS = [
  { service: 'HP_ROOM_CLEANING', hours: 2, minutes: 120 },
  { service: 'HP_ROOM_CLEANING', hours: 1, minutes: 60 },
  { service: 'HP_ROOM_CLEANING', hours: 2, minutes: 25 },
  { service: 'HP_ROOM_CLEANING', hours: 1, minutes: 65 },
  { service: 'HP_ROOM_CLEANING', hours: 2, minutes: 118 },
  { service: 'HP_ROOM_CLEANING', hours: 1, minutes: 60 },
];

async function actor(app: AppServices, username: string): Promise<Actor> {
  const u = await app.db.prisma.user.findUniqueOrThrow({ where: { username } });
  return (await loadActor(app.db.prisma, u.id))!;
}

export async function seedFinishedMonth(app: AppServices): Promise<{ month: string; orders: number }> {
  const prisma = app.db.prisma;
  const now = app.clock();
  const month = previousMonth(monthInShanghai(now));
  const [worker, qa, admin] = await Promise.all(['worker', 'qa', 'district_admin'].map((u) => actor(app, u)));
  const workerUser = await prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
  const elders = await prisma.elder.findMany({
    where: { communityId: workerUser.regionId!, status: 'ENROLLED' },
    orderBy: { id: 'asc' },
    take: VISITS.length,
  });
  const orderIds: string[] = [];
  for (const [i, v] of VISITS.entries()) {
    const elder = elders[i % elders.length];
    if (!elder) break;
    const day = 3 + i * 4;
    const scheduledAt = beijingAt(month, day, 9);
    // A small seed (SEED_ELDERS) puts several visits on one elder; a visit the month's subsidy no
    // longer covers is left out of the demo rather than failing the start.
    const placed = await placeOrder(
      prisma,
      worker,
      {
        elderId: elder.id,
        serviceCode: v.service,
        quantity: v.hours,
        scheduledAt,
        idempotencyKey: `demo-month:${month}:${i}`,
      },
      beijingAt(month, day - 1, 16),
    ).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === ErrorCode.INSUFFICIENT_BALANCE) return null;
      throw e;
    });
    if (!placed) continue;
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.id },
      include: { provider: { include: { caregivers: { orderBy: { id: 'asc' } } } } },
    });
    const caregiver = order.provider!.caregivers[i % order.provider!.caregivers.length]!;
    // The caregiver's app records the visit (QR check-in at the door, check-out); the demo writes
    // the visit as it would have been recorded, then the worker confirms it by a follow-up call.
    await writeRecordedVisit(prisma, order.id, {
      caregiverId: caregiver.id,
      checkInAt: scheduledAt,
      minutes: v.minutes,
    });
    await confirmVisitByCall(
      prisma,
      worker,
      order.id,
      '回访老人，确认护理员已上门完成居室清洁。',
      beijingAt(month, day, 15),
    );
    orderIds.push(order.id);
  }
  if (!orderIds.length) return { month, orders: 0 };

  // A complaint on the second visit, past its deadline by now (the provider has not answered).
  await fileComplaint(
    prisma,
    worker,
    {
      elderId: (await prisma.order.findUniqueOrThrow({ where: { id: orderIds[1 % orderIds.length]! } })).elderId,
      orderId: orderIds[1 % orderIds.length],
      content: '护理员上门迟到半小时，打扫不够仔细。',
    },
    beijingAt(month, 8, 10),
  );

  // Month end: the QA agency's evaluation of each provider that served (000 七), then the statement.
  const providers = await prisma.order.findMany({
    where: { id: { in: orderIds } },
    select: { providerId: true },
    distinct: ['providerId'],
  });
  for (const p of providers)
    await recordQualityEvaluation(
      prisma,
      qa,
      {
        providerId: p.providerId!,
        month,
        score: 91,
        passed: true,
        report: '抽查上门服务 6 单，服务规范，老人满意；一单服务时长不足，已列入异常工单。',
      },
      now,
    );
  await runSettlement(prisma, admin, month, monthInShanghai(now), now);
  return { month, orders: orderIds.length };
}
