// Placing, dispatching and cancelling orders on a real server with the demo seed (000 六, 001 五).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedElderId } from '../testing/users.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { creditSelfPaid } from '../testing/wallet-fixtures.js';

let s: TestServer;
let family: string;
let worker: string;
let elderId: string;
let seq = 0;
// The app clock, from before the seed: a Wednesday in mid-November 2026, so bookings up to 40 days
// ahead and this month's allowance never meet a month end the test did not choose.
let now = new Date('2026-11-18T10:00:00+08:00');
const ahead = (ms: number) => new Date(now.getTime() + ms).toISOString();
const key = () => `order-test-${seq++}`;
const tomorrow = () => ahead(24 * 3600_000);

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status channel amountFen subsidyFen
  subsidyMinutes selfPaidFen provider { name } service { code name } elder { id } } }`;
type Placed = {
  placeOrder: {
    id: string;
    status: string;
    channel: string;
    amountFen: number;
    subsidyFen: number;
    selfPaidFen: number;
    provider: { name: string };
  };
};
const place = (input: Record<string, unknown>, token = family) =>
  s.gql<Placed>(
    PLACE,
    {
      input: {
        elderId,
        serviceCode: 'HP_ROOM_CLEANING',
        quantity: 1,
        scheduledAt: tomorrow(),
        idempotencyKey: key(),
        ...input,
      },
    },
    token,
  );

const accounts = async (id = elderId) =>
  Object.fromEntries(
    (await s.db.prisma.ledgerAccount.findMany({ where: { elderId: id } })).map((a) => [
      a.kind,
      { balance: a.balance, held: a.held },
    ]),
  );

const topUpSelfPaid = (id: string, fen: number) => creditSelfPaid(s.db.prisma, id, fen, `test-topup-${key()}`);

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  family = await s.login('family');
  worker = await s.login('worker');
  elderId = await linkedElderId(s);
});
afterAll(async () => s?.close());

describe('placeOrder', () => {
  it("000 四/七: pays from the offline subsidy, holds it, and dispatches to the zone's provider", async () => {
    const before = await accounts();
    const r = await place({ quantity: 1 });
    expect(r.errors).toBeUndefined();
    expect(r.data!.placeOrder).toMatchObject({
      status: 'PLACED',
      channel: 'MINIPROGRAM',
      amountFen: 3000,
      subsidyFen: 3000,
      selfPaidFen: 0,
    });
    expect(r.data!.placeOrder.provider.name).toBeTruthy();
    const after = await accounts();
    expect(after.SUBSIDY_OFFLINE!.held - before.SUBSIDY_OFFLINE!.held).toBe(3000n);
    expect(after.SUBSIDY_OFFLINE!.balance).toBe(before.SUBSIDY_OFFLINE!.balance);
  });

  it('puts the overage on self-paid money, and refuses with what is missing when there is not enough', async () => {
    const offline = (await accounts()).SUBSIDY_OFFLINE!;
    const free = Number(offline.balance - offline.held);
    // Enough hours of cleaning to exceed the remaining subsidy by 45 元.
    const hours = Math.ceil((free + 4500) / 3000);
    const short = await place({ quantity: hours });
    expect(short.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_BALANCE');
    expect(short.errors?.[0]?.message).toMatch(/还差/);
    const details = (short.errors?.[0]?.extensions as { details: { missingFen: number } }).details;
    const selfPaid = (await accounts()).SELF_PAID;
    expect(details.missingFen).toBe(hours * 3000 - free - Number(selfPaid ? selfPaid.balance - selfPaid.held : 0n));
    await topUpSelfPaid(elderId, details.missingFen);
    const ok = await place({ quantity: hours });
    expect(ok.data!.placeOrder).toMatchObject({
      amountFen: hours * 3000,
      subsidyFen: free,
      selfPaidFen: hours * 3000 - free,
    });
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it(
    'quoteOrder shows the split placeOrder will take, holds nothing, and reports a shortfall instead of ' + 'refusing',
    async () => {
      const QUOTE = `query($input: QuoteOrderInput!) { quoteOrder(input: $input) { amountFen subsidyFen subsidyMinutes
      selfPaidFen missingFen selfPaidAvailableFen providerName } }`;
      const before = await accounts();
      const free = Number(before.SUBSIDY_OFFLINE!.balance - before.SUBSIDY_OFFLINE!.held);
      const own = before.SELF_PAID ? Number(before.SELF_PAID.balance - before.SELF_PAID.held) : 0;
      const hours = Math.ceil((free + own + 6000) / 3000);
      const q = await s.gql<{ quoteOrder: Record<string, number | string> }>(
        QUOTE,
        { input: { elderId, serviceCode: 'HP_ROOM_CLEANING', quantity: Math.min(hours, 20) } },
        family,
      );
      expect(q.errors).toBeUndefined();
      const n = Math.min(hours, 20);
      expect(q.data!.quoteOrder).toMatchObject({
        amountFen: n * 3000,
        subsidyFen: Math.min(free, n * 3000),
        selfPaidAvailableFen: own,
      });
      expect(q.data!.quoteOrder.missingFen).toBe(Math.max(0, n * 3000 - free - own));
      expect(await accounts()).toEqual(before);
      // One that fits (the test above may have spent the subsidy, so put one visit's worth on the
      // self-paid balance): the placed order carries exactly the quoted split.
      await topUpSelfPaid(elderId, 3000);
      const one = await s.gql<{ quoteOrder: Record<string, number> }>(
        QUOTE,
        { input: { elderId, serviceCode: 'HP_ROOM_CLEANING', quantity: 1 } },
        family,
      );
      const placed = await place({ quantity: 1 });
      expect(placed.errors).toBeUndefined();
      expect(one.data!.quoteOrder.missingFen).toBe(0);
      expect(one.data!.quoteOrder.subsidyFen + one.data!.quoteOrder.selfPaidFen).toBe(3000);
      expect(placed.data!.placeOrder).toMatchObject({
        amountFen: one.data!.quoteOrder.amountFen,
        subsidyFen: one.data!.quoteOrder.subsidyFen,
        selfPaidFen: one.data!.quoteOrder.selfPaidFen,
      });
      // Bad input and scope are refused as placeOrder refuses them.
      expect(
        (await s.gql(QUOTE, { input: { elderId, serviceCode: 'NOPE', quantity: 1 } }, family)).errors?.[0]?.extensions
          ?.code,
      ).toBe('BAD_USER_INPUT');
      expect(
        (await s.gql(QUOTE, { input: { elderId, serviceCode: 'HP_ROOM_CLEANING', quantity: 0 } }, family)).errors?.[0]
          ?.extensions?.code,
      ).toBe('BAD_USER_INPUT');
      expect(
        (
          await s.gql(
            QUOTE,
            { input: { elderId, serviceCode: 'HP_ROOM_CLEANING', quantity: 1 } },
            await s.login('caregiver'),
          )
        ).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
    },
  );

  it.each([
    ['a quantity of 0', { quantity: 0 }, 'BAD_USER_INPUT'],
    ['a quantity of 21', { quantity: 21 }, 'BAD_USER_INPUT'],
    ['a time in the past', { scheduledAt: ahead(-3600_000) }, 'BAD_USER_INPUT'],
    ['a time 90 days ahead', { scheduledAt: ahead(90 * 86_400_000) }, 'BAD_USER_INPUT'],
    ["another programme's service", { serviceCode: 'YC_MEAL' }, 'BAD_USER_INPUT'],
    ['a malformed key', { idempotencyKey: 'x' }, 'BAD_USER_INPUT'],
  ])('refuses %s and writes nothing', async (_label, input, code) => {
    const [orders, holds] = [await s.db.prisma.order.count(), await s.db.prisma.hold.count()];
    const r = await place(input);
    expect(r.errors?.[0]?.extensions?.code).toBe(code);
    expect([await s.db.prisma.order.count(), await s.db.prisma.hold.count()]).toEqual([orders, holds]);
  });

  it("refuses elders outside the caller's reach, unenrolled elders, suspended providers", async () => {
    const other = await s.db.prisma.elder.findFirstOrThrow({
      where: { status: 'ENROLLED', family: { none: { user: { username: 'family' } } } },
    });
    expect((await place({ elderId: other.id })).errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    const unenrolled = await s.db.prisma.elder.findFirstOrThrow({
      where: { status: 'REGISTERED', community: { users: { some: { username: 'worker' } } } },
    });
    expect((await place({ elderId: unenrolled.id }, worker)).errors?.[0]?.extensions?.code).toBe('NOT_ELIGIBLE');
    const order = await s.db.prisma.order.findFirstOrThrow({ where: { elderId } });
    await s.db.prisma.provider.update({ where: { id: order.providerId! }, data: { status: 'SUSPENDED' } });
    try {
      const r = await place({});
      expect(r.errors?.[0]?.extensions?.code).toBe('PROVIDER_SUSPENDED');
    } finally {
      await s.db.prisma.provider.update({ where: { id: order.providerId! }, data: { status: 'ACTIVE' } });
    }
  });

  it('files one order for one key sent 20 times at once; the key for another order is a conflict', async () => {
    const k = key();
    const at = tomorrow();
    await topUpSelfPaid(elderId, 3000);
    const results = await Promise.all(Array.from({ length: 20 }, () => place({ idempotencyKey: k, scheduledAt: at })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data!.placeOrder.id)).size).toBe(1);
    expect(await s.db.prisma.hold.count({ where: { order: { idempotencyKey: k } } })).toBe(1);
    expect((await place({ idempotencyKey: k, scheduledAt: at, quantity: 2 })).errors?.[0]?.extensions?.code).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
  });

  it("a retry after the visit's time has passed still gets the key's order, not a refusal", async () => {
    const k = key();
    const at = ahead(2 * 3600_000);
    await topUpSelfPaid(elderId, 3000);
    const first = await place({ idempotencyKey: k, scheduledAt: at });
    expect(first.errors).toBeUndefined();
    const holds = await s.db.prisma.hold.count({ where: { order: { idempotencyKey: k } } });
    const start = now;
    try {
      // The network gave up on the first answer; the phone retries the next day with the same request.
      now = new Date(start.getTime() + 24 * 3600_000);
      const retry = await place({ idempotencyKey: k, scheduledAt: at });
      expect(retry.errors).toBeUndefined();
      expect(retry.data!.placeOrder.id).toBe(first.data!.placeOrder.id);
      // A new key for the same past time is refused, and nothing more is held for the first.
      expect((await place({ scheduledAt: at })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await s.db.prisma.hold.count({ where: { order: { idempotencyKey: k } } })).toBe(holds);
      // The same key with another request is still a conflict, however late.
      expect((await place({ idempotencyKey: k, scheduledAt: at, quantity: 2 })).errors?.[0]?.extensions?.code).toBe(
        'IDEMPOTENCY_CONFLICT',
      );
    } finally {
      now = start;
    }
  });

  it('50 orders placed at once for one elder never over-commit the balance (worker channel)', async () => {
    const second = await linkedElderId(s, 'family', 1);
    await topUpSelfPaid(second, 60000);
    const before = await accounts(second);
    const free =
      Number(before.SUBSIDY_OFFLINE!.balance - before.SUBSIDY_OFFLINE!.held) +
      Number(before.SELF_PAID ? before.SELF_PAID.balance - before.SELF_PAID.held : 0n);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => place({ elderId: second, serviceCode: 'HP_BATHING' }, worker)),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok.length).toBe(Math.floor(free / 6000));
    expect(ok.length).toBeGreaterThan(5);
    const after = await accounts(second);
    for (const a of Object.values(after)) expect(a.held <= a.balance).toBe(true);
    expect(
      results.filter((r) => r.errors).every((r) => r.errors![0]!.extensions!.code === 'INSUFFICIENT_BALANCE'),
    ).toBe(true);
    expect(ok.every((r) => r.data!.placeOrder.channel === 'WORKER')).toBe(true);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('a retry whose first order took the last of the balance gets that order, not INSUFFICIENT_BALANCE', async () => {
    const second = await linkedElderId(s, 'family', 1);
    const bathing = (input: Record<string, unknown> = {}) =>
      place({ elderId: second, serviceCode: 'HP_BATHING', ...input }, worker);
    // Spend what is free on 60 元 visits, then add 60 元: exactly one more visit fits.
    for (let i = 0; i < 30 && !(await bathing()).errors; i++);
    await topUpSelfPaid(second, 6000);
    const k = key();
    const first = await bathing({ idempotencyKey: k });
    expect(first.errors).toBeUndefined();
    const holds = await s.db.prisma.hold.count({ where: { order: { idempotencyKey: k } } });
    expect((await bathing()).errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_BALANCE');
    // The phone did not hear the first answer and sends the same request again. Its own balance check
    // would refuse it now; the key's turn (orders.store.ts) finds the first order before that check.
    const retry = await bathing({ idempotencyKey: k });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.placeOrder.id).toBe(first.data!.placeOrder.id);
    expect(await s.db.prisma.hold.count({ where: { order: { idempotencyKey: k } } })).toBe(holds);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});

describe('dispatch and cancellation', () => {
  it(
    'the provider assigns to its own caregiver, least loaded suggested first; cancelling releases the holds ' + 'once',
    async () => {
      await topUpSelfPaid(elderId, 3000);
      const placed = (await place({})).data!.placeOrder;
      const provider = await s.login('provider_admin');
      const sugg = await s.gql<{ caregiverSuggestions: { caregiver: { id: string }; openOrders: number }[] }>(
        `query($id: ID!) { caregiverSuggestions(orderId: $id) { caregiver { id name } openOrders } }`,
        { id: placed.id },
        provider,
      );
      expect(sugg.errors).toBeUndefined();
      const loads = sugg.data!.caregiverSuggestions.map((c) => c.openOrders);
      expect(loads).toEqual([...loads].sort((a, b) => a - b));
      const cg = sugg.data!.caregiverSuggestions[0]!.caregiver.id;
      const foreign = await s.db.prisma.caregiver.findFirstOrThrow({
        where: {
          providerId: { not: (await s.db.prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).providerId! },
        },
      });
      const bad = await s.gql(
        `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
        { o: placed.id, c: foreign.id },
        provider,
      );
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(
        (
          await s.gql(
            `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
            { o: placed.id, c: cg },
            family,
          )
        ).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
      const assigned = await s.gql<{ assignOrder: { status: string; caregiver: { id: string } } }>(
        `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status caregiver { id } } }`,
        { o: placed.id, c: cg },
        provider,
      );
      expect(assigned.data!.assignOrder).toEqual({ status: 'ASSIGNED', caregiver: { id: cg } });

      const before = await accounts();
      const cancel = `mutation($o: ID!, $r: String!) { cancelOrder(orderId: $o, reason: $r) { status } }`;
      expect((await s.gql(cancel, { o: placed.id, r: ' ' }, family)).errors?.[0]?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        (await s.gql<{ cancelOrder: { status: string } }>(cancel, { o: placed.id, r: '老人住院' }, family)).data!
          .cancelOrder.status,
      ).toBe('CANCELLED');
      const held = (a: Awaited<ReturnType<typeof accounts>>) => Object.values(a).reduce((sum, x) => sum + x.held, 0n);
      expect(held(await accounts())).toBe(held(before) - 3000n);
      expect((await s.gql(cancel, { o: placed.id, r: '再取消一次' }, family)).errors?.[0]?.extensions?.code).toBe(
        'INVALID_STATE',
      );
      expect(held(await accounts())).toBe(held(before) - 3000n);
      expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    },
  );

  it(
    'terminating the enrolment cancels visits booked after the last service day and releases their ' + 'holds',
    async () => {
      const second = await linkedElderId(s, 'family', 1);
      await topUpSelfPaid(second, 20000);
      const late = await place({ elderId: second, serviceCode: 'HP_HAIRCUT', scheduledAt: ahead(40 * 86_400_000) });
      expect(late.errors).toBeUndefined();
      const r = await s.gql(
        `mutation($id: ID!) { requestTermination(elderId: $id, reason: GAVE_UP, note: "家属申请放弃") { id } }`,
        { id: second },
        worker,
      );
      expect(r.errors).toBeUndefined();
      // The 终止表 takes effect after the community's and the street's opinions (000 附件3).
      const review = `mutation($id: ID!, $c: String) { reviewTermination(id: $id, decision: APPROVE, comment: $c) {
      status } }`;
      expect(
        (await s.gql(review, { id: r.data!.requestTermination.id, c: '情况属实' }, worker)).errors,
      ).toBeUndefined();
      expect(
        (await s.gql(review, { id: r.data!.requestTermination.id, c: '同意' }, await s.login('street_officer'))).data!
          .reviewTermination.status,
      ).toBe('APPROVED');
      const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id: late.data!.placeOrder.id } });
      expect([order.status, order.cancelReason]).toEqual(['CANCELLED', '服务已终止']);
      expect(await s.db.prisma.hold.count({ where: { orderId: order.id, status: 'ACTIVE' } })).toBe(0);
      expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    },
  );

  it('each role sees its own orders', async () => {
    const q = `{ orders(first: 100) { totalCount edges { node { id elder { id } } } } }`;
    const fam = await s.gql<{ orders: { totalCount: number; edges: { node: { elder: { id: string } } }[] } }>(
      q,
      {},
      family,
    );
    const mine = (
      await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' }, include: { familyLinks: true } })
    ).familyLinks.map((l) => l.elderId);
    expect(fam.data!.orders.totalCount).toBeGreaterThan(0);
    expect(fam.data!.orders.edges.every((e) => mine.includes(e.node.elder.id))).toBe(true);
    const other = await s.gql<{ orders: { totalCount: number } }>(q, {}, await s.login('worker2'));
    expect(other.data!.orders.totalCount).toBe(0);
    const elderView = await s.gql<{ elder: { orders: { totalCount: number } } }>(
      `query($id: ID!) { elder(id: $id) { orders(first: 5) { totalCount } } }`,
      { id: elderId },
      family,
    );
    expect(elderView.data!.elder.orders.totalCount).toBe(await s.db.prisma.order.count({ where: { elderId } }));
  });
});
