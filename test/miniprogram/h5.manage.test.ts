// A family managing a booking on the H5 build in Chromium with a phone's mobile emulation: the order
// detail offers cancellation before the visit starts, and the money held for the order goes back to
// the balance, checked in the ledger. The pages it walks stay within the screen at 360, 375 and
// 414 px, during the page-slide and after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerViolations } from '../../server/src/wallet/index.js';
import type { TestServer } from '../../server/src/testing/harness.js';
import { bookPaidVisit, onScreen, startFamilyH5, type H5 } from './h5.harness.js';

let h: H5;
let s: TestServer;
const { $, text, open } = onScreen(() => h);
let elderId: string;
let family: string;

const held = async () =>
  (await s.db.prisma.ledgerAccount.findMany({ where: { elderId } })).reduce((n, a) => n + a.held, 0n);

const book = (key: string) => bookPaidVisit(s, family, elderId, key);

/**
 * How far the document reaches past the phone's width. With mobile emulation a wider document
 * widens the layout viewport (and zooms the page out), so both are measured against the device.
 */
const wider = (device: number) =>
  h.page.evaluate(
    (w) => Math.max(document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth) - w,
    device,
  );

beforeAll(async () => {
  ({ h, s, elderId, family } = await startFamilyH5());
});
afterAll(async () => {
  await h?.close();
});

describe('the H5 mini-program: managing a booking', () => {
  it('cancels a booked visit from its detail page, and the hold goes back to the balance', async () => {
    const before = await held();
    const orderId = await book(`h5-manage-${elderId}`);
    const holds = await s.db.prisma.hold.findMany({ where: { orderId } });
    expect(holds.length).toBeGreaterThan(0);
    expect(await held()).toBe(before + holds.reduce((n, x) => n + x.amount, 0n));

    await open(`/pages/order-detail/index?id=${orderId}`);
    expect(await text('#order-status')).toBe('待派单');
    expect(await text('#cancel')).toContain('冻结的补贴和自费金额会退回可用余额');
    await $('#cancel-open').click();
    // No reason, no cancellation: the button waits for one.
    expect(await $('#cancel-confirm').getAttribute('disabled')).not.toBeNull();
    await $('#cancel-reasons .chip', { hasText: '老人身体不适' }).click();
    await $('#cancel-confirm').click();
    await expect.poll(() => text('#order-status'), { timeout: 15_000 }).toBe('已取消');
    expect(await text('#order')).toContain('取消原因：老人身体不适');
    expect(await $('#cancel').count()).toBe(0);

    const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ status: 'CANCELLED', cancelReason: '老人身体不适' });
    expect((await s.db.prisma.hold.findMany({ where: { orderId } })).map((x) => x.status)).toEqual(
      holds.map(() => 'VOIDED'),
    );
    expect(await held()).toBe(before);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('keeps every page it walks within the screen at 360, 375 and 414 px, during navigation and after', async () => {
    const orderId = await book(`h5-manage-wide-${elderId}`);
    const worst: Record<string, number> = {};
    for (const width of [360, 375, 414]) {
      await h.page.setViewportSize({ width, height: 800 });
      await open('/pages/index/index');
      await $('#wallet').waitFor();
      // Through the app's own navigation, sampling while the new page slides in.
      await $('#wallet .btn', { hasText: '预约服务' }).click();
      for (let i = 0; i < 8; i++) worst[`guide@${width}`] = Math.max(worst[`guide@${width}`] ?? 0, await wider(width));
      await $('.service-item').first().waitFor();
      worst[`guide-after@${width}`] = await wider(width);
      for (const route of ['/pages/orders/index', `/pages/order-detail/index?id=${orderId}`, '/pages/topup/index']) {
        await open(route);
        worst[`${route}@${width}`] = await wider(width);
      }
    }
    expect(Object.entries(worst).filter(([, px]) => px > 0)).toEqual([]);
    await h.page.setViewportSize({ width: 375, height: 812 });
    expect(h.pageErrors).toEqual([]);
  });
});
