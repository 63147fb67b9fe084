// 改期 on a real server with the demo seed: a visit not yet started moves to another time within the
// limits booking keeps (visits.bookingHours, 000 六·流程2; 60 days; not in the past), until the
// caregiver checks in, with its holds left as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedElderId } from '../testing/users.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { creditSelfPaid } from '../testing/wallet-fixtures.js';

let s: TestServer;
let family: string;
let elderId: string;
let seq = 0;
// A Wednesday in mid-November 2026, away from month ends.
const now = new Date('2026-11-18T10:00:00+08:00');
const key = () => `reschedule-test-${seq++}`;
/** A Beijing time `days` after today's date. */
const at = (days: number, hhmm: string) =>
  new Date(new Date(`2026-11-18T${hhmm}:00+08:00`).getTime() + days * 86_400_000).toISOString();

const ORDER = 'id status scheduledAt caregiver { id } reschedules { fromAt toAt }';
const MOVE = `mutation($o: ID!, $t: DateTime!, $k: String!) {
  rescheduleOrder(orderId: $o, startAt: $t, idempotencyKey: $k) {
  ${ORDER} } }`;
type Moved = {
  rescheduleOrder: {
    id: string;
    status: string;
    scheduledAt: string;
    caregiver: { id: string } | null;
    reschedules: { fromAt: string; toAt: string }[];
  };
};
const move = (orderId: string, startAt: string, k = key(), token = family) =>
  s.gql<Moved>(MOVE, { o: orderId, t: startAt, k }, token);
const code = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

async function place(scheduledAt = at(1, '09:00')) {
  const r = await s.gql<{ placeOrder: { id: string } }>(
    `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`,
    { input: { elderId, serviceCode: 'HP_ROOM_CLEANING', quantity: 1, scheduledAt, idempotencyKey: key() } },
    family,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.placeOrder.id;
}
const holds = (orderId: string) =>
  s.db.prisma.hold.findMany({
    where: { orderId },
    orderBy: { id: 'asc' },
    select: { id: true, amount: true, status: true, accountId: true },
  });
const snapshot = async (orderId: string) => ({
  order: await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } }),
  holds: await holds(orderId),
  moves: await s.db.prisma.orderReschedule.count({ where: { orderId } }),
});

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  family = await s.login('family');
  elderId = await linkedElderId(s);
  // Self-paid money for the visits the month's subsidy no longer covers, so every test can book.
  await creditSelfPaid(s.db.prisma, elderId, 200_000, 'reschedule-test-topup');
});
afterAll(async () => s?.close());

describe('rescheduleOrder: refusals change nothing', () => {
  it('refuses the past, the same time, beyond 60 days, outside booking hours and a malformed key', async () => {
    const id = await place();
    const before = await snapshot(id);
    const past = await move(id, at(0, '08:00'));
    expect(code(past)).toBe('BAD_USER_INPUT');
    expect(past.errors![0]!.message).toContain('不能早于现在');
    expect(code(await move(id, before.order.scheduledAt.toISOString()))).toBe('BAD_USER_INPUT');
    expect(code(await move(id, at(61, '09:00')))).toBe('BAD_USER_INPUT');
    // Huangpi's hours: visits start 07:00–20:00 (000 六·流程2, assumed); 03:00 is more likely a typo.
    const night = await move(id, at(2, '03:00'));
    expect(code(night)).toBe('OUTSIDE_BOOKING_HOURS');
    expect(night.errors![0]!.message).toContain('000 六·流程2');
    expect(code(await move(id, at(2, '09:00'), 'short'))).toBe('BAD_USER_INPUT');
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses a caregiver, another district (FORBIDDEN), a cancelled or started visit (INVALID_STATE)', async () => {
    const id = await place();
    const caregiver = await s.login('caregiver');
    expect(code(await move(id, at(2, '10:00'), key(), caregiver))).toBe('FORBIDDEN');
    // A community worker of another programme's district does not reach this elder's order.
    expect(code(await move(id, at(2, '10:00'), key(), await s.login('yc_worker')))).toBe('FORBIDDEN');
    const cancelled = await s.gql(
      `mutation($o: ID!) { cancelOrder(orderId: $o, reason: "老人住院") { id } }`,
      { o: id },
      family,
    );
    expect(cancelled.errors).toBeUndefined();
    const r = await move(id, at(2, '10:00'));
    expect(code(r)).toBe('INVALID_STATE');
    expect(r.errors![0]!.message).toContain('已经取消');
    const started = await place();
    await s.db.prisma.order.update({ where: { id: started }, data: { status: 'IN_SERVICE' } });
    expect(code(await move(started, at(2, '10:00')))).toBe('INVALID_STATE');
    expect(await s.db.prisma.orderReschedule.count({ where: { orderId: { in: [id, started] } } })).toBe(0);
  });
});

describe('rescheduleOrder: moving a visit', () => {
  it('moves the time, keeps the holds as they were, records the move and audits it', async () => {
    const id = await place(at(1, '09:00'));
    const before = await snapshot(id);
    const r = await move(id, at(3, '14:30'));
    expect(r.errors).toBeUndefined();
    expect(r.data!.rescheduleOrder).toMatchObject({ status: 'PLACED', scheduledAt: at(3, '14:30') });
    expect(r.data!.rescheduleOrder.reschedules).toEqual([{ fromAt: at(1, '09:00'), toAt: at(3, '14:30') }]);
    // Same accounts, same amounts, still active: the booking's price does not depend on its time.
    expect(await holds(id)).toEqual(before.holds);
    expect(before.holds.every((h) => h.status === 'ACTIVE')).toBe(true);
    const log = await s.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'ORDER_RESCHEDULED', entityId: id } });
    expect(log.detail).toMatchObject({ fromAt: at(1, '09:00'), toAt: at(3, '14:30') });
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('sends an assigned visit back to dispatch, since its caregiver was sent for the old time', async () => {
    const id = await place();
    const caregiver = await s.db.prisma.caregiver.findFirstOrThrow({
      where: { provider: { orders: { some: { id } } }, active: true },
    });
    await s.db.prisma.order.update({ where: { id }, data: { status: 'ASSIGNED', caregiverId: caregiver.id } });
    const r = await move(id, at(4, '10:00'));
    expect(r.errors).toBeUndefined();
    expect(r.data!.rescheduleOrder).toMatchObject({ status: 'PLACED', caregiver: null });
    const log = await s.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'ORDER_RESCHEDULED', entityId: id } });
    expect(log.detail).toMatchObject({ unassignedCaregiverId: caregiver.id });
  });

  it('a replayed key returns the first move; the key reused for another time is IDEMPOTENCY_CONFLICT', async () => {
    const id = await place();
    const k = key();
    const first = await move(id, at(5, '10:00'), k);
    expect(first.errors).toBeUndefined();
    const again = await move(id, at(5, '10:00'), k);
    expect(again.errors).toBeUndefined();
    expect(again.data!.rescheduleOrder.scheduledAt).toBe(at(5, '10:00'));
    expect(await s.db.prisma.orderReschedule.count({ where: { orderId: id } })).toBe(1);
    expect(code(await move(id, at(6, '10:00'), k))).toBe('IDEMPOTENCY_CONFLICT');
    expect((await s.db.prisma.order.findUniqueOrThrow({ where: { id } })).scheduledAt.toISOString()).toBe(
      at(5, '10:00'),
    );
  });

  it('ten requests at once with one key move the visit once', async () => {
    const id = await place();
    const k = key();
    const results = await Promise.all(Array.from({ length: 10 }, () => move(id, at(7, '11:00'), k)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(await s.db.prisma.orderReschedule.count({ where: { orderId: id } })).toBe(1);
  });

  it('moves at once with different keys chain, each from where the last left it; a racing cancel wins', async () => {
    const id = await place(at(1, '09:00'));
    const times = [at(8, '09:00'), at(8, '10:00'), at(8, '11:00'), at(8, '12:00')];
    const results = await Promise.all(times.map((t) => move(id, t)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const moves = await s.db.prisma.orderReschedule.findMany({ where: { orderId: id }, orderBy: { id: 'asc' } });
    expect(moves).toHaveLength(4);
    // Each move starts where the one before it ended: no move read a stale time.
    expect(moves[0]!.fromAt.toISOString()).toBe(at(1, '09:00'));
    for (let i = 1; i < moves.length; i++) expect(moves[i]!.fromAt).toEqual(moves[i - 1]!.toAt);
    const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id } });
    expect(order.scheduledAt).toEqual(moves[3]!.toAt);

    const raced = await place();
    const [m, c] = await Promise.all([
      move(raced, at(9, '10:00')),
      s.gql(`mutation($o: ID!) { cancelOrder(orderId: $o, reason: "改约其他机构") { id } }`, { o: raced }, family),
    ]);
    expect(c.errors).toBeUndefined();
    if (m.errors) expect(code(m)).toBe('INVALID_STATE');
    const after = await snapshot(raced);
    expect(after.order.status).toBe('CANCELLED');
    expect(after.holds.every((h) => h.status !== 'ACTIVE')).toBe(true);
    expect(after.moves).toBe(m.errors ? 0 : 1);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});
