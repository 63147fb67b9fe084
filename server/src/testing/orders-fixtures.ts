// Orders as the tests of several areas place and assign them, through the API as the apps do, and
// what an order leaves in the database (to show a refusal changed nothing).
import { expect } from 'vitest';
import type { TestServer } from './harness.js';

export type GqlResult = {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
};

export interface OrderInput {
  elderId: string;
  serviceCode: string;
  scheduledAt: Date;
  idempotencyKey: string;
  quantity?: number;
}

/**
 * A paid home visit of the elder's programme (offline, priced, not a meal): the cheapest first by
 * default, so a few fit in the month's subsidy, or the first by code.
 */
export function paidHomeVisitItem(s: TestServer, elderId: string, first: 'cheapest' | 'byCode' = 'cheapest') {
  return s.db.prisma.serviceItem.findFirstOrThrow({
    where: {
      mode: 'OFFLINE',
      priceFen: { gt: 0 },
      category: { not: '助餐' },
      policy: { enrolments: { some: { elderId } } },
    },
    orderBy: first === 'cheapest' ? { priceFen: 'asc' } : { code: 'asc' },
  });
}

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id scheduledAt } }`;

/** placeOrder as `token`; the result as the API gave it, refusals included. */
export function placeOrderAs(s: TestServer, token: string, o: OrderInput): Promise<GqlResult> {
  const input = { ...o, quantity: o.quantity ?? 1, scheduledAt: o.scheduledAt.toISOString() };
  return s.gql(PLACE, { input }, token);
}

/** placeOrder as `token`, which must succeed; the new order's id. */
export async function placedOrderId(s: TestServer, token: string, o: OrderInput): Promise<string> {
  const r = await placeOrderAs(s, token, o);
  expect(r.errors).toBeUndefined();
  return r.data!.placeOrder.id as string;
}

/**
 * A full page of an elder's orders (the family dashboard's ratchet and bench): one booked meal delivery
 * and `copies` copies of it, each assigned to one of the provider's caregivers in turn, so every card
 * reads a caregiver and their ratings. The caregivers used.
 */
export async function fullOrderPage(s: TestServer, token: string, elderId: string, key: string, copies = 20) {
  const placed = await placedOrderId(s, token, {
    elderId,
    serviceCode: 'HP_MEAL_DELIVERY',
    scheduledAt: new Date('2026-11-21T11:00:00+08:00'),
    idempotencyKey: key,
  });
  const { id: _id, idempotencyKey, ...like } = await s.db.prisma.order.findUniqueOrThrow({ where: { id: placed } });
  const caregivers = await s.db.prisma.caregiver.findMany({ where: { providerId: like.providerId! }, take: 3 });
  await s.db.prisma.order.createMany({
    data: Array.from({ length: copies }, (_, i) => ({
      ...like,
      status: 'ASSIGNED' as const,
      caregiverId: caregivers[i % caregivers.length]!.id,
      idempotencyKey: `${idempotencyKey}-copy-${i}`,
    })),
  });
  return caregivers;
}

/** The demo provider's admin assigns the order to the caregiver with that account; that caregiver. */
export async function assignTo(s: TestServer, orderId: string, caregiver = 'caregiver') {
  const cg = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: caregiver } } });
  const r: GqlResult = await s.gql(
    `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
    { o: orderId, c: cg.id },
    await s.login('provider_admin'),
  );
  expect(r.errors).toBeUndefined();
  return cg;
}

/** What an elder's orders have written: orders, holds, the held amount per account, reschedules. */
export async function orderFootprint(s: TestServer, elderId: string) {
  const accounts = await s.db.prisma.ledgerAccount.findMany({ where: { elderId }, orderBy: { kind: 'asc' } });
  return {
    orders: await s.db.prisma.order.count({ where: { elderId } }),
    holds: await s.db.prisma.hold.count({ where: { account: { elderId } } }),
    held: accounts.map((a) => a.held),
    moves: await s.db.prisma.orderReschedule.count({ where: { order: { elderId } } }),
  };
}
