// Charging by the hours and minutes a visit took: Yangcheng hours (001 三(三)) and hourly items
// charged by measured time (000 七 据实结算).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../testing/harness.js';
import { CHECK_IN, CHECK_OUT, code, gql, JPEG, nextSeq, upload } from '../testing/visits-fixtures.js';
import { startVisits } from '../testing/visits-fixtures.js';
import { addUser } from '../testing/users.js';
import { assignTo } from '../testing/orders-fixtures.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { creditSelfPaid } from '../testing/wallet-fixtures.js';

let s: TestServer;
let tokens: Record<string, string>;
beforeAll(async () => void ({ s, tokens } = await startVisits()));
afterAll(async () => s?.close());

describe('Yangcheng hours end to end (001 三(三): 4 hours a month, ≤ 35 元 an hour)', () => {
  it('holds minutes at booking, refuses check-out before check-in, charges the minutes on confirmation', async () => {
    const ycWorker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_worker' } });
    const elderYc = await s.db.prisma.elder.findFirstOrThrow({
      where: { communityId: ycWorker.regionId!, status: 'ENROLLED', latitude: { not: null } },
    });
    const community = await s.db.prisma.region.findUniqueOrThrow({ where: { id: elderYc.communityId } });
    const zones = await s.db.prisma.serviceZone.findMany({
      where: { policy: { code: 'YANGCHENG_2026' } },
      include: { regions: { include: { region: true } }, provider: { include: { caregivers: true } } },
    });
    const provider = zones.find((z) => z.regions.some((r) => community.path.startsWith(r.region.path)))!.provider!;
    tokens.yc_worker = await s.login('yc_worker');
    tokens.yc_provider = await addUser(s, 'yc_provider_visits', {
      displayName: '阳城机构',
      role: 'PROVIDER_ADMIN',
      providerId: provider.id,
    });
    const cg = provider.caregivers[0]!;
    tokens.yc_caregiver = await addUser(s, 'yc_caregiver_visits', {
      displayName: cg.name,
      role: 'CAREGIVER',
      providerId: provider.id,
    });
    await s.db.prisma.caregiver.update({
      where: { id: cg.id },
      data: { user: { connect: { username: 'yc_caregiver_visits' } } },
    });
    const hours = async () =>
      await s.db.prisma.ledgerAccount.findUniqueOrThrow({ where: { key: `elder:${elderYc.id}:SUBSIDY_HOURS` } });
    const start = await hours();

    const item = (
      await s.db.prisma.serviceItem.findFirstOrThrow({
        where: { policy: { code: 'YANGCHENG_2026' }, unit: 'PER_HOUR' },
      })
    ).code;
    const placed = await gql(
      `mutation($i: PlaceOrderInput!) {
        placeOrder(input: $i) { id amountFen subsidyMinutes subsidyFen selfPaidFen channel }
      }`,
      {
        i: {
          elderId: elderYc.id,
          serviceCode: item,
          quantity: 2,
          scheduledAt: new Date(s.app.services.clock().getTime() + 3600_000).toISOString(),
          idempotencyKey: `yc-visit-${nextSeq()}`,
        },
      },
      'yc_worker',
    );
    expect(placed.data.placeOrder).toMatchObject({
      amountFen: 7000,
      subsidyMinutes: 120,
      subsidyFen: 7000,
      selfPaidFen: 0,
      channel: 'WORKER',
    });
    const id = placed.data.placeOrder.id;
    expect((await hours()).held - start.held).toBe(120n);
    await gql(
      `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
      { o: id, c: cg.id },
      'yc_provider',
    );
    const at = { latitude: elderYc.latitude!, longitude: elderYc.longitude! };
    const photo = (
      (await (await upload('yc_caregiver', Buffer.concat([JPEG, Buffer.from('yc')]))).json()) as { id: string }
    ).id;
    expect(code(await gql(CHECK_OUT, { i: { orderId: id, ...at, photoId: photo } }, 'yc_caregiver'))).toBe(
      'INVALID_STATE',
    );
    const homeQr = (
      await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: elderYc.id }, 'yc_worker')
    ).data!.homeQrToken;
    const t0 = (await s.db.prisma.order.findUniqueOrThrow({ where: { id } })).scheduledAt;
    s.app.services.clock = () => t0;
    expect(
      (await gql(CHECK_IN, { i: { orderId: id, qrToken: homeQr, ...at, photoId: photo } }, 'yc_caregiver')).errors,
    ).toBeUndefined();
    s.app.services.clock = () => new Date(t0.getTime() + 121 * 60_000);
    expect(
      (await gql(CHECK_OUT, { i: { orderId: id, ...at, photoId: photo } }, 'yc_caregiver')).data.checkOut.visit
        .durationMinutes,
    ).toBe(121);
    // Not on the caregiver's word; the worker calls the elder and confirms (000 六·流程2 回访).
    expect(
      code(await gql(`mutation($o: ID!) { confirmOrder(orderId: $o) { status } }`, { o: id }, 'yc_caregiver')),
    ).toBe('SELF_CONFIRMATION');
    expect(
      code(
        await gql(`mutation($o: ID!) { confirmVisitByCall(orderId: $o, note: "") { status } }`, { o: id }, 'yc_worker'),
      ),
    ).toBe('BAD_USER_INPUT');
    expect((await hours()).held - start.held).toBe(120n);
    const byCall = await gql(
      `mutation($o: ID!) {
        confirmVisitByCall(orderId: $o, note: "电话回访：老人确认护理员上门服务两小时") {
          status evidence chargedMinutes chargedFen
        }
      }`,
      { o: id },
      'yc_worker',
    );
    // 121 measured minutes round up past the booking; never more than the 120 booked.
    expect(byCall.data.confirmVisitByCall).toEqual({
      status: 'CONFIRMED',
      evidence: 'FOLLOW_UP_CALL',
      chargedMinutes: 120,
      chargedFen: 7000,
    });
    expect(await s.db.prisma.auditLog.count({ where: { action: 'VISIT_CONFIRMED_BY_CALL', entityId: id } })).toBe(1);
    const end = await hours();
    expect([end.balance, end.held]).toEqual([start.balance - 120n, start.held]);
    // Rating someone else's order: the Huangpi family cannot see it.
    expect(
      code(await gql(`mutation($o: ID!) { rateOrder(orderId: $o, stars: 5) { stars } }`, { o: id }, 'family')),
    ).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});

describe('hourly items are charged by measured time (000 七 据实结算)', () => {
  it('a short visit is charged by minutes rounded up to 15, holds freed; 10 confirmations charge once', async () => {
    const links = await s.db.prisma.familyLink.findMany({
      where: { user: { username: 'family' } },
      orderBy: { createdAt: 'asc' },
    });
    const other = await s.db.prisma.elder.findUniqueOrThrow({ where: { id: links[1]!.elderId } });
    await creditSelfPaid(s.db.prisma, other.id, 5000, `visit-test-topup-${other.id}`);
    const account = async (kind: string) =>
      s.db.prisma.ledgerAccount.findUniqueOrThrow({ where: { key: `elder:${other.id}:${kind}` } });
    const [subsidy0, self0] = [await account('SUBSIDY_OFFLINE'), await account('SELF_PAID')];
    expect([subsidy0.balance - subsidy0.held, self0.balance - self0.held]).toEqual([7000n, 5000n]);

    // 理疗护理 50 元/小时 × 2 = 100 元: 70 元 of offline subsidy held, 30 元 self-paid held (000 四).
    const placed = await gql(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id amountFen subsidyFen selfPaidFen scheduledAt } }`,
      {
        i: {
          elderId: other.id,
          serviceCode: 'HP_PHYSIOTHERAPY',
          quantity: 2,
          scheduledAt: new Date(s.app.services.clock().getTime() + 2 * 3600_000).toISOString(),
          idempotencyKey: `visit-test-${nextSeq()}`,
        },
      },
      'family',
    );
    expect(placed.data.placeOrder).toMatchObject({ amountFen: 10000, subsidyFen: 7000, selfPaidFen: 3000 });
    const id = placed.data.placeOrder.id;
    await assignTo(s, id);
    const home = (
      await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: other.id }, 'worker')
    ).data!.homeQrToken;
    const photo = (
      (await (await upload('caregiver', Buffer.concat([JPEG, Buffer.from('short')]))).json()) as { id: string }
    ).id;
    const at = { latitude: other.latitude!, longitude: other.longitude! };
    const booked = new Date(placed.data.placeOrder.scheduledAt);
    const real = s.app.services.clock;
    try {
      s.app.services.clock = () => new Date(booked.getTime() + 10 * 60_000);
      expect(
        (await gql(CHECK_IN, { i: { orderId: id, qrToken: home, ...at, photoId: photo } }, 'caregiver')).errors,
      ).toBeUndefined();
      s.app.services.clock = () => new Date(booked.getTime() + 57 * 60_000);
      expect(
        (await gql(CHECK_OUT, { i: { orderId: id, ...at, photoId: photo } }, 'caregiver')).data.checkOut.visit
          .durationMinutes,
      ).toBe(47);
      const confirm = `mutation($o: ID!) { confirmOrder(orderId: $o) { status chargedMinutes chargedFen evidence } }`;
      const results = await Promise.all(Array.from({ length: 10 }, () => gql(confirm, { o: id }, 'family')));
      const ok = results.filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      expect(results.filter((r) => code(r) === 'INVALID_STATE')).toHaveLength(9);
      // 47 minutes → 60 payable → 50 元, all from the subsidy (it pays first, as at booking).
      expect(ok[0]!.data.confirmOrder).toEqual({
        status: 'CONFIRMED',
        chargedMinutes: 60,
        chargedFen: 5000,
        evidence: 'FAMILY_APP',
      });
    } finally {
      s.app.services.clock = real;
    }
    const [subsidy1, self1] = [await account('SUBSIDY_OFFLINE'), await account('SELF_PAID')];
    expect([subsidy1.balance, subsidy1.held]).toEqual([subsidy0.balance - 5000n, subsidy0.held]);
    expect([self1.balance, self1.held]).toEqual([self0.balance, self0.held]);
    const charged = await s.db.prisma.ledgerEntry.findMany({
      where: { transaction: { orderId: id, kind: 'CHARGE' }, amount: { lt: 0 } },
    });
    expect(charged.reduce((n, e) => n - e.amount, 0n)).toBe(5000n);
    expect(await s.db.prisma.hold.count({ where: { orderId: id, status: 'ACTIVE' } })).toBe(0);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});
