// Meal service (002 二(二)7; 000 四 集中就餐) on a real server: a meal record per elder per meal, on-site meals
// verified at the canteen (a meal verified at a home for an on-site item is refused and writes nothing),
// food-safety inspections with findings and fixes and the 明厨亮灶 flag (二(七)22), and the canteen's
// operating subsidy from the meals served, the food-safety score and the elders' satisfaction, paid through
// the facility-grant ledger once per month however often or concurrently it is asked. November 2026.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DX, WJS_COMMUNITY, dongxihuAccounts, dongxihuFacility } from '../goals/goals.fixtures.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ledgerViolations } from '../wallet/index.js';

let s: TestServer;
let now = new Date('2026-11-10T10:00:00+08:00');
let t: Awaited<ReturnType<typeof dongxihuAccounts>>;
const ids: Record<string, string> = {};
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const CANTEEN = { lat: 30.6262, lng: 114.1401 };
const HOME = { lat: 30.6301, lng: 114.1455 };

const MEAL = `mutation($i: RecordMealInput!) { recordMeal(input: $i) { id servedOn meal verifiedAt satisfaction } }`;
const SUMMARY = `query($f: ID!, $m: String!) { mealSummary(facilityId: $f, month: $m) {
  meals rated satisfactionAverage qualityScore fenPerMeal amountFen refusal pendingSource source } }`;
const INSPECT = `mutation($i: FoodSafetyInput!) { inspectFoodSafety(input: $i) { id score findings rectifyBy } }`;
const FIX = `mutation($i: ID!, $f: String!, $d: String!) { recordFoodSafetyFix(inspectionId: $i, fix: $f, fixedOn: $d) {
  id fix fixedOn } }`;
const CAMERA = `mutation($f: ID!, $o: Boolean!) { setKitchenCamera(facilityId: $f, online: $o) { kitchenCamera } }`;
const ACCRUE = `mutation($f: ID!, $m: String!) { accrueMealSubsidy(facilityId: $f, month: $m) {
  kind period fundSource amountFen } }`;

async function elder(communityCode: string, at: { lat: number; lng: number }) {
  const community = await s.db.prisma.region.findUniqueOrThrow({ where: { code: communityCode } });
  const e = await s.db.prisma.elder.create({
    data: {
      name: '助餐老人',
      gender: 'MALE',
      birthDate: new Date('1944-04-04T00:00:00Z'),
      idNumberEnc: 'test',
      idNumberHash: randomUUID(),
      idNumberMasked: '4201**********0000',
      communityId: community.id,
      address: `${community.name} 2 号`,
      latitude: at.lat,
      longitude: at.lng,
    },
  });
  return e.id;
}

const meal = (over: Record<string, unknown> = {}) => ({
  facilityId: ids.canteen,
  elderId: ids.a,
  itemCode: 'DX_MEAL_CANTEEN',
  meal: 'LUNCH',
  site: 'FACILITY',
  latitude: CANTEEN.lat,
  longitude: CANTEEN.lng,
  ...over,
});
let seeded = 0;
/** Meals recorded by this test (the demo seed has its own canteen's lunches). */
const meals = async () => (await s.db.prisma.mealRecord.count()) - seeded;
const grantTx = () => s.db.prisma.ledgerTransaction.count({ where: { kind: 'FACILITY_MEAL_SUBSIDY' } });

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  t = await dongxihuAccounts(s);
  ids.canteen = await dongxihuFacility(s, t.district, 'CANTEEN', WJS_COMMUNITY, 'OPERATING', {
    latitude: CANTEEN.lat,
    longitude: CANTEEN.lng,
  });
  ids.a = await elder(WJS_COMMUNITY, HOME);
  ids.b = await elder(WJS_COMMUNITY, HOME);
  ids.outside = await elder('420116001001', { lat: 30.8745, lng: 114.3712 });
  seeded = await s.db.prisma.mealRecord.count();
}, 120_000);
afterAll(() => s?.close());

describe('bad meal records change nothing', () => {
  it('an on-site meal verified at the home is WRONG_VERIFICATION_SITE (002 二(二)7)', async () => {
    const r = await s.gql(MEAL, { i: meal({ site: 'HOME', latitude: HOME.lat, longitude: HOME.lng }) }, t.worker);
    expect(code(r)).toBe('WRONG_VERIFICATION_SITE');
    expect(r.errors![0]!.message).toMatch(/须在.*现场核验/);
    // And a delivered meal verified at the canteen.
    expect(code(await s.gql(MEAL, { i: meal({ itemCode: 'DX_MEAL_DELIVERY' }) }, t.worker))).toBe(
      'WRONG_VERIFICATION_SITE',
    );
    expect(await meals()).toBe(0);
  });
  it('an elder outside the district, a position away from the canteen, a bad rating, another district', async () => {
    expect(code(await s.gql(MEAL, { i: meal({ elderId: ids.outside }) }, t.worker))).toBe('ELDER_OUTSIDE_PROGRAMME');
    expect(code(await s.gql(MEAL, { i: meal({ latitude: 30.7 }) }, t.worker))).toBe('GEOFENCE_VIOLATION');
    expect(code(await s.gql(MEAL, { i: meal({ satisfaction: 6 }) }, t.worker))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(MEAL, { i: meal({ itemCode: 'DX_BATHING' }) }, t.worker))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(MEAL, { i: meal() }, t.other))).toBe('FORBIDDEN');
    expect(await meals()).toBe(0);
  });
});

describe('meals at a canteen feed its subsidy (002 二(二)7)', () => {
  it('records one meal per elder per meal, on site or delivered', async () => {
    const a = await s.gql(MEAL, { i: meal({ satisfaction: 4 }) }, t.worker);
    expect(a.data?.recordMeal).toMatchObject({ servedOn: '2026-11-10', verifiedAt: 'FACILITY', satisfaction: 4 });
    expect(code(await s.gql(MEAL, { i: meal() }, t.worker))).toBe('INVALID_STATE');
    const home = { itemCode: 'DX_MEAL_DELIVERY', site: 'HOME', latitude: HOME.lat, longitude: HOME.lng };
    expect(code(await s.gql(MEAL, { i: meal({ elderId: ids.b, ...home, meal: 'DINNER' }) }, t.worker))).toBeUndefined();
    now = new Date('2026-11-11T12:00:00+08:00');
    for (const [e, sat] of [
      [ids.a, 5],
      [ids.b, null],
    ] as const)
      expect(code(await s.gql(MEAL, { i: meal({ elderId: e, satisfaction: sat }) }, t.worker))).toBeUndefined();
    expect(await meals()).toBe(4);
  });

  it('food safety: findings need a deadline, one fix, the kitchen camera flagged (二(七)22)', async () => {
    const base = { facilityId: ids.canteen, inspectedOn: '2026-11-11', score: 90 };
    expect(code(await s.gql(INSPECT, { i: { ...base, findings: '留样记录不全' } }, t.district))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(INSPECT, { i: { ...base, score: 101 } }, t.district))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(INSPECT, { i: base }, t.worker))).toBe('FORBIDDEN');
    const r = await s.gql(INSPECT, { i: { ...base, findings: '留样记录不全', rectifyBy: '2026-11-20' } }, t.district);
    const id = r.data!.inspectFoodSafety.id;
    const fixed = await s.gql(FIX, { i: id, f: '补齐留样记录并培训', d: '2026-11-11' }, t.district);
    expect(fixed.data?.recordFoodSafetyFix).toMatchObject({ fixedOn: '2026-11-11' });
    expect(code(await s.gql(FIX, { i: id, f: '再次整改', d: '2026-11-11' }, t.district))).toBe('INVALID_STATE');
    expect((await s.gql(CAMERA, { f: ids.canteen, o: true }, t.district)).data?.setKitchenCamera).toEqual({
      kitchenCamera: true,
    });
    const f = await s.gql(`query($id: ID!) { facility(id: $id) { kitchenCamera } }`, { id: ids.canteen }, t.district);
    expect(f.data?.facility.kitchenCamera).toBe(true);
  });

  it('the summary: meals × 3 元 × quality / 100 × satisfaction / 5 (pendingSource)', async () => {
    const r = await s.gql(SUMMARY, { f: ids.canteen, m: '2026-11' }, t.district);
    // 4 meals, ratings 4 and 5 (average 4.5), score 90: 4 × 300 × 90/100 × 4.5/5 = 972 fen.
    expect(r.data?.mealSummary).toMatchObject({
      meals: 4,
      rated: 2,
      satisfactionAverage: 4.5,
      qualityScore: 90,
      fenPerMeal: 300,
      amountFen: 972,
      refusal: null,
      pendingSource: true,
      source: '002 二(二)7',
    });
  });

  it('pays once the month is over, through the grant ledger, once however often and concurrently asked', async () => {
    expect(code(await s.gql(ACCRUE, { f: ids.canteen, m: '2026-11' }, t.district))).toBe('BAD_USER_INPUT');
    now = new Date('2026-12-02T10:00:00+08:00');
    expect(code(await s.gql(ACCRUE, { f: ids.canteen, m: '2026-11' }, t.worker))).toBe('FORBIDDEN');
    expect(await grantTx()).toBe(0);
    const all = await Promise.all(
      Array.from({ length: 5 }, () => s.gql(ACCRUE, { f: ids.canteen, m: '2026-11' }, t.district)),
    );
    for (const r of all)
      expect(r.data?.accrueMealSubsidy).toEqual([
        { kind: 'MEAL', period: '2026-11', fundSource: 'DISTRICT_FINANCE', amountFen: 972 },
      ]);
    expect(await grantTx()).toBe(1);
    const again = await s.gql(ACCRUE, { f: ids.canteen, m: '2026-11' }, t.district);
    expect(again.data?.accrueMealSubsidy[0].amountFen).toBe(972);
    expect(await grantTx()).toBe(1);
    // The ledger moved exactly what the grant register says, from the district's finance to the canteen.
    const tx = await s.db.prisma.ledgerTransaction.findFirstOrThrow({
      where: { kind: 'FACILITY_MEAL_SUBSIDY' },
      include: { entries: true },
    });
    expect(tx.entries.map((e) => e.amount).sort()).toEqual([-972n, 972n]);
    const grant = await s.db.prisma.facilityGrant.findFirstOrThrow({
      where: { facilityId: ids.canteen, kind: 'MEAL' },
    });
    expect(grant).toMatchObject({ amountFen: 972, transactionId: tx.id });
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('a month without a passing food-safety score pays nothing (INVALID_STATE, nothing posted)', async () => {
    const other = await dongxihuFacility(s, t.district, 'MEAL_POINT', WJS_COMMUNITY, 'OPERATING', {
      latitude: CANTEEN.lat,
      longitude: CANTEEN.lng,
    });
    expect(code(await s.gql(ACCRUE, { f: other, m: '2026-11' }, t.district))).toBe('INVALID_STATE');
    const low = { facilityId: other, inspectedOn: '2026-11-30', score: 50 };
    await s.gql(INSPECT, { i: low }, t.district);
    const r = await s.gql(ACCRUE, { f: other, m: '2026-11' }, t.district);
    expect(code(r)).toBe('INVALID_STATE');
    expect(await grantTx()).toBe(1);
    expect(DX).toBe('DONGXIHU_2024');
  });
});
