// Exceptions (异常工单) end to end: the detectors find what an official should look at (000 七
// 按月据实结算; 001 八(二)2(2) 记录虚假服务), an open exception holds the provider's month, and each
// resolution moves money only through the ledger, once, in the officer's own area.

import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyByCode } from '../policies/documents/index.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { detectVisitExceptions } from './index.js';
import {
  s,
  month,
  now,
  gql,
  code,
  orders,
  reasonsOf,
  exceptionOf,
  RESOLVE,
  RUN,
  fenOf,
  setNow,
  setup,
} from './exceptions.fixtures.js';

beforeAll(setup);
afterAll(async () => s?.close());

describe('detection (异常工单)', () => {
  it('the thresholds are programme data, marked assumed where the source is silent (000 七)', () => {
    const x = policyByCode('HUANGPI_2020')!.exceptions;
    expect(x).toMatchObject({
      shortVisitPercent: 50,
      samePointMinutes: 10,
      samePointMeters: 10,
      repeatedLocationVisits: 5,
      assumed: true,
    });
  });

  it(
    'flags each suspicious visit with its reason, and the ' + 'visit as booked with none; a rerun adds nothing',
    async () => {
      const found = await detectVisitExceptions(s.db.prisma, { month }, now);
      expect(found).toBeGreaterThanOrEqual(11);
      expect(await reasonsOf(orders.normal![0]!)).toEqual([]);
      expect(await reasonsOf(orders.short![0]!)).toEqual(['SHORT_VISIT']);
      expect(await reasonsOf(orders.samePoint![0]!)).toEqual(['QUICK_SAME_POINT']);
      for (const o of orders.overlap!) expect(await reasonsOf(o)).toEqual(['CAREGIVER_OVERLAP']);
      for (const o of orders.photo!) expect(await reasonsOf(o)).toEqual(['PHOTO_REUSED']);
      for (const o of orders.location!) expect(await reasonsOf(o)).toEqual(['LOCATION_REPEATED']);
      expect(await reasonsOf(orders.window![0]!)).toEqual(['OUTSIDE_WINDOW']);
      expect((await exceptionOf(orders.short![0]!, 'SHORT_VISIT')).detail).toBe('实际服务 20 分钟，预约 180 分钟');
      expect(await detectVisitExceptions(s.db.prisma, { month }, now)).toBe(0);
    },
  );

  it(
    'lists them for the street and district in scope, filtered and paged; another county sees none; ' +
      'families are refused',
    async () => {
      const q = `query($f: VisitExceptionFilter, $first: Int, $after: String) {
      visitExceptions(filter: $f, first: $first, after: $after) {
        totalCount edges { node { id orderId reason status provider { id } } } pageInfo { hasNextPage endCursor }
      }
    }`;
      const all = (await gql(q, { f: { month } }, 'street_officer')).data.visitExceptions;
      expect(all.totalCount).toBe(await s.db.prisma.visitException.count());
      const page1 = (await gql(q, { f: { month }, first: 4 }, 'district_admin')).data.visitExceptions;
      const page2 = (await gql(q, { f: { month }, first: 4, after: page1.pageInfo.endCursor }, 'district_admin')).data
        .visitExceptions;
      expect(page1.pageInfo.hasNextPage).toBe(true);
      expect(new Set([...page1.edges, ...page2.edges].map((e: any) => e.node.id)).size).toBe(8);
      const photos = (await gql(q, { f: { reason: 'PHOTO_REUSED', status: 'OPEN' } }, 'street_officer')).data
        .visitExceptions;
      expect(photos.edges.map((e: any) => e.node.orderId).sort()).toEqual([...orders.photo!].sort());
      expect((await gql(q, {}, 'provider_admin')).data.visitExceptions.totalCount).toBe(all.totalCount);
      expect((await gql(q, {}, 'yc_street_officer')).data.visitExceptions.totalCount).toBe(0);
      expect(code(await gql(q, {}, 'family'))).toBe('FORBIDDEN');
      expect(code(await gql(q, { f: { month: '2026-13' } }, 'street_officer'))).toBe('BAD_USER_INPUT');
    },
  );
});

describe('settlement waits for the exceptions (000 七 据实结算)', () => {
  it("holds the provider's month while any is open, and never settles an unconfirmed visit", async () => {
    setNow(new Date('2026-12-03T10:00:00+08:00'));
    const [st] = (await gql(RUN, { m: month }, 'district_admin')).data.runSettlement.filter((x: any) => x.orders > 0);
    expect(st).toMatchObject({ status: 'HELD', heldReason: expect.stringMatching(/异常工单待/) });
    const lines = await s.db.prisma.settlementLine.findMany({ where: { settlementId: st.id } });
    expect(lines.map((l) => l.orderId)).not.toContain(orders.unconfirmed![0]);
    expect(lines).toHaveLength(Object.values(orders).flat().length - 1);
    expect(
      code(await gql(`mutation($id: ID!) { approveSettlement(id: $id) { status } }`, { id: st.id }, 'district_admin')),
    ).toBe('INVALID_STATE');
  });
});

describe('resolveVisitException', () => {
  it('refuses an officer outside the area, bad input and a visit with no charge, and changes nothing', async () => {
    const ex = await exceptionOf(orders.photo![0]!, 'PHOTO_REUSED');
    const before = { tx: await s.db.prisma.ledgerTransaction.count(), audit: await s.db.prisma.auditLog.count() };
    const out = await gql(
      RESOLVE,
      { i: { id: ex.id, resolution: 'REJECT', note: '照片重复，不予支付' } },
      'yc_street_officer',
    );
    expect(code(out)).toBe('FORBIDDEN');
    expect(out.errors![0]!.message).toMatch(/不在您的辖区/);
    expect(code(await gql(RESOLVE, { i: { id: ex.id, resolution: 'REJECT', note: '照片重复' } }, 'worker'))).toBe(
      'FORBIDDEN',
    );
    expect(code(await gql(RESOLVE, { i: { id: ex.id, resolution: 'REJECT', note: '' } }, 'street_officer'))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      code(await gql(RESOLVE, { i: { id: ex.id, resolution: 'ADJUST', note: '核减部分费用' } }, 'street_officer')),
    ).toBe('BAD_USER_INPUT');
    // All of a 10 元 charge is a rejection, not an adjustment.
    expect(
      code(
        await gql(
          RESOLVE,
          { i: { id: ex.id, resolution: 'ADJUST', amountFen: 1000, note: '核减部分费用' } },
          'street_officer',
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(
        await gql(
          RESOLVE,
          { i: { id: '0190a0a0-0000-7000-8000-000000000000', resolution: 'ACCEPT', note: '核实无误' } },
          'street_officer',
        ),
      ),
    ).toBe('NOT_FOUND');
    await s.db.prisma.visitException.create({
      data: {
        orderId: orders.unconfirmed![0]!,
        providerId: ex.providerId,
        month,
        reason: 'SHORT_VISIT',
        detail: '测试',
      },
    });
    const unconfirmed = await exceptionOf(orders.unconfirmed![0]!, 'SHORT_VISIT');
    expect(
      code(
        await gql(RESOLVE, { i: { id: unconfirmed.id, resolution: 'REJECT', note: '未确认服务' } }, 'street_officer'),
      ),
    ).toBe('INVALID_STATE');
    expect((await exceptionOf(orders.photo![0]!, 'PHOTO_REUSED')).status).toBe('OPEN');
    expect({ tx: await s.db.prisma.ledgerTransaction.count(), audit: await s.db.prisma.auditLog.count() }).toEqual(
      before,
    );
    expect(
      (
        await gql(
          RESOLVE,
          { i: { id: unconfirmed.id, resolution: 'ACCEPT', note: '电话核实，老人确认服务' } },
          'street_officer',
        )
      ).data.resolveVisitException.status,
    ).toBe('ACCEPTED');
  });

  it(
    'REJECT gives the whole charge back through the ledger, ' + 'once, under concurrent requests, with an audit line',
    async () => {
      const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orders.photo![0]! } });
      const ex = await exceptionOf(order.id, 'PHOTO_REUSED');
      const before = await fenOf(order.elderId);
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          gql(
            RESOLVE,
            { i: { id: ex.id, resolution: 'REJECT', note: '照片与另一户相同，不予支付' } },
            'street_officer',
          ),
        ),
      );
      const ok = results.filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      expect(results.filter((r) => r.errors).every((r) => code(r) === 'INVALID_STATE')).toBe(true);
      expect(ok[0]!.data.resolveVisitException).toMatchObject({ status: 'REJECTED', reversedFen: order.chargedFen });
      expect(await fenOf(order.elderId)).toBe(before + BigInt(order.chargedFen!));
      const reversals = await s.db.prisma.ledgerTransaction.findMany({
        where: { orderId: order.id, kind: 'REVERSAL' },
      });
      expect(reversals.length).toBeGreaterThan(0);
      expect(reversals.every((r) => r.reversesId)).toBe(true);
      // A replay moves nothing.
      expect(
        code(
          await gql(
            RESOLVE,
            { i: { id: ex.id, resolution: 'REJECT', note: '照片与另一户相同，不予支付' } },
            'street_officer',
          ),
        ),
      ).toBe('INVALID_STATE');
      expect(await s.db.prisma.ledgerTransaction.count({ where: { orderId: order.id, kind: 'REVERSAL' } })).toBe(
        reversals.length,
      );
      expect(await s.db.prisma.auditLog.count({ where: { action: 'VISIT_EXCEPTION_RESOLVED', entityId: ex.id } })).toBe(
        1,
      );
      expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    },
  );

  it("ADJUST takes back part of the charge, the elder's own money first; ACCEPT moves nothing", async () => {
    const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orders.short![0]! } });
    // 20 minutes of a 3-hour booking, charged by measured time rounded up to 15 minutes (30 minutes of 90 元).
    expect([order.chargedMinutes, order.chargedFen]).toEqual([30, 1500]);
    const before = await fenOf(order.elderId);
    const ex = await exceptionOf(order.id, 'SHORT_VISIT');
    const r = await gql(
      RESOLVE,
      { i: { id: ex.id, resolution: 'ADJUST', amountFen: 500, note: '电话核实实际服务约 20 分钟，核减 5 元' } },
      'district_admin',
    );
    expect(r.data.resolveVisitException).toMatchObject({ status: 'ADJUSTED', reversedFen: 500 });
    expect(await fenOf(order.elderId)).toBe(before + 500n);
    const txBefore = await s.db.prisma.ledgerTransaction.count();
    for (const o of [
      ...orders.samePoint!,
      ...orders.overlap!,
      orders.photo![1]!,
      ...orders.location!,
      ...orders.window!,
    ]) {
      const open = await s.db.prisma.visitException.findMany({ where: { orderId: o, status: 'OPEN' } });
      for (const x of open)
        expect(
          (
            await gql(
              RESOLVE,
              { i: { id: x.id, resolution: 'ACCEPT', note: '电话核实，老人确认服务' } },
              'street_officer',
            )
          ).errors,
        ).toBeUndefined();
    }
    expect(await s.db.prisma.ledgerTransaction.count()).toBe(txBefore);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it(
    'once resolved the month settles, net of what was taken back, agreeing with the ledger; an ' +
      'approved month cannot be adjusted',
    async () => {
      const [st] = (await gql(RUN, { m: month }, 'district_admin')).data.runSettlement.filter((x: any) => x.orders > 0);
      expect(st).toMatchObject({ status: 'DRAFT', heldReason: null });
      const lines = await s.db.prisma.settlementLine.findMany({ where: { settlementId: st.id } });
      // The rejected visit has no line; the adjusted one is paid 10 元.
      expect(lines.map((l) => l.orderId)).not.toContain(orders.photo![0]);
      expect(lines.find((l) => l.orderId === orders.short![0])!.amountFen).toBe(1000);
      const net = await s.db.prisma.ledgerEntry.aggregate({
        _sum: { amount: true },
        where: {
          account: { elderId: { not: null }, unit: 'FEN' },
          transaction: {
            kind: { in: ['CHARGE', 'REVERSAL'] },
            orderId: { in: lines.map((l) => l.orderId).concat(orders.photo![0]!) },
          },
        },
      });
      expect(st.subsidyFen + st.selfPaidFen).toBe(-Number(net._sum.amount));
      const qa = await gql(
        `mutation($i: QualityEvaluationInput!) { recordQualityEvaluation(input: $i) { passed } }`,
        { i: { providerId: st.provider.id, month, score: 90, passed: true, report: '服务记录完整，回访满意度高。' } },
        'qa',
      );
      expect(qa.errors).toBeUndefined();
      expect(
        (await gql(`mutation($id: ID!) { approveSettlement(id: $id) { status } }`, { id: st.id }, 'district_admin'))
          .data.approveSettlement.status,
      ).toBe('APPROVED');
      const late = await s.db.prisma.visitException.create({
        data: {
          orderId: orders.normal![0]!,
          providerId: st.provider.id,
          month,
          reason: 'PHOTO_REUSED',
          detail: '审核后发现',
        },
      });
      expect(
        code(
          await gql(
            RESOLVE,
            { i: { id: late.id, resolution: 'REJECT', note: '照片重复，不予支付' } },
            'district_admin',
          ),
        ),
      ).toBe('INVALID_STATE');
      expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    },
  );
});
