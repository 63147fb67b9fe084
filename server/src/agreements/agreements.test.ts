// Home-visit agreements of document 004 on a real server: the 24-month term (三(二)), the exempt classes
// A and B (pendingSource), no project agreement after an accepted care bed, street review and district
// filing, and the 30 confirmed visits by 2023-06-30 (Asia/Shanghai, the day included) with a pace alert.
// The visits go through the real order and visit engine (agreements.fixtures.ts): the elder is enrolled
// in WEIHAI_2022 through its workflow, and each visit is booked, assigned, checked in and out at home
// and confirmed by the worker's follow-up call; each goes to the agreement's provider at its price and is
// paid by the project (agreements.visits.test.ts checks the money).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { M, bedWorld } from '../carebeds/carebeds.fixtures.js';
import type { AlertEvent } from '../alerts/index.js';
import { runAlertJobs } from '../app/scheduler.js';
import { ledgerViolations } from '../wallet/index.js';
import { agreementInput as input, visitWorld } from './agreements.fixtures.js';

let now = new Date('2022-11-15T10:00:00+08:00');
let s: TestServer;
let w: Awaited<ReturnType<typeof bedWorld>>;
let elders: string[];
let providerId: string;
let v: Awaited<ReturnType<typeof visitWorld>>;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const message = (r: { errors?: { message: string }[] }) => r.errors?.[0]?.message ?? '';

const AGREEMENT = `id status termMonths elderClass streetOpinion districtOpinion
  progress { confirmed required by met expectedByNow behindPace }`;
const SIGN = `mutation($p: ID!, $input: SignVisitAgreementInput!) { signVisitAgreement(providerId: $p, input: $input) {
  ${AGREEMENT} } }`;
const REVIEW = `mutation($id: ID!, $approved: Boolean!, $opinion: String) {
  reviewVisitAgreement(id: $id, approved: $approved, opinion: $opinion) { ${AGREEMENT} } }`;
const LIST = `query($e: ID!) { visitAgreements(elderId: $e) { ${AGREEMENT} } }`;

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  w = await bedWorld(s);
  elders = await w.eldersIn('371002001001');
  providerId = (await s.db.prisma.provider.findUniqueOrThrow({ where: { code: 'WH-P02' } })).id;
  v = await visitWorld(s, w, (at) => (now = at));
}, 300_000);
afterAll(async () => s?.close());

describe('home-visit agreements (004 三(二), 五(二)3)', () => {
  it('004 三(二): a 23-month agreement for an elder outside classes A and B is refused; 24 is taken', async () => {
    const short = await w.as('wh_worker', SIGN, { p: providerId, input: input(elders[0]!, { termMonths: 23 }) });
    expect(code(short)).toBe('AGREEMENT_TERM_TOO_SHORT');
    expect(message(short)).toBe(
      'A 类、B 类以外的服务对象，签约服务不少于 24 个月（004 三(二)）；本协议 23 个月，请延长后再签订。',
    );
    expect(await s.db.prisma.visitAgreement.count({ where: { elderId: elders[0]! } })).toBe(0);
    // Classes A and B follow another standard (四(二), not in the seed): their term is not checked.
    const classA = await w.as('wh_worker', SIGN, {
      p: providerId,
      input: input(elders[1]!, { termMonths: 12, elderClass: 'CLASS_A' }),
    });
    expect(classA.data?.signVisitAgreement).toMatchObject({ status: 'SIGNED', elderClass: 'CLASS_A' });
  });

  it('五(二)3: street review, then district filing; 不同意 needs a reason, and each level only its own step', async () => {
    const a = w.ok(await w.as('wh_worker', SIGN, { p: providerId, input: input(elders[2]!) }), 'signVisitAgreement');
    expect(code(await w.as('wh_admin', REVIEW, { id: a.id, approved: true }))).toBe('FORBIDDEN');
    expect(code(await w.as('wh_street', REVIEW, { id: a.id, approved: false }))).toBe('BAD_USER_INPUT');
    expect(w.ok(await w.as('wh_street', REVIEW, { id: a.id, approved: true }), 'reviewVisitAgreement').status).toBe(
      'STREET_REVIEWED',
    );
    const filed = w.ok(await w.as('wh_admin', REVIEW, { id: a.id, approved: true }), 'reviewVisitAgreement');
    expect(filed).toMatchObject({ status: 'FILED', streetOpinion: '同意', districtOpinion: '同意备案' });
    expect(code(await w.as('district_admin', LIST, { e: elders[2]! }))).toBe('FORBIDDEN');
  });

  it('004 三(二): an elder whose care bed was accepted gets no project visit agreement', async () => {
    const bed = await w.walk(elders[3]!, 'ACCEPTANCE_REQUESTED');
    w.ok(await w.as('wh_acceptance', M.accept, { id: bed, input: await w.acceptance(bed) }), 'acceptCareBed');
    const r = await w.as('wh_worker', SIGN, { p: providerId, input: input(elders[3]!) });
    expect(code(r)).toBe('HAS_ACCEPTED_CARE_BED');
    expect(message(r)).toMatch(/已建成家庭养老床位.*（004 三\(二\)）/);
    expect(await s.db.prisma.visitAgreement.count({ where: { elderId: elders[3]! } })).toBe(0);
  });

  it('004 三(二): the 30th visit confirmed on 2023-06-30 counts; confirmed on 2023-07-01 it does not', async () => {
    // Two agreement elders, each with 29 real visits (four a month) and a 30th on the evening of
    // 2023-06-30; one is confirmed at 23:59 that day, the other a minute into 2023-07-01 (Asia/Shanghai).
    const onTime = elders[4]!;
    const late = elders[6]!;
    const days = ['03', '10', '17', '24'];
    const months = ['2022-11', '2022-12', '2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];
    const slots = months.flatMap((m) => days.map((d) => new Date(`${m}-${d}T09:00:00+08:00`))).slice(0, 29);
    const ids: Record<string, string> = {};
    for (const elder of [onTime, late]) {
      await v.enrol(elder, new Date('2022-10-28T10:00:00+08:00'));
      now = new Date('2022-10-28T11:00:00+08:00');
      // 五(二)3: signed with WH-P02 (not the zone's provider), reviewed and filed; the visits go to it.
      ids[elder] = await v.agree(elder);
      for (const at of slots) await v.visit(elder, { at });
    }
    now = new Date('2023-03-01T10:00:00+08:00');
    const early = w.ok(await w.as('wh_worker', LIST, { e: onTime }), 'visitAgreements')[0].progress;
    expect(early).toMatchObject({ required: 30, by: '2023-06-30', confirmed: 29, met: false, behindPace: false });
    const evening = new Date('2023-06-30T21:00:00+08:00');
    const last = {
      [onTime]: await v.visit(onTime, { at: evening, confirm: false }),
      [late]: await v.visit(late, { at: evening, confirm: false }),
    };
    const inTime = await v.confirm(last[onTime]!, new Date('2023-06-30T23:59:00+08:00'));
    const tooLate = await v.confirm(last[late]!, new Date('2023-07-01T00:01:00+08:00'));
    expect([inTime.status, tooLate.status]).toEqual(['CONFIRMED', 'CONFIRMED']);
    now = new Date('2023-07-02T10:00:00+08:00');
    const counted = w.ok(await w.as('wh_worker', LIST, { e: onTime }), 'visitAgreements')[0];
    expect(counted.id).toBe(ids[onTime]);
    expect(counted.progress).toMatchObject({ confirmed: 30, met: true });
    const missed = w.ok(await w.as('wh_worker', LIST, { e: late }), 'visitAgreements')[0].progress;
    expect(missed).toMatchObject({ confirmed: 29, met: false });
    // Each of the 60 visits went through the engine (checked in and out) under its agreement, to the
    // agreement's provider at its price, paid by the project: nothing held in or taken from a wallet.
    const orders = await s.db.prisma.order.findMany({
      where: { elderId: { in: [onTime, late] } },
      include: { visit: true },
    });
    expect(orders).toHaveLength(60);
    expect(
      orders.every((o) => o.status === 'CONFIRMED' && o.visit?.durationMinutes === 45 && o.subsidyFen === 5000),
    ).toBe(true);
    expect(orders.every((o) => o.providerId === v.provider.id && o.visitAgreementId === ids[o.elderId])).toBe(true);
    expect(await s.db.prisma.hold.count({ where: { orderId: { in: orders.map((o) => o.id) } } })).toBe(0);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    now = new Date('2022-11-15T10:00:00+08:00');
  }, 300_000);

  it('a pace alert when the confirmed visits fall behind an even pace to the deadline', async () => {
    const elder = elders[5]!;
    await v.enrol(elder, new Date('2022-10-28T10:00:00+08:00'));
    await v.agree(elder);
    for (const at of ['2022-11-20T10:00:00+08:00', '2022-12-20T10:00:00+08:00'])
      await v.visit(elder, { at: new Date(at) });
    now = new Date('2023-03-01T10:00:00+08:00');
    const p = w.ok(await w.as('wh_worker', LIST, { e: elder }), 'visitAgreements')[0].progress;
    // 2022-11-01 to 2023-06-30 is 242 days; 120 have passed: an even pace is 14 visits, 2 are confirmed.
    expect(p).toMatchObject({ confirmed: 2, expectedByNow: 14, behindPace: true });
    // The alert sweep raises VISIT_PACE for the elder's community on the alert bus, like every alert.
    const heard: AlertEvent[] = [];
    const bus = s.app.services.alertBus.subscribe((e) => e.kind === 'VISIT_PACE');
    void (async () => {
      for await (const e of bus) heard.push(e);
    })();
    await runAlertJobs(s.app.services);
    const raised = await s.db.prisma.alert.findMany({ where: { kind: 'VISIT_PACE' }, include: { community: true } });
    const mine = raised.find((a) => a.elderId === elder)!;
    expect(mine.detail).toMatchObject({ confirmed: 2, expectedByNow: 14, required: 30, by: '2023-06-30' });
    expect(mine.community.code).toBe('371002001001');
    // In this community the elders of the 30-visit test are on pace (30 confirmed); the two agreements
    // without visits are not. (The seed's filed agreement in 乳山市, without visits, is behind too.)
    const here = (ids: string[]) => ids.filter((id) => elders.includes(id)).sort();
    expect(here(raised.map((a) => a.elderId))).toEqual([elders[1]!, elders[2]!, elder].sort());
    expect(raised).toHaveLength(4);
    await expect.poll(() => here(heard.map((e) => e.elderId))).toEqual([elders[1]!, elders[2]!, elder].sort());
    // A second sweep raises nothing new while the alert is open; the worker of the community sees it.
    await runAlertJobs(s.app.services);
    expect(await s.db.prisma.alert.count({ where: { kind: 'VISIT_PACE' } })).toBe(4);
    const list = w.ok(
      await w.as('wh_worker', '{ alerts(first: 50) { edges { node { id kind summary } } } }'),
      'alerts',
    );
    expect(list.edges.find((e: any) => e.node.id === mine.id).node.summary).toBe(
      '上门服务进度落后：已确认 2 次，按进度应达 14 次，2023-06-30 前须满 30 次，请督促服务机构',
    );
    now = new Date('2022-11-15T10:00:00+08:00');
  });
});
