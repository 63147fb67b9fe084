// Visits under a home-visit agreement (004 三(二), 五(二)3/5, 五(五)) on a real server: an order for an
// agreement elder is placed under the filed agreement — its provider (not the zone's), its item, its
// price — holds nothing in the elder's wallet, and once confirmed is paid by the project from the
// programme's funding to the provider payable, once, however often or concurrently it is retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { bedWorld } from '../carebeds/carebeds.fixtures.js';
import { ledgerViolations, moneyTx } from '../wallet/index.js';
import { visitWorld } from './agreements.fixtures.js';
import { payAgreementVisit } from './agreements.visits.service.js';

let now = new Date('2022-11-15T10:00:00+08:00');
let s: TestServer;
let w: Awaited<ReturnType<typeof bedWorld>>;
let v: Awaited<ReturnType<typeof visitWorld>>;
let elders: string[];
const code = (r: { errors?: { extensions?: { code?: string; field?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const message = (r: { errors?: { message: string }[] }) => r.errors?.[0]?.message ?? '';

const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id status amountFen subsidyFen selfPaidFen } }`;
const QUOTE = `query($i: QuoteOrderInput!) { quoteOrder(input: $i) {
  amountFen subsidyFen selfPaidFen missingFen providerName unitPriceFen } }`;
const CONFIRM = `mutation($o: ID!) { confirmVisitByCall(orderId: $o, note: "回访老人，确认已上门服务") { id status } }`;
const order = (elderId: string, key: string, over: Record<string, unknown> = {}) => ({
  i: {
    elderId,
    serviceCode: 'WH_CLEANING',
    quantity: 1,
    scheduledAt: new Date('2022-11-16T10:00:00+08:00').toISOString(),
    idempotencyKey: key,
    ...over,
  },
});

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  w = await bedWorld(s);
  elders = await w.eldersIn('371002001001');
  v = await visitWorld(s, w, (at) => (now = at));
}, 300_000);
afterAll(async () => s?.close());

const policyId = async () => (await s.db.prisma.policy.findUniqueOrThrow({ where: { code: 'WEIHAI_2022' } })).id;
const txCount = () => s.db.prisma.ledgerTransaction.count();

describe('visits under a home-visit agreement (004 三(二), 五(二)3/5, 五(五))', () => {
  it('五(二)3: no visit without a filed agreement for the item, nor two in one order; nothing written', async () => {
    const elder = elders[0]!;
    await v.enrol(elder, new Date('2022-10-28T10:00:00+08:00'));
    now = new Date('2022-11-15T10:00:00+08:00');
    const before = await txCount();
    const none = await w.as('wh_worker', PLACE, order(elder, 'wh-none-0001'));
    expect(code(none)).toBe('NOT_ELIGIBLE');
    expect(message(none)).toMatch(/没有在预约时间有效、含这项服务的已备案服务协议.*（004 五\(二\)3）/);
    // Signed but not yet reviewed and filed: still no project visit.
    const signed = w.ok(
      await w.as(
        'wh_worker',
        `mutation($p: ID!, $i: SignVisitAgreementInput!) { signVisitAgreement(providerId: $p, input: $i) { id } }`,
        {
          p: v.provider.id,
          i: {
            elderId: elder,
            items: ['WH_CLEANING'],
            method: '上门',
            priceFen: 6000,
            startsOn: '2022-11-01',
            termMonths: 24,
          },
        },
      ),
      'signVisitAgreement',
    );
    const waiting = await w.as('wh_worker', PLACE, order(elder, 'wh-wait-0001'));
    expect(code(waiting)).toBe('NOT_ELIGIBLE');
    expect(message(waiting)).toMatch(/还没有经街道（镇）审查、区市民政部门核定备案/);
    const review = `mutation($id: ID!) { reviewVisitAgreement(id: $id, approved: true) { status } }`;
    w.ok(await w.as('wh_street', review, { id: signed.id }), 'reviewVisitAgreement');
    w.ok(await w.as('wh_admin', review, { id: signed.id }), 'reviewVisitAgreement');
    // Filed, but 助餐 is not one of its items; two visits in one order would count as one.
    expect(code(await w.as('wh_worker', PLACE, order(elder, 'wh-item-0001', { serviceCode: 'WH_MEAL' })))).toBe(
      'NOT_ELIGIBLE',
    );
    const two = await w.as('wh_worker', PLACE, order(elder, 'wh-two-00001', { quantity: 2 }));
    expect(code(two)).toBe('BAD_USER_INPUT');
    expect(message(two)).toMatch(/每张工单为一次上门服务/);
    expect(await s.db.prisma.order.count({ where: { elderId: elder } })).toBe(0);
    expect(await txCount()).toBe(before);
  });

  it('三(二): placed under the agreement — its provider, its price — with nothing held in the wallet', async () => {
    const elder = elders[0]!;
    now = new Date('2022-11-15T10:00:00+08:00');
    const quote = w.ok(
      await w.as('wh_worker', QUOTE, { i: { elderId: elder, serviceCode: 'WH_CLEANING', quantity: 1 } }),
      'quoteOrder',
    );
    expect(quote).toMatchObject({
      amountFen: 6000,
      subsidyFen: 6000,
      selfPaidFen: 0,
      missingFen: 0,
      unitPriceFen: 6000,
      providerName: v.provider.name,
    });
    const placed = w.ok(await w.as('wh_worker', PLACE, order(elder, 'wh-place-0001')), 'placeOrder');
    expect(placed).toMatchObject({ status: 'PLACED', amountFen: 6000, subsidyFen: 6000, selfPaidFen: 0 });
    // A replay with the same key is the same order; five identical requests at once place one.
    expect(w.ok(await w.as('wh_worker', PLACE, order(elder, 'wh-place-0001')), 'placeOrder').id).toBe(placed.id);
    const burst = await Promise.all(
      Array.from({ length: 5 }, () => w.as('wh_worker', PLACE, order(elder, 'wh-burst-0001'))),
    );
    expect(new Set(burst.map((r) => w.ok(r, 'placeOrder').id)).size).toBe(1);
    const row = await s.db.prisma.order.findUniqueOrThrow({ where: { id: placed.id } });
    const agreement = await s.db.prisma.visitAgreement.findFirstOrThrow({ where: { elderId: elder } });
    expect(row).toMatchObject({ providerId: v.provider.id, visitAgreementId: agreement.id });
    expect(await s.db.prisma.order.count({ where: { elderId: elder } })).toBe(2);
    expect(await s.db.prisma.hold.count({ where: { order: { elderId: elder } } })).toBe(0);
    expect(await s.db.prisma.ledgerEntry.count({ where: { account: { elderId: elder } } })).toBe(0);
    // The zone's provider (WH-P01, wh_builder) does not get the agreement's visit.
    const zone = await s.db.prisma.provider.findUniqueOrThrow({ where: { code: 'WH-P01' } });
    expect(row.providerId).not.toBe(zone.id);
    const caregiver = await s.db.prisma.caregiver.findFirstOrThrow({ where: { providerId: zone.id } });
    const other = await w.as(
      'wh_builder',
      `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { id } }`,
      { o: placed.id, c: caregiver.id },
    );
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code(other));
  });

  it("五(二)3: an agreed visit may not be moved past its agreement's term; nothing changes", async () => {
    // Class A follows another standard (四(二)), so its one-month agreement is allowed: 2022-11-01 to 12-01.
    const elder = elders[1]!;
    await v.enrol(elder, new Date('2022-10-28T10:00:00+08:00'));
    now = new Date('2022-11-15T10:00:00+08:00');
    await v.agree(elder, { termMonths: 1, elderClass: 'CLASS_A' });
    const placed = w.ok(await w.as('wh_worker', PLACE, order(elder, 'wh-term-0001')), 'placeOrder');
    const MOVE = `mutation($o: ID!, $at: DateTime!, $k: String!) {
      rescheduleOrder(orderId: $o, startAt: $at, idempotencyKey: $k) { id scheduledAt } }`;
    const move = (startAt: string, k: string) =>
      w.as('wh_worker', MOVE, { o: placed.id, at: new Date(startAt).toISOString(), k });
    const late = await move('2022-12-05T10:00:00+08:00', 'wh-move-0001');
    expect(code(late)).toBe('BAD_USER_INPUT');
    expect(message(late)).toBe('新的上门时间不在服务协议的期限内，请在协议期内改约。');
    const row = await s.db.prisma.order.findUniqueOrThrow({ where: { id: placed.id } });
    expect(row.scheduledAt.toISOString()).toBe(new Date('2022-11-16T10:00:00+08:00').toISOString());
    expect(w.ok(await move('2022-11-28T10:00:00+08:00', 'wh-move-0002'), 'rescheduleOrder').id).toBe(placed.id);
  });

  it('五(五): confirmed, the project pays the agreed price to the provider payable, once under concurrency', async () => {
    const elder = elders[0]!;
    const pid = await policyId();
    const id = await v.visit(elder, { at: new Date('2022-11-20T10:00:00+08:00'), confirm: false });
    now = new Date('2022-11-20T11:30:00+08:00');
    // Two confirmations at once: one wins, the other is INVALID_STATE; one payment.
    const both = await Promise.all([w.as('wh_worker', CONFIRM, { o: id }), w.as('wh_worker', CONFIRM, { o: id })]);
    expect(both.map((r) => code(r) ?? 'OK').sort()).toEqual(['INVALID_STATE', 'OK']);
    expect(code(await w.as('wh_worker', CONFIRM, { o: id }))).toBe('INVALID_STATE');
    const paid = await s.db.prisma.ledgerTransaction.findMany({
      where: { orderId: id },
      include: { entries: { include: { account: true } } },
    });
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ kind: 'CHARGE', idempotencyKey: `order:${id}:agreement`, elderId: elder });
    expect(
      paid[0]!.entries
        .map((e) => [e.account.key, Number(e.amount)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      [`policy:${pid}:FUNDING:FEN`, -6000],
      [`policy:${pid}:PROVIDER_PAYABLE:FEN`, 6000],
    ]);
    const row = await s.db.prisma.order.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'CONFIRMED', chargedFen: 6000, selfPaidFen: 0 });
    expect(await s.db.prisma.ledgerEntry.count({ where: { account: { elderId: elder } } })).toBe(0);
    // The payment's key: the same request replays the first posting, another amount is a conflict.
    const again = await moneyTx(s.db.prisma, (tx) =>
      payAgreementVisit(tx, { ...row, visitAgreementId: row.visitAgreementId! }, pid, row.confirmedById!, now),
    );
    expect(again?.id).toBe(paid[0]!.id);
    await expect(
      moneyTx(s.db.prisma, (tx) =>
        payAgreementVisit(
          tx,
          { ...row, amountFen: 7000, visitAgreementId: row.visitAgreementId! },
          pid,
          row.confirmedById!,
          now,
        ),
      ),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    expect(await s.db.prisma.ledgerTransaction.count({ where: { orderId: id } })).toBe(1);
    // 三(二): the confirmed visit counts toward the agreement's visits owed.
    const list = w.ok(
      await w.as('wh_worker', `query($e: ID!) { visitAgreements(elderId: $e) { progress { confirmed } } }`, {
        e: elder,
      }),
      'visitAgreements',
    );
    expect(list[0].progress.confirmed).toBe(1);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});
