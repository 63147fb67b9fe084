// Targets as data, progress from records (issue 21; 002 二(二)4/5, 二(四)11): each target of DONGXIHU_2024's
// goals has its progress computed from the records — a facility accepted, a 养老顾问 appointed, an elder
// under health management — by street and community with a monthly trend and the at-risk rule, and a
// hand-typed progress is refused and changes nothing. The clock: November–December 2025 (Asia/Shanghai).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import {
  DX,
  JYH_COMMUNITY,
  WJS_COMMUNITY,
  WUJIASHAN,
  dongxihuAccounts,
  dongxihuFacility,
  moveFacility,
  registeredElder,
} from './goals.fixtures.js';

let s: TestServer;
let now = new Date('2025-11-12T10:00:00+08:00');
let t: Awaited<ReturnType<typeof dongxihuAccounts>>;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

const REGION = `regionId code name level achieved total percent met`;
const GOALS = `query($p: String!, $m: Int) { programmeGoals(policyCode: $p, months: $m) {
  policyCode asOf atRiskRule atRiskShortfallPercent atRiskAssumed
  goals { code metric target unit per deadline source value achieved total progressPercent expectedPercent met status
    streets { ${REGION} communities { ${REGION} } } trend { month value progressPercent } }
  atRisk { code status } } }`;
const SET = `mutation($p: String!, $g: String!, $v: Float!) { setGoalProgress(policyCode: $p, goalCode: $g, value: $v) {
  code } }`;
const ADVISOR = `mutation($i: AppointCareAdvisorInput!) { appointCareAdvisor(input: $i) {
  id communityId name since } }`;
const HEALTH = `mutation($i: HealthManagementInput!) { recordHealthManagement(input: $i) { id elderId since } }`;

type Goal = { code: string; streets: { code: string; achieved: number; met: boolean; communities: any[] }[] } & Record<
  string,
  any
>;
async function goals(token = t.district, months?: number) {
  const r = await s.gql<{ programmeGoals: { goals: Goal[]; atRisk: { code: string }[] } & Record<string, any> }>(
    GOALS,
    { p: DX, m: months },
    token,
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.programmeGoals;
}
const goal = async (c: string, token?: string) => (await goals(token)).goals.find((g) => g.code === c)!;

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  t = await dongxihuAccounts(s);
}, 120_000);
afterAll(() => s?.close());

describe('a hand-typed progress (bad input)', () => {
  it('is refused GOAL_PROGRESS_COMPUTED with a Chinese message, and every target reads the same after', async () => {
    const before = await goals();
    const r = await s.gql(SET, { p: DX, g: 'DX_STREET_HUB', v: 100 }, t.district);
    expect(code(r)).toBe('GOAL_PROGRESS_COMPUTED');
    expect(r.errors![0]!.message).toMatch(/自动计算（002 二\(二\)4），不能手工填写/);
    expect(await goals()).toEqual(before);
  });
  it('an unknown target is NOT_FOUND; another district is FORBIDDEN; a family account is FORBIDDEN', async () => {
    expect(code(await s.gql(SET, { p: DX, g: 'NO_SUCH', v: 1 }, t.district))).toBe('NOT_FOUND');
    expect(code(await s.gql(SET, { p: DX, g: 'DX_STREET_HUB', v: 1 }, t.other))).toBe('FORBIDDEN');
    expect(code(await s.gql(GOALS, { p: DX }, t.other))).toBe('FORBIDDEN');
    expect(code(await s.gql(GOALS, { p: DX }, await s.login('family')))).toBe('FORBIDDEN');
  });
  it('a trend of 0 months is BAD_USER_INPUT', async () => {
    expect(code(await s.gql(GOALS, { p: DX, m: 0 }, t.district))).toBe('BAD_USER_INPUT');
  });
});

describe('progress from records', () => {
  it('a street hub counts for its street once accepted, not while building (002 二(二)4)', async () => {
    const street = async () => (await goal('DX_STREET_HUB')).streets.find((x) => x.code === WUJIASHAN)!;
    const before = await goal('DX_STREET_HUB');
    expect((await street()).met).toBe(false);
    const id = await dongxihuFacility(s, t.district, 'STREET_HUB', WJS_COMMUNITY, 'BUILDING');
    expect((await street()).achieved).toBe(0);
    await moveFacility(s, t.district, id, 'ACCEPTED');
    const after = await goal('DX_STREET_HUB');
    expect(after.streets.find((x) => x.code === WUJIASHAN)).toMatchObject({ achieved: 1, met: true, total: 1 });
    expect(after.achieved).toBe(before.achieved + 1);
    expect(after.progressPercent).toBeGreaterThan(before.progressPercent);
    // The named-street complex target counts a street hub too (二(二)4 至少 1 个综合性设施).
    const named = await goal('DX_NAMED_STREET_COMPLEX');
    expect(named.streets.find((x) => x.code === WUJIASHAN)!.met).toBe(true);
    // A community worker sees only their own community's street.
    const mine = await goal('DX_STREET_HUB', t.worker);
    expect(mine.streets.map((x) => x.code)).toEqual([WUJIASHAN]);
  });

  it('community coverage and grading count accepted facilities and their grades (002 二(二)5)', async () => {
    const cov0 = await goal('DX_COMMUNITY_COVERAGE');
    const graded0 = await goal('DX_FACILITIES_GRADED');
    const id = await dongxihuFacility(s, t.district, 'SERVICE_STATION', JYH_COMMUNITY);
    const cov = await goal('DX_COMMUNITY_COVERAGE');
    expect(cov.achieved).toBe(cov0.achieved + 1);
    expect(cov.value).toBeGreaterThan(cov0.value);
    const graded = await goal('DX_FACILITIES_GRADED');
    expect(graded.total).toBe(graded0.total + 1);
    const r = await s.gql(
      `mutation($i: InspectFacilityInput!) { inspectFacility(input: $i) { id grade } }`,
      { i: { facilityId: id, inspectedOn: '2025-11-12', grade: '三星' } },
      t.district,
    );
    expect(r.errors).toBeUndefined();
    expect((await goal('DX_FACILITIES_GRADED')).achieved).toBe(graded.achieved + 1);
  });

  it('a 养老顾问 counts toward coverage from the day appointed; a future day or another district is refused', async () => {
    const before = await goal('DX_ADVISOR_COVERAGE');
    const input = { policyCode: DX, communityCode: WJS_COMMUNITY, name: '王顾问', since: '2025-11-13' };
    expect(code(await s.gql(ADVISOR, { i: input }, t.district))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(ADVISOR, { i: { ...input, since: '2025-11-01' } }, t.other))).toBe('FORBIDDEN');
    expect(code(await s.gql(ADVISOR, { i: { ...input, communityCode: '420116001001' } }, t.district))).toBe(
      'FORBIDDEN',
    );
    expect((await goal('DX_ADVISOR_COVERAGE')).achieved).toBe(before.achieved);
    const r = await s.gql(ADVISOR, { i: { ...input, since: '2025-11-01' } }, t.district);
    expect(r.data?.appointCareAdvisor).toMatchObject({ name: '王顾问', since: '2025-11-01' });
    const after = await goal('DX_ADVISOR_COVERAGE');
    expect(after.achieved).toBe(before.achieved + 1);
    const street = after.streets.find((x) => x.code === WUJIASHAN)!;
    expect(street.communities.find((c: any) => c.code === WJS_COMMUNITY)).toMatchObject({ achieved: 1, met: true });
  });

  it('health management counts elders 65 and over only (002 二(四)11)', async () => {
    const young = await registeredElder(s, WJS_COMMUNITY, '1965-01-01');
    const old = await registeredElder(s, WJS_COMMUNITY, '1950-01-01');
    const before = await goal('DX_HEALTH_MANAGEMENT');
    expect(before.total).toBeGreaterThanOrEqual(1);
    const rec = (elderId: string, since = '2025-11-10') =>
      s.gql(HEALTH, { i: { elderId, institution: '吴家山街社区卫生服务中心', since } }, t.district);
    expect(code(await rec(old, '2025-12-01'))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(HEALTH, { i: { elderId: old, institution: ' ', since: '2025-11-10' } }, t.district))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await rec(old).then(() => rec(old)))).toBe('INVALID_STATE');
    expect(code(await rec(young))).toBeUndefined();
    const after = await goal('DX_HEALTH_MANAGEMENT');
    // The 55-year-old is under management but outside the 65+ share.
    expect(after).toMatchObject({ achieved: before.achieved + 1, total: before.total });
  });
});

describe('trend and the at-risk rule (002 三(一); threshold assumed)', () => {
  it('says the rule and its assumed threshold, and lists the targets behind an even pace', async () => {
    const g = await goals();
    expect(g).toMatchObject({ atRiskShortfallPercent: 10, atRiskAssumed: true, asOf: '2025-11-12' });
    expect(g.atRiskRule).toMatch(/均匀进度超过 10 个百分点/);
    // From 2024-08-01 to 2026-12-31 an even pace is past half by 2025-11-12; most streets have no hub.
    const hub = g.goals.find((x) => x.code === 'DX_STREET_HUB')!;
    expect(hub.expectedPercent).toBeGreaterThan(50);
    expect(hub.status).toBe('AT_RISK');
    expect(g.atRisk.map((x) => x.code)).toContain('DX_STREET_HUB');
  });

  it('a month later the trend shows November as it ended and December to date', async () => {
    now = new Date('2025-12-10T10:00:00+08:00');
    const hub = (await goals(t.district, 3)).goals.find((x) => x.code === 'DX_STREET_HUB')!;
    expect(hub.trend.map((p: any) => p.month)).toEqual(['2025-10', '2025-11', '2025-12']);
    // The hub accepted on 2025-11-12 counts from November on (the demo seed's hubs count in every month).
    expect(hub.trend[1].value).toBe(hub.trend[0].value + 1);
    expect(hub.trend[2].value).toBe(hub.trend[1].value);
    now = new Date('2026-01-05T10:00:00+08:00');
    // Past the 2025-12-31 deadline, a coverage target not met is MISSED.
    const cov = (await goals()).goals.find((x) => x.code === 'DX_COMMUNITY_COVERAGE')!;
    expect(cov.status).toBe('MISSED');
  });
});
