// The family's order journey on the H5 build in Chromium against a real server with the demo seed:
// a family member logs in with a phone and the sandbox SMS code, orders a service and sees the split
// before confirming, confirms and rates the visit a caregiver completed, complains and follows the
// answer, and reads the notices the visit produced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FAMILY_PHONE } from '../../server/src/seed/seed.js';
import type { TestServer } from '../../server/src/testing/harness.js';
import { addUser } from '../../server/src/testing/users.js';
import { onScreen, startH5, yuan, type H5 } from './h5.harness.js';
import { shanghaiMinute } from '../../server/src/common/calendar.js';

let h: H5;
let s: TestServer;
const { current, $, text, open, field, shoot, loginAsFamily } = onScreen(() => h);
let family: string;
let elderId: string;
let orderId: string;
/** The staff of the provider the order went to, acting through the API as their own apps would. */
let providerAdmin: string;

beforeAll(async () => {
  h = await startH5();
  s = h.s;
});
afterAll(async () => {
  await h?.close();
});

describe('the H5 mini-program: ordering a visit', () => {
  it("logs in with a phone number and the sandbox SMS code, and shows the elder's subsidy and balance", async () => {
    const login = await loginAsFamily();
    expect(login.banner).toContain('演示环境');
    elderId = login.elderId;

    family = await s.login('family');
    const user = await s.db.prisma.user.findFirstOrThrow({ where: { phone: DEMO_FAMILY_PHONE } });
    expect(user.username).toBe('family');
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
    expect(shanghaiMinute(order.scheduledAt).slice(5)).toBe(`${date} 10:00`);
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
      const body = await h.page.screenshot({ type: 'jpeg', quality: 50, clip: { x: 0, y: 0, width: 120, height: 90 } });
      const r = await fetch(`${h.origin}/files`, {
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
    const at = shanghaiMinute;
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
    await h.page.reload();
    await expect.poll(() => text('.complaint .complaint-status')).toBe('机构已答复');
    expect(await text('.complaint')).toContain('已安排护理员明天上门补做清洁');
  });

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
    // A notice about an order opens that order (issue 25); back on the list it is read.
    if (unread[0]!.orderId)
      await expect.poll(() => h.page.url()).toContain(`order-detail/index?id=${unread[0]!.orderId}`);
    await open('/pages/notices/index');
    await expect.poll(() => $('.notice.unread').count()).toBe(unread.length - 1);
  });
});
