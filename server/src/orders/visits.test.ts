// A verified visit end to end (000 六: 扫码签到 with location and photo, 签出, 老人确认; the
// confirmation charges the booked holds): order → assign → photo → check-in → check-out → confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { elderAccount, ledgerViolations, platformAccount, postOnce } from '../wallet/ledger.service.js';
import { addUser } from '../testing/users.js';
import { distanceMeters } from './visits.service.js';

let s: TestServer;
let base: string;
let tokens: Record<string, string>;
let elder: { id: string; latitude: number | null; longitude: number | null };
let orderId: string;
let photoId: string;
let qr: string;
let seq = 0;
// The app clock, from before the seed: mid-November 2026, so an hour-ahead booking stays in the
// month whose allowance the seed credited.
const START = new Date('2026-11-18T10:00:00+08:00');

const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('JFIF-test-photo'),
  Buffer.from([0xff, 0xd9]),
]);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, tokens[who]);
const upload = (who: string, body: Buffer, type = 'image/jpeg') =>
  fetch(`${base}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': type },
    body,
  });
const held = async () =>
  (await s.db.prisma.ledgerAccount.findMany({ where: { elderId: elder.id } })).reduce((n, a) => n + a.held, 0n);
const balance = async () =>
  (await s.db.prisma.ledgerAccount.findMany({ where: { elderId: elder.id } })).reduce(
    (n, a) => n + (a.unit === 'FEN' ? a.balance : 0n),
    0n,
  );

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => START });
  base = s.url.replace(/\/graphql$/, '');
  tokens = {};
  for (const u of ['family', 'worker', 'worker2', 'provider_admin', 'caregiver']) tokens[u] = await s.login(u);
  const link = await s.db.prisma.familyLink.findFirstOrThrow({
    where: { user: { username: 'family' } },
    orderBy: { createdAt: 'asc' },
  });
  elder = await s.db.prisma.elder.findUniqueOrThrow({ where: { id: link.elderId } });
  const placed = await gql(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
    {
      i: {
        elderId: elder.id,
        serviceCode: 'HP_NAIL_CARE',
        quantity: 1,
        scheduledAt: new Date(s.app.services.clock().getTime() + 3600_000).toISOString(),
        idempotencyKey: `visit-test-${seq++}`,
      },
    },
    'family',
  );
  orderId = placed.data.placeOrder.id;
  const cg = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });
  const assigned = await gql(
    `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
    { o: orderId, c: cg.id },
    'provider_admin',
  );
  expect(assigned.errors).toBeUndefined();
  qr = (await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: elder.id }, 'worker'))
    .data!.homeQrToken;
});
afterAll(async () => s?.close());

const CHECK_IN = `mutation($i: CheckInInput!) { checkIn(input: $i) { status visit { checkInAt checkInDistanceM } } }`;
const CHECK_OUT = `mutation($i: CheckOutInput!) { checkOut(input: $i) { status visit { checkInAt checkOutAt durationMinutes photoUrls } } }`;

describe('visit verification', () => {
  it('accepts only real JPEG/PNG photos from caregivers', async () => {
    expect((await upload('caregiver', Buffer.from('not an image'))).status).toBe(400);
    expect((await upload('caregiver', JPEG, 'image/png')).status).toBe(400);
    expect((await upload('family', JPEG)).status).toBe(403);
    const ok = await upload('caregiver', JPEG);
    expect(ok.status).toBe(201);
    photoId = ((await ok.json()) as { id: string }).id;
  });

  it("refuses a check-in with another home's code, away from the home, or without the caregiver's photo", async () => {
    // At the booked time, so only the code, the place or the photo is wrong.
    const bookedAt = (await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).scheduledAt;
    s.app.services.clock = () => bookedAt;
    const at = { lat: elder.latitude!, lng: elder.longitude! };
    const otherElder = await s.db.prisma.elder.findFirstOrThrow({
      where: { id: { not: elder.id }, community: { users: { some: { username: 'worker' } } } },
    });
    const otherQr = (
      await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: otherElder.id }, 'worker')
    ).data!.homeQrToken;
    const input = { orderId, qrToken: qr, latitude: at.lat, longitude: at.lng, photoId };
    expect(
      (await gql(CHECK_IN, { i: { ...input, qrToken: otherQr } }, 'caregiver')).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await gql(CHECK_IN, { i: { ...input, qrToken: qr.slice(0, -2) + 'xx' } }, 'caregiver')).errors?.[0]?.extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
    // About 1.1 km north of the home.
    const far = await gql(CHECK_IN, { i: { ...input, latitude: at.lat + 0.01 } }, 'caregiver');
    expect(far.errors?.[0]?.extensions?.code).toBe('GEOFENCE_VIOLATION');
    expect(far.errors?.[0]?.message).toMatch(/米/);
    const stranger = await s.db.prisma.storedFile.create({
      data: {
        storageKey: 'x'.repeat(64),
        mimeType: 'image/jpeg',
        sizeBytes: 1,
        sha256: 'x',
        uploadedById: (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } })).id,
      },
    });
    expect(
      (await gql(CHECK_IN, { i: { ...input, photoId: stranger.id } }, 'caregiver')).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect((await gql(CHECK_IN, { i: input }, 'family')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Only around the booked time (the programme's window: 30 minutes early to 2 hours late, assumed).
    const booked = bookedAt;
    try {
      for (const offsetMinutes of [-3 * 24 * 60, -31, 121, 3 * 24 * 60]) {
        s.app.services.clock = () => new Date(booked.getTime() + offsetMinutes * 60_000);
        const r = await gql(CHECK_IN, { i: input }, 'caregiver');
        expect(code(r)).toBe('OUTSIDE_VISIT_WINDOW');
        expect(r.errors?.[0]?.message).toMatch(/签到须在预约时间前 30 分钟到后 2 小时之间/);
      }
    } finally {
      s.app.services.clock = () => START;
    }
    expect((await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('ASSIGNED');
    expect(await s.db.prisma.visit.count({ where: { orderId } })).toBe(0);
  });

  it('checks in at the home, checks out 47 minutes later; the caregiver and provider cannot confirm, the family does: holds become charges once', async () => {
    const start = (await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).scheduledAt;
    s.app.services.clock = () => start;
    // 40 m from the recorded address is inside the geofence.
    const near = { latitude: elder.latitude! + 0.00036, longitude: elder.longitude! };
    expect(
      distanceMeters({ lat: near.latitude, lng: near.longitude }, { lat: elder.latitude!, lng: elder.longitude! }),
    ).toBeLessThan(60);
    const inRes = await gql(CHECK_IN, { i: { orderId, qrToken: qr, ...near, photoId } }, 'caregiver');
    expect(inRes.errors).toBeUndefined();
    expect(inRes.data.checkIn.status).toBe('IN_SERVICE');
    expect(
      (await gql(CHECK_IN, { i: { orderId, qrToken: qr, ...near, photoId } }, 'caregiver')).errors?.[0]?.extensions
        ?.code,
    ).toBe('INVALID_STATE');
    expect(
      (await gql(`mutation($o: ID!) { confirmOrder(orderId: $o) { status } }`, { o: orderId }, 'family')).errors?.[0]
        ?.extensions?.code,
    ).toBe('INVALID_STATE');

    s.app.services.clock = () => new Date(start.getTime() + 47 * 60_000);
    const second = (await (await upload('caregiver', Buffer.concat([JPEG, Buffer.from('2')]))).json()) as {
      id: string;
    };
    const out = await gql(CHECK_OUT, { i: { orderId, ...near, photoId: second.id } }, 'caregiver');
    expect(out.errors).toBeUndefined();
    expect(out.data.checkOut).toMatchObject({
      status: 'COMPLETED',
      visit: { durationMinutes: 47, photoUrls: [`/files/${photoId}`, `/files/${second.id}`] },
    });

    // 000 六: the family is told, with the photos, and asked to confirm.
    const inbox = await gql(
      `{ notices(first: 5, unreadOnly: true) { edges { node { id kind body } } } }`,
      {},
      'family',
    );
    const done = inbox.data.notices.edges.find((e: any) => e.node.kind === 'VISIT_COMPLETED').node;
    expect(done.body).toContain(`/files/${second.id}`);
    expect(done.body).toContain('47 分钟');
    expect(
      (await gql(`mutation($id: ID!) { markNoticeRead(id: $id) { readAt } }`, { id: done.id }, 'family')).data
        .markNoticeRead.readAt,
    ).toBeTruthy();
    expect(
      code(await gql(`mutation($id: ID!) { markNoticeRead(id: $id) { readAt } }`, { id: done.id }, 'worker')),
    ).toBe('NOT_FOUND');

    const [heldBefore, balanceBefore] = [await held(), await balance()];
    const confirm = `mutation($o: ID!) { confirmOrder(orderId: $o) { status amountFen evidence chargedFen } }`;
    // The provider's own people never vouch for their visit (000 六·流程2: the elder signs).
    for (const who of ['caregiver', 'provider_admin']) {
      const self = await gql(confirm, { o: orderId }, who);
      expect(code(self)).toBe('SELF_CONFIRMATION');
      expect(self.errors?.[0]?.message).toMatch(/老人、家属或回访人员确认/);
      expect(
        code(
          await gql(
            `mutation($o: ID!) { confirmVisitByCall(orderId: $o, note: "老人说服务过了") { status } }`,
            { o: orderId },
            who,
          ),
        ),
      ).toBe('SELF_CONFIRMATION');
    }
    expect([await held(), await balance()]).toEqual([heldBefore, balanceBefore]);
    const ok = await gql(confirm, { o: orderId }, 'family');
    expect(ok.data.confirmOrder).toMatchObject({ status: 'CONFIRMED', evidence: 'FAMILY_APP' });
    // 修脚 is sold per visit: charged in full whatever the minutes.
    expect(ok.data.confirmOrder.chargedFen).toBe(ok.data.confirmOrder.amountFen);
    const amount = BigInt(ok.data.confirmOrder.amountFen);
    expect(await held()).toBe(heldBefore - amount);
    expect(await balance()).toBe(balanceBefore - amount);
    expect((await gql(confirm, { o: orderId }, 'family')).errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    expect(await balance()).toBe(balanceBefore - amount);
    const charges = await s.db.prisma.ledgerTransaction.findMany({ where: { orderId, kind: 'CHARGE' } });
    expect(charges.length).toBeGreaterThan(0);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it("serves the photos to the family and not to another community's worker", async () => {
    const get = (who: string) =>
      fetch(`${base}/files/${photoId}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
    const fam = await get('family');
    expect(fam.status).toBe(200);
    expect(Buffer.from(await fam.arrayBuffer()).equals(JPEG)).toBe(true);
    expect((await get('worker2')).status).toBe(403);
    expect((await fetch(`${base}/files/${photoId}`)).status).toBe(401);
  });
});

describe('Yangcheng hours end to end (001 三(三): 4 hours a month, ≤ 35 元 an hour)', () => {
  it('holds minutes at booking, refuses check-out before check-in, and charges the minutes on confirmation', async () => {
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
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id amountFen subsidyMinutes subsidyFen selfPaidFen channel } }`,
      {
        i: {
          elderId: elderYc.id,
          serviceCode: item,
          quantity: 2,
          scheduledAt: new Date(s.app.services.clock().getTime() + 3600_000).toISOString(),
          idempotencyKey: `yc-visit-${seq++}`,
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
      `mutation($o: ID!) { confirmVisitByCall(orderId: $o, note: "电话回访：老人确认护理员上门服务两小时") { status evidence chargedMinutes chargedFen } }`,
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
  it('a visit cut short is charged by the minutes, rounded up to 15, and the rest of every hold is freed; ten confirmations at once charge once', async () => {
    const links = await s.db.prisma.familyLink.findMany({
      where: { user: { username: 'family' } },
      orderBy: { createdAt: 'asc' },
    });
    const other = await s.db.prisma.elder.findUniqueOrThrow({ where: { id: links[1]!.elderId } });
    const wallet = await s.db.prisma.$transaction((tx) => elderAccount(tx, other.id, 'SELF_PAID', 'FEN'));
    const gw = await s.db.prisma.$transaction((tx) => platformAccount(tx, 'PAYMENT_GATEWAY', 'FEN'));
    await postOnce(s.db.prisma, {
      kind: 'TOP_UP',
      idempotencyKey: `visit-test-topup-${other.id}`,
      request: {},
      elderId: other.id,
      entries: [
        { accountId: gw.id, amount: -5000n },
        { accountId: wallet.id, amount: 5000n },
      ],
    });
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
          idempotencyKey: `visit-test-${seq++}`,
        },
      },
      'family',
    );
    expect(placed.data.placeOrder).toMatchObject({ amountFen: 10000, subsidyFen: 7000, selfPaidFen: 3000 });
    const id = placed.data.placeOrder.id;
    const cg = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });
    expect(
      (
        await gql(
          `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
          { o: id, c: cg.id },
          'provider_admin',
        )
      ).errors,
    ).toBeUndefined();
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

describe("the elder's sign-off code (000 六·流程2: 由老人签字确认)", () => {
  it('goes to the family, never to the caregiver; wrong guesses are counted atomically and void it; the right one confirms and charges', async () => {
    const links = await s.db.prisma.familyLink.findMany({
      where: { user: { username: 'family' } },
      orderBy: { createdAt: 'asc' },
    });
    const other = await s.db.prisma.elder.findUniqueOrThrow({ where: { id: links[1]!.elderId } });
    const placed = await gql(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id scheduledAt amountFen } }`,
      {
        i: {
          elderId: other.id,
          serviceCode: 'HP_READING',
          quantity: 1,
          scheduledAt: new Date(s.app.services.clock().getTime() + 5 * 3600_000).toISOString(),
          idempotencyKey: `visit-test-${seq++}`,
        },
      },
      'family',
    );
    expect(placed.errors).toBeUndefined();
    const id = placed.data.placeOrder.id;
    const cg = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });
    await gql(
      `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
      { o: id, c: cg.id },
      'provider_admin',
    );
    const home = (
      await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: other.id }, 'worker')
    ).data!.homeQrToken;
    const photo = (
      (await (await upload('caregiver', Buffer.concat([JPEG, Buffer.from('signoff')]))).json()) as { id: string }
    ).id;
    const at = { latitude: other.latitude!, longitude: other.longitude! };
    const booked = new Date(placed.data.placeOrder.scheduledAt);
    const REQUEST = `mutation($o: ID!) { requestVisitSignOff(orderId: $o) { expiresAt recipients } }`;
    const CONFIRM = `mutation($o: ID!, $c: String!) { confirmVisitBySignOff(orderId: $o, code: $c) { status evidence chargedFen } }`;
    const latestCode = async () => {
      const inbox = await gql(`{ notices(first: 20) { edges { node { kind body } } } }`, {}, 'family');
      const body = inbox.data.notices.edges.find((e: any) => e.node.kind === 'VISIT_SIGNOFF_CODE').node.body as string;
      return /确认码 (\d{6})/.exec(body)![1]!;
    };
    const real = s.app.services.clock;
    try {
      s.app.services.clock = () => booked;
      await gql(CHECK_IN, { i: { orderId: id, qrToken: home, ...at, photoId: photo } }, 'caregiver');
      expect(code(await gql(REQUEST, { o: id }, 'caregiver'))).toBe('INVALID_STATE'); // not checked out yet
      s.app.services.clock = () => new Date(booked.getTime() + 60 * 60_000);
      await gql(CHECK_OUT, { i: { orderId: id, ...at, photoId: photo } }, 'caregiver');

      expect(code(await gql(REQUEST, { o: id }, 'family'))).toBe('FORBIDDEN');
      const sent = await gql(REQUEST, { o: id }, 'caregiver');
      expect(sent.errors).toBeUndefined();
      expect(sent.data.requestVisitSignOff.recipients).toBeGreaterThan(0);
      const first = await latestCode();
      expect(JSON.stringify(sent)).not.toContain(first);
      const wrong = first === '000000' ? '111111' : '000000';
      const one = await gql(CONFIRM, { o: id, c: wrong }, 'caregiver');
      expect(code(one)).toBe('BAD_USER_INPUT');
      expect(one.errors?.[0]?.message).toMatch(/还可以再试 4 次/);
      // A burst of 30 guesses: only the 4 left are ever checked, then the code is void, even the right one.
      const burst = await Promise.all(Array.from({ length: 30 }, () => gql(CONFIRM, { o: id, c: wrong }, 'caregiver')));
      expect(burst.filter((r) => code(r) === 'BAD_USER_INPUT')).toHaveLength(4);
      expect(burst.filter((r) => code(r) === 'INVALID_STATE')).toHaveLength(26);
      expect(code(await gql(CONFIRM, { o: id, c: first }, 'caregiver'))).toBe('INVALID_STATE');
      expect(
        (await s.db.prisma.accessCode.findFirstOrThrow({ where: { purpose: 'VISIT_SIGNOFF', subject: id } })).attempts,
      ).toBe(5);
      expect(await s.db.prisma.ledgerTransaction.count({ where: { orderId: id, kind: 'CHARGE' } })).toBe(0);

      // A new code; the elder reads it out and the visit is confirmed on the elder's word.
      expect((await gql(REQUEST, { o: id }, 'caregiver')).errors).toBeUndefined();
      const second = await latestCode();
      const ok = await gql(CONFIRM, { o: id, c: second }, 'caregiver');
      expect(ok.data.confirmVisitBySignOff).toEqual({
        status: 'CONFIRMED',
        evidence: 'ELDER_SIGNOFF_CODE',
        chargedFen: placed.data.placeOrder.amountFen,
      });
      expect(code(await gql(CONFIRM, { o: id, c: second }, 'caregiver'))).toBe('INVALID_STATE');
      expect(await s.db.prisma.ledgerTransaction.count({ where: { orderId: id, kind: 'CHARGE' } })).toBeGreaterThan(0);
    } finally {
      s.app.services.clock = real;
    }
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});
