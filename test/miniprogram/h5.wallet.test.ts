// A family's money and notices on the H5 build in Chromium with a phone's mobile emulation (issue
// 25): a booking short of money goes to 去充值, the sandbox top-up comes back to the same booking
// with a fresh quote (no stale 还差), and the booking holds the money in the ledger; the 补贴明细
// page shows the month as the ledger has it, to the fen, each subsidy with what it pays for; a
// notice opens the order it is about and shows its photo as an image, never as a path; a weekly
// booking is placed as one order per visit, each holding its own money.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elderAudience, notify } from '../../server/src/notices/index.js';
import { ledgerViolations } from '../../server/src/wallet/index.js';
import type { TestServer } from '../../server/src/testing/harness.js';
import { onScreen, startFamilyH5, yuan, type H5 } from './h5.harness.js';
import { monthInShanghai, todayInShanghai } from '../../server/src/common/calendar.js';

let h: H5;
let s: TestServer;
const { $, text, open, field, shoot } = onScreen(() => h);
let elderId: string;
let family: string;

interface Quote {
  amountFen: number;
  subsidyFen: number;
  selfPaidFen: number;
  missingFen: number;
}
const quoteOf = async (serviceCode: string, quantity: number) => {
  const r = await s.gql<{ quoteOrder: Quote }>(
    `query($i: QuoteOrderInput!) { quoteOrder(input: $i) { amountFen subsidyFen selfPaidFen missingFen } }`,
    { i: { elderId, serviceCode, quantity } },
    family,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.quoteOrder;
};

beforeAll(async () => {
  ({ h, s, elderId, family } = await startFamilyH5());
});
afterAll(async () => {
  await h?.close();
});

describe('the H5 mini-program: money a family can follow', () => {
  it('books a weekly visit for two weeks as three orders, each holding its price in the ledger', async () => {
    const enrolment = await s.db.prisma.enrolment.findFirstOrThrow({ where: { elderId }, include: { policy: true } });
    const item = await s.db.prisma.serviceItem.findFirstOrThrow({
      where: { policyId: enrolment.policyId, mode: 'OFFLINE', priceFen: { gt: 0 }, category: { not: '助餐' } },
      orderBy: { priceFen: 'asc' },
    });
    const before = new Set(
      (await s.db.prisma.order.findMany({ where: { elderId }, select: { id: true } })).map((o) => o.id),
    );
    await open(`/pages/order/index?code=${item.code}&policy=${enrolment.policy.code}`);
    await $('#split-amount').waitFor();
    await $('#dates .chip').nth(1).click();
    await $('#times .chip', { hasText: '10:00' }).click();
    await $('#repeat .chip', { hasText: '每周' }).click();
    // The default last day is two weeks after the first visit: three visits.
    const last = /(\d\d-\d\d)/.exec((await $('#until .chip.on').textContent())!)![1]!;
    expect(await text('#until .chip.on')).toContain('2 周后');
    expect(await text('#repeat-rule')).toContain('每次是一张单独的工单');
    await shoot('order-recurring-normal');
    await $('#confirm-order').click();
    await expect.poll(() => text('#placed-series'), { timeout: 20_000 }).toContain('已连续预约 3 次');

    const placed = (
      await s.db.prisma.order.findMany({
        where: { elderId },
        include: { holds: true },
        orderBy: { scheduledAt: 'asc' },
      })
    ).filter((o) => !before.has(o.id));
    expect(placed).toHaveLength(3);
    expect(new Set(placed.map((o) => o.idempotencyKey)).size).toBe(3);
    expect(placed[1]!.scheduledAt.getTime() - placed[0]!.scheduledAt.getTime()).toBe(7 * 86_400_000);
    expect(placed[2]!.scheduledAt.getTime() - placed[1]!.scheduledAt.getTime()).toBe(7 * 86_400_000);
    expect(todayInShanghai(placed[2]!.scheduledAt).slice(5)).toBe(last);
    for (const o of placed) {
      expect(o.status).toBe('PLACED');
      expect(o.holds.every((x) => x.status === 'ACTIVE')).toBe(true);
      expect(o.holds.reduce((n, x) => n + x.amount, 0n)).toBe(BigInt(o.amountFen));
    }
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('tops up a booking short of money and comes back to it with a fresh quote, then books', async () => {
    const enrolment = await s.db.prisma.enrolment.findFirstOrThrow({ where: { elderId }, include: { policy: true } });
    const item = await s.db.prisma.serviceItem.findFirstOrThrow({
      where: { policyId: enrolment.policyId, mode: 'OFFLINE', priceFen: { gt: 0 }, category: { not: '助餐' } },
      orderBy: { priceFen: 'desc' },
    });
    // The smallest quantity the elder cannot pay for today: the page offers 去充值 for it.
    let quantity = 1;
    while (quantity < 20 && (await quoteOf(item.code, quantity)).missingFen === 0) quantity++;
    const short = await quoteOf(item.code, quantity);
    expect(short.missingFen).toBeGreaterThan(0);

    await open(`/pages/order/index?code=${item.code}&policy=${enrolment.policy.code}`);
    await $('#split-amount').waitFor();
    for (let i = 1; i < quantity; i++) {
      await $('#qty-plus').click();
      await expect.poll(() => text('#quantity')).toBe(String(i + 1));
    }
    await expect.poll(() => text('#split-missing'), { timeout: 15_000 }).toContain(yuan(short.missingFen));
    await $('#times .chip', { hasText: '10:00' }).click();
    await $('#go-topup').click();

    // The top-up page suggests the shortfall, rounded up to whole 元.
    await expect
      .poll(() => field('amount').inputValue(), { timeout: 15_000 })
      .toBe(String(Math.ceil(short.missingFen / 100)));
    const selfPaid = () =>
      s.db.prisma.ledgerAccount.findFirst({ where: { elderId, kind: 'SELF_PAID' } }).then((a) => a?.balance ?? 0n);
    const before = await selfPaid();
    await $('#pay').click();
    await $('#sandbox-pay').click();
    await expect.poll(() => text('#paid'), { timeout: 20_000 }).toContain('充值已到账');
    const paidFen = BigInt(Math.ceil(short.missingFen / 100) * 100);
    expect(await selfPaid()).toBe(before + paidFen);
    await shoot('topup-back-to-order');
    await $('#back-to-order').click();

    // The same booking (quantity and time kept), quoted again: nothing missing any more.
    await expect.poll(() => text('#quantity'), { timeout: 15_000 }).toBe(String(quantity));
    const fresh = await quoteOf(item.code, quantity);
    expect(fresh.missingFen).toBe(0);
    await expect.poll(() => $('#confirm-order').count(), { timeout: 15_000 }).toBe(1);
    expect(await $('#go-topup').count()).toBe(0);
    expect(await $('#split-missing').count()).toBe(0);
    expect(await text('#split-self')).toBe(yuan(fresh.selfPaidFen));
    expect(await $('#times .chip.on').first().textContent()).toContain('10:00');

    await $('#confirm-order').click();
    await expect.poll(() => text('#order-status'), { timeout: 15_000 }).toBe('待派单');
    const order = await s.db.prisma.order.findFirstOrThrow({ where: { elderId }, orderBy: { createdAt: 'desc' } });
    expect(order).toMatchObject({ quantity, serviceItemId: item.id });
    const holds = await s.db.prisma.hold.findMany({ where: { orderId: order.id }, include: { account: true } });
    expect(holds.find((x) => x.account.kind === 'SELF_PAID')?.amount ?? 0n).toBe(BigInt(fresh.selfPaidFen));
    expect(holds.reduce((n, x) => n + x.amount, 0n)).toBe(BigInt(fresh.amountFen));
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('shows 补贴明细 from home, agreeing with the ledger accounts to the fen', async () => {
    await open('/pages/index/index');
    await $('#statement-link').click();
    await $('#summary').waitFor({ timeout: 15_000 });
    const month = monthInShanghai(s.app.services.clock());
    expect(await text('#statement-month')).toBe(`${month.slice(0, 4)}年${Number(month.slice(5))}月`);

    // The month's entries on the elder's accounts, straight from the ledger.
    const accounts = await s.db.prisma.ledgerAccount.findMany({ where: { elderId } });
    const entries = await s.db.prisma.ledgerEntry.findMany({
      where: { account: { elderId } },
      include: { transaction: true, account: true },
    });
    const inMonth = entries.filter((e) => monthInShanghai(e.transaction.createdAt) === month);
    const net = (kind: string, txKinds: string[]) =>
      inMonth
        .filter((e) => e.account.kind === kind && txKinds.includes(e.transaction.kind))
        .reduce((n, e) => n + e.amount, 0n);
    const fenSubsidies = accounts.filter((a) => a.kind !== 'SELF_PAID' && a.unit === 'FEN').map((a) => a.kind);
    const sumOver = (kinds: string[], tx: string[]) => kinds.reduce((n, k) => n + net(k, tx), 0n);

    expect(await text('#government-paid .amount')).toBe(yuan(-sumOver(fenSubsidies, ['CHARGE'])));
    expect(await text('#family-paid .amount')).toBe(yuan(-net('SELF_PAID', ['CHARGE'])));
    expect(await text('#lapsed .amount')).toBe(yuan(-sumOver(fenSubsidies, ['EXPIRY', 'CLEARING'])));
    expect(await text('#refunded .amount')).toBe(yuan(-net('SELF_PAID', ['REFUND'])));
    const toppedUp = net('SELF_PAID', ['TOP_UP']);
    expect(toppedUp).toBeGreaterThan(0n);
    expect(await text('#topped-up .amount')).toBe(yuan(toppedUp));

    for (const a of accounts.filter((x) => x.unit === 'FEN')) {
      const opening = entries
        .filter((e) => e.accountId === a.id && monthInShanghai(e.transaction.createdAt) < month)
        .reduce((n, e) => n + e.amount, 0n);
      expect(await text(`#line-${a.kind}-opening .amount`)).toBe(yuan(opening));
      // This month's closing is the account's balance in the ledger (held money included).
      expect(await text(`#line-${a.kind}-closing .amount`)).toBe(yuan(a.balance));
    }
    // Each subsidy says what it pays for, in the programme's words, with its clause.
    const policy = await s.db.prisma.enrolment.findFirstOrThrow({ where: { elderId }, include: { policy: true } });
    const { policyDocument } = await import('../../server/src/policies/index.js');
    for (const b of policyDocument(policy.policy).allowance.buckets) {
      if (!accounts.some((a) => a.kind === b.accountKind)) continue;
      expect(b.paysFor).toBeTruthy();
      expect(await text(`#line-${b.accountKind} .pays-for`)).toBe(`用于：${b.paysFor}（${b.source}）`);
    }
    // The top-up of the first test, in the month's history.
    const topUp = await s.db.prisma.topUp.findFirstOrThrow({
      where: { elderId, status: 'PAID' },
      orderBy: { paidAt: 'desc' },
    });
    expect(await $(`.topup-line[data-id="${topUp.id}"] .amount`).textContent()).toContain(yuan(topUp.amountFen));
    await shoot('statement-normal');
    expect(h.pageErrors).toEqual([]);
  });

  it('opens the order a notice is about, with its photo shown as an image', async () => {
    // A booked visit the caregiver has not yet begun (no visit row).
    const order = await s.db.prisma.order.findFirstOrThrow({
      where: { elderId, status: 'PLACED', visit: null },
      orderBy: { createdAt: 'desc' },
    });
    // The caregiver's site photo, a real JPEG stored through POST /files and kept on the order's
    // visit (the file route lets the family read a visit photo of its elder's order). The notice
    // with its photos is what checkOut writes (orders/visits.test.ts); here it is written directly.
    // Chromium's own encoder makes it, as a phone's camera would.
    const jpeg = Buffer.from(
      await h.page.evaluate(() => {
        const c = document.createElement('canvas');
        c.width = 160;
        c.height = 120;
        const g = c.getContext('2d')!;
        g.fillStyle = '#d9ead3';
        g.fillRect(0, 0, 160, 120);
        return c.toDataURL('image/jpeg', 0.9).split(',')[1]!;
      }),
      'base64',
    );
    const up = await fetch(`${h.origin}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await s.login('caregiver')}`, 'content-type': 'image/jpeg' },
      body: jpeg,
    });
    expect(up.status).toBeLessThan(300);
    const photoId = ((await up.json()) as { id: string }).id;
    const caregiver = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });
    await s.db.prisma.visit.create({
      data: {
        orderId: order.id,
        caregiverId: caregiver.id,
        checkInPhotoId: photoId,
        checkInAt: s.app.services.clock(),
      },
    });
    await notify(s.db.prisma, await elderAudience(s.db.prisma, elderId), {
      elderId,
      kind: 'VISIT_COMPLETED',
      title: '服务已完成',
      body: '服务已完成，附现场照片。请确认并评价。',
      dedupe: `h5-wallet-notice:${order.id}`,
      orderId: order.id,
      photoFileIds: [photoId],
    });
    const notice = await s.db.prisma.notice.findFirstOrThrow({
      where: { orderId: order.id, user: { username: 'family' } },
    });

    await open('/pages/notices/index');
    const card = $(`.notice[data-id="${notice.id}"]`);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).not.toContain('/files/');
    const img = card.locator('img');
    await expect.poll(() => img.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => img.first().evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await card.locator('.open-order').textContent()).toContain('查看工单');
    await shoot('notices-normal');

    await card.locator('.title').click();
    await expect.poll(() => h.page.url(), { timeout: 15_000 }).toContain(`order-detail/index?id=${order.id}`);
    await $('#order-status').waitFor();
    expect((await s.db.prisma.notice.findUniqueOrThrow({ where: { id: notice.id } })).readAt).not.toBeNull();
    expect(h.pageErrors).toEqual([]);
  });
});
