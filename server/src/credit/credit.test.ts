// Credit records (信用体系, 002 二(三)10) through the API on a seeded server: automatic events from what the platform
// knows, manual ones with evidence, the score's consequences for dispatch, settlement and the public list (the
// programme's credit section, every figure assumed), and appeals decided by the district and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAlertJobs } from '../app/scheduler.js';
import { publishLapsedCertificates } from '../providers/index.js';
import { dongxihuCredit } from '../policies/documents/dongxihu-2024.credit.js';
import * as f from './credit.fixtures.js';
import {
  APPEAL,
  DECIDE,
  MANUAL,
  RECORD,
  SUGGEST,
  ASSIGN,
  clock,
  code,
  finding,
  gql,
  ids,
  order,
} from './credit.fixtures.js';

const points = (kind: string) => dongxihuCredit.events.find((e) => e.kind === kind)!.points;
const prisma = () => f.s.db.prisma;
const events = (subjectId: string) => prisma().creditEvent.findMany({ where: { subjectId }, orderBy: { id: 'asc' } });
const score = async (who: string, vars: Record<string, unknown> = {}) => {
  const r = await gql(RECORD, { p: 'HUANGPI_2020', ...vars }, who);
  expect(r.errors).toBeUndefined();
  return r.data.creditRecord;
};

beforeAll(f.setup, 120_000);
afterAll(() => f.s?.close());

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id dueAt } }`;
const RESPOND = `mutation($id: ID!, $r: String!) { respondToComplaint(id: $id, response: $r) { status } }`;
const CLOSE = `mutation($id: ID!, $s: Boolean!, $f: Boolean!) { closeComplaint(id: $id, satisfied: $s,
  providerAtFault: $f) { status } }`;

describe('automatic credit events (002 二(三)10)', () => {
  it('a complaint verified at fault writes one event for the provider and the caregiver of its visit', async () => {
    const visit = await order('COMPLETED', ids.other);
    const filed = await gql(
      FILE,
      { i: { elderId: ids.elder, orderId: visit.id, content: '护理员迟到一小时' } },
      'family',
    );
    const id = filed.data.fileComplaint.id as string;
    await gql(RESPOND, { id, r: '已批评教育护理员，向老人道歉' }, 'provider_admin');
    // Closed not at fault first would write nothing; at fault it writes the event once.
    expect((await gql(CLOSE, { id, s: true, f: true }, 'worker')).data.closeComplaint.status).toBe('CLOSED');
    const [forProvider] = await events(ids.provider);
    expect(forProvider).toMatchObject({
      kind: 'COMPLAINT_AT_FAULT',
      points: points('COMPLAINT_AT_FAULT'),
      sourceRef: `complaint:${id}`,
      status: 'ACTIVE',
    });
    expect(await events(ids.other)).toMatchObject([{ kind: 'COMPLAINT_AT_FAULT', points: -10 }]);
    // The same cause published again records nothing more.
    await f.s.app.services.events.publish('complaint.atFault', {
      complaintId: id,
      elderId: ids.elder,
      providerId: ids.provider,
      orderId: visit.id,
      at: clock.now,
    });
    expect(await prisma().creditEvent.count({ where: { sourceRef: `complaint:${id}` } })).toBe(2);
    // The provider reads its own record: 100 − 10.
    const own = await score('provider_admin');
    expect(own).toMatchObject({ subjectType: 'PROVIDER', base: 100, score: 90, settlementHeld: false });
    expect(own.events[0]).toMatchObject({ kind: 'COMPLAINT_AT_FAULT', label: '投诉经核实属服务方责任' });
  });

  it('a complaint past its deadline is an SLA breach on the provider, once however often the sweep runs', async () => {
    const filed = await gql(FILE, { i: { elderId: ids.elder, content: '送餐的饭菜是凉的' } }, 'worker');
    const id = filed.data.fileComplaint.id as string;
    await runAlertJobs(f.s.app.services);
    expect(await prisma().creditEvent.count({ where: { kind: 'SLA_BREACH' } })).toBe(0);
    // A minute past the deadline (the clock stays there for the tests after this one).
    clock.now = new Date(new Date(filed.data.fileComplaint.dueAt).getTime() + 60_000);
    await runAlertJobs(f.s.app.services);
    await runAlertJobs(f.s.app.services);
    expect(await prisma().creditEvent.findMany({ where: { kind: 'SLA_BREACH' } })).toMatchObject([
      { subjectType: 'PROVIDER', subjectId: ids.provider, points: points('SLA_BREACH'), sourceRef: `complaint:${id}` },
    ]);
    // Close it so the later tests' sweeps do not see it.
    await gql(RESPOND, { id, r: '已更换餐食并致歉' }, 'provider_admin');
    await gql(CLOSE, { id, s: true, f: false }, 'worker');
  });

  it('a cash-out goes on the elder, who reads it; a lapsed certificate goes on the caregiver', async () => {
    // The demo elder's own account: the elder reads the event on their own record.
    const elderId = (await prisma().user.findUniqueOrThrow({ where: { username: 'elder' } })).elderId!;
    const enrolment = await prisma().enrolment.findFirstOrThrow({ where: { elderId, status: 'ACTIVE' } });
    await f.s.app.services.events.publish('enrolment.terminated', {
      enrolmentId: enrolment.id,
      elderId,
      policyId: enrolment.policyId,
      reason: 'CASHED_OUT',
      lastServiceDay: '2026-11-30',
      at: clock.now,
    });
    expect(await events(elderId)).toMatchObject([{ kind: 'CASH_OUT', subjectType: 'ELDER', points: -30 }]);
    expect(await score('elder')).toMatchObject({ subjectType: 'ELDER', score: 70, dispatch: null, publicList: null });
    // Another reason ends the service without a credit event.
    await f.s.app.services.events.publish('enrolment.terminated', {
      enrolmentId: enrolment.id,
      elderId,
      policyId: enrolment.policyId,
      reason: 'GAVE_UP',
      lastServiceDay: '2026-11-30',
      at: clock.now,
    });
    expect(await events(elderId)).toHaveLength(1);
    // 000 五: a health certificate that ran out yesterday with no new one.
    const cert = await prisma().caregiverCertificate.create({
      data: { caregiverId: ids.other, kind: 'SKILL:测试', expiresOn: new Date('2026-11-17T00:00:00Z') },
    });
    await publishLapsedCertificates(prisma(), f.s.app.services.events, clock.now);
    await publishLapsedCertificates(prisma(), f.s.app.services.events, clock.now);
    expect(await prisma().creditEvent.findMany({ where: { sourceRef: `certificate:${cert.id}` } })).toMatchObject([
      { kind: 'CERTIFICATE_LAPSED', subjectType: 'CAREGIVER', subjectId: ids.other, points: -5 },
    ]);
  });
});

describe('manual events need evidence; a lowered score changes dispatch (002 二(三)10, credit.dispatch)', () => {
  it('refuses a finding without evidence, a kind the platform records, another role and another district', async () => {
    const before = await prisma().creditEvent.count();
    const r = await gql(MANUAL, finding('CAREGIVER', ids.caregiver, null), 'district_admin');
    expect(code(r)).toBe('CREDIT_EVIDENCE_REQUIRED');
    expect(r.errors![0]!.message).toContain('证据');
    expect(code(await gql(MANUAL, finding('CAREGIVER', ids.caregiver, '  '), 'street_officer'))).toBe(
      'CREDIT_EVIDENCE_REQUIRED',
    );
    const auto = finding('CAREGIVER', ids.caregiver);
    auto.i.kind = 'COMPLAINT_AT_FAULT';
    expect(code(await gql(MANUAL, auto, 'district_admin'))).toBe('BAD_USER_INPUT');
    expect(code(await gql(MANUAL, finding('CAREGIVER', ids.caregiver), 'worker'))).toBe('FORBIDDEN');
    expect(code(await gql(MANUAL, finding('CAREGIVER', ids.caregiver), 'provider_admin'))).toBe('FORBIDDEN');
    const yc = await f.s.login('yc_admin');
    expect(code(await f.s.gql(MANUAL, finding('CAREGIVER', ids.caregiver), yc))).toBe('FORBIDDEN');
    expect(await prisma().creditEvent.count()).toBe(before);
  });

  it('below 90 a caregiver is suggested last, below 60 not at all and assigning them is refused', async () => {
    const placed = await order('PLACED');
    const suggested = async () =>
      ((await gql(SUGGEST, { o: placed.id }, 'provider_admin')).data.caregiverSuggestions as any[]).map(
        (x) => x.caregiver.id,
      );
    const first = await suggested();
    expect(first).toContain(ids.caregiver);
    expect(first.at(-1)).not.toBe(ids.caregiver);
    // One finding: 100 − 10 = 90, not below 90: unchanged.
    const one = await gql(MANUAL, finding('CAREGIVER', ids.caregiver), 'district_admin');
    expect(one.data.recordCreditEvent).toMatchObject({ kind: 'INSPECTION_FINDING', points: -10, status: 'ACTIVE' });
    expect(await suggested()).toEqual(first);
    // Two: 80, lowered — after every other caregiver, the others in the order they had.
    await gql(MANUAL, finding('CAREGIVER', ids.caregiver), 'street_officer');
    const lowered = await suggested();
    expect(lowered.at(-1)).toBe(ids.caregiver);
    expect(lowered.slice(0, -1)).toEqual(first.filter((id) => id !== ids.caregiver));
    expect((await score('caregiver')).dispatch).toBe('LOWERED');
    // Five: 50, barred — not suggested, and assigning is refused with nothing changed.
    for (let i = 0; i < 3; i++) await gql(MANUAL, finding('CAREGIVER', ids.caregiver), 'district_admin');
    expect(await suggested()).not.toContain(ids.caregiver);
    expect((await score('caregiver')).score).toBe(50);
    const barred = await gql(ASSIGN, { o: placed.id, c: ids.caregiver }, 'provider_admin');
    expect(code(barred), JSON.stringify(barred.errors)).toBe('CREDIT_DISPATCH_BARRED');
    expect(await prisma().order.findUniqueOrThrow({ where: { id: placed.id } })).toMatchObject({
      status: 'PLACED',
      caregiverId: null,
    });
    expect((await gql(ASSIGN, { o: placed.id, c: first[0] }, 'provider_admin')).data.assignOrder.status).toBe(
      'ASSIGNED',
    );
  });
});

describe('appeals (002 二(三)10): only the subject appeals; the district decides, audited', () => {
  it('refuses an appeal by anyone else, and a blank reason, keeping nothing', async () => {
    const [event] = await prisma().creditEvent.findMany({ where: { subjectId: ids.caregiver }, take: 1 });
    const before = await prisma().creditAppeal.count();
    const r = await gql(APPEAL, { e: event!.id, r: '检查当天我不在岗，记录有误' }, 'provider_admin');
    expect(code(r)).toBe('CREDIT_NOT_SUBJECT');
    expect(code(await gql(APPEAL, { e: event!.id, r: '记录有误，请核实' }, 'district_admin'))).toBe('FORBIDDEN');
    expect(code(await gql(APPEAL, { e: event!.id, r: '记录有误，请核实' }, 'family'))).toBe('FORBIDDEN');
    expect(code(await gql(APPEAL, { e: event!.id, r: ' ' }, 'caregiver'))).toBe('BAD_USER_INPUT');
    // A caregiver cannot read another caregiver's record either.
    expect(code(await gql(RECORD, { p: 'HUANGPI_2020', t: 'CAREGIVER', id: ids.other }, 'caregiver'))).toBe(
      'FORBIDDEN',
    );
    expect(await prisma().creditAppeal.count()).toBe(before);
  });

  it('an upheld appeal reverses the event and its points: the caregiver is dispatched again', async () => {
    const [event] = await prisma().creditEvent.findMany({
      where: { subjectId: ids.caregiver, status: 'ACTIVE' },
      orderBy: { id: 'asc' },
    });
    const filed = await gql(APPEAL, { e: event!.id, r: '检查当天我在另一位老人家中服务，有工单为证' }, 'caregiver');
    expect(filed.data.appealCreditEvent.status).toBe('PENDING');
    expect(code(await gql(APPEAL, { e: event!.id, r: '再次申诉同一条记录' }, 'caregiver'))).toBe('INVALID_STATE');
    const id = filed.data.appealCreditEvent.id as string;
    const queue = await gql(`{ creditAppeals(pendingOnly: true) { id event { id label } } }`, {}, 'district_admin');
    expect(queue.data.creditAppeals).toMatchObject([{ id, event: { id: event!.id, label: '检查发现问题' } }]);
    // Only the district decides; a blank decision is refused; nothing changes.
    expect(code(await gql(DECIDE, { a: id, u: true, d: '核实属实，撤销' }, 'street_officer'))).toBe('FORBIDDEN');
    expect(code(await gql(DECIDE, { a: id, u: true, d: ' ' }, 'district_admin'))).toBe('BAD_USER_INPUT');
    expect((await prisma().creditEvent.findUniqueOrThrow({ where: { id: event!.id } })).status).toBe('ACTIVE');
    const decided = await gql(DECIDE, { a: id, u: true, d: '经核实检查记录有误，撤销该条记录' }, 'district_admin');
    expect(decided.data.decideCreditAppeal).toMatchObject({ status: 'UPHELD', event: { status: 'REVERSED' } });
    expect(code(await gql(DECIDE, { a: id, u: false, d: '再次处理' }, 'district_admin'))).toBe('INVALID_STATE');
    expect(await prisma().auditLog.count({ where: { action: 'CREDIT_APPEAL_DECIDED', entityId: id } })).toBe(1);
    // 50 + 10 = 60: no longer barred (60 is not below 60), still lowered.
    const record = await score('caregiver');
    expect(record).toMatchObject({ score: 60, dispatch: 'LOWERED' });
    expect(record.events.find((e: any) => e.id === event!.id)).toMatchObject({
      status: 'REVERSED',
      appeals: [{ id, status: 'UPHELD' }],
    });
    // A reversed event is past appealing.
    expect(code(await gql(APPEAL, { e: event!.id, r: '已撤销的记录再申诉' }, 'caregiver'))).toBe('INVALID_STATE');
  });
});

describe("the provider's score holds its statement and puts it on the public black list (002 二(三)10)", () => {
  it('below 60 the month is held with the reason, and anyone sees the provider on the black list', async () => {
    const LIST = `query($p: String!) { creditPublicList(policyCode: $p) { red { name score } black { name score }
      blackBelow } }`;
    const provider = await prisma().provider.findUniqueOrThrow({ where: { id: ids.provider } });
    const open = await gql(LIST, { p: 'HUANGPI_2020' });
    expect(open.errors).toBeUndefined();
    expect(open.data.creditPublicList.black).toEqual([]);
    // 90 − 5 (SLA) = 85; three findings: 55.
    for (let i = 0; i < 3; i++) await gql(MANUAL, finding('PROVIDER', ids.provider), 'district_admin');
    expect((await score('provider_admin')).score).toBe(55);
    const listed = await gql(LIST, { p: 'HUANGPI_2020' });
    expect(listed.data.creditPublicList.black).toEqual([{ name: provider.name, score: 55 }]);
    const run = await gql(
      `mutation($m: String!) { runSettlement(month: $m) { provider { id } status heldReason } }`,
      { m: '2026-10' },
      'district_admin',
    );
    expect(run.errors, JSON.stringify(run.errors)).toBeUndefined();
    const line = (run.data.runSettlement as any[]).find((l) => l.provider.id === ids.provider);
    expect(line.status).toBe('HELD');
    expect(line.heldReason).toContain('信用分 55 分，低于 60 分，暂缓结算（002 二(三)10）');
  }, 120_000);
});

describe('a rejected visit exception is a false record (002 二(三)10; 000 七)', () => {
  it("writes FALSE_RECORD on the visit's provider and caregiver once the district rejects it", async () => {
    const visit = await order('COMPLETED', ids.other);
    await prisma().order.update({ where: { id: visit.id }, data: { status: 'CONFIRMED' } });
    const month = '2026-11';
    const ex = await prisma().visitException.create({
      data: { orderId: visit.id, providerId: ids.provider, month, reason: 'QUICK_SAME_POINT', detail: '同点快速签退' },
    });
    const RESOLVE = `mutation($i: ResolveVisitExceptionInput!) { resolveVisitException(input: $i) { status } }`;
    // Rejecting writes the provider's and the caregiver's record, once.
    const before = await prisma().creditEvent.count({ where: { kind: 'FALSE_RECORD' } });
    const r = await gql(
      RESOLVE,
      { i: { id: ex.id, resolution: 'REJECT', note: '电话核实老人未接受服务' } },
      'district_admin',
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data.resolveVisitException.status).toBe('REJECTED');
    const written = await prisma().creditEvent.findMany({
      where: { kind: 'FALSE_RECORD', sourceRef: `visit-exception:${ex.id}` },
      orderBy: { subjectType: 'asc' },
    });
    expect(written.map((e) => [e.subjectType, e.subjectId, e.points])).toEqual([
      ['PROVIDER', ids.provider, points('FALSE_RECORD')],
      ['CAREGIVER', ids.other, points('FALSE_RECORD')],
    ]);
    expect(await prisma().creditEvent.count({ where: { kind: 'FALSE_RECORD' } })).toBe(before + 2);
  });
});
