// Money and fit on the H5 build in Chromium against a real server with the demo seed: the family
// tops up through the labelled payment sandbox, switches large-font mode, and every main page fits
// the screen in both font modes with no text cut off. Screenshots of the main pages in both font
// modes go to miniprogram/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/src/testing/harness.js';
import { beijingDayAt, onScreen, startFamilyH5, yuan, type H5 } from './h5.harness.js';

let h: H5;
let s: TestServer;
const { current, $, text, open, shoot } = onScreen(() => h);
let family: string;
let elderId: string;
/** An order of the elder's, placed through the API, for the order pages. */
let orderId: string;
const selfPaid = async () =>
  (await s.db.prisma.ledgerAccount.findFirst({ where: { elderId, kind: 'SELF_PAID' } }))?.balance ?? 0n;

beforeAll(async () => {
  ({ h, s, elderId, family } = await startFamilyH5({ mobile: false }));
  const item = await s.db.prisma.serviceItem.findFirstOrThrow({
    where: { mode: 'OFFLINE', priceFen: { gt: 0 }, policy: { enrolments: { some: { elderId } } } },
    orderBy: { code: 'asc' },
  });
  const placed = await s.gql<{ placeOrder: { id: string } }>(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
    {
      i: {
        elderId,
        serviceCode: item.code,
        quantity: 1,
        scheduledAt: beijingDayAt(s.app.services.clock(), 2, 10).toISOString(),
        idempotencyKey: `h5-pages-${elderId}`,
      },
    },
    family,
  );
  expect(placed.errors).toBeUndefined();
  orderId = placed.data!.placeOrder.id;
});
afterAll(async () => {
  await h?.close();
});

describe('the H5 mini-program: money and fit', () => {
  it(
    'tops up through the labelled payment sandbox; the ' + 'balance changes only once the server has the payment',
    async () => {
      const before = await selfPaid();
      await open('/pages/topup/index');
      await expect.poll(() => text('#self-paid-balance')).toBe(yuan(before));
      await $('#presets .chip', { hasText: '100 元' }).click();
      await $('#pay').click();
      await $('#sandbox').waitFor();
      expect(await text('#sandbox')).toContain('支付沙箱');
      expect(await text('#sandbox-pay')).toContain('沙箱支付');
      // Created, not paid: nothing has moved yet, on the page or in the ledger.
      expect(await text('#self-paid-balance')).toBe(yuan(before));
      expect(await selfPaid()).toBe(before);
      await shoot('topup-sandbox-normal');
      await $('#sandbox-pay').click();
      await $('#paid').waitFor({ timeout: 20_000 });
      expect(await selfPaid()).toBe(before + 10_000n);
      expect(await text('#self-paid-balance')).toBe(yuan(before + 10_000n));
      const topUps = await s.db.prisma.topUp.findMany({ where: { elderId, status: 'PAID' } });
      expect(topUps.filter((t) => t.amountFen === 10_000)).toHaveLength(1);
    },
  );

  it('switches to large font: 24 px body, larger tap targets, nothing cut off, remembered after a reload', async () => {
    await open('/pages/index/index');
    const measure = () =>
      h.page.evaluate(() => {
        const root = [...document.querySelectorAll('[data-testid=page]')].find((el) => el.getClientRects().length > 0)!;
        const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
        const taps = [...root.querySelectorAll('.btn, .chip, #font-toggle')]
          .map((el) => el.getBoundingClientRect().height)
          .filter((h) => h > 0);
        return {
          body: px(root),
          title: px(root.querySelector('.title')),
          minTap: Math.min(...taps),
          large: root.classList.contains('large'),
        };
      });
    const normal = await measure();
    expect(normal).toMatchObject({ body: 16, large: false });
    expect(normal.minTap).toBeGreaterThanOrEqual(44);
    await $('#font-toggle').click();
    const large = await measure();
    expect(large.large).toBe(true);
    // 48 design px on a 375-wide screen: 24 CSS px, about 18 pt.
    expect(large.body).toBe(24);
    expect(large.title).toBeGreaterThan(normal.title);
    expect(large.minTap).toBeGreaterThanOrEqual(56);
    await h.page.reload();
    await $('#wallet').waitFor();
    expect((await measure()).large).toBe(true);
  });

  it('fits every main page in both font modes with no text cut off, and saves screenshots of them', async () => {
    const policy = (
      await s.gql<{ elder: { enrolment: { policy: { code: string } } } }>(
        `query($id: ID!) { elder(id: $id) { enrolment { policy { code } } } }`,
        { id: elderId },
        family,
      )
    ).data!.elder.enrolment.policy.code;
    const service = await s.db.prisma.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { serviceItem: true },
    });
    const pages: [string, string, string][] = [
      ['home', '/pages/index/index', '#wallet'],
      ['guide', `/pages/guide/index?policy=${policy}`, '.service-item'],
      ['order', `/pages/order/index?code=${service.serviceItem.code}&policy=${policy}`, '#split'],
      ['orders', '/pages/orders/index', '.order-item'],
      ['order-detail', `/pages/order-detail/index?id=${orderId}`, '#order'],
      ['topup', '/pages/topup/index', '#self-paid-balance'],
      ['notices', '/pages/notices/index', '#subscribe'],
      ['statement', '/pages/statement/index', '#summary'],
    ];
    // Text that overflows its box, or runs past the screen's right edge, is cut off for a reader.
    const clipped = () =>
      h.page.evaluate(() => {
        const bad: string[] = [];
        for (const el of document.querySelectorAll('[data-testid=page] *')) {
          const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
          if (!own) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0) continue;
          if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
            bad.push(`overflow: ${el.textContent}`);
          if (r.right > window.innerWidth + 1 || r.left < -1) bad.push(`off-screen: ${el.textContent}`);
        }
        if (document.scrollingElement!.scrollWidth > window.innerWidth) bad.push('page scrolls sideways');
        return bad;
      });
    for (const mode of ['large', 'normal'] as const) {
      await open('/pages/index/index');
      const on = (await $('#font-toggle').getAttribute('aria-checked')) === 'true';
      if (on !== (mode === 'large')) await $('#font-toggle').click();
      for (const [name, route, ready] of pages) {
        await open(route);
        await $(ready).first().waitFor();
        expect(
          await current()
            .first()
            .evaluate((el) => el.classList.contains('large')),
        ).toBe(mode === 'large');
        expect(await clipped(), `${name} (${mode})`).toEqual([]);
        await shoot(`${name}-${mode}`);
      }
    }
    expect(h.pageErrors).toEqual([]);
  });
});
