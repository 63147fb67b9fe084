// Shared setup of the visit tests (orders/visits.test.ts, orders/visit-charges.test.ts): one test
// server per file on the app clock, the demo accounts logged in, and one nail-care order of the
// family's elder assigned to the demo caregiver, with the elder's home QR code.
import { expect } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

type VisitElder = { id: string; latitude: number | null; longitude: number | null };
const ctx = {} as {
  s: TestServer;
  base: string;
  tokens: Record<string, string>;
  elder: VisitElder;
  orderId: string;
  qr: string;
};
let seq = 0;
/** A fresh suffix for idempotency keys. */
export const nextSeq = () => seq++;
// The app clock, from before the seed: mid-November 2026, so an hour-ahead booking stays in the
// month whose allowance the seed credited.
export const START = new Date('2026-11-18T10:00:00+08:00');

export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('JFIF-test-photo'),
  Buffer.from([0xff, 0xd9]),
]);
export const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
export const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => ctx.s.gql<T>(q, v, ctx.tokens[who]);
export const upload = (who: string, body: Buffer, type = 'image/jpeg') =>
  fetch(`${ctx.base}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ctx.tokens[who]}`, 'content-type': type },
    body,
  });
export const held = async () =>
  (await ctx.s.db.prisma.ledgerAccount.findMany({ where: { elderId: ctx.elder.id } })).reduce((n, a) => n + a.held, 0n);
export const balance = async () =>
  (await ctx.s.db.prisma.ledgerAccount.findMany({ where: { elderId: ctx.elder.id } })).reduce(
    (n, a) => n + (a.unit === 'FEN' ? a.balance : 0n),
    0n,
  );

export const CHECK_IN = `mutation($i: CheckInInput!) {
  checkIn(input: $i) { status visit { checkInAt checkInDistanceM } }
}`;
export const CHECK_OUT = `mutation($i: CheckOutInput!) {
  checkOut(input: $i) { status visit { checkInAt checkOutAt durationMinutes photoUrls } }
}`;

export async function startVisits() {
  const s = (ctx.s = await startTestServer({}, { clock: () => START }));
  ctx.base = s.url.replace(/\/graphql$/, '');
  ctx.tokens = {};
  for (const u of ['family', 'worker', 'worker2', 'provider_admin', 'caregiver']) ctx.tokens[u] = await s.login(u);
  const link = await s.db.prisma.familyLink.findFirstOrThrow({
    where: { user: { username: 'family' } },
    orderBy: { createdAt: 'asc' },
  });
  const elder = (ctx.elder = await s.db.prisma.elder.findUniqueOrThrow({ where: { id: link.elderId } }));
  const placed = await gql(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
    {
      i: {
        elderId: elder.id,
        serviceCode: 'HP_NAIL_CARE',
        quantity: 1,
        scheduledAt: new Date(s.app.services.clock().getTime() + 3600_000).toISOString(),
        idempotencyKey: `visit-test-${seq++}`,
      },
    },
    'family',
  );
  ctx.orderId = placed.data.placeOrder.id;
  const cg = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });
  const assigned = await gql(
    `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
    { o: ctx.orderId, c: cg.id },
    'provider_admin',
  );
  expect(assigned.errors).toBeUndefined();
  ctx.qr = (
    await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: elder.id }, 'worker')
  ).data!.homeQrToken;
  return ctx;
}
