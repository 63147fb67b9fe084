// Home-visit agreements of document 004 on a real server: the 24-month term (三(二)), the exempt classes
// A and B (pendingSource), no project agreement after an accepted care bed, street review and district
// filing, and the 30 confirmed visits by 2023-06-30 (Asia/Shanghai, the day included) with a pace alert.
// The 30 visits are written as confirmed orders in the database: what is tested is the counting rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { M, bedWorld } from '../carebeds/carebeds.fixtures.js';

let now = new Date('2022-11-15T10:00:00+08:00');
let s: TestServer;
let w: Awaited<ReturnType<typeof bedWorld>>;
let elders: string[];
let providerId: string;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const message = (r: { errors?: { message: string }[] }) => r.errors?.[0]?.message ?? '';

const AGREEMENT = `id status termMonths elderClass streetOpinion districtOpinion
  progress { confirmed required by met expectedByNow behindPace }`;
const SIGN = `mutation($p: ID!, $input: SignVisitAgreementInput!) { signVisitAgreement(providerId: $p, input: $input) {
  ${AGREEMENT} } }`;
const REVIEW = `mutation($id: ID!, $approved: Boolean!, $opinion: String) {
  reviewVisitAgreement(id: $id, approved: $approved, opinion: $opinion) { ${AGREEMENT} } }`;
const LIST = `query($e: ID!) { visitAgreements(elderId: $e) { ${AGREEMENT} } }`;
const input = (elderId: string, over: Record<string, unknown> = {}) => ({
  elderId,
  items: ['WH_CLEANING', 'WH_MEAL'],
  method: '上门服务，每周一次',
  priceFen: 5000,
  startsOn: '2022-11-01',
  termMonths: 24,
  ...over,
});

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  w = await bedWorld(s);
  elders = await w.eldersIn('371002001001');
  providerId = (await s.db.prisma.provider.findUniqueOrThrow({ where: { code: 'WH-P02' } })).id;
}, 300_000);
afterAll(async () => s?.close());

/** Confirmed orders of the agreement's provider for the elder, confirmed at the given instants. */
async function confirmedVisits(elderId: string, at: Date[]) {
  const item = await s.db.prisma.serviceItem.findFirstOrThrow({ where: { code: 'WH_CLEANING' } });
  const user = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'wh_worker' } });
  await s.db.prisma.order.createMany({
    data: at.map((t, i) => ({
      elderId,
      serviceItemId: item.id,
      providerId,
      quantity: 1,
      scheduledAt: new Date(t.getTime() - 3_600_000),
      channel: 'WORKER' as const,
      placedById: user.id,
      status: 'CONFIRMED' as const,
      amountFen: 5000,
      idempotencyKey: `visit-agreement-test:${elderId}:${t.toISOString()}:${i}`,
      requestHash: 'test',
      confirmedAt: t,
    })),
  });
}

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
    const elder = elders[4]!;
    const a = w.ok(await w.as('wh_worker', SIGN, { p: providerId, input: input(elder) }), 'signVisitAgreement');
    const weekly = Array.from(
      { length: 29 },
      (_, i) => new Date(Date.parse('2022-11-07T10:00:00+08:00') + i * 7 * 86_400_000),
    );
    await confirmedVisits(elder, weekly);
    now = new Date('2023-03-01T10:00:00+08:00');
    const early = w.ok(await w.as('wh_worker', LIST, { e: elder }), 'visitAgreements')[0].progress;
    expect(early).toMatchObject({ required: 30, by: '2023-06-30', met: false, behindPace: false });
    await confirmedVisits(elder, [new Date('2023-06-30T23:59:00+08:00')]);
    now = new Date('2023-07-02T10:00:00+08:00');
    const onTheDay = w.ok(await w.as('wh_worker', LIST, { e: elder }), 'visitAgreements')[0];
    expect(onTheDay.id).toBe(a.id);
    expect(onTheDay.progress).toMatchObject({ confirmed: 30, met: true });
    // The same 30th visit confirmed a minute into 2023-07-01 (Asia/Shanghai) is too late.
    await s.db.prisma.order.updateMany({
      where: { elderId: elder, confirmedAt: new Date('2023-06-30T23:59:00+08:00') },
      data: { confirmedAt: new Date('2023-07-01T00:01:00+08:00') },
    });
    const late = w.ok(await w.as('wh_worker', LIST, { e: elder }), 'visitAgreements')[0].progress;
    expect(late).toMatchObject({ confirmed: 29, met: false });
    now = new Date('2022-11-15T10:00:00+08:00');
  });

  it('a pace alert when the confirmed visits fall behind an even pace to the deadline', async () => {
    const elder = elders[5]!;
    w.ok(await w.as('wh_worker', SIGN, { p: providerId, input: input(elder) }), 'signVisitAgreement');
    await confirmedVisits(elder, [new Date('2022-11-20T10:00:00+08:00'), new Date('2022-12-20T10:00:00+08:00')]);
    now = new Date('2023-03-01T10:00:00+08:00');
    const p = w.ok(await w.as('wh_worker', LIST, { e: elder }), 'visitAgreements')[0].progress;
    // 2022-11-01 to 2023-06-30 is 242 days; 120 have passed: an even pace is 14 visits, 2 are confirmed.
    expect(p).toMatchObject({ confirmed: 2, expectedByNow: 14, behindPace: true });
    now = new Date('2022-11-15T10:00:00+08:00');
  });
});
