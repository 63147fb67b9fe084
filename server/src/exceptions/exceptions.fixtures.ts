// Shared setup for the exceptions tests: one server on an app clock, four Huangpi elders with self-paid money, six
// caregivers, and a visit as booked plus one of each kind of exception (000 七).
import 'reflect-metadata';
import { expect } from 'vitest';
import { writeRecordedVisit } from '../seed/recorded-visit.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { monthInShanghai } from '../common/calendar.js';
import { creditSelfPaid } from '../testing/wallet-fixtures.js';

export let s: TestServer;
export const t: Record<string, string> = {};
export let month: string;
export let seq = 0;
// The visits happen in November 2026; settlement runs on 3 December.
const START = '2026-11-12T10:00:00+08:00';
export let now = new Date(START);
export const HOME = { lat: 30.87, lng: 114.38 };
export const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, t[who]);
export const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
export let elders: string[] = [];
export let caregivers: string[] = [];
export const orders: Record<string, string[]> = {};

export interface VisitSpec {
  elder: number;
  caregiver: number;
  service?: string;
  quantity?: number;
  /** Minutes from the booked time to check-in, and the visit's length. */
  startMin?: number;
  minutes: number;
  inAt?: { lat: number; lng: number };
  outAt?: { lat: number; lng: number };
  photoHash?: string;
  confirm?: boolean;
}

/**
 * Books through the API (real holds), records the visit as the caregiver's app would, and confirms it by the worker's
 * call (real charges).
 */
export async function visit(v: VisitSpec) {
  // An hour apart from 11:00 to 19:00, then the next day: home visits start within the programme's booking hours.
  const slot = 1 + seq;
  const scheduledAt = new Date(now.getTime() + 86_400_000 * Math.floor(slot / 10) + 3600_000 * (slot % 10));
  const placed = await gql(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
    {
      i: {
        elderId: elders[v.elder],
        serviceCode: v.service ?? 'HP_NAIL_CARE',
        quantity: v.quantity ?? 1,
        scheduledAt: scheduledAt.toISOString(),
        idempotencyKey: `exception-${seq++}`,
      },
    },
    'worker',
  );
  expect(placed.errors).toBeUndefined();
  const id = placed.data.placeOrder.id as string;
  const cg = caregivers[v.caregiver]!;
  const photo = async (h: string) =>
    (
      await s.db.prisma.storedFile.create({
        data: {
          storageKey: `exc/${seq}-${h}-${Math.random()}`,
          mimeType: 'image/jpeg',
          sizeBytes: 10,
          sha256: h,
          uploadedById: (await s.db.prisma.user.findFirstOrThrow({ where: { username: 'caregiver' } })).id,
        },
      })
    ).id;
  const checkInAt = new Date(scheduledAt.getTime() + (v.startMin ?? 0) * 60_000);
  const jitter = seq * 0.0003;
  const inAt = v.inAt ?? { lat: HOME.lat + jitter, lng: HOME.lng + jitter };
  const outAt = v.outAt ?? { lat: inAt.lat + 0.0004, lng: inAt.lng };
  await writeRecordedVisit(s.db.prisma, id, {
    caregiverId: cg,
    checkInAt,
    minutes: v.minutes,
    checkIn: inAt,
    checkOut: outAt,
    photoIds: { in: await photo(v.photoHash ?? `in-${seq}`), out: await photo(`out-${seq}`) },
  });
  if (v.confirm !== false) {
    const r = await gql(
      `mutation($o: ID!) { confirmVisitByCall(orderId: $o, note: "电话回访老人，确认已上门服务") { status } }`,
      { o: id },
      'worker',
    );
    expect(r.errors).toBeUndefined();
  }
  return id;
}

export const reasonsOf = async (orderId: string) =>
  (await s.db.prisma.visitException.findMany({ where: { orderId }, orderBy: { reason: 'asc' } })).map((x) => x.reason);
export const exceptionOf = (orderId: string, reason: string) =>
  s.db.prisma.visitException.findUniqueOrThrow({ where: { orderId_reason: { orderId, reason: reason as never } } });
export const RESOLVE = `mutation($i: ResolveVisitExceptionInput!) {
  resolveVisitException(input: $i) { id status reversedFen }
}`;
export const RUN = `mutation($m: String!) {
  runSettlement(month: $m) { id status orders subsidyFen selfPaidFen heldReason provider { id } }
}`;
export const fenOf = async (elderId: string) =>
  (await s.db.prisma.ledgerAccount.findMany({ where: { elderId, unit: 'FEN' } })).reduce((n, a) => n + a.balance, 0n);
export const setNow = (v: typeof now) => {
  now = v;
};

export async function setup() {
  // Test files may share this module (server/vitest.config.ts): each starts from the same day.
  now = new Date(START);
  seq = 0;
  s = await startTestServer({}, { clock: () => now });
  month = monthInShanghai(now);
  for (const u of ['worker', 'street_officer', 'yc_street_officer', 'district_admin', 'provider_admin', 'qa', 'family'])
    t[u] = await s.login(u);
  const worker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
  elders = (
    await s.db.prisma.elder.findMany({
      where: { communityId: worker.regionId!, status: 'ENROLLED' },
      orderBy: { id: 'asc' },
      take: 4,
    })
  ).map((e) => e.id);
  expect(elders).toHaveLength(4);
  // Self-paid money for the overage of each elder.
  for (const id of elders) await creditSelfPaid(s.db.prisma, id, 30000, `exc-topup-${id}`);
  const provider = (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'provider_admin' } })).providerId!;
  for (let i = 0; i < 6; i++)
    await s.db.prisma.caregiver.create({
      data: { providerId: provider, name: `护理员${i}`, phone: `1390000000${i}`, skills: [] },
    });
  caregivers = (
    await s.db.prisma.caregiver.findMany({
      where: { providerId: provider, name: { startsWith: '护理员' } },
      orderBy: { id: 'asc' },
      take: 6,
    })
  ).map((c) => c.id);
  expect(caregivers).toHaveLength(6);

  // A visit as booked, and one of each kind of exception (each with its own caregiver, so they do not mix).
  orders.normal = [await visit({ elder: 0, caregiver: 0, minutes: 40 })];
  orders.short = [await visit({ elder: 0, caregiver: 0, service: 'HP_ROOM_CLEANING', quantity: 3, minutes: 20 })];
  orders.samePoint = [
    await visit({
      elder: 1,
      caregiver: 1,
      minutes: 3,
      inAt: { lat: 30.9, lng: 114.4 },
      outAt: { lat: 30.9, lng: 114.4 },
    }),
  ];
  const first = await visit({ elder: 1, caregiver: 2, minutes: 90 });
  const overlapStart = (await s.db.prisma.visit.findUniqueOrThrow({ where: { orderId: first } })).checkInAt!;
  const second = await visit({ elder: 2, caregiver: 2, minutes: 30 });
  // The second home's check-in falls in the first visit (one caregiver in two homes at once).
  await s.db.prisma.visit.update({
    where: { orderId: second },
    data: {
      checkInAt: new Date(overlapStart.getTime() + 30 * 60_000),
      checkOutAt: new Date(overlapStart.getTime() + 60 * 60_000),
    },
  });
  orders.overlap = [first, second];
  orders.photo = [
    await visit({ elder: 2, caregiver: 3, minutes: 40, photoHash: 'same-photo' }),
    await visit({ elder: 3, caregiver: 3, minutes: 40, photoHash: 'same-photo' }),
  ];
  orders.location = [];
  for (let i = 0; i < 5; i++)
    orders.location.push(
      await visit({ elder: 3, caregiver: 4, minutes: 40, inAt: { lat: 30.812345, lng: 114.312345 } }),
    );
  orders.window = [await visit({ elder: 3, caregiver: 5, minutes: 40, startMin: -3 * 24 * 60 })];
  orders.unconfirmed = [await visit({ elder: 3, caregiver: 5, minutes: 40, confirm: false })];
}
