// The mini-program's H5 build in headless Chromium against a real server with the demo seed: a
// family member logs in with a phone and the sandbox SMS code, orders a service and sees the split
// before confirming, confirms and rates the visit a caregiver completed, complains and follows the
// answer, tops up through the labelled payment sandbox, and switches large-font mode. Screenshots
// of the main pages in both font modes go to miniprogram/screenshots/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/common/config.js';
import { DEMO_FAMILY_PHONE } from '../../server/src/seed/seed.js';
import { startTestServer, type TestServer } from '../../server/src/testing/harness.js';
import { addUser } from '../../server/src/testing/users.js';
import { distDir, ensureBuild } from './build.js';

const SHOTS = path.join(REPO_ROOT, 'miniprogram/screenshots');
// Debian's chromium, headless, nothing phoning home (no update, sync or background requests).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let s: TestServer;
let origin: string;
let browser: Browser;
let page: Page;
let family: string;
let elderId: string;
let orderId: string;
/** The staff of the provider the order went to, acting through the API as their own apps would. */
let providerAdmin: string;
const pageErrors: string[] = [];

const yuan = (fen: number | bigint) => `${(Number(fen) / 100).toFixed(2)} 元`;
// Taro's H5 router keeps pages further down the stack in the document, hidden: look only in the
// page on screen.
const current = () => page.locator('[data-testid=page]').filter({ visible: true });
const $ = (selector: string, options?: { hasText?: string }) => current().locator(selector, options);
const text = async (selector: string) => ((await $(selector).first().textContent()) ?? '').trim();
const open = async (route: string) => {
  await page.goto(`${origin}/h5/#${route}`);
  await current().first().waitFor();
};
/** The whole of the page on screen: Taro's H5 page scrolls inside its own container. */
async function shoot(name: string) {
  // Taro slides pages in; a shot mid-transition would be wider than the screen. (A cancelled
  // animation rejects its promise, which is as good as finished here.)
  await page.evaluate(() => Promise.allSettled(document.getAnimations().map((a) => a.finished)));
  const height = await current()
    .first()
    .evaluate((el) => Math.max(el.scrollHeight, el.closest('.taro_page')?.scrollHeight ?? 0));
  await page.setViewportSize({ width: 375, height: Math.min(4000, Math.max(812, Math.ceil(height))) });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
}
/** Taro's H5 Input is a plain <input>; Textarea wraps one in a web component. */
const field = (id: string) => $(`input#${id}, #${id} input, textarea#${id}, #${id} textarea`).first();
const selfPaid = async () =>
  (await s.db.prisma.ledgerAccount.findFirst({ where: { elderId, kind: 'SELF_PAID' } }))?.balance ?? 0n;

beforeAll(async () => {
  await ensureBuild('h5');
  s = await startTestServer({ h5Dir: distDir('h5') });
  origin = s.url.replace(/\/graphql$/, '');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    hasTouch: true,
  });
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the H5 mini-program', () => {
  it("logs in with a phone number and the sandbox SMS code, and shows the elder's subsidy and balance", async () => {
    await page.goto(`${origin}/h5/`);
    // No session: the home page sends the visitor to log in.
    await field('phone').waitFor();
    await field('phone').fill(DEMO_FAMILY_PHONE);
    await $('#send-code').click();
    const banner = await text('#sandbox-code');
    expect(banner).toContain('演示环境');
    const code = /(\d{6})/.exec(banner)![1]!;
    await field('code').fill(code);
    await $('#login').click();
    await $('#wallet').waitFor();

    family = await s.login('family');
    const user = await s.db.prisma.user.findFirstOrThrow({ where: { phone: DEMO_FAMILY_PHONE } });
    expect(user.username).toBe('family');
    const shown = await page.evaluate(() => JSON.parse(localStorage.getItem('yilian.state.v1') ?? '{}'));
    elderId = (typeof shown === 'object' && 'data' in shown ? JSON.parse(shown.data) : shown).elderId;
    expect(elderId).toBeTruthy();
    const wallet = await s.gql<{
      elder: { name: string; wallet: { accounts: { kind: string; unit: string; available: number }[] } };
    }>(
      `query($id: ID!) { elder(id: $id) { name wallet { accounts { kind unit available } } } }`,
      { id: elderId },
      family,
    );
    expect(await text('#wallet .title')).toContain(wallet.data!.elder.name);
    const money = wallet.data!.elder.wallet.accounts.filter((a) => a.unit === 'FEN');
    expect(money.length).toBeGreaterThan(0);
    for (const a of money) expect(await text(`#account-${a.kind} .big`)).toBe(yuan(a.available));
  });

  it('orders a service from the guide, showing the split the server will take before confirming', async () => {
    await current().getByText('预约服务', { exact: true }).click();
    await $('.service-item').first().waitFor();
    const enrolment = await s.gql<{ elder: { enrolment: { policy: { code: string } } } }>(
      `query($id: ID!) { elder(id: $id) { enrolment { policy { code } } } }`,
      { id: elderId },
      family,
    );
    const policyCode = enrolment.data!.elder.enrolment.policy.code;
    const guide = await s.gql<{
      serviceGuide: { code: string; name: string; category: string; priceFen: number | null; mode: string }[];
    }>(
      `query($p: String!) { serviceGuide(policyCode: $p) { code name category priceFen mode } }`,
      { p: policyCode },
      family,
    );
    // A paid home visit: canteen meals (助餐) are checked in at the canteen with its own code (000 四), and
    // this test checks the caregiver in at the elder's home.
    const item = guide.data!.serviceGuide.find(
      (i) => i.mode === 'OFFLINE' && (i.priceFen ?? 0) > 0 && i.category !== '助餐',
    )!;
    await $('#categories .chip', { hasText: item.category }).click();
    const card = $(`.service-item[data-code="${item.code}"]`);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('.big').textContent()).toContain(yuan(item.priceFen!).replace(' 元', ''));
    await card.getByText(`预约${item.name}`).click();

    await $('#split-amount').waitFor();
    await $('#qty-plus').click();
    await expect.poll(() => text('#quantity')).toBe('2');
    const quote = (
      await s.gql<{ quoteOrder: { amountFen: number; subsidyFen: number; selfPaidFen: number; missingFen: number } }>(
        `query($i: QuoteOrderInput!) { quoteOrder(input: $i) { amountFen subsidyFen selfPaidFen missingFen } }`,
        { i: { elderId, serviceCode: item.code, quantity: 2 } },
        family,
      )
    ).data!.quoteOrder;
    await expect.poll(() => text('#split-amount')).toBe(yuan(quote.amountFen));
    expect(await text('#split-self')).toBe(yuan(quote.selfPaidFen));
    expect(await text('#split-subsidy')).toContain(yuan(quote.subsidyFen).replace(' 元', ''));
    expect(quote.missingFen).toBe(0);

    const day = $('#dates .chip').nth(1);
    const date = /(\d\d-\d\d)/.exec((await day.textContent())!)![1]!;
    await day.click();
    await $('#times .chip', { hasText: '10:00' }).click();
    await field('note').fill('请先电话联系');
    const before = await s.db.prisma.order.count({ where: { elderId } });
    await $('#confirm-order').click();
    await expect.poll(() => text('#order-status'), { timeout: 15_000 }).toBe('待派单');

    expect(await s.db.prisma.order.count({ where: { elderId } })).toBe(before + 1);
    const order = await s.db.prisma.order.findFirstOrThrow({
      where: { elderId },
      orderBy: { createdAt: 'desc' },
      include: { serviceItem: true },
    });
    orderId = order.id;
    expect(order).toMatchObject({
      quantity: 2,
      amountFen: quote.amountFen,
      subsidyFen: quote.subsidyFen,
      selfPaidFen: quote.selfPaidFen,
      note: '请先电话联系',
      channel: 'MINIPROGRAM',
      status: 'PLACED',
    });
    expect(order.serviceItem.code).toBe(item.code);
    // The chosen day at 10:00 on the Beijing clock.
    const beijing = new Date(order.scheduledAt.getTime() + 8 * 3600_000).toISOString();
    expect(beijing.slice(5, 16)).toBe(`${date}T10:00`);
  });

  it("shows the caregiver's check-in, check-out, duration and photos, then confirms and rates the visit", async () => {
    const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { elder: true } });
    // The provider and its caregiver do their part through the API, as their own apps would.
    const caregiver = await s.db.prisma.caregiver.findFirstOrThrow({
      where: { providerId: order.providerId! },
      orderBy: { name: 'asc' },
    });
    providerAdmin = await addUser(s, `h5_admin_${Date.now()}`, {
      role: 'PROVIDER_ADMIN',
      displayName: '机构管理员',
      providerId: order.providerId!,
    });
    const carer = caregiver.userId
      ? await s.login((await s.db.prisma.user.findUniqueOrThrow({ where: { id: caregiver.userId } })).username!)
      : await addUser(s, `h5_carer_${Date.now()}`, {
          role: 'CAREGIVER',
          displayName: caregiver.name,
          providerId: order.providerId!,
          caregiver: { connect: { id: caregiver.id } },
        });
    expect(
      (
        await s.gql(
          `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
          { o: orderId, c: caregiver.id },
          providerAdmin,
        )
      ).errors,
    ).toBeUndefined();
    const qr = (
      await s.gql<{ homeQrToken: string }>(
        `query($e: ID!) { homeQrToken(elderId: $e) }`,
        { e: elderId },
        await s.login('worker'),
      )
    ).data!.homeQrToken;
    // Real JPEGs, so the page has pictures to show: the browser photographs itself.
    const photo = async () => {
      const body = await page.screenshot({ type: 'jpeg', quality: 50, clip: { x: 0, y: 0, width: 120, height: 90 } });
      const r = await fetch(`${origin}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${carer}`, 'content-type': 'image/jpeg' },
        body: new Uint8Array(body),
      });
      expect(r.status).toBe(201);
      return ((await r.json()) as { id: string }).id;
    };
    const near = { latitude: order.elder.latitude!, longitude: order.elder.longitude! };
    const realClock = s.app.services.clock;
    try {
      s.app.services.clock = () => order.scheduledAt;
      const inRes = await s.gql(
        `mutation($i: CheckInInput!) { checkIn(input: $i) { status } }`,
        { i: { orderId, qrToken: qr, ...near, photoId: await photo() } },
        carer,
      );
      expect(inRes.errors).toBeUndefined();
      s.app.services.clock = () => new Date(order.scheduledAt.getTime() + 52 * 60_000);
      const outRes = await s.gql(
        `mutation($i: CheckOutInput!) { checkOut(input: $i) { status } }`,
        { i: { orderId, ...near, photoId: await photo() } },
        carer,
      );
      expect(outRes.errors).toBeUndefined();
    } finally {
      s.app.services.clock = realClock;
    }

    // Home tells the family a visit is waiting for them; it leads to the order.
    await open('/pages/index/index');
    await $('.banner', { hasText: '请确认并评价' }).click();
    await $(`.order-item[data-id="${orderId}"]`).click();
    await $('#order').waitFor();
    expect(await text('#order-status')).toBe('待确认');
    expect(await text('#caregiver')).toBe(caregiver.name);
    expect(await text('#duration')).toBe('52 分钟');
    const at = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(await text('#check-in')).toBe(at(order.scheduledAt));
    expect(await text('#check-out')).toBe(at(new Date(order.scheduledAt.getTime() + 52 * 60_000)));
    // Both photos arrive through the bearer-token download and decode as images.
    await expect
      .poll(
        () =>
          $('#photos img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
        { timeout: 10_000 },
      )
      .toBe(2);
    await shoot('order-detail-to-confirm-normal');

    const heldBefore = (await s.db.prisma.ledgerAccount.findMany({ where: { elderId } })).reduce(
      (n, a) => n + a.held,
      0n,
    );
    await $('#confirm').click();
    await expect.poll(() => text('#order-status')).toBe('已完成');
    const confirmed = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(confirmed.status).toBe('CONFIRMED');
    expect(
      (await s.db.prisma.ledgerAccount.findMany({ where: { elderId } })).reduce((n, a) => n + a.held, 0n),
    ).toBeLessThan(heldBefore);
    expect(await s.db.prisma.ledgerTransaction.count({ where: { orderId, kind: 'CHARGE' } })).toBeGreaterThan(0);

    // Rating without stars is refused on the page; with 4 stars and a comment it is saved.
    await $('#submit-rating').click();
    expect(await text('[role=alert]')).toContain('请先点星星');
    await $('#rate .star').nth(3).click();
    await field('comment').fill('护理员很细心，准时上门');
    await $('#submit-rating').click();
    await $('#rating').waitFor();
    expect(await $('#rating .star.on').count()).toBe(4);
    const rating = await s.db.prisma.rating.findFirstOrThrow({ where: { orderId } });
    expect(rating).toMatchObject({ stars: 4, comment: '护理员很细心，准时上门' });
  });

  it("files a complaint on the visit and follows it to the provider's answer", async () => {
    await $('#complain').click();
    await field('complaint-text').fill('护理员提前离开，地面没有拖干净');
    await $('#submit-complaint').click();
    await expect.poll(() => text('.complaint .complaint-status')).toBe('待处理');
    const complaint = await s.db.prisma.complaint.findFirstOrThrow({ where: { orderId } });
    expect(complaint.content).toBe('护理员提前离开，地面没有拖干净');
    const answered = await s.gql(
      `mutation($id: ID!, $r: String!) { respondToComplaint(id: $id, response: $r) { status } }`,
      { id: complaint.id, r: '已安排护理员明天上门补做清洁' },
      providerAdmin,
    );
    expect(answered.errors).toBeUndefined();
    await page.reload();
    await expect.poll(() => text('.complaint .complaint-status')).toBe('机构已答复');
    expect(await text('.complaint')).toContain('已安排护理员明天上门补做清洁');
  });

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

  it('lists notices, marks one read when opened, and explains that H5 cannot send WeChat reminders', async () => {
    const user = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' } });
    const unread = await s.db.prisma.notice.findMany({
      where: { userId: user.id, readAt: null },
      orderBy: { createdAt: 'desc' },
    });
    expect(unread.length).toBeGreaterThan(0);
    await open('/pages/index/index');
    await expect.poll(() => text('#notices-link')).toContain(`${unread.length} 条未读`);
    await $('#notices-link').click();
    await $('.notice').first().waitFor();
    // No subscribe-message button on H5: WeChat's consent dialog exists only in the mini-program.
    expect(await $('#subscribe-btn').count()).toBe(0);
    expect(await text('#subscribe')).toContain('网页版不能发微信提醒');
    const first = $('.notice.unread', { hasText: unread[0]!.title }).first();
    await first.click();
    await expect
      .poll(async () => (await s.db.prisma.notice.findUniqueOrThrow({ where: { id: unread[0]!.id } })).readAt)
      .not.toBeNull();
    await expect.poll(() => $('.notice.unread').count()).toBe(unread.length - 1);
  });

  it('switches to large font: 24 px body, larger tap targets, nothing cut off, remembered after a reload', async () => {
    await open('/pages/index/index');
    const measure = () =>
      page.evaluate(() => {
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
    await page.reload();
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
      ['order-detail', `/pages/order-detail/index?id=${orderId}`, '#rating'],
      ['topup', '/pages/topup/index', '#self-paid-balance'],
      ['notices', '/pages/notices/index', '.notice'],
    ];
    // Text that overflows its box, or runs past the screen's right edge, is cut off for a reader.
    const clipped = () =>
      page.evaluate(() => {
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
    expect(pageErrors).toEqual([]);
  });
});
