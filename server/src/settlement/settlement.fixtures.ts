// Shared setup for the settlement tests: one server on an app clock, two Huangpi and two Yangcheng visits confirmed
// in November 2026, and the clock moved to 5 December when settlement runs (000 七; 001 七(三)).
import 'reflect-metadata';
import { expect } from 'vitest';
import { monthInShanghai } from '../common/calendar.js';
import { writeRecordedVisit } from '../seed/recorded-visit.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';
import { monthWindow } from './settlement.service.js';
import { creditSelfPaid } from '../testing/wallet-fixtures.js';

export let s: TestServer;
export const t: Record<string, string> = {};
export let month: string;
export let seq = 0;
// The app clock: the visits happen in November 2026, settlement runs on 5 December.
const START = '2026-11-12T10:00:00+08:00';
export let now = new Date(START);
export const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, t[who]);
export const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

/** Places an order through the API (real holds), marks the visit done, and confirms it (real charges). */
export async function confirmedOrder(
  who: string,
  confirmer: string,
  elderId: string,
  serviceCode: string,
  quantity: number,
) {
  const placed = await gql(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
    {
      i: {
        elderId,
        serviceCode,
        quantity,
        scheduledAt: new Date(now.getTime() + 3600_000).toISOString(),
        idempotencyKey: `settle-${seq++}`,
      },
    },
    who,
  );
  expect(placed.errors).toBeUndefined();
  const order = await s.db.prisma.order.findUniqueOrThrow({
    where: { id: placed.data.placeOrder.id },
    include: { provider: { include: { caregivers: true } } },
  });
  const cg = order.provider!.caregivers[0]!;
  // The visit as booked (check-in at the booked time, check-out after the booked hours), so no exception holds the
  // month.
  await writeRecordedVisit(s.db.prisma, order.id, {
    caregiverId: cg.id,
    checkInAt: order.scheduledAt,
    minutes: 60 * quantity,
  });
  const confirmed = await gql(`mutation($o: ID!) { confirmOrder(orderId: $o) { status } }`, { o: order.id }, confirmer);
  expect(confirmed.errors).toBeUndefined();
  return order;
}

export async function ledgerTotals() {
  const { start, end } = monthWindow(month);
  const rows = await s.db.prisma.$queryRaw<{ kind: string; total: bigint }[]>`
    SELECT a.kind::text, SUM(-e.amount) AS total
      FROM "LedgerEntry" e
      JOIN "LedgerTransaction" t ON t.id = e."transactionId"
      JOIN "LedgerAccount" a ON a.id = e."accountId"
     WHERE t.kind = 'CHARGE' AND t."orderId" IS NOT NULL AND a."elderId" IS NOT NULL
       AND t."createdAt" >= ${start} AND t."createdAt" < ${end}
     GROUP BY a.kind`;
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.total)]));
}

/** Huangpi elders with a charge or an answered care call in the month, counted here without the settlement's SQL. */
export async function servedHuangpiElders() {
  const { start, end } = monthWindow(month);
  const charged = await s.db.prisma.ledgerTransaction.findMany({
    where: { kind: 'CHARGE', elderId: { not: null }, createdAt: { gte: start, lt: end } },
    select: { elderId: true },
  });
  const called = await s.db.prisma.callAttempt.findMany({
    where: { answered: true, at: { gte: start, lt: end } },
    select: { callTask: { select: { elderId: true } } },
  });
  const ids = new Set([...charged.map((c) => c.elderId!), ...called.map((c) => c.callTask.elderId)]);
  return s.db.prisma.enrolment.count({ where: { elderId: { in: [...ids] }, policy: { code: 'HUANGPI_2020' } } });
}
export const setNow = (v: typeof now) => {
  now = v;
};

export async function setup() {
  // Test files may share this module (server/vitest.config.ts): each starts from the same day.
  now = new Date(START);
  seq = 0;
  s = await startTestServer({}, { clock: () => now });
  month = monthInShanghai(now);
  for (const u of ['family', 'district_admin', 'yc_admin', 'yc_worker', 'qa', 'worker']) t[u] = await s.login(u);
  // Money for self-paid overage, and a Yangcheng family member to confirm Yangcheng visits.
  const hp = (
    await s.db.prisma.familyLink.findFirstOrThrow({
      where: { user: { username: 'family' } },
      orderBy: { createdAt: 'asc' },
    })
  ).elderId;
  await creditSelfPaid(s.db.prisma, hp, 20000, 'settle-topup');
  const ycWorker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_worker' } });
  const yc = await s.db.prisma.elder.findFirstOrThrow({
    where: { communityId: ycWorker.regionId!, status: 'ENROLLED' },
  });
  t.yc_family = await addUser(s, 'yc_family_settle', { displayName: '阳城家属', role: 'FAMILY' });
  await s.db.prisma.familyLink.create({
    data: {
      elderId: yc.id,
      userId: (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_family_settle' } })).id,
      relation: '儿子',
    },
  });

  // This month: two Huangpi visits (one split between subsidy and self-paid) and two Yangcheng hours visits.
  await confirmedOrder('family', 'family', hp, 'HP_NAIL_CARE', 1);
  await confirmedOrder('family', 'family', hp, 'HP_ROOM_CLEANING', 3);
  const hourly = (
    await s.db.prisma.serviceItem.findFirstOrThrow({ where: { policy: { code: 'YANGCHENG_2026' }, unit: 'PER_HOUR' } })
  ).code;
  await confirmedOrder('yc_worker', 'yc_family', yc.id, hourly, 1);
  await confirmedOrder('yc_worker', 'yc_family', yc.id, hourly, 2);
  // Settlement happens after the month is over.
  const [y, m] = month.split('-').map(Number);
  now = new Date(Date.UTC(y!, m!, 5, 2));
}
