// The WeChat mini-program as built (miniprogram/dist/weapp, Taro 4 + React 18), run headlessly in
// miniprogram-simulate against a real server (the seeded demo on this run's database): the
// service guide page renders, through its compiled WXML, the service items of the family's
// elder's programme with their prices, switches category on a tap, and its 预约 button opens the
// order page for the item. What the page should show is asked of the server, not written here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/src/testing/harness.js';
import { ensureBuild } from './build.js';
import { bootWeapp, waitFor, type OpenPage, type Weapp } from './weapp/simulator.js';

interface GuideItem {
  code: string;
  name: string;
  category: string;
  priceFen: number | null;
  unit: string;
}

let s: TestServer;
let weapp: Weapp;
let token: string;
let policyCode: string;
let items: GuideItem[];
let categories: string[];
const open: OpenPage[] = [];

/** How the guide must show a price: 元 with two decimals per unit, or free. */
const priceText = (fen: number | null) => (fen == null ? '免费' : `${(fen / 100).toFixed(2)} 元/`);

/** The guide page, once it has rendered the service items of `category`. */
async function guideShowing(page: OpenPage, category: string) {
  const expected = items.filter((i) => i.category === category).map((i) => i.name);
  await waitFor(
    () => JSON.stringify(page.texts('.service-item .title')) === JSON.stringify(expected),
    () => `expected the items of ${category} ${JSON.stringify(expected)}; the page shows: ${page.text()}`,
  );
}

async function openGuide(): Promise<OpenPage> {
  const page = await weapp.open('pages/guide/index');
  open.push(page);
  return page;
}

beforeAll(async () => {
  const [server] = await Promise.all([startTestServer(), ensureBuild('weapp')]);
  s = server;
  token = await s.login('family');
  const family = await s.db.prisma.user.findUniqueOrThrow({
    where: { username: 'family' },
    include: { familyLinks: true },
  });
  const elderId = family.familyLinks[0]!.elderId;

  const elder = await s.gql<{ elder: { enrolment: { policy: { code: string } } | null } }>(
    'query($id: ID!) { elder(id: $id) { enrolment { policy { code } } } }',
    { id: elderId },
    token,
  );
  policyCode = elder.data!.elder.enrolment!.policy.code;
  const guide = await s.gql<{ serviceGuide: GuideItem[] }>(
    'query($c: String!) { serviceGuide(policyCode: $c) { code name category priceFen unit } }',
    { c: policyCode },
    token,
  );
  items = guide.data!.serviceGuide;
  categories = [...new Set(items.map((i) => i.category))];

  // A family member already signed in with an elder chosen, as the app keeps it in wx storage.
  const session = {
    token,
    user: { id: family.id, role: family.role, displayName: family.displayName },
    elderId,
    largeFont: null,
  };
  weapp = bootWeapp(s.url, { 'yilian.state.v1': JSON.stringify(session) });
});

afterAll(async () => {
  for (const page of open) page.close();
  await s?.close();
});

describe('weapp service guide page (pages/guide/index)', () => {
  it('renders the service items and prices of the elder’s programme from the server', async () => {
    expect(items.length).toBeGreaterThan(0);
    const page = await openGuide();
    await guideShowing(page, categories[0]!);

    // Rendered through base.wxml's templates into the simulated document, not read off setData.
    expect(page.root.dom.querySelectorAll('wx-view, wx-text, wx-button').length).toBeGreaterThan(0);
    expect(page.text()).toContain('服务指南');
    expect(page.texts('.chip')).toEqual(categories);

    const shown = items.filter((i) => i.category === categories[0]);
    const prices = page.texts('.service-item .big');
    expect(prices).toHaveLength(shown.length);
    shown.forEach((item, n) => {
      if (item.priceFen == null) expect(prices[n]).toBe(priceText(null));
      else expect(prices[n]!.startsWith(priceText(item.priceFen)), `${item.name}: ${prices[n]}`).toBe(true);
    });
    expect(page.texts('.service-item .btn')).toEqual(shown.map((i) => `预约${i.name}`));

    // The queries went to the real server with the signed-in session's token.
    expect(weapp.requests.length).toBeGreaterThanOrEqual(2);
    for (const r of weapp.requests) {
      expect(r.statusCode).toBe(200);
      expect(r.header.authorization).toBe(`Bearer ${token}`);
    }
    // Signed in: the page does not send the visitor to the login page.
    expect(weapp.navigations.filter((n) => n.api === 'reLaunch')).toEqual([]);
  });

  it('shows another category’s items when its chip is tapped', async () => {
    expect(categories.length).toBeGreaterThan(1);
    const page = await openGuide();
    await guideShowing(page, categories[0]!);

    const chip = page.root.querySelectorAll('.chip')[1]!;
    expect(chip.dom.textContent).toBe(categories[1]);
    page.tap(chip);
    await guideShowing(page, categories[1]!);
    expect(page.root.querySelector('.chip.on')?.dom.textContent).toBe(categories[1]);
  });

  it('opens the order page for the first item when its 预约 button is tapped', async () => {
    const page = await openGuide();
    await guideShowing(page, categories[0]!);
    const first = items.find((i) => i.category === categories[0])!;

    const before = weapp.navigations.length;
    const button = page.root.querySelector('.service-item .btn')!;
    expect(button.dom.textContent).toBe(`预约${first.name}`);
    page.tap(button);
    await waitFor(
      () => weapp.navigations.length > before,
      () => 'no navigation after tapping 预约',
    );

    const nav = weapp.navigations[before]!;
    expect(nav.api).toBe('navigateTo');
    const url = new URL(nav.url!, 'wxapp://app');
    expect(url.pathname).toBe('/pages/order/index');
    expect(url.searchParams.get('code')).toBe(first.code);
    expect(url.searchParams.get('policy')).toBe(policyCode);
  });
});
