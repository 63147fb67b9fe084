// A verified visit end to end (000 六: 扫码签到 with location and photo, 签出, 老人确认; the
// confirmation charges the booked holds): order → assign → photo → check-in → check-out → confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
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

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-test-photo'), Buffer.from([0xff, 0xd9])]);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, tokens[who]);
const upload = (who: string, body: Buffer, type = 'image/jpeg') => fetch(`${base}/files`, { method: 'POST', headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': type }, body });
const held = async () => (await s.db.prisma.ledgerAccount.findMany({ where: { elderId: elder.id } })).reduce((n, a) => n + a.held, 0n);
const balance = async () => (await s.db.prisma.ledgerAccount.findMany({ where: { elderId: elder.id } })).reduce((n, a) => n + (a.unit === 'FEN' ? a.balance : 0n), 0n);

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => START });
  base = s.url.replace(/\/graphql$/, '');
  tokens = {};
  for (const u of ['family', 'worker', 'worker2', 'provider_admin', 'caregiver']) tokens[u] = await s.login(u);
  const link = await s.db.prisma.familyLink.findFirstOrThrow({ where: { user: { username: 'family' } }, orderBy: { createdAt: 'asc' } });
  elder = await s.db.prisma.elder.findUniqueOrThrow({ where: { id: link.elderId } });
  const placed = await gql(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, { i: { elderId: elder.id, serviceCode: 'HP_NAIL_CARE', quantity: 1, scheduledAt: new Date(s.app.services.clock().getTime() + 3600_000).toISOString(), idempotencyKey: `visit-test-${seq++}` } }, 'family');
  orderId = placed.data.placeOrder.id;
  const cg = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });
  const assigned = await gql(`mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`, { o: orderId, c: cg.id }, 'provider_admin');
  expect(assigned.errors).toBeUndefined();
  qr = (await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: elder.id }, 'worker')).data!.homeQrToken;
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

  it('refuses a check-in with another home\'s code, away from the home, or without the caregiver\'s photo', async () => {
    const at = { lat: elder.latitude!, lng: elder.longitude! };
    const otherElder = await s.db.prisma.elder.findFirstOrThrow({ where: { id: { not: elder.id }, community: { users: { some: { username: 'worker' } } } } });
    const otherQr = (await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: otherElder.id }, 'worker')).data!.homeQrToken;
    const input = { orderId, qrToken: qr, latitude: at.lat, longitude: at.lng, photoId };
    expect((await gql(CHECK_IN, { i: { ...input, qrToken: otherQr } }, 'caregiver')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(CHECK_IN, { i: { ...input, qrToken: qr.slice(0, -2) + 'xx' } }, 'caregiver')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // About 1.1 km north of the home.
    const far = await gql(CHECK_IN, { i: { ...input, latitude: at.lat + 0.01 } }, 'caregiver');
    expect(far.errors?.[0]?.extensions?.code).toBe('GEOFENCE_VIOLATION');
    expect(far.errors?.[0]?.message).toMatch(/米/);
    const stranger = await s.db.prisma.storedFile.create({ data: { storageKey: 'x'.repeat(64), mimeType: 'image/jpeg', sizeBytes: 1, sha256: 'x', uploadedById: (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } })).id } });
    expect((await gql(CHECK_IN, { i: { ...input, photoId: stranger.id } }, 'caregiver')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(CHECK_IN, { i: input }, 'family')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('ASSIGNED');
  });

  it('checks in at the home, checks out 47 minutes later, and the family confirms: holds become charges once', async () => {
    const start = s.app.services.clock();
    s.app.services.clock = () => start;
    // 40 m from the recorded address is inside the geofence.
    const near = { latitude: elder.latitude! + 0.00036, longitude: elder.longitude! };
    expect(distanceMeters({ lat: near.latitude, lng: near.longitude }, { lat: elder.latitude!, lng: elder.longitude! })).toBeLessThan(60);
    const inRes = await gql(CHECK_IN, { i: { orderId, qrToken: qr, ...near, photoId } }, 'caregiver');
    expect(inRes.errors).toBeUndefined();
    expect(inRes.data.checkIn.status).toBe('IN_SERVICE');
    expect((await gql(CHECK_IN, { i: { orderId, qrToken: qr, ...near, photoId } }, 'caregiver')).errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    expect((await gql(`mutation($o: ID!) { confirmOrder(orderId: $o) { status } }`, { o: orderId }, 'family')).errors?.[0]?.extensions?.code).toBe('INVALID_STATE');

    s.app.services.clock = () => new Date(start.getTime() + 47 * 60_000);
    const second = (await (await upload('caregiver', Buffer.concat([JPEG, Buffer.from('2')]))).json()) as { id: string };
    const out = await gql(CHECK_OUT, { i: { orderId, ...near, photoId: second.id } }, 'caregiver');
    expect(out.errors).toBeUndefined();
    expect(out.data.checkOut).toMatchObject({ status: 'COMPLETED', visit: { durationMinutes: 47, photoUrls: [`/files/${photoId}`, `/files/${second.id}`] } });

    // 000 六: the family is told, with the photos, and asked to confirm.
    const inbox = await gql(`{ notices(first: 5, unreadOnly: true) { edges { node { id kind body } } } }`, {}, 'family');
    const done = inbox.data.notices.edges.find((e: any) => e.node.kind === 'VISIT_COMPLETED').node;
    expect(done.body).toContain(`/files/${second.id}`);
    expect(done.body).toContain('47 分钟');
    expect((await gql(`mutation($id: ID!) { markNoticeRead(id: $id) { readAt } }`, { id: done.id }, 'family')).data.markNoticeRead.readAt).toBeTruthy();
    expect(code(await gql(`mutation($id: ID!) { markNoticeRead(id: $id) { readAt } }`, { id: done.id }, 'worker'))).toBe('NOT_FOUND');

    const [heldBefore, balanceBefore] = [await held(), await balance()];
    const confirm = `mutation($o: ID!) { confirmOrder(orderId: $o) { status amountFen } }`;
    const ok = await gql(confirm, { o: orderId }, 'family');
    expect(ok.data.confirmOrder.status).toBe('CONFIRMED');
    const amount = BigInt(ok.data.confirmOrder.amountFen);
    expect(await held()).toBe(heldBefore - amount);
    expect(await balance()).toBe(balanceBefore - amount);
    expect((await gql(confirm, { o: orderId }, 'family')).errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    expect(await balance()).toBe(balanceBefore - amount);
    const charges = await s.db.prisma.ledgerTransaction.findMany({ where: { orderId, kind: 'CHARGE' } });
    expect(charges.length).toBeGreaterThan(0);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('serves the photos to the family and not to another community\'s worker', async () => {
    const get = (who: string) => fetch(`${base}/files/${photoId}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
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
    const elderYc = await s.db.prisma.elder.findFirstOrThrow({ where: { communityId: ycWorker.regionId!, status: 'ENROLLED', latitude: { not: null } } });
    const community = await s.db.prisma.region.findUniqueOrThrow({ where: { id: elderYc.communityId } });
    const zones = await s.db.prisma.serviceZone.findMany({ where: { policy: { code: 'YANGCHENG_2026' } }, include: { regions: { include: { region: true } }, provider: { include: { caregivers: true } } } });
    const provider = zones.find((z) => z.regions.some((r) => community.path.startsWith(r.region.path)))!.provider!;
    tokens.yc_worker = await s.login('yc_worker');
    tokens.yc_provider = await addUser(s, 'yc_provider_visits', { displayName: '阳城机构', role: 'PROVIDER_ADMIN', providerId: provider.id });
    const cg = provider.caregivers[0]!;
    tokens.yc_caregiver = await addUser(s, 'yc_caregiver_visits', { displayName: cg.name, role: 'CAREGIVER', providerId: provider.id });
    await s.db.prisma.caregiver.update({ where: { id: cg.id }, data: { user: { connect: { username: 'yc_caregiver_visits' } } } });
    const hours = async () => (await s.db.prisma.ledgerAccount.findUniqueOrThrow({ where: { key: `elder:${elderYc.id}:SUBSIDY_HOURS` } }));
    const start = await hours();

    const item = (await s.db.prisma.serviceItem.findFirstOrThrow({ where: { policy: { code: 'YANGCHENG_2026' }, unit: 'PER_HOUR' } })).code;
    const placed = await gql(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id amountFen subsidyMinutes subsidyFen selfPaidFen channel } }`, { i: { elderId: elderYc.id, serviceCode: item, quantity: 2, scheduledAt: new Date(s.app.services.clock().getTime() + 3600_000).toISOString(), idempotencyKey: `yc-visit-${seq++}` } }, 'yc_worker');
    expect(placed.data.placeOrder).toMatchObject({ amountFen: 7000, subsidyMinutes: 120, subsidyFen: 7000, selfPaidFen: 0, channel: 'WORKER' });
    const id = placed.data.placeOrder.id;
    expect((await hours()).held - start.held).toBe(120n);
    await gql(`mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`, { o: id, c: cg.id }, 'yc_provider');
    const at = { latitude: elderYc.latitude!, longitude: elderYc.longitude! };
    const photo = ((await (await upload('yc_caregiver', Buffer.concat([JPEG, Buffer.from('yc')]))).json()) as { id: string }).id;
    expect(code(await gql(CHECK_OUT, { i: { orderId: id, ...at, photoId: photo } }, 'yc_caregiver'))).toBe('INVALID_STATE');
    const homeQr = (await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: elderYc.id }, 'yc_worker')).data!.homeQrToken;
    const t0 = s.app.services.clock();
    s.app.services.clock = () => t0;
    expect((await gql(CHECK_IN, { i: { orderId: id, qrToken: homeQr, ...at, photoId: photo } }, 'yc_caregiver')).errors).toBeUndefined();
    s.app.services.clock = () => new Date(t0.getTime() + 121 * 60_000);
    expect((await gql(CHECK_OUT, { i: { orderId: id, ...at, photoId: photo } }, 'yc_caregiver')).data.checkOut.visit.durationMinutes).toBe(121);
    // The caregiver captures the elder's confirmation on the spot.
    expect((await gql(`mutation($o: ID!) { confirmOrder(orderId: $o) { status } }`, { o: id }, 'yc_caregiver')).data.confirmOrder.status).toBe('CONFIRMED');
    const end = await hours();
    expect([end.balance, end.held]).toEqual([start.balance - 120n, start.held]);
    // Rating someone else's order: the Huangpi family cannot see it.
    expect(code(await gql(`mutation($o: ID!) { rateOrder(orderId: $o, stars: 5) { stars } }`, { o: id }, 'family'))).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});
