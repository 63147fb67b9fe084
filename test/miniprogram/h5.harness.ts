// What the H5 end-to-end files share: a real server with the demo seed serving the mini-program's
// H5 build, headless Chromium with a phone's mobile emulation, the family's SMS login, and small
// helpers that look only at the page on screen. Each test file calls startH5() once (one server
// and one browser per file) and walks its own journey.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_FAMILY_PHONE } from '../../server/src/seed/seed.js';
import type { TestServer } from '../../server/src/testing/harness.js';
import { paidHomeVisitItem } from '../../server/src/testing/orders-fixtures.js';
import { type BrowserRig, chineseContext, settleAnimations, shotsDir, startBrowserRig } from '../browser/harness.js';
import { distDir, ensureBuild } from './build.js';

export const SHOTS = shotsDir('miniprogram');

export const yuan = (fen: number | bigint) => `${(Number(fen) / 100).toFixed(2)} 元`;
/**
 * hh:mm Beijing time, `days` Beijing days after the server's today. Visits must start inside the
 * programme's booking hours, so a test never books "now + 2 days", which lands at night when the
 * suite runs in the evening.
 */
export function beijingDayAt(now: Date, days: number, hh: number, mm = 0): Date {
  const day = new Date(now.getTime() + 8 * 3600_000 + days * 86_400_000);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hh, mm) - 8 * 3600_000);
}

/**
 * A paid home visit (not a meal) of the elder's programme, two Beijing days ahead at 10:00,
 * placed by the family through the API with its own key: the order the manage and money
 * journeys then work on.
 */
export async function bookPaidVisit(s: TestServer, family: string, elderId: string, key: string): Promise<string> {
  const item = await paidHomeVisitItem(s, elderId, 'byCode');
  const at = beijingDayAt(s.app.services.clock(), 2, 10);
  const r = await s.gql<{ placeOrder: { id: string } }>(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
    { i: { elderId, serviceCode: item.code, quantity: 1, scheduledAt: at.toISOString(), idempotencyKey: key } },
    family,
  );
  if (r.errors) throw new Error(`placeOrder refused: ${JSON.stringify(r.errors)}`);
  return r.data!.placeOrder.id;
}

export interface H5 extends BrowserRig {
  page: Page;
  pageErrors: string[];
}

/** One server and one mobile-sized Chromium page for a test file. */
export async function startH5(
  options: { mobile?: boolean; geolocation?: { latitude: number; longitude: number } } = {},
): Promise<H5> {
  await ensureBuild('h5');
  const rig = await startBrowserRig({ h5Dir: distDir('h5') });
  const context = await chineseContext(rig.browser, {
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: options.mobile ?? false,
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  return { ...rig, page, pageErrors };
}

/**
 * A file's mobile H5 rig with the demo family signed in, on the page (the SMS login) and by token
 * (for the API calls a test makes beside the page), and the elder the home page chose.
 */
export async function startFamilyH5(options: Parameters<typeof startH5>[0] = { mobile: true }) {
  const h = await startH5(options);
  const elderId = (await onScreen(() => h).loginAsFamily()).elderId;
  return { h, s: h.s, elderId, family: await h.s.login('family') };
}

/** Helpers that look only at the page on screen; `get` is called late, so they can be made before startH5. */
export function onScreen(get: () => Pick<H5, 'page' | 'origin'>) {
  // Taro's H5 router keeps pages further down the stack in the document, hidden.
  const current = () => get().page.locator('[data-testid=page]').filter({ visible: true });
  const $ = (selector: string, options?: { hasText?: string }) => current().locator(selector, options);
  const text = async (selector: string) => ((await $(selector).first().textContent()) ?? '').trim();
  // Each open loads the document afresh, as a user opening a link does. A hash-only change would
  // be a history POP to Taro's router, and where the route is already in its page stack the router
  // unloads the pages above and shows that one only after an event that does not always come, so
  // the page stayed hidden now and then (a #wallet or a notices list never appeared).
  let opened = 0;
  const open = async (route: string) => {
    opened += 1;
    await get().page.goto(`${get().origin}/h5/?open=${opened}#${route}`);
    await current().first().waitFor();
  };
  /** Taro's H5 Input is a plain <input>; Textarea wraps one in a web component. */
  const field = (id: string) => $(`input#${id}, #${id} input, textarea#${id}, #${id} textarea`).first();
  /** The whole of the page on screen: Taro's H5 page scrolls inside its own container. */
  async function shoot(name: string) {
    const { page } = get();
    // Taro slides pages in; a shot mid-transition would be wider than the screen.
    await settleAnimations(page);
    const width = page.viewportSize()?.width ?? 375;
    const height = await current()
      .first()
      .evaluate((el) => Math.max(el.scrollHeight, el.closest('.taro_page')?.scrollHeight ?? 0));
    await page.setViewportSize({ width, height: Math.min(4000, Math.max(812, Math.ceil(height))) });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    await page.setViewportSize({ width, height: 812 });
  }
  /** Logs in as the demo family with the sandbox SMS code; returns the elder the home page chose. */
  async function loginAsFamily() {
    const { page, origin } = get();
    await page.goto(`${origin}/h5/`);
    // No session: the home page sends the visitor to log in.
    await field('phone').waitFor();
    await field('phone').fill(DEMO_FAMILY_PHONE);
    // The privacy notice is agreed before the first login (PIPL, issue 25), once per device.
    if ((await $('#privacy-consent').getAttribute('aria-checked')) !== 'true') await $('#privacy-consent').click();
    await $('#send-code').click();
    const banner = await text('#sandbox-code');
    const code = /(\d{6})/.exec(banner)![1]!;
    await field('code').fill(code);
    await $('#login').click();
    await $('#wallet').waitFor();
    const shown = await page.evaluate(() => JSON.parse(localStorage.getItem('yilian.state.v1') ?? '{}'));
    const elderId: string = (typeof shown === 'object' && 'data' in shown ? JSON.parse(shown.data) : shown).elderId;
    return { banner, elderId };
  }
  return { current, $, text, open, field, shoot, loginAsFamily };
}
