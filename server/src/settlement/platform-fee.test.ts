// Huangpi's online 30 元 (000 七: 线上服务……按实际服务人数按月据实结算) is the platform's fee per
// elder served in the month, posted from the programme's funding to the platform's payable when
// the month is approved; it is never credited into an elder's wallet. A month with 50 served
// elders: the statements and the ledger agree to the fen, under concurrent and repeated approval.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRecordedVisit } from '../seed/recorded-visit.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { monthWindow, platformFeeKey } from './settlement.service.js';

let s: TestServer;
const t: Record<string, string> = {};
const month = '2026-11';
let now = new Date('2026-11-06T10:00:00+08:00');
const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, t[who]);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
let served: string[] = [];

beforeAll(async () => {
  s = await startTestServer({ seedElders: 240 }, { clock: () => now });
  for (const u of ['worker', 'district_admin', 'qa', 'family']) t[u] = await s.login(u);
  const p = s.db.prisma;
  const hp = await p.enrolment.findMany({
    where: { policy: { code: 'HUANGPI_2020' }, status: 'ACTIVE' },
    orderBy: { elderId: 'asc' },
  });
  expect(hp.length).toBeGreaterThan(55);
  // Five elders of the worker's community get a confirmed visit; 47 elders answer a care call
  // (two of them also had a visit): 50 elders served, counted once each. The rest are not served.
  const worker = await p.user.findUniqueOrThrow({ where: { username: 'worker' } });
  const visited = (
    await p.elder.findMany({
      where: { communityId: worker.regionId!, enrolments: { some: { status: 'ACTIVE' } } },
      orderBy: { id: 'asc' },
      take: 5,
    })
  ).map((e) => e.id);
  expect(visited).toHaveLength(5);
  for (const [i, elderId] of visited.entries()) {
    const placed = await gql(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
      {
        i: {
          elderId,
          serviceCode: 'HP_NAIL_CARE',
          quantity: 1,
          scheduledAt: new Date(now.getTime() + (i + 1) * 3600_000).toISOString(),
          idempotencyKey: `platform-fee-${i}`,
        },
      },
      'worker',
    );
    expect(placed.errors).toBeUndefined();
    const order = await p.order.findUniqueOrThrow({
      where: { id: placed.data.placeOrder.id },
      include: { provider: { include: { caregivers: true } } },
    });
    const cg = order.provider!.caregivers[0]!;
    await writeRecordedVisit(p, order.id, { caregiverId: cg.id, checkInAt: order.scheduledAt, minutes: 30 });
    const ok = await gql(
      `mutation($o: ID!) { confirmVisitByCall(orderId: $o, note: "回访确认已上门服务") { status } }`,
      { o: order.id },
      'worker',
    );
    expect(ok.errors).toBeUndefined();
  }
  const others = hp.map((e) => e.elderId).filter((id) => !visited.includes(id));
  const called = [...visited.slice(0, 2), ...others.slice(0, 45)];
  const operator = await p.user.findUniqueOrThrow({ where: { username: 'operator' } });
  for (const [i, elderId] of called.entries()) {
    const task = await p.callTask.create({
      data: { elderId, kind: 'PHONE_CARE', scheduledFor: now, dedupeKey: `fee:${elderId}`, status: 'DONE' },
    });
    await p.callAttempt.create({
      data: { callTaskId: task.id, operatorId: operator.id, answered: true, at: new Date(now.getTime() + i * 60_000) },
    });
  }
  // An unanswered call serves nobody.
  const missed = await p.callTask.create({
    data: { elderId: others[50]!, kind: 'PHONE_CARE', scheduledFor: now, dedupeKey: `fee:missed` },
  });
  await p.callAttempt.create({ data: { callTaskId: missed.id, operatorId: operator.id, answered: false, at: now } });
  served = [...new Set([...visited, ...called])];
  expect(served).toHaveLength(50);
  now = new Date('2026-12-02T10:00:00+08:00');
});
afterAll(async () => s?.close());

const RUN = `mutation($m: String!) { runSettlement(month: $m) { id status orders subsidyFen selfPaidFen
  onlineServiceFen governmentFen provider { id } } }`;

describe('the online platform fee (000 七)', () => {
  it('is never credited to an elder: no wallet holds an online bucket, and the family sees only the 70 元', async () => {
    expect(await s.db.prisma.ledgerAccount.count({ where: { kind: 'SUBSIDY_ONLINE' } })).toBe(0);
    const link = await s.db.prisma.familyLink.findFirstOrThrow({ where: { user: { username: 'family' } } });
    const w = await gql(
      `query($id: ID!) { elder(id: $id) { wallet { accounts { kind } } } }`,
      { id: link.elderId },
      'family',
    );
    expect(w.errors).toBeUndefined();
    expect(w.data.elder.wallet.accounts.map((a: any) => a.kind)).not.toContain('SUBSIDY_ONLINE');
  });

  it(
    'a month of 50 served elders: statements and the ledger agree to the fen, posted once under concurrent ' +
      'approval',
    async () => {
      const rows = (await gql(RUN, { m: month }, 'district_admin')).data.runSettlement as any[];
      expect(rows.reduce((n, r) => n + r.onlineServiceFen, 0)).toBe(50 * 3000);
      const st = rows.find((r) => r.onlineServiceFen > 0)!;
      // Charges: the statement's subsidy and self-paid money are the ledger's charges of the month.
      const { start, end } = monthWindow(month);
      const charged = await s.db.prisma.ledgerEntry.aggregate({
        _sum: { amount: true },
        where: {
          account: { elderId: { not: null } },
          transaction: { kind: 'CHARGE', createdAt: { gte: start, lt: end } },
        },
      });
      expect(rows.reduce((n, r) => n + r.subsidyFen + r.selfPaidFen, 0)).toBe(-Number(charged._sum.amount));
      // Drafts post nothing yet.
      expect(await s.db.prisma.ledgerTransaction.count({ where: { kind: 'PLATFORM_FEE' } })).toBe(0);
      expect(
        (
          await gql(
            `mutation($i: QualityEvaluationInput!) { recordQualityEvaluation(input: $i) { passed } }`,
            {
              i: { providerId: st.provider.id, month, score: 92, passed: true, report: '线上服务记录完整，回访满意。' },
            },
            'qa',
          )
        ).errors,
      ).toBeUndefined();
      const approve = `mutation($id: ID!) { approveSettlement(id: $id) { status } }`;
      const results = await Promise.all(Array.from({ length: 5 }, () => gql(approve, { id: st.id }, 'district_admin')));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).every((r) => code(r) === 'INVALID_STATE')).toBe(true);
      expect(code(await gql(approve, { id: st.id }, 'district_admin'))).toBe('INVALID_STATE');
      const fees = await s.db.prisma.ledgerTransaction.findMany({
        where: { kind: 'PLATFORM_FEE' },
        include: { entries: { include: { account: true } } },
      });
      expect(fees.map((f) => f.idempotencyKey)).toEqual([platformFeeKey(st.id)]);
      const payable = fees[0]!.entries.find((e) => e.account.kind === 'PLATFORM_FEE_PAYABLE')!;
      const funding = fees[0]!.entries.find((e) => e.account.kind === 'FUNDING')!;
      expect([Number(payable.amount), Number(funding.amount)]).toEqual([150000, -150000]);
      const approved = await s.db.prisma.settlement.findUniqueOrThrow({ where: { id: st.id } });
      expect(approved.onlineServiceFen).toBe(Number(payable.amount));
      expect(approved.snapshot).toMatchObject({ servedElders: 50 });
      expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    },
  );
});
