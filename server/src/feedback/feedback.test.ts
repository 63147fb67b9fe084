// Ratings, follow-up calls and complaints (000 六 3–4) and the Yangcheng penalty for verified
// complaints (001 八(二)1), through the API on a seeded server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';

let s: TestServer;
const t: Record<string, string> = {};
let hpElder: { id: string };
let ycElder: { id: string; communityId: string };
const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, t[who]);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
let seq = 0;
// The app clock, from before the seed: mid-November 2026, so a booking for tomorrow stays in the
// month whose allowance the seed credited. Deadline checks move it explicitly.
const START = new Date('2026-11-18T10:00:00+08:00');

/** A visit that has been checked out (the visit flow itself is tested in orders/visits.test.ts). */
async function completedOrder(elderId: string, status: 'COMPLETED' | 'PLACED' = 'COMPLETED') {
  const enrolment = await s.db.prisma.enrolment.findFirstOrThrow({ where: { elderId, status: 'ACTIVE' } });
  const item = await s.db.prisma.serviceItem.findFirstOrThrow({
    where: { policyId: enrolment.policyId, mode: 'OFFLINE' },
  });
  const zone = await s.db.prisma.serviceZone.findFirstOrThrow({
    where: { policyId: enrolment.policyId, providerId: { not: null } },
    include: { provider: { include: { caregivers: true } } },
  });
  const caregiver = zone.provider!.caregivers[0]!;
  const checkOutAt = new Date(s.app.services.clock().getTime() - 3600_000);
  return s.db.prisma.order.create({
    data: {
      elderId,
      enrolmentId: enrolment.id,
      serviceItemId: item.id,
      providerId: zone.providerId,
      caregiverId: caregiver.id,
      quantity: 1,
      scheduledAt: checkOutAt,
      channel: 'WORKER',
      placedById: (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } })).id,
      status,
      amountFen: 0,
      idempotencyKey: `fb-${seq++}`,
      requestHash: 'h',
      ...(status === 'COMPLETED'
        ? {
            visit: {
              create: {
                caregiverId: caregiver.id,
                checkInAt: new Date(checkOutAt.getTime() - 3600_000),
                checkOutAt,
                durationMinutes: 60,
              },
            },
          }
        : {}),
    },
  });
}

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => START });
  for (const u of ['family', 'worker', 'operator', 'provider_admin', 'yc_worker', 'yc_admin', 'district_admin'])
    t[u] = await s.login(u);
  hpElder = {
    id: (
      await s.db.prisma.familyLink.findFirstOrThrow({
        where: { user: { username: 'family' } },
        orderBy: { createdAt: 'asc' },
      })
    ).elderId,
  };
  const ycWorker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_worker' } });
  ycElder = await s.db.prisma.elder.findFirstOrThrow({
    where: { communityId: ycWorker.regionId!, status: 'ENROLLED' },
  });
  // A provider administrator for the Yangcheng zone provider, with the demo password.
  const community = await s.db.prisma.region.findUniqueOrThrow({ where: { id: ycElder.communityId } });
  const zones = await s.db.prisma.serviceZone.findMany({
    where: { policy: { code: 'YANGCHENG_2026' } },
    include: { regions: { include: { region: true } } },
  });
  const ycProvider = zones.find((z) => z.regions.some((r) => community.path.startsWith(r.region.path)))!.providerId;
  t.yc_provider = await addUser(s, 'yc_provider_test', {
    displayName: '阳城服务机构',
    role: 'PROVIDER_ADMIN',
    providerId: ycProvider,
  });
});
afterAll(async () => s?.close());

describe('rateOrder', () => {
  it('the family rates a completed visit once, 1–5 whole stars', async () => {
    const order = await completedOrder(hpElder.id);
    const rate = `mutation($o: ID!, $s: Int!, $c: String) { rateOrder(orderId: $o, stars: $s, comment: $c) { stars
      comment } }`;
    expect(code(await gql(rate, { o: order.id, s: 0 }, 'family'))).toBe('BAD_USER_INPUT');
    expect(code(await gql(rate, { o: order.id, s: 6 }, 'family'))).toBe('BAD_USER_INPUT');
    expect(code(await gql(rate, { o: order.id, s: 5 }, 'worker'))).toBe('FORBIDDEN');
    expect((await gql(rate, { o: order.id, s: 5, c: '护理员很耐心' }, 'family')).data.rateOrder).toEqual({
      stars: 5,
      comment: '护理员很耐心',
    });
    expect(code(await gql(rate, { o: order.id, s: 4 }, 'family'))).toBe('INVALID_STATE');
    const placed = await completedOrder(hpElder.id, 'PLACED');
    expect(code(await gql(rate, { o: placed.id, s: 5 }, 'family'))).toBe('INVALID_STATE');
    const view = await gql(`query($o: ID!) { order(id: $o) { rating { stars } } }`, { o: order.id }, 'family');
    expect(view.data.order.rating).toEqual({ stars: 5 });
  });
});

describe("the caregiver's rating summary", () => {
  it('is the aggregate of the ratings of their visits, under concurrent and repeated ratings', async () => {
    const orders = await Promise.all([5, 4, 3, 5, 2, 1].map(() => completedOrder(hpElder.id)));
    const caregiverId = orders[0]!.caregiverId!;
    const stars = [5, 4, 3, 5, 2, 1];
    const rate = `mutation($o: ID!, $s: Int!) { rateOrder(orderId: $o, stars: $s) { stars } }`;
    // Each visit rated twice at once (a double tap, or the elder and the family together): one of each
    // pair lands, the other is refused and takes its increment back.
    const results = await Promise.all(
      orders.flatMap((o, i) => [gql(rate, { o: o.id, s: stars[i] }, 'family'), gql(rate, { o: o.id, s: 1 }, 'family')]),
    );
    expect(results.filter((r) => r.data?.rateOrder).length).toBe(orders.length);
    expect(results.filter((r) => code(r) === 'INVALID_STATE').length).toBe(orders.length);
    const [aggregate] = await s.db.prisma.$queryRaw<{ n: number; total: number }[]>`
      SELECT count(*)::int AS n, coalesce(sum(r.stars), 0)::int AS total
        FROM "Rating" r JOIN "Order" o ON o.id = r."orderId" WHERE o."caregiverId" = ${caregiverId}`;
    const caregiver = await s.db.prisma.caregiver.findUniqueOrThrow({ where: { id: caregiverId } });
    expect({ n: caregiver.ratingCount, total: caregiver.ratingStars }).toEqual(aggregate);
    expect(aggregate!.n).toBeGreaterThanOrEqual(orders.length);
    // The family's card shows the average of the same ratings, to one decimal.
    const card = await gql(
      `query($o: ID!) { order(id: $o) { caregiverCard { ratingAverage ratingCount } } }`,
      {
        o: orders[0]!.id,
      },
      'family',
    );
    expect(card.data.order.caregiverCard).toEqual({
      ratingAverage: Math.round((aggregate!.total / aggregate!.n) * 10) / 10,
      ratingCount: aggregate!.n,
    });
  });
});

describe('follow-up calls (000 六 3: within 48 hours)', () => {
  it('lists completed visits without a call, flags them overdue after 48 hours, and records one call', async () => {
    const order = await completedOrder(hpElder.id);
    const tasks = `query($o: Boolean) { followUpTasks(first: 100, overdueOnly: $o) { totalCount edges { node { orderId
      overdue dueAt } } } }`;
    const now = await gql(tasks, {}, 'operator');
    expect(now.data.followUpTasks.edges.find((e: any) => e.node.orderId === order.id).node.overdue).toBe(false);
    expect(
      (await gql(tasks, { o: true }, 'operator')).data.followUpTasks.edges.some(
        (e: any) => e.node.orderId === order.id,
      ),
    ).toBe(false);
    const real = s.app.services.clock;
    s.app.services.clock = () => new Date(real().getTime() + 48 * 3600_000);
    try {
      expect(
        (await gql(tasks, { o: true }, 'operator')).data.followUpTasks.edges.some(
          (e: any) => e.node.orderId === order.id,
        ),
      ).toBe(true);
    } finally {
      s.app.services.clock = real;
    }
    const rec = `mutation($o: ID!) { recordFollowUp(orderId: $o, satisfaction: BASICALLY_SATISFIED, note: "老人说打扫得还行")
      { satisfaction } }`;
    expect(code(await gql(rec, { o: order.id }, 'family'))).toBe('FORBIDDEN');
    expect((await gql(rec, { o: order.id }, 'operator')).data.recordFollowUp.satisfaction).toBe('BASICALLY_SATISFIED');
    expect(code(await gql(rec, { o: order.id }, 'operator'))).toBe('INVALID_STATE');
    expect(
      (await gql(tasks, {}, 'operator')).data.followUpTasks.edges.some((e: any) => e.node.orderId === order.id),
    ).toBe(false);
  });
});

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id status dueAt } }`;
const RESPOND = `mutation($id: ID!, $r: String!) { respondToComplaint(id: $id, response: $r) { status } }`;
const CLOSE = `mutation($id: ID!, $s: Boolean!, $f: Boolean!) { closeComplaint(id: $id, satisfied: $s,
  providerAtFault: $f) { status revisits dueAt } }`;

describe('complaints (000 六 4: handled within 48 hours, revisited until satisfied)', () => {
  it("refuses empty content and another elder's order, writing nothing", async () => {
    const before = await s.db.prisma.complaint.count();
    expect(code(await gql(FILE, { i: { elderId: hpElder.id, content: '差' } }, 'family'))).toBe('BAD_USER_INPUT');
    const foreign = await completedOrder(ycElder.id);
    expect(
      code(
        await gql(FILE, { i: { elderId: hpElder.id, orderId: foreign.id, content: '护理员迟到了一个小时' } }, 'family'),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await s.db.prisma.complaint.count()).toBe(before);
  });

  it(
    'runs filed → responded → revisited (not satisfied) → responded → closed, with notices and one ' + 'alert',
    async () => {
      const order = await completedOrder(hpElder.id);
      const filed = await gql(
        FILE,
        { i: { elderId: hpElder.id, orderId: order.id, content: '护理员迟到了一个小时，也没打招呼' } },
        'family',
      );
      expect(filed.errors).toBeUndefined();
      const c = filed.data.fileComplaint;
      // 48 hours from filing on the app clock (000 六 3).
      expect(new Date(c.dueAt).getTime() - s.app.services.clock().getTime()).toBe(48 * 3600_000);
      // A second complaint about the same elder joins the open COMPLAINT alert rather than adding one.
      await gql(FILE, { i: { elderId: hpElder.id, content: '送餐的饭菜是凉的' } }, 'worker');
      expect(
        await s.db.prisma.alert.count({ where: { elderId: hpElder.id, kind: 'COMPLAINT', status: 'RAISED' } }),
      ).toBe(1);

      expect(code(await gql(CLOSE, { id: c.id, s: true, f: false }, 'worker'))).toBe('INVALID_STATE');
      expect(code(await gql(RESPOND, { id: c.id, r: '已批评教育护理员，向老人道歉' }, 'yc_provider'))).toBe(
        'NOT_FOUND',
      );
      expect(
        (await gql(RESPOND, { id: c.id, r: '已批评教育护理员，向老人道歉' }, 'provider_admin')).data.respondToComplaint
          .status,
      ).toBe('RESPONDED');
      const reopened = await gql(CLOSE, { id: c.id, s: false, f: true }, 'worker');
      expect(reopened.data.closeComplaint).toMatchObject({ status: 'OPEN', revisits: 1 });
      await gql(RESPOND, { id: c.id, r: '已更换护理员并上门致歉' }, 'provider_admin');
      expect((await gql(CLOSE, { id: c.id, s: true, f: true }, 'worker')).data.closeComplaint).toMatchObject({
        status: 'CLOSED',
        revisits: 2,
      });
      expect(code(await gql(CLOSE, { id: c.id, s: true, f: true }, 'worker'))).toBe('INVALID_STATE');
      expect(
        await s.db.prisma.alert.count({ where: { elderId: hpElder.id, kind: 'COMPLAINT', status: 'RESOLVED' } }),
      ).toBe(1);

      const inbox = await gql(`{ notices(first: 50) { edges { node { kind title } } } }`, {}, 'family');
      const titles = inbox.data.notices.edges
        .filter((e: any) => e.node.kind === 'COMPLAINT_UPDATED')
        .map((e: any) => e.node.title);
      expect(titles).toEqual(expect.arrayContaining(['投诉已受理', '投诉有了答复', '投诉重新处理', '投诉已办结']));
      // Huangpi sets no complaint threshold (000 七 suspends on a failed evaluation instead).
      expect((await s.db.prisma.provider.findUniqueOrThrow({ where: { id: order.providerId! } })).status).toBe(
        'ACTIVE',
      );
    },
  );

  it('001 八(二)1: the third complaint verified against a Yangcheng provider suspends it from new orders', async () => {
    const verify = async (faulty: boolean) => {
      const order = await completedOrder(ycElder.id);
      const c = (
        await gql(
          FILE,
          { i: { elderId: ycElder.id, orderId: order.id, content: '服务时间不足，提前离开' } },
          'yc_worker',
        )
      ).data.fileComplaint;
      await gql(RESPOND, { id: c.id, r: '已核实并整改' }, 'yc_provider');
      const closed = await gql(CLOSE, { id: c.id, s: true, f: faulty }, 'yc_worker');
      expect(closed.errors).toBeUndefined();
      return order.providerId!;
    };
    const providerId = await verify(true);
    await verify(false);
    await verify(true);
    expect((await s.db.prisma.provider.findUniqueOrThrow({ where: { id: providerId } })).status).toBe('ACTIVE');
    await verify(true);
    const provider = await s.db.prisma.provider.findUniqueOrThrow({ where: { id: providerId } });
    expect(provider.status).toBe('SUSPENDED');
    expect(provider.statusReason).toMatch(/暂停资金结算/);
    const admin = await gql(`{ notices(first: 20) { edges { node { kind title } } } }`, {}, 'yc_admin');
    expect(admin.data.notices.edges.filter((e: any) => e.node.kind === 'PROVIDER_SUSPENDED')).toHaveLength(1);
    const huangpiAdmin = await gql(`{ notices(first: 20) { edges { node { kind } } } }`, {}, 'district_admin');
    expect(huangpiAdmin.data.notices.edges.some((e: any) => e.node.kind === 'PROVIDER_SUSPENDED')).toBe(false);
    const order = await gql(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
      {
        i: {
          elderId: ycElder.id,
          serviceCode: 'YC_MEAL',
          quantity: 1,
          scheduledAt: new Date(s.app.services.clock().getTime() + 86_400_000).toISOString(),
          idempotencyKey: `yc-after-suspension-${seq++}`,
        },
      },
      'yc_worker',
    );
    expect(code(order)).toBe('PROVIDER_SUSPENDED');
  });
});
