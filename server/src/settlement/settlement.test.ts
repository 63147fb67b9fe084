// Monthly settlement reconciled with the ledger (000 七 按月据实结算; 001 七(三)), the quality
// evaluation gate (000 七: 评估不合格暂缓结算), immutability of approved months, and the exports.

import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { monthInShanghai, todayInShanghai } from '../common/calendar.js';
import { validateIdNumber } from '../elders/id-number.js';
import { addUser } from '../testing/users.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { VISIT_HEADERS } from './exports.js';
import {
  s,
  t,
  month,
  now,
  gql,
  code,
  confirmedOrder,
  ledgerTotals,
  servedHuangpiElders,
  setNow,
  setup,
} from './settlement.fixtures.js';

beforeAll(setup);
afterAll(async () => s?.close());

const RUN = `mutation($m: String!) { runSettlement(month: $m) { id status orders subsidyFen subsidyMinutes hoursValueFen
  selfPaidFen onlineServiceFen governmentFen heldReason provider { id name } } }`;
type S = {
  id: string;
  status: string;
  orders: number;
  subsidyFen: number;
  subsidyMinutes: number;
  hoursValueFen: number;
  selfPaidFen: number;
  onlineServiceFen: number;
  heldReason: string | null;
  provider: { id: string; name: string };
};

describe('quality evaluation (000 七; 004 附件7: 验收机构不得与服务提供机构存在利益关系)', () => {
  it('the QA agency records one evaluation per provider and month, never for a provider it is related to', async () => {
    const hpProvider = (
      await s.db.prisma.order.findFirstOrThrow({
        where: { elder: { family: { some: { user: { username: 'family' } } } } },
      })
    ).providerId!;
    const input = {
      providerId: hpProvider,
      month,
      score: 58,
      passed: false,
      report: '回访满意度偏低，服务记录不全，需整改。',
    };
    const q = `mutation($i: QualityEvaluationInput!) { recordQualityEvaluation(input: $i) { score passed } }`;
    expect(code(await gql(q, { i: { ...input, score: 101 } }, 'qa'))).toBe('BAD_USER_INPUT');
    expect(code(await gql(q, { i: { ...input, report: '差' } }, 'qa'))).toBe('BAD_USER_INPUT');
    expect(code(await gql(q, { i: input }, 'district_admin'))).toBe('FORBIDDEN');
    expect((await gql(q, { i: input }, 'qa')).data.recordQualityEvaluation).toEqual({ score: 58, passed: false });
    expect(code(await gql(q, { i: input }, 'qa'))).toBe('INVALID_STATE');
    const qa = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'qa' } });
    const other = await s.db.prisma.provider.findFirstOrThrow({ where: { id: { not: hpProvider } } });
    await s.db.prisma.qaAgencyAffiliation.create({
      data: { qaAgencyId: qa.qaAgencyId!, providerId: other.id, relation: '同一法人' },
    });
    const related = await gql(q, { i: { ...input, providerId: other.id } }, 'qa');
    expect(code(related)).toBe('FORBIDDEN');
    expect(related.errors?.[0]?.message).toMatch(/同一法人/);
  });
});

describe('runSettlement', () => {
  it('refuses a month that has not ended, and other roles', async () => {
    expect(code(await gql(RUN, { m: monthInShanghai(s.app.services.clock()) }, 'district_admin'))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await gql(RUN, { m: month }, 'worker'))).toBe('FORBIDDEN');
  });

  it(
    'reconciles with the ledger to the fen, holds the provider ' + 'that failed its evaluation, and reruns identically',
    async () => {
      const hp = (await gql<{ runSettlement: S[] }>(RUN, { m: month }, 'district_admin')).data!.runSettlement;
      const yc = (await gql<{ runSettlement: S[] }>(RUN, { m: month }, 'yc_admin')).data!.runSettlement;
      const all = [...hp, ...yc];
      const ledger = await ledgerTotals();
      const sum = (k: keyof S) => all.reduce((n, x) => n + (x[k] as number), 0);
      expect(sum('subsidyFen')).toBe((ledger.SUBSIDY_OFFLINE ?? 0) + (ledger.SUBSIDY_ONLINE ?? 0));
      expect(sum('subsidyMinutes')).toBe(ledger.SUBSIDY_HOURS);
      expect(sum('selfPaidFen')).toBe(ledger.SELF_PAID);
      expect(sum('orders')).toBe(4);
      expect(sum('selfPaidFen')).toBeGreaterThan(0);
      // 001 三(三): 180 minutes at no more than 35 元 an hour.
      expect(sum('subsidyMinutes')).toBe(180);
      expect(sum('hoursValueFen')).toBe(10500);
      // 000 七: the Huangpi provider's failed evaluation holds it; Yangcheng's providers are not held.
      expect(hp).toHaveLength(1);
      expect(hp[0]).toMatchObject({ status: 'HELD', heldReason: expect.stringMatching(/评估未通过/) });
      // 000 七 按实际服务人数: 30 元 for each Huangpi elder served this month (a confirmed visit or an answered care call), not
      // per enrolled elder.
      expect(hp[0]!.onlineServiceFen).toBe(3000 * (await servedHuangpiElders()));
      expect(hp[0]!.onlineServiceFen).toBeLessThan(
        3000 * (await s.db.prisma.enrolment.count({ where: { policy: { code: 'HUANGPI_2020' } } })),
      );
      expect(yc.every((x) => x.status === 'DRAFT' && x.onlineServiceFen === 0)).toBe(true);

      const again = [
        ...(await gql<{ runSettlement: S[] }>(RUN, { m: month }, 'district_admin')).data!.runSettlement,
        ...(await gql<{ runSettlement: S[] }>(RUN, { m: month }, 'yc_admin')).data!.runSettlement,
      ];
      expect(again.map(({ id: _id, ...rest }) => rest)).toEqual(all.map(({ id: _id, ...rest }) => rest));
      expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    },
  );

  it('an approved month is immutable: later charges and reruns do not change it', async () => {
    const yc = (
      await gql<{ settlements: S[] }>(
        `query($m: String!) { settlements(month: $m) { id status orders subsidyMinutes provider { id name } } }`,
        { m: month },
        'yc_admin',
      )
    ).data!.settlements;
    const active = yc.find((x) => x.orders > 0)!;
    const approve = `mutation($id: ID!) { approveSettlement(id: $id) { status } }`;
    expect((await gql(approve, { id: active.id }, 'yc_admin')).data.approveSettlement.status).toBe('APPROVED');
    expect(code(await gql(approve, { id: active.id }, 'yc_admin'))).toBe('INVALID_STATE');
    const hp = (
      await gql<{ settlements: S[] }>(
        `query($m: String!) { settlements(month: $m) { id status } }`,
        { m: month },
        'district_admin',
      )
    ).data!.settlements[0]!;
    expect(code(await gql(approve, { id: hp.id }, 'district_admin'))).toBe('INVALID_STATE');
    expect(code(await gql(approve, { id: active.id }, 'district_admin'))).toBe('NOT_FOUND');

    // Another Yangcheng visit charged within the same month, then a rerun.
    const settledOn = now;
    setNow(new Date('2026-11-20T10:00:00+08:00'));
    const ycElder = (
      await s.db.prisma.familyLink.findFirstOrThrow({ where: { user: { username: 'yc_family_settle' } } })
    ).elderId;
    const hourly = (
      await s.db.prisma.serviceItem.findFirstOrThrow({
        where: { policy: { code: 'YANGCHENG_2026' }, unit: 'PER_HOUR' },
      })
    ).code;
    await confirmedOrder('yc_worker', 'yc_family', ycElder, hourly, 1);
    setNow(settledOn);
    const rerun = (await gql<{ runSettlement: S[] }>(RUN, { m: month }, 'yc_admin')).data!.runSettlement.find(
      (x) => x.id === active.id,
    )!;
    expect([rerun.status, rerun.orders, rerun.subsidyMinutes]).toEqual([
      'APPROVED',
      active.orders,
      active.subsidyMinutes,
    ]);
    const lines = await s.db.prisma.settlementLine.findMany({ where: { settlementId: active.id } });
    expect(lines.length).toBe(active.orders);
    // writeLines numbers the ids in SQL: UUIDv7-shaped (version 7, RFC 4122 variant) and distinct.
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(lines.filter((l) => !v7.test(l.id))).toEqual([]);
    expect(new Set(lines.map((l) => l.id)).size).toBe(active.orders);
    const paid = await gql(
      `mutation($id: ID!) { markSettlementPaid(id: $id) { status } }`,
      { id: active.id },
      'yc_admin',
    );
    expect(paid.data.markSettlementPaid.status).toBe('PAID');
  });
});

describe('exports', () => {
  it('streams the national per-visit CSV with the 004 附件7 fields and full ID numbers for the district', async () => {
    const base = s.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/exports/visits/${month}.csv`, {
      headers: { authorization: `Bearer ${t.district_admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parse((await res.text()).replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(VISIT_HEADERS);
    expect(rows.length - 1).toBe(2);
    for (const r of rows.slice(1)) {
      expect(validateIdNumber(r[1]!, todayInShanghai(now)).ok).toBe(true);
      expect(Number(r[3])).toBeGreaterThan(0);
    }
    expect(
      rows
        .slice(1)
        .map((r) => Number(r[5]) * 100)
        .reduce((a, b) => a + b, 0),
    ).toBe(1000 + 9000);
    expect(
      (await fetch(`${base}/exports/visits/${month}.csv`, { headers: { authorization: `Bearer ${t.worker}` } })).status,
    ).toBe(403);
    expect(
      (await fetch(`${base}/exports/visits/2020-01.csv`, { headers: { authorization: `Bearer ${t.district_admin}` } }))
        .status,
    ).toBe(404);
    expect((await fetch(`${base}/exports/visits/${month}.csv`)).status).toBe(401);
  });

  it("writes Huangpi's three monthly statements as one workbook", async () => {
    const base = s.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/exports/settlement/${month}.xlsx`, {
      headers: { authorization: `Bearer ${t.district_admin}` },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const m = Number(month.slice(5));
    expect(book.worksheets.map((w) => w.name)).toEqual([
      `结算汇总表(${m}月)`,
      `线下服务记录(${m}月)`,
      `线上服务签约统计表(${m}月)`,
    ]);
    expect(book.worksheets[0]!.getRow(2).getCell(2).value).toBe('暂缓结算');
    expect(book.worksheets[1]!.rowCount).toBe(3);
    // The per-visit file as a workbook too.
    const visits = new ExcelJS.Workbook();
    await visits.xlsx.load(
      Buffer.from(
        await (
          await fetch(`${base}/exports/visits/${month}.xlsx`, {
            headers: { authorization: `Bearer ${t.district_admin}` },
          })
        ).arrayBuffer(),
      ) as never,
    );
    expect(visits.worksheets[0]!.getRow(1).values).toEqual([undefined, ...VISIT_HEADERS]);
    expect(visits.worksheets[0]!.rowCount).toBe(3);
    // 验收机构 and 验收人 are the latest evaluation's of the visit's provider that month.
    const provider = visits.worksheets[0]!.getRow(2).getCell(VISIT_HEADERS.indexOf('服务提供机构') + 1).value;
    const evaluation = await s.db.prisma.qualityEvaluation.findFirstOrThrow({
      where: { month, provider: { name: String(provider) } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      include: { qaAgency: true },
    });
    const evaluator = await s.db.prisma.user.findUniqueOrThrow({ where: { id: evaluation.evaluatorId } });
    const cell = (h: string) => visits.worksheets[0]!.getRow(2).getCell(VISIT_HEADERS.indexOf(h) + 1).value;
    expect([cell('服务质量验收机构'), cell('验收人姓名')]).toEqual([evaluation.qaAgency.name, evaluator.displayName]);
  });
});

describe('dashboard', () => {
  it('gives a district and each of its streets in one batch of statements, adding up', async () => {
    const q = `query($m: String!) { dashboard(month: $m) { region { code }
      stats { enrolledElders orders visits serviceMinutes spendingFen budgetFen complaints alerts { kind count } }
      children { region { code name } stats { enrolledElders orders visits budgetFen } } } }`;
    const before = s.db.stats.statements;
    const r = await gql(q, { m: month }, 'district_admin');
    const statements = s.db.stats.statements - before;
    expect(r.errors).toBeUndefined();
    const d = r.data.dashboard;
    expect(d.region.code).toBe('420116');
    expect(d.children.length).toBe(16);
    expect(d.stats).toMatchObject({ orders: 2, visits: 2, serviceMinutes: 240 });
    expect(d.stats.enrolledElders).toBe(
      await s.db.prisma.enrolment.count({ where: { policy: { code: 'HUANGPI_2020' } } }),
    );
    // 000 三/七: 100 元 per enrolled elder per month.
    expect(d.stats.budgetFen).toBe(d.stats.enrolledElders * 10000);
    expect(d.children.reduce((n: number, c: any) => n + c.stats.enrolledElders, 0)).toBe(d.stats.enrolledElders);
    expect(d.children.reduce((n: number, c: any) => n + c.stats.orders, 0)).toBe(d.stats.orders);
    // 16 streets cost what one street's few communities cost: the DataLoader batches them.
    const before2 = s.db.stats.statements;
    const street = await gql(
      q.replace('dashboard(month: $m)', 'dashboard(month: $m, regionCode: "420116001")'),
      { m: month },
      'district_admin',
    );
    expect(street.data.dashboard.children.length).toBeLessThan(16);
    expect(s.db.stats.statements - before2).toBe(statements);
    expect(
      code(
        await gql(
          q.replace('dashboard(month: $m)', 'dashboard(month: $m, regionCode: "140522")'),
          { m: month },
          'district_admin',
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(code(await gql(q, { m: month }, 'family'))).toBe('FORBIDDEN');
  });
});

describe('rectification (000 七·3 整改合格后再行结算; 001 七(三) 定期结算)', () => {
  it(
    'fail → HELD → rectified → re-evaluated → settled → approved; ' +
      'both evaluations are kept and settlement follows the latest',
    async () => {
      const hpProvider = (
        await s.db.prisma.order.findFirstOrThrow({
          where: { elder: { family: { some: { user: { username: 'family' } } } } },
        })
      ).providerId!;
      const EVAL = `mutation($i: QualityEvaluationInput!) { recordQualityEvaluation(input: $i) { id score passed
        supersedesId } }`;
      const RECTIFY = `mutation($i: RectificationInput!) { submitRectification(input: $i) { id rectifiedAt
        rectificationReport } }`;
      const pass = {
        providerId: hpProvider,
        month,
        score: 86,
        passed: true,
        report: '复查：服务记录完整，回访与记录一致，整改合格。',
      };
      const [failed] = await s.db.prisma.qualityEvaluation.findMany({ where: { providerId: hpProvider, month } });
      expect(failed).toMatchObject({ passed: false });
      // No re-evaluation before the provider has rectified.
      expect(code(await gql(EVAL, { i: pass }, 'qa'))).toBe('INVALID_STATE');
      t.hp_provider = await addUser(s, 'hp_provider_rectify', {
        displayName: '黄陂机构管理员',
        role: 'PROVIDER_ADMIN',
        providerId: hpProvider,
      });
      expect(code(await gql(RECTIFY, { i: { month, report: '已整改' } }, 'hp_provider'))).toBe('BAD_USER_INPUT');
      expect(
        code(
          await gql(RECTIFY, { i: { month, report: '补齐服务记录，护理员重新培训并按时上门。' } }, 'district_admin'),
        ),
      ).toBe('FORBIDDEN');
      const rectified = await gql(
        RECTIFY,
        { i: { month, report: '补齐服务记录，护理员重新培训并按时上门。' } },
        'hp_provider',
      );
      expect(rectified.data.submitRectification).toMatchObject({
        id: failed!.id,
        rectificationReport: '补齐服务记录，护理员重新培训并按时上门。',
      });
      expect(
        code(await gql(RECTIFY, { i: { month, report: '补齐服务记录，护理员重新培训并按时上门。' } }, 'hp_provider')),
      ).toBe('INVALID_STATE');
      // Rectified but not yet re-evaluated: still held.
      const held = (await gql<{ runSettlement: S[] }>(RUN, { m: month }, 'district_admin')).data!.runSettlement[0]!;
      expect(held).toMatchObject({ status: 'HELD', heldReason: expect.stringMatching(/待复查/) });
      // Two re-evaluations at once: one supersedes the failed evaluation, the other is refused.
      const both = await Promise.all([gql(EVAL, { i: pass }, 'qa'), gql(EVAL, { i: { ...pass, score: 88 } }, 'qa')]);
      const ok = both.filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      expect(ok[0]!.data.recordQualityEvaluation).toMatchObject({ passed: true, supersedesId: failed!.id });
      expect(both.filter((r) => r.errors).map(code)).toEqual(['INVALID_STATE']);
      expect(await s.db.prisma.qualityEvaluation.count({ where: { providerId: hpProvider, month } })).toBe(2);
      const settled = (await gql<{ runSettlement: S[] }>(RUN, { m: month }, 'district_admin')).data!.runSettlement[0]!;
      expect(settled).toMatchObject({
        status: 'DRAFT',
        heldReason: null,
        orders: held.orders,
        subsidyFen: held.subsidyFen,
      });
      const approved = await gql(
        `mutation($id: ID!) { approveSettlement(id: $id) { status } }`,
        { id: settled.id },
        'district_admin',
      );
      expect(approved.data.approveSettlement.status).toBe('APPROVED');
      // The platform fee went from the programme's funding to the platform's payable, as the statement says.
      const fee = await s.db.prisma.ledgerEntry.findMany({
        where: { transaction: { kind: 'PLATFORM_FEE' }, account: { kind: 'PLATFORM_FEE_PAYABLE' } },
      });
      expect(fee.reduce((n, e) => n + Number(e.amount), 0)).toBe(settled.onlineServiceFen);
      expect(settled.onlineServiceFen).toBeGreaterThan(0);
      expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    },
  );

  it("001 七(三) says only 定期结算: Yangcheng's monthly cycle is marked assumed", async () => {
    const { policyByCode } = await import('../policies/documents/index.js');
    expect(policyByCode('YANGCHENG_2026')!.settlement).toMatchObject({
      cycle: 'MONTHLY',
      cycleSource: '001 七(三)',
      assumed: true,
    });
    expect(policyByCode('HUANGPI_2020')!.settlement.assumed).toBeUndefined();
  });
});
