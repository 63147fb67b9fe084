// Per-visit limits from the service guide (issue 25): a meal only at mealtime (perVisit.slots) and at
// most so many units in one visit (perVisit.maxQuantity). Huangpi 000 四 prices 集中就餐/上门送餐 as
// 午餐 and sets no hours or longest visit, so the windows and maxima are the document's assumed values.
// placeOrder, rescheduleOrder and placeRecurringOrders refuse outside them, writing nothing; the
// catalogue offers the same windows and maximum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingHoursFor, checkBookingHours, checkVisitMaximum, maxQuantityPerVisit } from '../policies/index.js';
import { policyByCode } from '../policies/documents/index.js';
import { orderFootprint } from '../testing/orders-fixtures.js';
import { linkedElderId } from '../testing/users.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ledgerViolations } from '../wallet/index.js';

const huangpi = policyByCode('HUANGPI_2020')!;
const yangcheng = policyByCode('YANGCHENG_2026')!;
const item = (code: string) => huangpi.serviceGuide.items.find((i) => i.code === code)!;
const delivery = item('HP_MEAL_DELIVERY');
const cleaning = item('HP_ROOM_CLEANING');
// Shanghai wall time on the day after the test's "today" (a Thursday in mid-November 2026).
const at = (hhmm: string, day = 19) => new Date(`2026-11-${day}T${hhmm}:00+08:00`);

describe('per-visit limits (pure, 000 四 assumed)', () => {
  it('a lunch delivery starts only in its lunch window, both ends inclusive, in Shanghai time', () => {
    const slot = delivery.perVisit!.slots![0]!;
    expect(slot.label).toBe('午餐');
    expect(bookingHoursFor(huangpi, delivery)).toMatchObject({ slots: [slot], source: '000 四（服务指南）' });
    const wall = (m: number) => at(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    expect(checkBookingHours(huangpi, delivery, wall(slot.fromMinute)).ok).toBe(true);
    expect(checkBookingHours(huangpi, delivery, wall(slot.untilMinute)).ok).toBe(true);
    expect(checkBookingHours(huangpi, delivery, wall(slot.fromMinute - 1)).ok).toBe(false);
    expect(checkBookingHours(huangpi, delivery, wall(slot.untilMinute + 1)).ok).toBe(false);
    // 08:00 and 18:00, inside the programme's 7:00–20:00, are no time for lunch (the case).
    const v = checkBookingHours(huangpi, delivery, at('18:00'));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.message).toContain(`${delivery.name}须在 午餐 10:30–12:00 之间开始（000 四（服务指南）`);
    // An item without its own windows keeps the programme's hours.
    expect(bookingHoursFor(huangpi, cleaning)?.slots).toEqual([
      { label: '上门服务时段', fromMinute: 420, untilMinute: 1200 },
    ]);
  });

  it('Yangcheng meals have breakfast, lunch and dinner windows (001 附件1 assumed), nothing between', () => {
    const meal = yangcheng.serviceGuide.items.find((i) => i.code === 'YC_MEAL')!;
    expect(bookingHoursFor(yangcheng, meal)?.slots.map((s) => s.label)).toEqual(['早餐', '午餐', '晚餐']);
    expect(checkBookingHours(yangcheng, meal, at('07:30')).ok).toBe(true);
    expect(checkBookingHours(yangcheng, meal, at('17:00')).ok).toBe(true);
    const v = checkBookingHours(yangcheng, meal, at('14:00'));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.message).toContain('早餐 7:00–8:30、午餐 10:00–12:00、晚餐 16:00–18:00');
  });

  it('one visit books at most the item maximum; Yangcheng keeps its split (001 三(三): 3 of 4 h)', () => {
    expect(cleaning.perVisit?.maxQuantity).toBe(4);
    expect(checkVisitMaximum(cleaning, 4).ok).toBe(true);
    const v = checkVisitMaximum(cleaning, 20);
    expect(v).toMatchObject({ ok: false, maxQuantity: 4 });
    if (!v.ok) expect(v.message).toContain('居室清洁一次最多预约 4 小时');
    expect(maxQuantityPerVisit(huangpi, cleaning)).toBe(4);
    expect(maxQuantityPerVisit(huangpi, item('HP_HAIRCUT'))).toBeNull();
    const ycCleaning = yangcheng.serviceGuide.items.find((i) => i.code === 'YC_CLEANING')!;
    expect(maxQuantityPerVisit(yangcheng, ycCleaning)).toBe(3);
  });
});

let s: TestServer;
let now = new Date('2026-11-18T10:00:00+08:00');
let seq = 0;
let elderId: string;
let family: string;
type Res = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id scheduledAt } }`;
const place = (scheduledAt: Date, serviceCode = 'HP_MEAL_DELIVERY', quantity = 1): Promise<Res> =>
  s.gql(
    PLACE,
    {
      input: {
        elderId,
        serviceCode,
        quantity,
        scheduledAt: scheduledAt.toISOString(),
        idempotencyKey: `per-visit-${seq++}`,
      },
    },
    family,
  );
const footprint = () => orderFootprint(s, elderId);

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  elderId = await linkedElderId(s);
  family = await s.login('family');
}, 300_000);
afterAll(async () => s?.close());

describe('placeOrder, rescheduleOrder, placeRecurringOrders: per-visit limits', () => {
  it('the catalogue offers the lunch window and the maximum the server enforces', async () => {
    const r = await s.gql<{
      serviceGuide: {
        code: string;
        bookableSlots: { label: string; fromMinute: number; untilMinute: number }[];
        maxQuantityPerVisit: number | null;
      }[];
    }>(
      `query { serviceGuide(policyCode: "HUANGPI_2020") {
        code bookableSlots { label fromMinute untilMinute } maxQuantityPerVisit } }`,
      {},
      family,
    );
    const byCode = new Map(r.data!.serviceGuide.map((i) => [i.code, i]));
    expect(byCode.get('HP_MEAL_DELIVERY')!.bookableSlots).toEqual([
      { label: '午餐', fromMinute: 630, untilMinute: 720 },
    ]);
    expect(byCode.get('HP_ROOM_CLEANING')!.maxQuantityPerVisit).toBe(4);
    expect(byCode.get('HP_HAIRCUT')!.maxQuantityPerVisit).toBeNull();
  });

  it('refuses a lunch at 08:00 or 18:00 and 20 hours of cleaning in one visit, writing nothing', async () => {
    const before = await footprint();
    for (const when of ['08:00', '18:00', '12:01']) {
      const r = await place(at(when));
      expect(r.data?.placeOrder).toBeUndefined();
      expect(r.errors?.[0]?.extensions?.code).toBe('OUTSIDE_BOOKING_HOURS');
      expect(r.errors?.[0]?.message).toContain('须在 午餐 10:30–12:00 之间开始');
      expect(r.errors?.[0]?.extensions?.details).toMatchObject({
        field: 'scheduledAt',
        slots: [{ label: '午餐', fromMinute: 630, untilMinute: 720 }],
      });
    }
    const long = await place(at('09:00'), 'HP_ROOM_CLEANING', 20);
    expect(long.errors?.[0]?.extensions?.code).toBe('OVER_VISIT_MAXIMUM');
    expect(long.errors?.[0]?.message).toContain('居室清洁一次最多预约 4 小时');
    expect(long.errors?.[0]?.extensions?.details).toMatchObject({ field: 'quantity', maxQuantity: 4 });
    // The quote says the same before the family confirms.
    const quote = await s.gql(
      'query($i: QuoteOrderInput!) { quoteOrder(input: $i) { amountFen } }',
      { i: { elderId, serviceCode: 'HP_ROOM_CLEANING', quantity: 5 } },
      family,
    );
    expect(quote.errors?.[0]?.extensions?.code).toBe('OVER_VISIT_MAXIMUM');
    expect(await footprint()).toEqual(before);
  });

  it('a recurring lunch at 18:00 or 5 hours of cleaning a week is refused before any is placed', async () => {
    const before = await footprint();
    const series = (scheduledAt: Date, serviceCode: string, quantity: number): Promise<Res> =>
      s.gql(
        `mutation($i: PlaceRecurringOrdersInput!) { placeRecurringOrders(input: $i) { id } }`,
        {
          i: {
            elderId,
            serviceCode,
            quantity,
            scheduledAt: scheduledAt.toISOString(),
            repeat: 'WEEKLY',
            until: '2026-12-03',
            idempotencyKey: `pv-series-${seq++}`,
          },
        },
        family,
      );
    expect((await series(at('18:00'), 'HP_MEAL_DELIVERY', 1)).errors?.[0]?.extensions?.code).toBe(
      'OUTSIDE_BOOKING_HOURS',
    );
    expect((await series(at('09:00'), 'HP_ROOM_CLEANING', 5)).errors?.[0]?.extensions?.code).toBe('OVER_VISIT_MAXIMUM');
    expect(await footprint()).toEqual(before);
  });

  it('books lunch at the window edges and quotes 4 hours of cleaning; a lunch cannot be moved to 17:00', async () => {
    const first = await place(at('10:30'));
    const last = await place(at('12:00', 20));
    // The maximum itself is taken: the quote prices 4 hours (the demo balance may not cover them).
    const most: Res = await s.gql(
      'query($i: QuoteOrderInput!) { quoteOrder(input: $i) { amountFen } }',
      { i: { elderId, serviceCode: 'HP_ROOM_CLEANING', quantity: 4 } },
      family,
    );
    expect(most.data?.quoteOrder.amountFen).toBe(4 * cleaning.priceFen!);
    for (const r of [first, last, most]) expect(r.errors).toBeUndefined();
    const orderId = first.data!.placeOrder.id as string;
    const before = await footprint();
    const MOVE = `mutation($o: ID!, $t: DateTime!, $k: String!) {
      rescheduleOrder(orderId: $o, startAt: $t, idempotencyKey: $k) { id scheduledAt } }`;
    const late: Res = await s.gql(
      MOVE,
      { o: orderId, t: at('17:00', 21).toISOString(), k: `per-visit-move-${seq++}` },
      family,
    );
    expect(late.errors?.[0]?.extensions?.code).toBe('OUTSIDE_BOOKING_HOURS');
    expect(late.errors?.[0]?.extensions?.details).toMatchObject({ field: 'startAt' });
    expect(await footprint()).toEqual(before);
    const ok: Res = await s.gql(
      MOVE,
      { o: orderId, t: at('11:15', 21).toISOString(), k: `per-visit-move-${seq++}` },
      family,
    );
    expect(ok.errors).toBeUndefined();
    expect(new Date(ok.data!.rescheduleOrder.scheduledAt).getTime()).toBe(at('11:15', 21).getTime());
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});
