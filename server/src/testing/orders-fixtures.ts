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
