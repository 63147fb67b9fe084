// A family moving and then cancelling a booking on the H5 build in Chromium with a phone's mobile
// emulation, with the money checked in the ledger at each step: booking holds the price, 改期 moves
// the visit and leaves the holds as they were (the price does not depend on the time), cancelling
// voids them and the held total returns to what it was before the booking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerViolations } from '../../server/src/wallet/index.js';
import type { TestServer } from '../../server/src/testing/harness.js';
import { bookPaidVisit, onScreen, startFamilyH5, yuan, type H5 } from './h5.harness.js';
import { shanghaiMinute } from '../../server/src/common/calendar.js';

let h: H5;
let s: TestServer;
const { $, text, open, shoot } = onScreen(() => h);
let elderId: string;
let family: string;

const held = async () =>
  (await s.db.prisma.ledgerAccount.findMany({ where: { elderId } })).reduce((n, a) => n + a.held, 0n);
const holdsOf = (orderId: string) =>
  s.db.prisma.hold.findMany({
    where: { orderId },
    orderBy: { id: 'asc' },
    select: { id: true, accountId: true, amount: true, status: true },
  });
/** "YYYY-MM-DD HH:mm" in Beijing, as the pages show times. */
const shown = shanghaiMinute;

const book = (key: string) => bookPaidVisit(s, family, elderId, key);

beforeAll(async () => {
  ({ h, s, elderId, family } = await startFamilyH5());
});
afterAll(async () => {
  await h?.close();
});

describe('the H5 mini-program: money on a booking', () => {
  it('books, reschedules (holds unchanged) and cancels (holds voided) from the order detail', async () => {
    const before = await held();
    const orderId = await book(`h5-money-${elderId}`);
    const booked = await holdsOf(orderId);
    expect(booked.length).toBeGreaterThan(0);
    expect(booked.every((x) => x.status === 'ACTIVE')).toBe(true);
    const amount = booked.reduce((n, x) => n + x.amount, 0n);
    expect(await held()).toBe(before + amount);
    const placedAt = (await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).scheduledAt;

    await open(`/pages/order-detail/index?id=${orderId}`);
    expect(await text('#scheduled-at')).toBe(shown(placedAt));
    // The limits, said before the family chooses: until check-in, 60 days, the programme's hours.
    await expect.poll(() => text('#reschedule-rules'), { timeout: 15_000 }).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}/);
    expect(await text('#reschedule-rules')).toContain('签到开始服务前都可以改期');
    expect(await text('#reschedule-rules')).toContain('60 天');
    await $('#reschedule-open').click();
    expect(await $('#reschedule-confirm').getAttribute('disabled')).not.toBeNull();
    await $('#reschedule-dates .chip').nth(3).click();
    await $('#reschedule-times .chip', { hasText: '14:00' }).click();
    await shoot('order-detail-reschedule');
    await $('#reschedule-confirm').click();
    await expect.poll(() => text('.reschedule-line'), { timeout: 15_000 }).toContain('改期');

    const moved = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(moved.scheduledAt.getTime()).not.toBe(placedAt.getTime());
    expect(shown(moved.scheduledAt).slice(11)).toBe('14:00');
    expect(await text('#scheduled-at')).toBe(shown(moved.scheduledAt));
    expect(await text('.reschedule-line')).toContain(`${shown(placedAt)} → ${shown(moved.scheduledAt)}`);
    const record = await s.db.prisma.orderReschedule.findFirstOrThrow({ where: { orderId } });
    expect(record).toMatchObject({ fromAt: placedAt, toAt: moved.scheduledAt });
    // Same holds, same amounts, still active: nothing moved in the ledger.
    expect(await holdsOf(orderId)).toEqual(booked);
    expect(await held()).toBe(before + amount);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);

    await $('#cancel-open').click();
    await $('#cancel-reasons .chip', { hasText: '行程有变' }).click();
    await $('#cancel-confirm').click();
    await expect.poll(() => text('#order-status'), { timeout: 15_000 }).toBe('已取消');
    expect(await $('#reschedule').count()).toBe(0);
    expect((await holdsOf(orderId)).map((x) => x.status)).toEqual(booked.map(() => 'VOIDED'));
    expect(await held()).toBe(before);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('home shows available and held money, the visit holding it (tappable) and the lapse rule', async () => {
    const orderId = await book(`h5-money-home-${elderId}`);
    const holds = await s.db.prisma.hold.findMany({ where: { orderId }, include: { account: true } });
    await open('/pages/index/index');
    await $('#balances').waitFor();
    const accounts = await s.db.prisma.ledgerAccount.findMany({ where: { elderId, unit: 'FEN' } });
    for (const a of accounts.filter((x) => x.kind !== 'SELF_PAID' || x.balance > 0n)) {
      expect(await text(`#account-${a.kind} .available`)).toBe(yuan(a.balance - a.held));
      if (a.held > 0n) expect(await text(`#account-${a.kind} .held-amount`)).toBe(yuan(a.held));
    }
    const line = $(`.hold-order[data-order="${orderId}"]`);
    expect(await line.count()).toBe(holds.length);
    expect(await line.first().textContent()).toContain(yuan(holds[0]!.amount));
    // The demo family's programme keeps its money until clearing (UNTIL_CLEARING): nothing lapses monthly.
    expect(await text('#lapse')).toContain('不按月作废');
    await shoot('index-held');
    await line.first().click();
    await expect.poll(() => h.page.url(), { timeout: 15_000 }).toContain(`order-detail/index?id=${orderId}`);
    await $('#order-status').waitFor();
  });
});
