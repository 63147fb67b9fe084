// The provider admin's dispatch board and the community worker's desk (staff subpackage, issue 23) on the H5
// build in Chromium with a phone's mobile emulation, through the screen: the provider assigns a caregiver
// from the board's suggestions (checked in the database), the worker claims and resolves an alert, issues a
// family link code (text and QR) and opens the printable home QR code, and a family in a second browser
// context types the code and is linked to the elder (checked in the database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { raiseAlert } from '../../server/src/alerts/alerts.service.js';
import type { TestServer } from '../../server/src/testing/harness.js';
import { chineseContext } from '../browser/harness.js';
import { beijingDayAt, onScreen, startH5, type H5 } from './h5.harness.js';

let h: H5;
let s: TestServer;
const { $, text, field, shoot } = onScreen(() => h);
let orderId: string;
let worker: { id: string; regionId: string };
let other: { id: string; name: string };

/** 10:00 tomorrow on the Beijing calendar of the server's today: inside the booking hours whenever this runs. */
function tomorrowAtTen() {
  return beijingDayAt(s.app.services.clock(), 1, 10);
}

async function staffLogin(username: string, landmark: string) {
  // Another staff member on the same phone: the previous session is gone first.
  await h.page.goto(`${h.origin}/h5/`);
  await h.page.evaluate(() => localStorage.clear());
  await h.page.goto(`${h.origin}/h5/#/pages/login/index`);
  await h.page.reload();
  await $('#staff-login-open').click();
  await field('username').fill(username);
  await field('password').fill('demo1234');
  await $('#staff-submit').click();
  await $(landmark).first().waitFor();
}

beforeAll(async () => {
  h = await startH5({ mobile: true });
  s = h.s;
  const family = await s.db.prisma.user.findUniqueOrThrow({
    where: { username: 'family' },
    include: { familyLinks: true },
  });
  const placed = await s.gql<{ placeOrder: { id: string } }>(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
    {
      i: {
        elderId: family.familyLinks[0]!.elderId,
        serviceCode: 'HP_NAIL_CARE',
        quantity: 1,
        scheduledAt: tomorrowAtTen().toISOString(),
        idempotencyKey: 'h5-dispatch-order-1',
      },
    },
    await s.login('family'),
  );
  expect(placed.errors).toBeUndefined();
  orderId = placed.data!.placeOrder.id;
  const w = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
  worker = { id: w.id, regionId: w.regionId! };
  // An elder of the worker's community the demo family is not linked to yet.
  other = await s.db.prisma.elder.findFirstOrThrow({
    where: { communityId: worker.regionId, family: { none: { userId: family.id } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
}, 420_000);

afterAll(async () => {
  await h?.close();
});

describe('the H5 mini-program: dispatch board and community workbench', () => {
  it('the provider admin assigns the unassigned order to the first suggested caregiver from the board', async () => {
    await staffLogin('provider_admin', '#progress');
    expect(h.pageErrors).toEqual([]);
    const card = $(`#unassigned .board-order[data-order="${orderId}"]`);
    await card.waitFor();
    const unassignedBefore = Number(/\d+/.exec(await text('#progress-unassigned'))![0]);
    await card.locator('.pick').click();
    const first = card.locator('.suggestion').first();
    await first.waitFor();
    const caregiverId = (await first.getAttribute('data-caregiver'))!;
    // The board shows what the server suggests, in its order (least loaded on the visit's day first).
    const api = await s.gql<{ caregiverSuggestions: { caregiver: { id: string } }[] }>(
      `query($o: ID!) { caregiverSuggestions(orderId: $o) { caregiver { id } } }`,
      { o: orderId },
      await s.login('provider_admin'),
    );
    expect(api.data!.caregiverSuggestions[0]!.caregiver.id).toBe(caregiverId);
    expect(await first.textContent()).toMatch(/当天 \d+ 单/);
    await shoot('staff-dispatch-suggestions');
    await first.click();
    await expect.poll(() => $(`#unassigned .board-order[data-order="${orderId}"]`).count()).toBe(0);
    const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe('ASSIGNED');
    expect(order.caregiverId).toBe(caregiverId);
    // Tomorrow's order is not part of today's progress, so today's counts are unchanged by it.
    expect(Number(/\d+/.exec(await text('#progress-unassigned'))![0])).toBe(unassignedBefore);
    await shoot('staff-dispatch-board');
  });

  it('the worker claims and resolves an alert from the queue', async () => {
    const alert = await raiseAlert(s.db.prisma, {
      elderId: other.id,
      kind: 'NO_RECENT_ORDER',
      at: s.app.services.clock(),
    });
    const alertId = alert!.id;
    await staffLogin('worker', '#alerts');
    const card = $(`#alerts .alert-card[data-alert="${alertId}"]`);
    await card.waitFor();
    await card.locator('.claim').click();
    await expect
      .poll(async () => (await s.db.prisma.alert.findUniqueOrThrow({ where: { id: alertId } })).status)
      .toBe('ACKNOWLEDGED');
    await card.locator('.outcome input, input.outcome').first().fill('已电话联系老人，近期会下单');
    await card.locator('.resolve').click();
    await expect
      .poll(async () => (await s.db.prisma.alert.findUniqueOrThrow({ where: { id: alertId } })).status)
      .toBe('RESOLVED');
    const done = await s.db.prisma.alert.findUniqueOrThrow({ where: { id: alertId } });
    expect(done.outcome).toBe('已电话联系老人，近期会下单');
  });

  it('the worker finds an elder, issues a family link code as text and QR, and a family uses it', async () => {
    await staffLogin('worker', '#elder-search');
    await field('elder-search').fill(other.name);
    await $('#elder-search-go').click();
    const row = $(`.elder-row[data-elder="${other.id}"]`);
    await row.waitFor();
    await row.click();
    await $('#elder-detail').waitFor();
    await $('#issue-link-code').click();
    await $('.qr-text').first().waitFor();
    const code = (await text('.qr-text')).trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    const src = await $('.qr-image img, img.qr-image').first().getAttribute('src');
    expect(src).toMatch(/^data:image\/png;base64,/);
    await shoot('staff-worker-link-code');

    // The printable home code is the elder's, the same one the caregiver scans.
    await $('#open-home-qr').click();
    await $('#home-qr .home-qr-token').waitFor();
    const token = await s.gql<{ homeQrToken: string }>(
      `query($e: ID!) { homeQrToken(elderId: $e) }`,
      { e: other.id },
      await s.login('worker'),
    );
    expect(await text('#home-qr .home-qr-token')).toBe(token.data!.homeQrToken);
    await shoot('staff-worker-home-qr');

    // A family member, on their own phone, types the code.
    const context = await chineseContext(h.browser, {
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
    });
    const page: Page = await context.newPage();
    try {
      const fam = onScreen(() => ({ page, origin: h.origin }));
      await fam.loginAsFamily();
      await fam.open('/pages/link/index');
      await fam.field('link-code').fill(code);
      await fam.$('.chip').first().click();
      await fam.$('.btn', { hasText: '确认关联' }).click();
      const family = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' } });
      await expect
        .poll(() => s.db.prisma.familyLink.count({ where: { userId: family.id, elderId: other.id } }), {
          timeout: 15_000,
        })
        .toBe(1);
    } finally {
      await context.close();
    }
  });
});
