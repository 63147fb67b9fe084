// Supervision in Luoyang (003 四(三) 星级评定、通报批评、取消服务资格、表彰; 四(一) 督促检查; 二(二)2 10 分钟社区服务圈)
// on a real server and database, on the test's own calendar (October to November 2026): a facility
// is inspected and its late rectification costs it stars; the provider is criticised (visible to it)
// and then disqualified, after which it takes no order, sends no caregiver and its facility gets no
// grant, each refused with PROVIDER_DISQUALIFIED and nothing moved; awards follow the document's list;
// the facilities report counts elders within the document's walking distance of an operating facility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';
import { enrolElders } from '../testing/programmes.js';
import { ledgerViolations } from '../wallet/index.js';
import {
  ACCRUE,
  code,
  grantTransactions,
  luoyangAccounts,
  operatingFacility,
} from '../facilities/facilities.fixtures.js';

const RATINGS = `query { starRatings(policyCode: "LUOYANG_2013") { source assumed
  facilities { id name score stars criteria { code points } }
  providers { id score stars disqualified criteria { code points } } } }`;
const INSPECT = `mutation($i: InspectFacilityInput!) { inspectFacility(input: $i) {
  id inspectedOn findings rectifyBy rectifiedOn rectification } }`;
const RECTIFY = `mutation($i: ID!, $d: String!) { recordRectification(inspectionId: $i, rectifiedOn: $d) {
  id rectifiedOn rectification } }`;
const FACILITY = `query($id: ID!) { facility(id: $id) { inspections { id rectification } } }`;
const SUPERVISE = `mutation($i: RecordSupervisionInput!) { recordSupervision(input: $i) {
  id kind providerId providerName facilityName personName award awardName clause reason } }`;
const RECORDS = `query { supervisionRecords(policyCode: "LUOYANG_2013") { kind providerId reason } }`;
const REPORT = `query { facilityReport { byDistrict { districtCode serviceCircle {
  minutes walkMeters eldersLocated eldersUnlocated eldersWithin share source assumed } } } }`;
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`;
const ASSIGN = `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`;

let s: TestServer;
let now = new Date('2026-10-05T09:00:00+08:00');
let t: { city: string; district: string; county: string };
const tok: Record<string, string> = {};
const ids: Record<string, string> = {};
const SIX = ['REST', 'DINING', 'HEALTH', 'READING', 'ACTIVITY', 'OFFICE'].map((kind) => ({
  kind,
  present: true,
  areaM2: 30,
}));
const rating = async () => (await s.gql(RATINGS, {}, t.district)).data!.starRatings;
const supervise = (i: Record<string, unknown>, token = t.district) =>
  s.gql(SUPERVISE, { i: { policyCode: 'LUOYANG_2013', reason: '群众满意度测评不达标', ...i } }, token);

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  const p = s.db.prisma;
  t = await luoyangAccounts(s);
  const provider = await p.provider.findUniqueOrThrow({ where: { code: 'LY-P01' } });
  const other = await p.provider.findUniqueOrThrow({ where: { code: 'LY-P02' } });
  ids.provider = provider.id;
  tok.providerAdmin = await addUser(s, 'ly_p01_admin', {
    role: 'PROVIDER_ADMIN',
    displayName: '颐家 管理员',
    providerId: provider.id,
  });
  tok.otherAdmin = await addUser(s, 'ly_p02_admin', {
    role: 'PROVIDER_ADMIN',
    displayName: '康宁 管理员',
    providerId: other.id,
  });
  const community = await p.region.findUniqueOrThrow({ where: { code: '410302001001' } });
  tok.worker = await addUser(s, 'ly_sup_worker', {
    role: 'COMMUNITY_WORKER',
    displayName: '民主街社区 社工',
    regionId: community.id,
  });
  ids.a = await operatingFacility(s, t.district, {
    name: '民主街日间照料中心（督查）',
    operatingMode: 'HOME_CARE_COMPANY',
    operatorId: provider.id,
    rooms: SIX,
    elderCount: 480,
    elderCountOn: '2026-09-30',
  });
  ids.b = await operatingFacility(s, t.district, {
    kind: 'SERVICE_STATION',
    name: '贴廓巷服务站点（督查）',
    communityCode: '410302001002',
    floorAreaM2: 150,
    elderCount: 480,
    elderCountOn: '2026-09-30',
  });
  const luoyang = await p.policy.findUniqueOrThrow({ where: { code: 'LUOYANG_2013' } });
  [{ elderId: ids.elder }] = await enrolElders(s.db, { policyId: luoyang.id, communityId: community.id }, 1);
}, 180_000);
afterAll(() => s?.close());

describe('star ratings from the document’s criteria (003 四(三), assumed points)', () => {
  it('six rooms, tier met, nothing overdue: 100 (5 stars); a bare station below its tier: 20 (1 star)', async () => {
    now = new Date('2026-11-10T09:00:00+08:00');
    const r = await rating();
    expect(r).toMatchObject({ source: '003 四(三)', assumed: true });
    const a = r.facilities.find((f: { id: string }) => f.id === ids.a);
    expect(a).toMatchObject({ score: 100, stars: 5 });
    expect(a.criteria).toEqual([
      { code: 'ROOMS', points: 60 },
      { code: 'AREA_TIER', points: 20 },
      { code: 'RECTIFICATION', points: 20 },
    ]);
    expect(r.facilities.find((f: { id: string }) => f.id === ids.b)).toMatchObject({ score: 20, stars: 1 });
    expect(r.providers.find((p: { id: string }) => p.id === ids.provider)).toMatchObject({
      score: 100,
      stars: 5,
      disqualified: false,
    });
  });
});

describe('inspections with rectification (003 四(一), 四(三))', () => {
  it('refuses findings without a deadline, a deadline before the day, a future day and another county', async () => {
    const before = await s.db.prisma.facilityInspection.count();
    const base = { facilityId: ids.a, inspectedOn: '2026-11-10', findings: '消防通道堆放杂物' };
    for (const bad of [
      {},
      { rectifyBy: '2026-11-09' },
      { inspectedOn: '2026-11-11', rectifyBy: '2026-11-20' },
      { rectifyBy: '2026-02-30' },
    ])
      expect(code(await s.gql(INSPECT, { i: { ...base, ...bad } }, t.district))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(INSPECT, { i: { ...base, rectifyBy: '2026-11-20' } }, t.county))).toBe('FORBIDDEN');
    expect(code(await s.gql(INSPECT, { i: { ...base, rectifyBy: '2026-11-20' } }, tok.worker))).toBe('FORBIDDEN');
    expect(await s.db.prisma.facilityInspection.count()).toBe(before);
  });

  it('open to the deadline, overdue after it, rectified late once; audited; the rating drops to 3 stars', async () => {
    const r = await s.gql(
      INSPECT,
      { i: { facilityId: ids.a, inspectedOn: '2026-11-10', findings: '消防通道堆放杂物', rectifyBy: '2026-11-20' } },
      t.district,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.inspectFacility).toMatchObject({
      rectifyBy: '2026-11-20',
      rectifiedOn: null,
      rectification: 'OPEN',
    });
    ids.inspection = r.data!.inspectFacility.id;
    // The last evening of the deadline in Beijing is already the 20th in UTC: still open.
    now = new Date('2026-11-20T23:30:00+08:00');
    expect((await s.gql(FACILITY, { id: ids.a }, t.district)).data!.facility.inspections[0].rectification).toBe('OPEN');
    now = new Date('2026-11-25T09:00:00+08:00');
    expect((await s.gql(FACILITY, { id: ids.a }, t.district)).data!.facility.inspections[0].rectification).toBe(
      'OVERDUE',
    );
    expect(code(await s.gql(RECTIFY, { i: ids.inspection, d: '2026-11-26' }, t.district))).toBe('BAD_USER_INPUT');
    const done = await s.gql(RECTIFY, { i: ids.inspection, d: '2026-11-24' }, t.district);
    expect(done.data!.recordRectification).toMatchObject({
      rectifiedOn: '2026-11-24',
      rectification: 'RECTIFIED_LATE',
    });
    expect(code(await s.gql(RECTIFY, { i: ids.inspection, d: '2026-11-25' }, t.district))).toBe('INVALID_STATE');
    const audits = await s.db.prisma.auditLog.findMany({ where: { entityId: ids.inspection }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['FACILITY_INSPECTED', 'FACILITY_RECTIFIED']);
    const after = await rating();
    const a = after.facilities.find((f: { id: string }) => f.id === ids.a);
    expect(a).toMatchObject({ score: 70, stars: 3 });
    expect(a.criteria).toContainEqual({ code: 'RECTIFICATION', points: -10 });
    expect(after.providers.find((p: { id: string }) => p.id === ids.provider)).toMatchObject({ score: 70, stars: 3 });
  });
});

describe('sanctions (003 四(三) 通报批评, 取消服务资格)', () => {
  it('a public criticism is recorded, visible to the provider and not to another, and costs 20 points', async () => {
    const r = await supervise({ kind: 'PUBLIC_CRITICISM', providerId: ids.provider });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordSupervision).toMatchObject({ kind: 'PUBLIC_CRITICISM', clause: '003 四(三)' });
    expect(code(await supervise({ kind: 'PUBLIC_CRITICISM', providerId: ids.provider }, t.county))).toBe('FORBIDDEN');
    const own = (await s.gql(RECORDS, {}, tok.providerAdmin)).data!.supervisionRecords;
    expect(own).toEqual([{ kind: 'PUBLIC_CRITICISM', providerId: ids.provider, reason: '群众满意度测评不达标' }]);
    expect((await s.gql(RECORDS, {}, tok.otherAdmin)).data!.supervisionRecords).toEqual([]);
    const p = (await rating()).providers.find((x: { id: string }) => x.id === ids.provider);
    expect(p).toMatchObject({ score: 50, stars: 2 });
    expect(p.criteria).toContainEqual({ code: 'PUBLIC_CRITICISM', points: -20 });
  });

  it('a disqualified provider takes no order, sends nobody and its facility gets no grant; nothing moves', async () => {
    const p = s.db.prisma;
    const scheduledAt = new Date('2026-11-27T10:00:00+08:00').toISOString();
    const place = (key: string) =>
      s.gql(
        PLACE,
        { i: { elderId: ids.elder, serviceCode: 'LY_CLEANING', quantity: 1, scheduledAt, idempotencyKey: key } },
        tok.worker,
      );
    const first = await place('sup-order-1');
    expect(code(first)).not.toBe('PROVIDER_DISQUALIFIED');
    const order =
      first.data?.placeOrder?.id ??
      (
        await p.order.create({
          data: {
            elderId: ids.elder,
            serviceItemId: (await p.serviceItem.findFirstOrThrow({ where: { code: 'LY_CLEANING' } })).id,
            providerId: ids.provider,
            quantity: 1,
            amountFen: 2000,
            scheduledAt: new Date(scheduledAt),
            channel: 'WORKER',
            placedById: (await p.user.findUniqueOrThrow({ where: { username: 'ly_sup_worker' } })).id,
            idempotencyKey: 'sup-order-fallback',
            requestHash: 'sup-order-fallback',
          },
        })
      ).id;
    const caregiver = await p.caregiver.findFirstOrThrow({ where: { providerId: ids.provider, active: true } });

    const r = await supervise({
      kind: 'DISQUALIFICATION',
      providerId: ids.provider,
      reason: '情形严重：多次整改不到位',
    });
    expect(r.errors).toBeUndefined();
    expect((await p.provider.findUniqueOrThrow({ where: { id: ids.provider } })).disqualifiedAt).toEqual(now);
    expect(code(await supervise({ kind: 'DISQUALIFICATION', providerId: ids.provider }))).toBe('INVALID_STATE');
    expect((await rating()).providers.find((x: { id: string }) => x.id === ids.provider).disqualified).toBe(true);

    const orders = await p.order.count();
    const grants = await grantTransactions(s);
    const placed = await place('sup-order-2');
    expect(code(placed)).toBe('PROVIDER_DISQUALIFIED');
    const assigned = await s.gql(ASSIGN, { o: order, c: caregiver.id }, tok.providerAdmin);
    expect(code(assigned)).toBe('PROVIDER_DISQUALIFIED');
    expect((await p.order.findUniqueOrThrow({ where: { id: order } })).caregiverId).toBeNull();
    const accrued = await s.gql(ACCRUE, { f: ids.a, m: '2026-10' }, t.district);
    expect(code(accrued)).toBe('PROVIDER_DISQUALIFIED');
    expect(accrued.errors![0]!.message).toContain('取消服务资格');
    expect(await p.order.count()).toBe(orders);
    expect(await grantTransactions(s)).toBe(grants);
    // The station without that operator is paid for the same month.
    expect((await s.gql(ACCRUE, { f: ids.b, m: '2026-10' }, t.district)).errors).toBeUndefined();
    expect(await ledgerViolations(p)).toEqual([]);
  });
});

describe('two disqualifications at once', () => {
  it('record one, the other is told it is done (conditional update), and nothing else changes', async () => {
    const other = await s.db.prisma.provider.findUniqueOrThrow({ where: { code: 'LY-P02' } });
    const before = await s.db.prisma.supervisionRecord.count({ where: { providerId: other.id } });
    const both = await Promise.all(
      [0, 1].map(() => supervise({ kind: 'DISQUALIFICATION', providerId: other.id }, t.city)),
    );
    expect(both.map(code).sort()).toEqual([undefined, 'INVALID_STATE'].sort());
    expect(await s.db.prisma.supervisionRecord.count({ where: { providerId: other.id } })).toBe(before + 1);
  });
});

describe('awards register (003 四(三) 评选)', () => {
  it('awards from the document’s list, to the subject it names', async () => {
    const centre = await supervise({
      kind: 'AWARD',
      award: 'MODEL_DAY_CARE_CENTRE',
      facilityId: ids.a,
      reason: '2026 年度评选',
    });
    expect(centre.data!.recordSupervision).toMatchObject({
      awardName: '示范性社区老年人日间照料中心',
      facilityName: '民主街日间照料中心（督查）',
      clause: '003 四(三)',
    });
    const person = await supervise({
      kind: 'AWARD',
      award: 'OUTSTANDING_WORKER',
      personName: '李桂兰',
      reason: '2026 年度评选',
    });
    expect(person.data!.recordSupervision).toMatchObject({ personName: '李桂兰', awardName: '优秀为老服务人员' });
    const before = await s.db.prisma.supervisionRecord.count();
    expect(code(await supervise({ kind: 'AWARD', award: 'MODEL_DAY_CARE_CENTRE', facilityId: ids.b }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await supervise({ kind: 'AWARD', award: 'BEST_EVER', providerId: ids.provider }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await supervise({ kind: 'AWARD', award: 'OUTSTANDING_WORKER' }))).toBe('BAD_USER_INPUT');
    expect(await s.db.prisma.supervisionRecord.count()).toBe(before);
  });
});

describe('the 10-minute service circle (003 二(二)2; 800 m assumed)', () => {
  it('counts elders within 800 m of an operating facility, and those without coordinates apart', async () => {
    const line = async () =>
      (await s.gql(REPORT, {}, t.district)).data!.facilityReport.byDistrict.find(
        (d: { districtCode: string }) => d.districtCode === '410302',
      ).serviceCircle;
    const before = await line();
    expect(before).toMatchObject({ minutes: 10, walkMeters: 800, source: '003 二(二)2', assumed: true });
    const p = s.db.prisma;
    const luoyang = await p.policy.findUniqueOrThrow({ where: { code: 'LUOYANG_2013' } });
    const community = await p.region.findUniqueOrThrow({ where: { code: '410302001001' } });
    const made = await enrolElders(s.db, { policyId: luoyang.id, communityId: community.id }, 4);
    // At the centre (0 m); 700 m south; 900 m west of it and far from every other site; no coordinates.
    const at = [
      [34.6835, 112.4612],
      [34.6772, 112.4612],
      [34.6835, 112.45135],
    ];
    for (const [i, [latitude, longitude]] of at.entries())
      await p.elder.update({ where: { id: made[i]!.elderId }, data: { latitude, longitude } });
    const after = await line();
    expect(after.eldersLocated - before.eldersLocated).toBe(3);
    expect(after.eldersWithin - before.eldersWithin).toBe(2);
    expect(after.eldersUnlocated - before.eldersUnlocated).toBe(1);
    expect(after.share).toBeCloseTo(after.eldersWithin / after.eldersLocated, 10);
  });
});
