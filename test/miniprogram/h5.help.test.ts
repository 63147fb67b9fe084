// One-tap help on the H5 build in Chromium with a phone's mobile emulation and the location allowed:
// 紧急救援, 联络紧急联络人 and 定位查询 are calls the platform answers around the clock (000 四 线上服务表),
// not bookings. A tap rings the number and the server records the call as an alert for the call
// centre and the community, with where the phone is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/src/testing/harness.js';
import { onScreen, startH5, type H5 } from './h5.harness.js';

const WHERE = { latitude: 30.8742, longitude: 114.3751 };
let h: H5;
let s: TestServer;
const { $, text, open, loginAsFamily } = onScreen(() => h);
let elderId: string;
/** The tel: numbers the page asked the browser to dial. */
const dialled: string[] = [];

/**
 * Points the helpers at a new tab of the same browser context (same session). Chromium hands a
 * tel: navigation to the system's dialler; headless, with none, the tab it came from no longer gets
 * real input afterwards (a tap reaches no element, though the page still runs and script clicks
 * work), while a phone returns to a live page after the call. So each journey that taps after a
 * call starts in its own tab.
 */
async function newTab() {
  const page = await h.page.context().newPage();
  page.on('pageerror', (err) => h.pageErrors.push(String(err)));
  // Taro's H5 makePhoneCall sets location.href to tel:<number>; the browser hands that to the
  // phone's dialler and the page stays. Here the dialler is this list.
  await page.route(/^tel:/, (route) => {
    dialled.push(route.request().url());
    return route.abort();
  });
  page.on('request', (r) => {
    if (r.url().startsWith('tel:') && !dialled.includes(r.url())) dialled.push(r.url());
  });
  h = { ...h, page };
}

beforeAll(async () => {
  h = await startH5({ mobile: true, geolocation: WHERE });
  s = h.s;
  await newTab();
  elderId = (await loginAsFamily()).elderId;
});
afterAll(async () => {
  await h?.close();
});

describe('the H5 mini-program: one-tap help', () => {
  it("puts the SOS on the elder's home: one tap calls 120 and records an alert with the location", async () => {
    await $('#help [data-phone="120"]').waitFor();
    // The call centre answers an SOS too (000 四: the platform puts 120 through); both are one tap.
    expect(await $('#help .btn.sos').count()).toBeGreaterThanOrEqual(2);
    const before = await s.db.prisma.alert.count({ where: { elderId, kind: 'HELP_CALL' } });
    await $('#help [data-phone="120"]').click();
    await expect.poll(() => text('#help-calling'), { timeout: 15_000 }).toContain('正在呼叫急救电话 120');
    expect(dialled).toContain('tel:120');
    const alerts = await s.db.prisma.alert.findMany({ where: { elderId, kind: 'HELP_CALL' } });
    expect(alerts).toHaveLength(before + 1);
    expect(alerts[0]).toMatchObject({ status: 'RAISED' });
    expect(alerts[0]!.detail).toMatchObject({ purpose: 'SOS', phone: '120', by: 'FAMILY', ...WHERE });
    // The community worker covering the elder sees it among their alerts.
    const seen = await s.gql<{ alerts: { edges: { node: { id: string } }[] } }>(
      `{ alerts(filter: { kind: HELP_CALL }, first: 20) { edges { node { id } } } }`,
      {},
      await s.login('worker'),
    );
    expect(seen.data!.alerts.edges.map((e) => e.node.id)).toContain(alerts[0]!.id);
  });

  it('shows 紧急救援 and 联络紧急联络人 in the guide as calls, and books no unpriced online service', async () => {
    // The SOS above rang 120 from the first tab (see newTab).
    await newTab();
    await open('/pages/guide/index');
    await $('#categories .chip', { hasText: '线上基础服务' }).click();
    // A tap the tab did not receive shows here, not as a missing button further down.
    await expect.poll(() => text('#categories .chip.on')).toBe('线上基础服务');
    const sos = $('.service-item[data-code="HP_ONLINE_EMERGENCY"]');
    await sos.locator('[data-phone="120"]').waitFor();
    expect(await sos.getByText('预约紧急救援').count()).toBe(0);
    const contact = $('.service-item[data-code="HP_ONLINE_EMERGENCY_CONTACT"]');
    const familyPhone = (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' } })).phone!;
    await contact.locator(`[data-phone="${familyPhone}"]`).waitFor();
    // 信息咨询 has no price of its own: it comes with the monthly online package (000 四).
    const info = $('.service-item[data-code="HP_ONLINE_INFO"]');
    expect(await info.locator('.included').count()).toBe(1);
    expect(await info.locator('.btn').count()).toBe(0);

    await contact.locator(`[data-phone="${familyPhone}"]`).click();
    await expect.poll(() => text('#help-calling'), { timeout: 15_000 }).toContain(familyPhone);
    expect(await text('#help-calling')).toContain('已记在上一次求助里');
    expect(dialled).toContain(`tel:${familyPhone}`);
    const alert = await s.db.prisma.alert.findFirstOrThrow({ where: { elderId, kind: 'HELP_CALL' } });
    expect((alert.detail as { calls: { purpose: string }[] }).calls.map((c) => c.purpose)).toEqual(['SOS', 'FAMILY']);
    expect(h.pageErrors).toEqual([]);
  });
});
