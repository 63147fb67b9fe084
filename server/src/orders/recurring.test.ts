// placeRecurringOrders (issue 25): a weekly or daily series as separate orders, one key each
// (`<key>:<n>`), each with its own holds in the ledger; refusals write nothing; ten identical
// requests at once place the series once; a replay returns it; the key for another series is
// IDEMPOTENCY_CONFLICT; a series that runs out of money part-way keeps the visits it could pay for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { paidHomeVisitItem } from '../testing/orders-fixtures.js';
import { ledgerViolations } from '../wallet/index.js';

let s: TestServer;
// Monday 16 November 2026, 09:00 in Beijing: the app clock, not the wall's.
const now = new Date('2026-11-16T09:00:00+08:00');
let family: string;
let elderId: string;
let serviceCode: string;

const PLACE = `mutation($i: PlaceRecurringOrdersInput!) { placeRecurringOrders(input: $i) {
  id scheduledAt status amountFen } }`;
type Placed = { placeRecurringOrders: { id: string; scheduledAt: string; status: string; amountFen: number }[] };
// Wednesday 18 November, 10:00 Beijing.
const FIRST = '2026-11-18T02:00:00.000Z';
const place = (input: Record<string, unknown>) =>
  s.gql<Placed>(PLACE, { i: { elderId, serviceCode, quantity: 1, scheduledAt: FIRST, ...input } }, family);
const code = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const ordersOf = (key: string) =>
  s.db.prisma.order.findMany({
    where: { idempotencyKey: { startsWith: `${key}:` } },
    include: { holds: true },
    orderBy: { scheduledAt: 'asc' },
  });

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  family = await s.login('family');
  const link = await s.db.prisma.familyLink.findFirstOrThrow({
    where: { user: { username: 'family' } },
    orderBy: { createdAt: 'asc' },
  });
  elderId = link.elderId;
  // The cheapest paid home visit of the elder's programme, so a few fit in the month's subsidy.
  serviceCode = (await paidHomeVisitItem(s, elderId)).code;
});
afterAll(async () => s?.close());

describe('placeRecurringOrders', () => {
  it('refuses a bad series and writes nothing', async () => {
    const before = await s.db.prisma.order.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ repeat: 'WEEKLY', until: '2026-11-17', idempotencyKey: 'rec-bad-0001' }, 'BAD_USER_INPUT'], // before the first
      [{ repeat: 'WEEKLY', until: '2026-11-20', idempotencyKey: 'rec-bad-0002' }, 'BAD_USER_INPUT'], // only one visit
      [{ repeat: 'DAILY', until: '2026-12-31', idempotencyKey: 'rec-bad-0003' }, 'BAD_USER_INPUT'], // over 31 visits
      [{ repeat: 'WEEKLY', until: '2027-02-28', idempotencyKey: 'rec-bad-0004' }, 'BAD_USER_INPUT'], // past 60 days
      [{ repeat: 'WEEKLY', until: '2026/12/01', idempotencyKey: 'rec-bad-0005' }, 'BAD_USER_INPUT'],
      [{ repeat: 'WEEKLY', until: '2026-12-02', idempotencyKey: 'short' }, 'BAD_USER_INPUT'],
    ];
    for (const [input, expected] of cases) expect(code(await place(input)), JSON.stringify(input)).toBe(expected);
    expect(await s.db.prisma.order.count()).toBe(before);
  });

  it('places a weekly series as separate orders at the same Beijing time, each holding its price', async () => {
    const held = async () =>
      (await s.db.prisma.ledgerAccount.findMany({ where: { elderId } })).reduce((n, a) => n + a.held, 0n);
    const before = await held();
    const r = await place({ repeat: 'WEEKLY', until: '2026-12-02', idempotencyKey: 'rec-weekly-1' });
    expect(r.errors).toBeUndefined();
    const got = r.data!.placeRecurringOrders;
    // 18 Nov, 25 Nov, 2 Dec (until is inclusive), all at 10:00 Beijing.
    expect(got.map((o) => o.scheduledAt)).toEqual([
      '2026-11-18T02:00:00.000Z',
      '2026-11-25T02:00:00.000Z',
      '2026-12-02T02:00:00.000Z',
    ]);
    const rows = await ordersOf('rec-weekly-1');
    expect(rows.map((o) => o.idempotencyKey)).toEqual(['rec-weekly-1:0', 'rec-weekly-1:1', 'rec-weekly-1:2']);
    for (const o of rows) {
      expect(o.status).toBe('PLACED');
      expect(o.holds.every((h) => h.status === 'ACTIVE')).toBe(true);
      expect(o.holds.reduce((n, h) => n + h.amount, 0n)).toBe(BigInt(o.amountFen));
    }
    expect(await held()).toBe(before + rows.reduce((n, o) => n + BigInt(o.amountFen), 0n));
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);

    // The same request again returns the same orders; the key for another series is refused.
    const again = await place({ repeat: 'WEEKLY', until: '2026-12-02', idempotencyKey: 'rec-weekly-1' });
    expect(again.data!.placeRecurringOrders.map((o) => o.id)).toEqual(got.map((o) => o.id));
    expect(code(await place({ repeat: 'DAILY', until: '2026-11-20', idempotencyKey: 'rec-weekly-1' }))).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
    expect(code(await place({ repeat: 'WEEKLY', until: '2026-11-25', idempotencyKey: 'rec-weekly-1' }))).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
    expect(await ordersOf('rec-weekly-1')).toHaveLength(3);
    expect(await held()).toBe(before + rows.reduce((n, o) => n + BigInt(o.amountFen), 0n));
  });

  it('places the series once when the same request arrives ten times at once', async () => {
    const input = { repeat: 'DAILY', until: '2026-11-20', idempotencyKey: 'rec-daily-race' };
    const results = await Promise.all(Array.from({ length: 10 }, () => place(input)));
    const ok = results.filter((r) => !r.errors);
    expect(ok.length).toBe(10);
    const ids = ok[0]!.data!.placeRecurringOrders.map((o) => o.id);
    expect(ids).toHaveLength(3);
    for (const r of ok) expect(r.data!.placeRecurringOrders.map((o) => o.id)).toEqual(ids);
    const rows = await ordersOf('rec-daily-race');
    expect(rows).toHaveLength(3);
    expect(rows.flatMap((o) => o.holds).length).toBeGreaterThanOrEqual(3);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('keeps the visits it could pay for when the money runs out part-way, and a retry places none twice', async () => {
    const r = await place({ repeat: 'DAILY', until: '2026-12-18', idempotencyKey: 'rec-daily-long' });
    const rows = await ordersOf('rec-daily-long');
    // The demo elder's month (70 元 subsidy and a small self-paid balance) cannot pay for 31 visits.
    expect(code(r)).toBe('INSUFFICIENT_BALANCE');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(31);
    expect(r.errors![0]!.message).toContain(`已预约前 ${rows.length} 次`);
    expect(r.errors![0]!.extensions?.details).toMatchObject({ placed: rows.length });
    const retry = await place({ repeat: 'DAILY', until: '2026-12-18', idempotencyKey: 'rec-daily-long' });
    expect(code(retry)).toBe('INSUFFICIENT_BALANCE');
    expect((await ordersOf('rec-daily-long')).map((o) => o.id)).toEqual(rows.map((o) => o.id));
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});
