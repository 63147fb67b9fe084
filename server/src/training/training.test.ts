// Training and events (issue 21; 002 二(二)6, 二(五)15, 二(七)20/22) on a real server: smart-technology
// sessions whose attendees count toward the 万名老年人 target, anti-fraud education announced to families
// through notices, and family-carer training with its subsidy 按规定 (pendingSource). A record for an elder
// outside the district is ELDER_OUTSIDE_PROGRAMME and writes nothing. November 2026.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DX, WJS_COMMUNITY, dongxihuAccounts, registeredElder } from '../goals/goals.fixtures.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
const now = new Date('2026-11-10T10:00:00+08:00');
let t: Awaited<ReturnType<typeof dongxihuAccounts>>;
const ids: Record<string, string> = {};
const counts = { sessions: 0, attendance: 0 };
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

const SESSION = `mutation($i: TrainingSessionInput!) { createTrainingSession(input: $i) { id kind heldOn attendees } }`;
const ATTEND = `mutation($s: ID!, $e: [ID!]!) { recordTrainingAttendance(sessionId: $s, elderIds: $e) {
  id attendees } }`;
const ANNOUNCE = `mutation($s: ID!) { announceTrainingSession(sessionId: $s) }`;
const CARER = `mutation($i: CarerTrainingInput!) { recordCarerTraining(input: $i) {
  id elderId course minutes completedOn certificateNo subsidyFen subsidyPendingSource subsidySource } }`;
const GOALS = `query { programmeGoals(policyCode: "${DX}", months: 1) { goals { code achieved progressPercent } } }`;

const session = (over: Record<string, unknown> = {}) => ({
  policyCode: DX,
  kind: 'SMART_TECH',
  title: '智能手机使用与防诈骗',
  communityCode: WJS_COMMUNITY,
  heldOn: '2026-11-09',
  minutes: 90,
  ...over,
});
const trained = async () =>
  (await s.gql(GOALS, {}, t.district)).data!.programmeGoals.goals.find((g: any) => g.code === 'DX_SMART_TRAINING');

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  t = await dongxihuAccounts(s);
  ids.a = await registeredElder(s, WJS_COMMUNITY, '1948-02-02', '培训老人甲');
  ids.b = await registeredElder(s, WJS_COMMUNITY, '1950-03-03', '培训老人乙');
  ids.outside = await registeredElder(s, '420116001001', '1949-04-04', '黄陂老人');
  counts.sessions = await s.db.prisma.trainingSession.count();
  counts.attendance = await s.db.prisma.trainingAttendance.count();
}, 120_000);
afterAll(() => s?.close());

describe('smart-technology training counts toward the 10,000 target (002 二(五)15)', () => {
  it('refuses a family-carer kind, a future day and another district', async () => {
    expect(code(await s.gql(SESSION, { i: session({ kind: 'FAMILY_CARER' }) }, t.district))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(SESSION, { i: session({ heldOn: '2026-11-11' }) }, t.district))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(SESSION, { i: session() }, t.other))).toBe('FORBIDDEN');
    expect(await s.db.prisma.trainingSession.count()).toBe(counts.sessions);
  });

  it('an attendee outside the district refuses the whole list; each elder counts once', async () => {
    const before = await trained();
    const r = await s.gql(SESSION, { i: session() }, t.worker);
    ids.session = r.data!.createTrainingSession.id;
    const out = await s.gql(ATTEND, { s: ids.session, e: [ids.a, ids.outside] }, t.worker);
    expect(code(out)).toBe('ELDER_OUTSIDE_PROGRAMME');
    expect(out.errors![0]!.message).toMatch(/黄陂老人不住在武汉市东西湖区/);
    expect(await s.db.prisma.trainingAttendance.count()).toBe(counts.attendance);
    const ok = await s.gql(ATTEND, { s: ids.session, e: [ids.a, ids.b] }, t.worker);
    expect(ok.data?.recordTrainingAttendance.attendees).toBe(2);
    expect(
      (await s.gql(ATTEND, { s: ids.session, e: [ids.a] }, t.worker)).data?.recordTrainingAttendance.attendees,
    ).toBe(2);
    const after = await trained();
    expect(after.achieved).toBe(before.achieved + 2);
  });
});

describe('anti-fraud education announced to families (002 二(七)22, 二(六)17)', () => {
  it('sends one notice to each family member of the community’s elders, once', async () => {
    const family = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' } });
    await s.db.prisma.familyLink.create({ data: { elderId: ids.a, userId: family.id, relation: '子女' } });
    const r = await s.gql(SESSION, { i: session({ kind: 'ANTI_FRAUD', title: '识骗防骗讲座' }) }, t.district);
    const id = r.data!.createTrainingSession.id;
    expect(code(await s.gql(ANNOUNCE, { s: id }, t.other))).toBe('FORBIDDEN');
    expect((await s.gql(ANNOUNCE, { s: id }, t.district)).data?.announceTrainingSession).toBe(1);
    expect((await s.gql(ANNOUNCE, { s: id }, t.district)).data?.announceTrainingSession).toBe(0);
    const notice = await s.db.prisma.notice.findFirstOrThrow({ where: { userId: family.id, kind: 'EVENT_NOTICE' } });
    expect(notice.body).toMatch(/识骗防骗讲座/);
  });
});

describe('family-carer training (002 二(二)6)', () => {
  const carer = (over: Record<string, unknown> = {}) => ({
    policyCode: DX,
    elderId: ids.a,
    traineeName: '李女士',
    relation: '女儿',
    course: '失能老人移位与防压疮',
    minutes: 480,
    completedOn: '2026-11-08',
    certificateNo: 'DXHZ-2026-001',
    ...over,
  });
  it('an elder outside the district is ELDER_OUTSIDE_PROGRAMME and nothing is written', async () => {
    expect(code(await s.gql(CARER, { i: carer({ elderId: ids.outside }) }, t.district))).toBe(
      'ELDER_OUTSIDE_PROGRAMME',
    );
    expect(code(await s.gql(CARER, { i: carer({ minutes: 0 }) }, t.district))).toBe('BAD_USER_INPUT');
    expect(await s.db.prisma.carerTraining.count()).toBe(0);
  });
  it('records trainee, elder, course, hours, certificate; the subsidy is pendingSource', async () => {
    const r = await s.gql(CARER, { i: carer() }, t.worker);
    expect(r.data?.recordCarerTraining).toMatchObject({
      elderId: ids.a,
      minutes: 480,
      completedOn: '2026-11-08',
      certificateNo: 'DXHZ-2026-001',
      subsidyFen: null,
      subsidyPendingSource: true,
      subsidySource: '002 二(二)6',
    });
    expect(code(await s.gql(CARER, { i: carer() }, t.worker))).toBe('INVALID_STATE');
    expect(await s.db.prisma.carerTraining.count()).toBe(1);
  });
});
