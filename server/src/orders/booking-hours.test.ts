// The programme's booking hours (visits.bookingHours; Huangpi 000 六·流程2, assumed 7:00–20:00, night
// care exempt) are enforced by placeOrder on every channel, not only by the bot before it calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingHoursFor, checkBookingHours, type PolicyDocument } from '../policies/index.js';
import { policyByCode } from '../policies/documents/index.js';
import { orderFootprint } from '../testing/orders-fixtures.js';
import { linkedElderId } from '../testing/users.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ledgerViolations } from '../wallet/index.js';

const huangpi = policyByCode('HUANGPI_2020')!;
const cleaning = huangpi.serviceGuide.items.find((i) => i.code === 'HP_ROOM_CLEANING')!;
// Shanghai wall time on the day after the test's "today" (a Thursday in mid-November 2026).
const at = (hhmm: string) => new Date(`2026-11-19T${hhmm}:00+08:00`);

describe('checkBookingHours (pure)', () => {
  it('takes the hours from the document, both ends inclusive, in Asia/Shanghai time', () => {
    const hours = huangpi.visits.bookingHours!;
    expect(bookingHoursFor(huangpi, cleaning)).toEqual({
      fromMinute: hours.fromMinute,
      untilMinute: hours.untilMinute,
      slots: [{ label: '上门服务时段', fromMinute: hours.fromMinute, untilMinute: hours.untilMinute }],
      source: hours.source,
    });
    const wall = (m: number) => at(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    expect(checkBookingHours(huangpi, cleaning, wall(hours.fromMinute)).ok).toBe(true);
    expect(checkBookingHours(huangpi, cleaning, wall(hours.untilMinute)).ok).toBe(true);
    expect(checkBookingHours(huangpi, cleaning, wall(hours.fromMinute - 1)).ok).toBe(false);
    expect(checkBookingHours(huangpi, cleaning, wall(hours.untilMinute + 1)).ok).toBe(false);
    // 09:00 in Shanghai is 01:00 UTC: judged in UTC it would be refused.
    expect(checkBookingHours(huangpi, cleaning, new Date('2026-11-19T01:00:00Z')).ok).toBe(true);
  });

  it('says when the item may start and cites the clause', () => {
    const v = checkBookingHours(huangpi, cleaning, at('03:00'));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.message).toContain('11月19日（周四）凌晨3:00');
    expect(v.message).toContain(`${cleaning.name}须在 7:00–20:00 之间开始`);
    expect(v.message).toContain(huangpi.visits.bookingHours!.source);
  });

  it('exempts night care (anyHour) and programmes that set no hours', () => {
    expect(checkBookingHours(huangpi, { ...cleaning, anyHour: true }, at('03:00')).ok).toBe(true);
    const noHours: PolicyDocument = { ...huangpi, visits: { ...huangpi.visits, bookingHours: undefined } };
    expect(bookingHoursFor(noHours, cleaning)).toBeNull();
    expect(checkBookingHours(noHours, cleaning, at('03:00')).ok).toBe(true);
  });
});

let s: TestServer;
let now = new Date('2026-11-18T10:00:00+08:00');
let seq = 0;
let elderId: string;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id scheduledAt status } }`;
const place = (token: string, scheduledAt: Date, serviceCode = 'HP_ROOM_CLEANING') =>
  s.gql<{ placeOrder: { id: string; scheduledAt: string } }>(
    PLACE,
    {
      input: {
        elderId,
        serviceCode,
        quantity: 1,
        scheduledAt: scheduledAt.toISOString(),
        idempotencyKey: `booking-hours-${seq++}`,
      },
    },
    token,
  );
const footprint = () => orderFootprint(s, elderId);

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  elderId = await linkedElderId(s);
}, 300_000);
afterAll(async () => s?.close());

describe('placeOrder: booking hours', () => {
  it('refuses a night start (03:00, 06:59, 20:01, 23:30) from family and worker, writing nothing', async () => {
    const family = await s.login('family');
    const worker = await s.login('worker');
    const before = await footprint();
    for (const [token, when] of [
      [family, '03:00'],
      [family, '06:59'],
      [worker, '20:01'],
      [worker, '23:30'],
    ] as const) {
      const r = await place(token, at(when));
      expect(r.data?.placeOrder).toBeUndefined();
      const e = r.errors?.[0];
      expect(e?.extensions?.code).toBe('OUTSIDE_BOOKING_HOURS');
      expect(e?.message).toContain('须在 7:00–20:00 之间开始');
      expect(e?.extensions?.details).toMatchObject({ field: 'scheduledAt', fromMinute: 420, untilMinute: 1200 });
    }
    expect(await footprint()).toEqual(before);
  });

  it('accepts the first and last minute of the hours, the same hours the catalogue shows', async () => {
    const family = await s.login('family');
    const guide = await s.gql<{
      serviceGuide: { code: string; bookableFromMinute: number; bookableUntilMinute: number }[];
    }>(
      'query { serviceGuide(policyCode: "HUANGPI_2020") { code bookableFromMinute bookableUntilMinute } }',
      {},
      family,
    );
    const item = guide.data!.serviceGuide.find((i) => i.code === 'HP_ROOM_CLEANING')!;
    expect([item.bookableFromMinute, item.bookableUntilMinute]).toEqual([420, 1200]);
    const before = await footprint();
    const first = await place(family, at('07:00'));
    const last = await place(family, at('20:00'));
    expect(first.errors).toBeUndefined();
    expect(last.errors).toBeUndefined();
    expect(new Date(first.data!.placeOrder.scheduledAt).getTime()).toBe(at('07:00').getTime());
    expect(new Date(last.data!.placeOrder.scheduledAt).getTime()).toBe(at('20:00').getTime());
    expect((await footprint()).orders).toBe(before.orders + 2);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});
