// CAREGIVER_OVERLAP (one caregiver in two homes at once, 001 八(二)2(2) 记录虚假服务) is found from the caregiver's
// visits in check-in order (a running latest check-out and the next check-in) instead of pairing every visit of
// the month with every other. This crafted day holds the cases an adjacent-visit-only comparison would get wrong,
// and the findings are checked against the pairwise definition the detector had before, run here as SQL.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectVisitExceptions } from './index.js';
import { s, month, now, visit, caregivers, setup } from './exceptions.fixtures.js';

beforeAll(setup);
afterAll(async () => s?.close());

const at = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00+08:00`);

/** Every (visit, other visit) pair the former self-join paired, with the detail it would write for it. */
async function pairwise() {
  return s.db.prisma.$queryRaw<{ order_id: string; detail: string }[]>`
    WITH vs AS (
      SELECT o.id AS order_id, o."elderId" AS elder_id, v."caregiverId" AS caregiver_id, v."checkInAt" AS cin,
             v."checkOutAt" AS cout
        FROM "Visit" v JOIN "Order" o ON o.id = v."orderId"
       WHERE o."providerId" IS NOT NULL AND o.status::text IN ('COMPLETED', 'CONFIRMED')
         AND v."checkInAt" IS NOT NULL AND v."checkOutAt" IS NOT NULL)
    SELECT a.order_id, '同一护理员在 ' || to_char(greatest(a.cin, b.cin) + interval '8 hours', 'MM-DD HH24:MI') ||
             ' 同时在另一位老人家中签到（工单 ' || left(b.order_id, 8) || '）' AS detail
      FROM vs a JOIN vs b ON b.caregiver_id = a.caregiver_id AND b.order_id <> a.order_id AND b.elder_id <> a.elder_id
       AND b.cin < a.cout AND a.cin < b.cout`;
}

describe('caregiver overlap screening', () => {
  it('finds exactly the visits the pairwise definition finds, naming one of their other visits', async () => {
    // Caregiver 1 has one short visit on the 12th; this day is theirs alone.
    const day: Record<string, { elder: number; from: string; to: string }> = {
      long: { elder: 0, from: '08:00', to: '12:00' },
      inside: { elder: 1, from: '09:00', to: '09:30' },
      // Overlaps only the long visit, which is not the visit just before it in check-in order.
      laterInside: { elder: 2, from: '10:00', to: '10:30' },
      sameElderA: { elder: 3, from: '13:00', to: '14:00' },
      // Overlaps a visit of the same elder only: the same home, not two homes.
      sameElderB: { elder: 3, from: '13:30', to: '14:30' },
      // Starts the minute the previous one ends: back to back, not at once.
      backToBack: { elder: 0, from: '14:30', to: '15:00' },
      // A visit checked in and out in the same minute, inside another home's visit.
      instant: { elder: 1, from: '14:45', to: '14:45' },
    };
    const ids: Record<string, string> = {};
    for (const [name, v] of Object.entries(day)) {
      ids[name] = await visit({ elder: v.elder, caregiver: 1, minutes: 30 });
      await s.db.prisma.visit.update({
        where: { orderId: ids[name] },
        data: { checkInAt: at(v.from), checkOutAt: at(v.to) },
      });
    }
    expect(caregivers[1]).toBeTruthy();
    await detectVisitExceptions(s.db.prisma, { month }, now);

    const found = await s.db.prisma.visitException.findMany({ where: { reason: 'CAREGIVER_OVERLAP' } });
    const expected = new Map<string, Set<string>>();
    for (const p of await pairwise()) expected.set(p.order_id, (expected.get(p.order_id) ?? new Set()).add(p.detail));
    expect(new Set(found.map((x) => x.orderId))).toEqual(new Set(expected.keys()));
    for (const x of found) expect(expected.get(x.orderId)!.has(x.detail)).toBe(true);

    const flagged = new Set(found.map((x) => x.orderId));
    expect(Object.keys(ids).filter((name) => flagged.has(ids[name]!))).toEqual([
      'long',
      'inside',
      'laterInside',
      'backToBack',
      'instant',
    ]);
    // Of the long visit's two, the earliest is named, whatever the plan.
    const long = found.find((x) => x.orderId === ids.long)!;
    expect(long.detail).toBe(`同一护理员在 11-20 09:00 同时在另一位老人家中签到（工单 ${ids.inside!.slice(0, 8)}）`);
    expect(long.month).toBe(month);
  });
});
