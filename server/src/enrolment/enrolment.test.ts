// Both programmes end to end through GraphQL with the real roles: application, staged reviews,
// 公示 with an objection, rejection, enrolment with its 告知书, termination.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../common/events.js';
import { todayInShanghai } from '../common/calendar.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { makeIdNumber } from '../testing/ids.js';

let t: TestServer;
const tok: Record<string, string> = {};
// The app clock, from before the seed: the reviews, 公示 and termination walk through late
// November 2026 on this calendar, whatever the machine's date.
let now = new Date('2026-11-10T10:00:00+08:00');
const terminated: DomainEvents['enrolment.terminated'][] = [];

beforeAll(async () => {
  t = await startTestServer({}, { clock: () => now });
  t.app.services.events.on('enrolment.terminated', (e) => void terminated.push(e));
  for (const u of [
    'worker',
    'worker2',
    'street_officer',
    'district_admin',
    'yc_worker',
    'yc_street_officer',
    'yc_admin',
    'family',
    'qa',
  ])
    tok[u] = await t.login(u);
});
afterAll(async () => t?.close());

const APP_FIELDS =
  'id status stage category noticeEndsAt eligibilityExplanation reviews { stage decision comment reviewer { ' +
  'displayName } at } objections { id reason dismissedAt }';
const SUBMIT = `mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { ${APP_FIELDS} } }`;
const REVIEW = `mutation($id: ID!, $d: ReviewDecision!, $c: String) { reviewApplication(id: $id, decision: $d,
  comment: $c) { ${APP_FIELDS} } }`;
const OBJECT = `mutation($id: ID!, $r: String!) { objectToApplication(id: $id, reason: $r) { id reason byName
  dismissedAt } }`;
const DISMISS = `mutation($id: ID!, $r: String!) { dismissObjection(objectionId: $id, reason: $r) { ${APP_FIELDS} } }`;
const TERMINATE = `mutation($e: ID!, $r: TerminationReason!, $n: String) { terminateEnrolment(elderId: $e, reason: $r,
  note: $n) { status endedOn terminationReason } }`;
const ELDER = `query($id: ID!) { elder(id: $id) { status enrolment { status category startedOn endedOn noticeLetter
  policy { code } } } }`;
const REGISTER = 'mutation($i: RegisterElderInput!) { registerElder(input: $i) { id } }';

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const communityOf = async (user: string) =>
  (await t.gql('{ me { region { code } } }', {}, tok[user])).data!.me.region.code as string;

async function register(user: string, birth: string, flags: string[], extra: Record<string, unknown> = {}) {
  const region = (await communityOf(user)).slice(0, 6);
  const r = await t.gql(
    REGISTER,
    {
      i: {
        name: '测试老人',
        birthDate: birth,
        idNumber: makeIdNumber(birth, 'FEMALE', region),
        communityCode: await communityOf(user),
        address: '幸福路 1 号',
        flags,
        ...extra,
      },
    },
    tok[user],
  );
  expect(r.errors).toBeUndefined();
  return r.data!.registerElder.id as string;
}

const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const counts = async () => ({
  apps: await t.db.prisma.application.count(),
  reviews: await t.db.prisma.applicationReview.count(),
  enrolments: await t.db.prisma.enrolment.count(),
  audit: await t.db.prisma.auditLog.count(),
});

describe('黄陂区: community review → 公示 → street approval → district filing', () => {
  let elderId: string;
  let appId: string;

  it('a worker applies for a 低保 elder as agent; the rules pick the category', async () => {
    elderId = await register('worker', '1955-04-10', ['LOW_INCOME']);
    const r = await t.gql(
      SUBMIT,
      {
        i: {
          elderId,
          policyCode: 'HUANGPI_2020',
          requestedServices: ['助洁', '助餐'],
          agentName: '刘敏',
          agentRelation: '社区工作人员',
          agentPhone: '13871234567',
        },
      },
      tok.worker,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.submitApplication).toMatchObject({
      status: 'PENDING',
      stage: 'COMMUNITY_REVIEW',
      category: 'HP_LOW_INCOME',
    });
    expect(r.data!.submitApplication.eligibilityExplanation).toMatch(/低保/);
    appId = r.data!.submitApplication.id;
  });

  it('refuses a second application for the same programme and changes nothing', async () => {
    const before = await counts();
    const r = await t.gql(SUBMIT, { i: { elderId, policyCode: 'HUANGPI_2020' } }, tok.worker);
    expect(code(r)).toBe('INVALID_STATE');
    expect(r.errors![0].message).toMatch(/正在办理/);
    expect(await counts()).toEqual(before);
  });

  it('refuses reviews out of order, by the wrong role or from another community', async () => {
    const before = await counts();
    expect(code(await t.gql(REVIEW, { id: appId, d: 'APPROVE' }, tok.street_officer))).toBe('FORBIDDEN');
    expect(code(await t.gql(REVIEW, { id: appId, d: 'APPROVE' }, tok.district_admin))).toBe('FORBIDDEN');
    expect(code(await t.gql(REVIEW, { id: appId, d: 'APPROVE' }, tok.worker2))).toBe('FORBIDDEN');
    expect(code(await t.gql(REVIEW, { id: appId, d: 'REJECT' }, tok.worker))).toBe('BAD_USER_INPUT'); // no reason
    expect(await counts()).toEqual(before);
  });

  it('the community approves and the application goes on public notice for the configured 7 days', async () => {
    const r = await t.gql(REVIEW, { id: appId, d: 'APPROVE', c: '材料齐全，符合第一类' }, tok.worker);
    expect(r.data!.reviewApplication.stage).toBe('PUBLIC_NOTICE');
    expect(new Date(r.data!.reviewApplication.noticeEndsAt).getTime() - now.getTime()).toBe(7 * 86_400_000);
    const early = await t.gql(REVIEW, { id: appId, d: 'APPROVE' }, tok.worker);
    expect(code(early)).toBe('INVALID_STATE');
    expect(early.errors![0].message).toMatch(/公示期/);
  });

  it('an objection during the notice stops approval until the community has checked it', async () => {
    const o = await t.gql(OBJECT, { id: appId, r: '该老人子女收入较高，家庭不符合低保条件' }, tok.worker2);
    expect(o.data!.objectToApplication).toMatchObject({
      reason: '该老人子女收入较高，家庭不符合低保条件',
      dismissedAt: null,
    });
    now = days(8);
    expect(code(await t.gql(OBJECT, { id: appId, r: '公示结束后的异议' }, tok.worker2))).toBe('INVALID_STATE');
    const blocked = await t.gql(REVIEW, { id: appId, d: 'APPROVE' }, tok.worker);
    expect(code(blocked)).toBe('INVALID_STATE');
    expect(blocked.errors![0].message).toMatch(/异议/);
    const d = await t.gql(DISMISS, { id: o.data!.objectToApplication.id, r: '经核实，低保证在有效期内' }, tok.worker);
    expect(d.data!.dismissObjection.objections[0].dismissedAt).toBeTruthy();
    const r = await t.gql(REVIEW, { id: appId, d: 'APPROVE', c: '公示期满，异议不成立' }, tok.worker);
    expect(r.data!.reviewApplication.stage).toBe('STREET_REVIEW');
  });

  it('the street approves, the district files, and the enrolment starts next month with its 告知书', async () => {
    const fam = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' } });
    await t.db.prisma.familyLink.create({ data: { elderId, userId: fam.id, relation: '儿子' } });
    expect(
      (await t.gql(REVIEW, { id: appId, d: 'APPROVE', c: '同意' }, tok.street_officer)).data!.reviewApplication.stage,
    ).toBe('DISTRICT_FILING');
    const r = await t.gql(REVIEW, { id: appId, d: 'APPROVE', c: '备案' }, tok.district_admin);
    expect(r.data!.reviewApplication).toMatchObject({ status: 'APPROVED', stage: 'DONE' });
    expect(r.data!.reviewApplication.reviews.map((x: { stage: string }) => x.stage)).toEqual([
      'COMMUNITY_REVIEW',
      'PUBLIC_NOTICE',
      'STREET_REVIEW',
      'DISTRICT_FILING',
    ]);
    expect(r.data!.reviewApplication.reviews[2].reviewer.displayName).toMatch(/周主任/);
    const e = (await t.gql(ELDER, { id: elderId }, tok.worker)).data!.elder;
    expect(e.status).toBe('ENROLLED');
    const [y, m] = todayInShanghai(now).split('-').map(Number);
    expect(e.enrolment.startedOn).toBe(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`);
    expect(e.enrolment.noticeLetter).toMatch(/每月 70 元的政府购买居家线下养老服务/);
    expect(e.enrolment.noticeLetter).toMatch(/每月 30 元的政府购买居家线上养老服务/);
    // The family reads the same letter, and has it in their inbox.
    expect((await t.gql(ELDER, { id: elderId }, tok.family)).data!.elder.enrolment.noticeLetter).toBe(
      e.enrolment.noticeLetter,
    );
    expect(
      await t.db.prisma.notice.count({ where: { userId: fam.id, elderId, kind: 'ENROLMENT_NOTICE_LETTER' } }),
    ).toBe(1);
    const trail = await t.db.prisma.auditLog.findMany({ where: { entityId: appId }, orderBy: { at: 'asc' } });
    expect(trail.map((a) => a.action)).toEqual([
      'APPLICATION_SUBMITTED',
      'APPLICATION_APPROVE',
      'APPLICATION_OBJECTED',
      'OBJECTION_DISMISSED',
      'APPLICATION_APPROVE',
      'APPLICATION_APPROVE',
      'APPLICATION_APPROVE',
    ]);
    expect(trail.every((a) => a.actorId)).toBe(true);
    expect(code(await t.gql(REVIEW, { id: appId, d: 'APPROVE' }, tok.district_admin))).toBe('INVALID_STATE');
  });

  it(
    'termination passes the community and the street (000 附件3), then stops service from next month, tells the' +
      ' wallet and orders, and cannot be repeated',
    async () => {
      const before = terminated.length;
      // not a Huangpi reason
      expect(code(await t.gql(TERMINATE, { e: elderId, r: 'CASHED_OUT' }, tok.worker))).toBe('BAD_USER_INPUT');
      const r = await t.gql(TERMINATE, { e: elderId, r: 'GAVE_UP', n: '老人自愿放弃' }, tok.worker);
      expect(r.errors).toBeUndefined();
      expect(r.data!.terminateEnrolment).toMatchObject({ status: 'ACTIVE', endedOn: null }); // filed, not yet reviewed
      expect(terminated.length).toBe(before);
      const request = await t.db.prisma.terminationRequest.findFirstOrThrow({ where: { elderId, status: 'PENDING' } });
      const REVIEW_T =
        'mutation($id: ID!, $c: String) { reviewTermination(id: $id, decision: APPROVE, comment: $c) ' +
        '{ status stage } }';
      expect((await t.gql(REVIEW_T, { id: request.id, c: '情况属实' }, tok.worker)).data!.reviewTermination.stage).toBe(
        'STREET_REVIEW',
      );
      expect(
        (await t.gql(REVIEW_T, { id: request.id, c: '同意' }, tok.street_officer)).data!.reviewTermination.status,
      ).toBe('APPROVED');
      const [y, m] = todayInShanghai(now).split('-').map(Number);
      const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      const e = (await t.gql(ELDER, { id: elderId }, tok.worker)).data!.elder;
      expect(e.enrolment).toMatchObject({ status: 'TERMINATED', endedOn: monthEnd });
      expect(terminated.length).toBe(before + 1);
      expect(terminated.at(-1)).toMatchObject({ elderId, reason: 'GAVE_UP', lastServiceDay: monthEnd });
      const again = await counts();
      expect(code(await t.gql(TERMINATE, { e: elderId, r: 'GAVE_UP' }, tok.worker))).toBe('INVALID_STATE');
      expect(await counts()).toEqual(again);
      expect(terminated.length).toBe(before + 1);
    },
  );

  it('a rejection carries its reason back to the applicant and the family', async () => {
    const id = await register('worker', '1950-02-02', ['DISABILITY_GRADE_1_2']);
    const fam = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' } });
    await t.db.prisma.familyLink.create({ data: { elderId: id, userId: fam.id, relation: '女儿' } });
    const app = (await t.gql(SUBMIT, { i: { elderId: id, policyCode: 'HUANGPI_2020' } }, tok.family)).data!
      .submitApplication;
    expect(app.category).toBe('HP_DISABILITY_1_2');
    const r = await t.gql(REVIEW, { id: app.id, d: 'REJECT', c: '残疾证已过期，请换证后再申请' }, tok.worker);
    expect(r.data!.reviewApplication.status).toBe('REJECTED');
    const notices = await t.db.prisma.notice.findMany({ where: { userId: fam.id, kind: 'APPLICATION_REJECTED' } });
    expect(notices.some((n) => n.body.includes('残疾证已过期'))).toBe(true);
  });

  it('refuses an elder no category admits, saying why, and writes nothing', async () => {
    const id = await register('worker', '1958-01-01', []);
    const before = await counts();
    const r = await t.gql(SUBMIT, { i: { elderId: id, policyCode: 'HUANGPI_2020' } }, tok.worker);
    expect(code(r)).toBe('NOT_ELIGIBLE');
    expect(r.errors![0].message).toMatch(/不符合任何服务对象类别/);
    expect(await counts()).toEqual(before);
    const other = await t.gql(SUBMIT, { i: { elderId: id, policyCode: 'HUANGPI_2020' } }, tok.worker2);
    expect(code(other)).toBe('FORBIDDEN');
  });
});

describe('阳城县: assessment, no public notice, registry screening, LTC exclusion', () => {
  it('a 低保 elder of 70 needs a professional assessment of 失能 first', async () => {
    const elderId = await register('yc_worker', '1956-03-03', ['LOW_INCOME'], { selfCareAbility: 'DISABLED' });
    const no = await t.gql(SUBMIT, { i: { elderId, policyCode: 'YANGCHENG_2026' } }, tok.yc_worker);
    expect(code(no)).toBe('NOT_ELIGIBLE');
    expect(no.errors![0].message).toMatch(/能力评估/);
    const a = await t.gql(
      'mutation($i: CapabilityAssessmentInput!) { recordCapabilityAssessment(input: $i) { selfCareAbility ' +
        'assessedOn } }',
      {
        i: {
          elderId,
          selfCareAbility: 'DISABLED',
          agency: '阳城县康复评估中心',
          assessorName: '张医生',
          assessedOn: todayInShanghai(now),
        },
      },
      tok.yc_worker,
    );
    expect(a.data!.recordCapabilityAssessment.selfCareAbility).toBe('DISABLED');
    const app = (await t.gql(SUBMIT, { i: { elderId, policyCode: 'YANGCHENG_2026' } }, tok.yc_worker)).data!
      .submitApplication;
    expect(app).toMatchObject({ stage: 'COMMUNITY_REVIEW', category: 'YC_LOW_INCOME_DISABLED_OR_AGED' });
    expect(
      (await t.gql(REVIEW, { id: app.id, d: 'APPROVE', c: '评估合格' }, tok.yc_worker)).data!.reviewApplication.stage,
    ).toBe('STREET_REVIEW');
    expect(
      (await t.gql(REVIEW, { id: app.id, d: 'APPROVE', c: '同意' }, tok.yc_street_officer)).data!.reviewApplication
        .stage,
    ).toBe('DISTRICT_FILING');
    expect(
      (await t.gql(REVIEW, { id: app.id, d: 'APPROVE', c: '纳入台账' }, tok.yc_admin)).data!.reviewApplication.status,
    ).toBe('APPROVED');
    const e = (await t.gql(ELDER, { id: elderId }, tok.yc_worker)).data!.elder;
    expect(e.enrolment.noticeLetter).toMatch(/每月 4 小时.*不超过 35 元.*不能滚存/);
    // 001 八(一)2: death ends service at once.
    // fast-tracked: takes effect when filed
    const r = await t.gql(TERMINATE, { e: elderId, r: 'DIED', n: '死亡医学证明' }, tok.yc_worker);
    expect(r.data!.terminateEnrolment.endedOn).toBe(todayInShanghai(now));
    expect((await t.gql(ELDER, { id: elderId }, tok.yc_worker)).data!.elder.status).toBe('DECEASED');
  });

  it('registry screening lists an 85-year-old 低保 elder, whose application goes straight to the county', async () => {
    const elderId = await register('yc_worker', '1941-05-05', ['LOW_INCOME']);
    const page = async () => {
      const all: { elder: { id: string }; intake: string; category: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const r: {
          data?: {
            screenEligibleElders: { edges: { node: any }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          };
        } = await t.gql(
          'query($p: String!, $a: String) { screenEligibleElders(policyCode: $p, first: 100, after: $a) { ' +
            'totalCount pageInfo { hasNextPage endCursor } edges { node { elder { id } intake category } } } }',
          { p: 'YANGCHENG_2026', a: after },
          tok.yc_admin,
        );
        all.push(...r.data!.screenEligibleElders.edges.map((e) => e.node));
        if (!r.data!.screenEligibleElders.pageInfo.hasNextPage) return all;
        after = r.data!.screenEligibleElders.pageInfo.endCursor;
      }
    };
    const found = (await page()).find((m) => m.elder.id === elderId);
    expect(found).toMatchObject({ intake: 'REGISTRY_SCREENING', category: 'YC_LOW_INCOME_DISABLED_OR_AGED' });
    expect(
      code(await t.gql('query { screenEligibleElders(policyCode: "YANGCHENG_2026") { totalCount } }', {}, tok.family)),
    ).toBe('FORBIDDEN');
    const app = (await t.gql(SUBMIT, { i: { elderId, policyCode: 'YANGCHENG_2026' } }, tok.yc_admin)).data!
      .submitApplication;
    expect(app.stage).toBe('DISTRICT_FILING');
    expect(
      (await t.gql(REVIEW, { id: app.id, d: 'APPROVE', c: '信息库筛选纳入' }, tok.yc_admin)).data!.reviewApplication
        .status,
    ).toBe('APPROVED');
    expect((await page()).some((m) => m.elder.id === elderId)).toBe(false);
  });

  it('long-term care insurance excludes an otherwise eligible elder', async () => {
    const elderId = await register('yc_worker', '1950-07-07', [
      'EXTREME_POVERTY',
      'SCATTERED_SUPPORT',
      'LONG_TERM_CARE_INSURANCE',
    ]);
    const r = await t.gql(
      'query($e: ID!) { checkEligibility(elderId: $e, policyCode: "YANGCHENG_2026") { eligible explanation reasons } }',
      { e: elderId },
      tok.yc_worker,
    );
    expect(r.data!.checkEligibility.eligible).toBe(false);
    expect(r.data!.checkEligibility.explanation).toMatch(/长期护理保险/);
    expect(code(await t.gql(SUBMIT, { i: { elderId, policyCode: 'YANGCHENG_2026' } }, tok.yc_worker))).toBe(
      'NOT_ELIGIBLE',
    );
  });
});
