// Ending service as the sources say, through GraphQL with the real roles: a termination request
// passes the community's and then the street's review (000 附件3) before it takes effect; Huangpi
// stops service from next month (000 六·流程5), so until the last day the elder still orders and
// is called; Yangcheng's death ends service at once (001 八(一)2), fast-tracked as a fact on record.
// Then the Yangcheng rules on the enrolment's side: 4 hours in at least two visits (001 三(三)), and
// no enrolment starting after the 2026 programme's last day unless a successor carries it.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import type { DomainEvents } from '../common/events.js';
import { syncPolicies } from '../catalogue/catalogue.service.js';
import { generateCallTasks } from '../outreach/outreach.service.js';
import { policyByCode } from '../policies/documents/index.js';
import { makeIdNumber } from '../testing/ids.js';
import { ledgerViolations } from '../wallet/ledger.service.js';

let t: TestServer;
const tok: Record<string, string> = {};
// The app clock, from before the seed: Wednesday 18 November 2026, away from the month's end
// until the test moves it there.
let now = new Date('2026-11-18T10:00:00+08:00');
const at = (iso: string) => new Date(iso).toISOString();
const terminated: DomainEvents['enrolment.terminated'][] = [];
let seq = 0;

beforeAll(async () => {
  t = await startTestServer({}, { clock: () => now });
  t.app.services.events.on('enrolment.terminated', (e) => void terminated.push(e));
  for (const u of [
    'worker',
    'worker2',
    'street_officer',
    'district_admin',
    'operator',
    'yc_worker',
    'yc_street_officer',
    'yc_admin',
    'family',
  ])
    tok[u] = await t.login(u);
});
afterAll(async () => t?.close());

const REQ_FIELDS =
  'id status stage reason fastTracked lastServiceDay note reviews { stage decision comment reviewer { displayName } }';
const REQUEST = `mutation($e: ID!, $r: TerminationReason!, $n: String) { requestTermination(elderId: $e, reason: $r,
  note: $n) { ${REQ_FIELDS} } }`;
const REVIEW = `mutation($id: ID!, $d: ReviewDecision!, $c: String) { reviewTermination(id: $id, decision: $d,
  comment: $c) { ${REQ_FIELDS} } }`;
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id status } }`;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

/** Row counts of everything a refused request could have touched. */
const counts = async () => {
  const p = t.db.prisma;
  return [
    await p.terminationRequest.count(),
    await p.terminationReview.count(),
    await p.enrolment.count({ where: { status: 'TERMINATED' } }),
    await p.auditLog.count(),
    terminated.length,
  ];
};
const place = (
  elderId: string,
  scheduledAt: string,
  token = tok.family!,
  serviceCode = 'HP_HEALTH_CHECK',
  quantity = 1,
) =>
  t.gql<{ placeOrder: { id: string; status: string } }>(
    PLACE,
    { i: { elderId, serviceCode, quantity, scheduledAt, idempotencyKey: `termination-test-${seq++}` } },
    token,
  );
const linkedElders = async () =>
  (
    await t.db.prisma.user.findUniqueOrThrow({
      where: { username: 'family' },
      include: { familyLinks: { orderBy: { elderId: 'asc' } } },
    })
  ).familyLinks.map((l) => l.elderId);
/** The n-th enrolled elder of the Yangcheng worker's community. */
const ycElder = async (n: number) => {
  const w = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_worker' } });
  return (
    await t.db.prisma.elder.findMany({
      where: { communityId: w.regionId!, status: 'ENROLLED' },
      orderBy: { id: 'asc' },
      take: n + 1,
    })
  )[n]!.id;
};

describe('黄陂区: 终止表 reviewed by community then street (000 附件3), service to the month end (000 六·流程5)', () => {
  it('refuses what is not for the caller or the programme, and changes nothing', async () => {
    const [elderId] = await linkedElders();
    const before = await counts();
    expect(code(await t.gql(REQUEST, { e: elderId, r: 'GAVE_UP' }, tok.family))).toBe('FORBIDDEN');
    // another community
    expect(code(await t.gql(REQUEST, { e: elderId, r: 'GAVE_UP' }, tok.worker2))).toBe('FORBIDDEN');
    const unlisted = await t.gql(REQUEST, { e: elderId, r: 'CASHED_OUT' }, tok.worker); // a Yangcheng reason only
    expect(code(unlisted)).toBe('BAD_USER_INPUT');
    expect(unlisted.errors![0]!.message).toMatch(/可选：户籍迁出、死亡/);
    // fast-track needs its proof in the note
    expect(code(await t.gql(REQUEST, { e: elderId, r: 'DIED' }, tok.worker))).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('a request waits for both reviews with their opinions, then ends service at the month end', async () => {
    const [elderId] = await linkedElders();
    // Booked before the exit: one inside the month, one after its end.
    const inside = await place(elderId!, at('2026-11-25T09:00:00+08:00'));
    const after = await place(elderId!, at('2026-12-05T09:00:00+08:00'));
    expect([inside.errors, after.errors]).toEqual([undefined, undefined]);

    // the hotline hears of it first (000 六·流程5)
    const r = await t.gql(REQUEST, { e: elderId, r: 'GAVE_UP', n: '老人自愿放弃，家属签字' }, tok.operator);
    expect(r.errors).toBeUndefined();
    const req = r.data!.requestTermination;
    expect(req).toMatchObject({
      status: 'PENDING',
      stage: 'COMMUNITY_REVIEW',
      fastTracked: false,
      lastServiceDay: null,
    });
    // Nothing has ended yet: the enrolment serves, no event went out.
    expect((await t.db.prisma.enrolment.findFirstOrThrow({ where: { elderId } })).status).toBe('ACTIVE');
    expect(terminated.some((e) => e.elderId === elderId)).toBe(false);

    const before = await counts();
    // one under review already
    expect(code(await t.gql(REQUEST, { e: elderId, r: 'GAVE_UP', n: '再报一次' }, tok.worker))).toBe('INVALID_STATE');
    expect(code(await t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: '同意' }, tok.street_officer))).toBe(
      'INVALID_STATE',
    ); // the community's stage
    // not their community
    expect(code(await t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: '同意' }, tok.worker2))).toBe('FORBIDDEN');
    expect(code(await t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: '同意' }, tok.family))).toBe('FORBIDDEN');
    // 附件3: an opinion each
    expect(code(await t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: '  ' }, tok.worker))).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);

    const community = await t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: '经上门核实，老人本人自愿放弃' }, tok.worker);
    expect(community.data!.reviewTermination).toMatchObject({ status: 'PENDING', stage: 'STREET_REVIEW' });
    expect(code(await t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: '再审一次' }, tok.worker))).toBe('INVALID_STATE');
    expect((await t.db.prisma.enrolment.findFirstOrThrow({ where: { elderId } })).status).toBe('ACTIVE');

    const street = await t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: '同意终止' }, tok.street_officer);
    expect(street.errors).toBeUndefined();
    expect(street.data!.reviewTermination).toMatchObject({
      status: 'APPROVED',
      stage: 'DONE',
      lastServiceDay: '2026-11-30',
    });
    expect(
      street.data!.reviewTermination.reviews.map((x: { stage: string; comment: string }) => [x.stage, x.comment]),
    ).toEqual([
      ['COMMUNITY_REVIEW', '经上门核实，老人本人自愿放弃'],
      ['STREET_REVIEW', '同意终止'],
    ]);
    const enrolment = await t.db.prisma.enrolment.findFirstOrThrow({ where: { elderId } });
    expect([enrolment.status, enrolment.endedOn?.toISOString().slice(0, 10), enrolment.terminationReason]).toEqual([
      'TERMINATED',
      '2026-11-30',
      'GAVE_UP',
    ]);
    expect(enrolment.serviceEndsAt?.toISOString()).toBe(at('2026-12-01T00:00:00+08:00'));
    expect(terminated.filter((e) => e.elderId === elderId)).toMatchObject([
      { reason: 'GAVE_UP', lastServiceDay: '2026-11-30' },
    ]);
    expect(code(await t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: '同意' }, tok.street_officer))).toBe(
      'INVALID_STATE',
    );

    // The visit after the last day is cancelled and its hold released; the one before stays booked, its hold kept for
    // the charge.
    const [kept, dropped] = await Promise.all(
      [inside, after].map((o) =>
        t.db.prisma.order.findUniqueOrThrow({ where: { id: o.data!.placeOrder.id }, include: { holds: true } }),
      ),
    );
    expect([kept!.status, dropped!.status]).toEqual(['PLACED', 'CANCELLED']);
    expect(kept!.holds.filter((h) => h.status === 'ACTIVE').length).toBeGreaterThan(0);
    expect(dropped!.holds.every((h) => h.status !== 'ACTIVE')).toBe(true);

    // Until the last day the elder can still order (000 六·流程5 从下月起终止), but not for after it.
    expect((await place(elderId!, at('2026-11-28T09:00:00+08:00'))).errors).toBeUndefined();
    const late = await place(elderId!, at('2026-12-02T09:00:00+08:00'));
    expect(code(late)).toBe('BAD_USER_INPUT');
    expect(late.errors![0]!.message).toMatch(/2026-11-30 终止/);

    // And is still called: Monday 23 November's care calls include the elder, Monday 7 December's do not.
    await generateCallTasks(t.db.prisma, new Date('2026-11-23T07:00:00+08:00'));
    await generateCallTasks(t.db.prisma, new Date('2026-12-07T07:00:00+08:00'));
    const calls = await t.db.prisma.callTask.findMany({ where: { elderId, kind: 'PHONE_CARE' } });
    const inWeek = (from: string, to: string) =>
      calls.some(
        (c) =>
          c.scheduledFor >= new Date(`${from}T00:00:00+08:00`) && c.scheduledFor < new Date(`${to}T00:00:00+08:00`),
      );
    expect(inWeek('2026-11-23', '2026-11-24')).toBe(true);
    expect(inWeek('2026-12-01', '2027-01-01')).toBe(false);
    expect(await ledgerViolations(t.db.prisma)).toEqual([]);
  });

  it('a rejection closes the request with its reason and service goes on', async () => {
    const [, elderId] = await linkedElders();
    const req = (await t.gql(REQUEST, { e: elderId, r: 'NO_LONGER_ELIGIBLE', n: '家属反映已有退休金' }, tok.worker))
      .data!.requestTermination;
    const r = await t.gql(REVIEW, { id: req.id, d: 'REJECT', c: '经核实仍为低保对象，继续服务' }, tok.worker);
    expect(r.data!.reviewTermination).toMatchObject({ status: 'REJECTED', stage: 'COMMUNITY_REVIEW' });
    expect((await t.db.prisma.enrolment.findFirstOrThrow({ where: { elderId } })).status).toBe('ACTIVE');
    expect(code(await t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: '同意' }, tok.worker))).toBe('INVALID_STATE');
    // A new request may be filed once the old one is closed; the list shows the official both.
    expect(
      (await t.gql(REQUEST, { e: elderId, r: 'NO_LONGER_ELIGIBLE', n: '复核' }, tok.worker)).errors,
    ).toBeUndefined();
    const list = await t.gql(
      'query { terminationRequests(first: 100) { totalCount edges { node { elder { id } status } } } }',
      {},
      tok.worker,
    );
    expect(
      list
        .data!.terminationRequests.edges.filter((e: { node: { elder: { id: string } } }) => e.node.elder.id === elderId)
        .map((e: { node: { status: string } }) => e.node.status)
        .sort(),
    ).toEqual(['PENDING', 'REJECTED']);
    const other = await t.gql('query { terminationRequests(first: 100) { totalCount } }', {}, tok.worker2);
    expect(other.data!.terminationRequests.totalCount).toBe(0);
    expect(code(await t.gql('query { terminationRequests(first: 10) { totalCount } }', {}, tok.family))).toBe(
      'FORBIDDEN',
    );
  });

  it('terminateEnrolment files the same request and leaves service running until it is reviewed', async () => {
    const third = (await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'elder' } })).elderId!;
    const r = await t.gql(
      `mutation($e: ID!) { terminateEnrolment(elderId: $e, reason: MISSING, note: "走失三个月") { status endedOn } }`,
      { e: third },
      tok.worker,
    );
    expect(r.data!.terminateEnrolment).toEqual({ status: 'ACTIVE', endedOn: null });
    expect(
      await t.db.prisma.terminationRequest.count({
        where: { elderId: third, status: 'PENDING', stage: 'COMMUNITY_REVIEW' },
      }),
    ).toBe(1);
  });

  it('two street officers approving at once: one decides, the other is told, and the exit happens once', async () => {
    const third = (await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'elder' } })).elderId!;
    const req = await t.db.prisma.terminationRequest.findFirstOrThrow({ where: { elderId: third, status: 'PENDING' } });
    expect(
      (await t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: '走失已报警，家属确认' }, tok.worker)).errors,
    ).toBeUndefined();
    const results = await Promise.all(
      [1, 2].map((i) => t.gql(REVIEW, { id: req.id, d: 'APPROVE', c: `同意（${i}）` }, tok.street_officer)),
    );
    expect(results.map((r) => r.data?.reviewTermination?.status ?? code(r)).sort()).toEqual([
      'APPROVED',
      'INVALID_STATE',
    ]);
    expect(await t.db.prisma.terminationReview.count({ where: { requestId: req.id } })).toBe(2);
    expect(terminated.filter((e) => e.elderId === third).length).toBe(1);
    expect(await ledgerViolations(t.db.prisma)).toEqual([]);
  });
});

describe('阳城县: death ends service at once (001 八(一)2); four hours in at least two visits (001 三(三))', () => {
  it('one visit may book at most 3 of the 4 monthly hours; the rest takes another visit', async () => {
    const elderId = await ycElder(0);
    const before = await t.db.prisma.order.count();
    const whole = await place(elderId, at('2026-11-20T09:00:00+08:00'), tok.yc_worker!, 'YC_CLEANING', 4);
    expect(code(whole)).toBe('BAD_USER_INPUT');
    expect(whole.errors![0]!.message).toMatch(/分 2 次以上.*001 三\(三\).*最多预约 3 小时/);
    expect(await t.db.prisma.order.count()).toBe(before);
    const first = await place(elderId, at('2026-11-20T09:00:00+08:00'), tok.yc_worker!, 'YC_CLEANING', 3);
    expect(first.errors).toBeUndefined();
    const second = await place(elderId, at('2026-11-24T09:00:00+08:00'), tok.yc_worker!, 'YC_COMFORT', 1);
    expect(second.errors).toBeUndefined();
    // Cancelled again, so the month's hours are free for the next test's elder (the community has one).
    const cancel = 'mutation($o: ID!) { cancelOrder(orderId: $o, reason: "测试后取消") { status } }';
    for (const o of [first, second])
      expect((await t.gql(cancel, { o: o.data!.placeOrder.id }, tok.yc_worker)).errors).toBeUndefined();
    expect(await ledgerViolations(t.db.prisma)).toEqual([]);
  });

  it('a death is fast-tracked: it takes effect when filed, and the elder cannot order after', async () => {
    const elderId = await ycElder(0);
    const booked = await place(elderId, at('2026-11-21T09:00:00+08:00'), tok.yc_worker!, 'YC_COMFORT', 1);
    expect(booked.errors?.[0]?.message).toBeUndefined();
    const r = await t.gql(REQUEST, { e: elderId, r: 'DIED', n: '死亡医学证明（编号 2026-1118）' }, tok.yc_worker);
    expect(r.errors).toBeUndefined();
    expect(r.data!.requestTermination).toMatchObject({
      status: 'APPROVED',
      stage: 'DONE',
      fastTracked: true,
      lastServiceDay: '2026-11-18',
      reviews: [],
    });
    const enrolment = await t.db.prisma.enrolment.findFirstOrThrow({ where: { elderId } });
    expect([enrolment.status, enrolment.serviceEndsAt?.toISOString()]).toEqual(['TERMINATED', now.toISOString()]);
    expect((await t.db.prisma.elder.findUniqueOrThrow({ where: { id: elderId } })).status).toBe('DECEASED');
    expect((await t.db.prisma.order.findUniqueOrThrow({ where: { id: booked.data!.placeOrder.id } })).status).toBe(
      'CANCELLED',
    );
    now = new Date(now.getTime() + 60_000);
    expect(code(await place(elderId, at('2026-11-19T09:00:00+08:00'), tok.yc_worker!, 'YC_COMFORT', 1))).toBe(
      'NOT_ELIGIBLE',
    );
    expect(await ledgerViolations(t.db.prisma)).toEqual([]);
  });
});

describe('阳城县 2026 ends on 2026-12-31: no enrolment starts after it', () => {
  const REGISTER = 'mutation($i: RegisterElderInput!) { registerElder(input: $i) { id } }';
  const SUBMIT = 'mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { id stage } }';
  const DECIDE =
    'mutation($id: ID!, $c: String) { reviewApplication(id: $id, decision: APPROVE, comment: $c) { id status stage } }';

  it(
    'an approval in December is refused with the reason, and carried over once a successor is ' + 'configured',
    async () => {
      now = new Date('2026-12-10T10:00:00+08:00');
      const community = (await t.gql('{ me { region { code } } }', {}, tok.yc_worker)).data!.me.region.code as string;
      const reg = await t.gql(
        REGISTER,
        {
          i: {
            name: '跨年老人',
            birthDate: '1940-04-04',
            idNumber: makeIdNumber('1940-04-04', 'FEMALE', community.slice(0, 6)),
            communityCode: community,
            address: '凤城路 2 号',
            flags: ['LOW_INCOME'],
          },
        },
        tok.yc_worker,
      );
      const elderId = reg.data!.registerElder.id;
      const app = (await t.gql(SUBMIT, { i: { elderId, policyCode: 'YANGCHENG_2026' } }, tok.yc_admin)).data!
        .submitApplication;
      expect(app.stage).toBe('DISTRICT_FILING'); // registry screening (001 七(一))
      const enrolmentsBefore = await t.db.prisma.enrolment.count();
      const refused = await t.gql(DECIDE, { id: app.id, c: '纳入台账' }, tok.yc_admin);
      expect(code(refused)).toBe('PROGRAMME_ENDED');
      expect(refused.errors![0]!.message).toMatch(/2026-12-31 结束.*2027-01-01 开始/);
      expect(await t.db.prisma.enrolment.count()).toBe(enrolmentsBefore);
      expect((await t.db.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe('PENDING');

      // The county configures the 2027 plan as the successor (same rules, its own year).
      const y2026 = policyByCode('YANGCHENG_2026')!;
      const y2027 = {
        ...y2026,
        code: 'YANGCHENG_2027',
        name: '阳城县 2027 年政府购买居家养老服务',
        effective: { from: '2027-01-01', to: '2027-12-31' },
      };
      await syncPolicies(t.db.prisma, [
        { ...y2026, successor: { code: 'YANGCHENG_2027', source: '001 一', assumed: true } },
        y2027,
      ]);
      const carried = await t.gql(DECIDE, { id: app.id, c: '纳入台账' }, tok.yc_admin);
      expect(carried.errors).toBeUndefined();
      expect(carried.data!.reviewApplication.status).toBe('APPROVED');
      const enrolment = await t.db.prisma.enrolment.findFirstOrThrow({ where: { elderId }, include: { policy: true } });
      expect([enrolment.policy.code, enrolment.startedOn.toISOString().slice(0, 10)]).toEqual([
        'YANGCHENG_2027',
        '2027-01-01',
      ]);
      expect(enrolment.noticeLetter).toMatch(/2027/);
    },
  );
});
