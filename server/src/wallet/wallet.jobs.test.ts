// The daily wallet job with a controllable clock: anniversaries (000 七 周年对应日清零), the end
// of service (subsidy back, self-paid refunded), the month's allowance, and the scheduler's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../app/context.js';
import { startScheduler } from '../app/scheduler.js';
import { SandboxPaymentGateway } from '../payments/payment.gateway.js';
import { buildServices } from '../app/app.js';
import { createLogger } from '../common/logger.js';
import { freshDatabase } from '../testing/database.js';
import { testConfig } from '../testing/harness.js';
import { enrolElders, loadProgrammes, type Programmes } from '../testing/programmes.js';
import { ledgerViolations, elderAccount, platformAccount, postOnce } from './ledger.service.js';
import { runWalletDailyJobs } from './wallet.jobs.js';
import { PassThrough } from 'node:stream';

let db: Awaited<ReturnType<typeof freshDatabase>>;
let app: AppServices;
let p: Programmes;
let now = new Date('2026-11-01T00:05:00+08:00');

beforeAll(async () => {
  db = await freshDatabase();
  p = await loadProgrammes(db);
  app = { ...buildServices(testConfig(), db, createLogger(new PassThrough())), clock: () => now };
});
afterAll(async () => db?.close());

const available = async (elderId: string) =>
  Object.fromEntries(
    (await db.prisma.ledgerAccount.findMany({ where: { elderId } })).map((a) => [a.kind, a.balance - a.held]),
  );

describe('runWalletDailyJobs', () => {
  it('clears a Huangpi wallet on its anniversary and nobody else, then credits the new month', async () => {
    const [due] = await enrolElders(db, p.huangpi, 1, '2025-11-01');
    const [other] = await enrolElders(db, p.huangpi, 1, '2025-11-02');
    // October's allowance for both: 100 元 each, unspent.
    now = new Date('2026-10-01T00:05:00+08:00');
    await runWalletDailyJobs(app);
    expect(await available(due!.elderId)).toEqual({ SUBSIDY_OFFLINE: 7000n });

    now = new Date('2026-11-01T00:05:00+08:00');
    const r = await runWalletDailyJobs(app);
    expect(r.clearing.anniversaries).toBe(1);
    // The old year's money is gone; November's allowance belongs to the new service year.
    expect(await available(due!.elderId)).toEqual({ SUBSIDY_OFFLINE: 7000n });
    expect(await available(other!.elderId)).toEqual({ SUBSIDY_OFFLINE: 14000n });
    const again = await runWalletDailyJobs(app);
    expect(again.clearing.anniversaries).toBe(0);
    expect(again.allowance.credited).toBe(0);

    now = new Date('2026-11-02T00:05:00+08:00');
    expect((await runWalletDailyJobs(app)).clearing.anniversaries).toBe(1);
    expect(await available(other!.elderId)).toEqual({ SUBSIDY_OFFLINE: 0n });
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });

  it('after the last service day returns the subsidy and refunds self-paid money against paid top-ups', async () => {
    const [leaving] = await enrolElders(db, p.yangcheng, 1, '2026-03-01');
    now = new Date('2026-11-03T00:05:00+08:00');
    await runWalletDailyJobs(app);
    // The family paid twice through WeChat; 30 元 of 50 元 is left.
    const wallet = await db.prisma.$transaction((tx) => elderAccount(tx, leaving!.elderId, 'SELF_PAID', 'FEN'));
    const gw = await db.prisma.$transaction((tx) => platformAccount(tx, 'PAYMENT_GATEWAY', 'FEN'));
    const payer = await db.prisma.user.create({ data: { displayName: '家属', role: 'FAMILY' } });
    for (const [i, fen] of [2000, 3000].entries()) {
      const t = await db.prisma.topUp.create({
        data: {
          elderId: leaving!.elderId,
          payerUserId: payer.id,
          amountFen: fen,
          idempotencyKey: `k-${i}-${leaving!.elderId}`,
          requestHash: 'h',
          outTradeNo: `TUjobs${i}${Date.now()}`,
          status: 'PAID',
          paidAt: new Date(now.getTime() + i * 1000),
        },
      });
      await app.payments.createJsapiOrder({
        outTradeNo: t.outTradeNo,
        description: 'd',
        amountFen: fen,
        payerOpenid: 'o',
        notifyUrl: 'http://x',
      });
      await postOnce(db.prisma, {
        kind: 'TOP_UP',
        idempotencyKey: `topup:${t.id}`,
        request: { t: t.id },
        elderId: leaving!.elderId,
        topUpId: t.id,
        entries: [
          { accountId: gw.id, amount: -BigInt(fen) },
          { accountId: wallet.id, amount: BigInt(fen) },
        ],
      });
    }
    const spend = await db.prisma.$transaction((tx) => platformAccount(tx, 'PROVIDER_PAYABLE', 'FEN'));
    await postOnce(db.prisma, {
      kind: 'CHARGE',
      idempotencyKey: `spent-${leaving!.elderId}`,
      request: {},
      entries: [
        { accountId: wallet.id, amount: -2000n },
        { accountId: spend.id, amount: 2000n },
      ],
    });
    await db.prisma.enrolment.update({
      where: { id: leaving!.enrolmentId },
      data: { status: 'TERMINATED', endedOn: new Date('2026-11-03T00:00:00Z'), terminationReason: 'GAVE_UP' },
    });

    // On the last service day nothing moves yet.
    expect((await runWalletDailyJobs(app)).refunds).toBe(0);
    expect((await available(leaving!.elderId)).SUBSIDY_HOURS).toBe(240n);

    now = new Date('2026-11-04T00:05:00+08:00');
    const r = await runWalletDailyJobs(app);
    expect(r.clearing.ended).toBe(1);
    expect(r.refunds).toBe(1);
    expect(await available(leaving!.elderId)).toEqual({ SUBSIDY_HOURS: 0n, SELF_PAID: 0n });
    const refunds = await db.prisma.refund.findMany({ where: { elderId: leaving!.elderId }, include: { topUp: true } });
    // Newest top-up first, never more than it: 30 元 against the 30 元 payment.
    expect(refunds.map((x) => [x.amountFen, x.topUp.amountFen, x.status])).toEqual([[3000, 3000, 'SUCCESS']]);
    expect((await runWalletDailyJobs(app)).refunds).toBe(0);
    expect(
      (app.payments as SandboxPaymentGateway).refunds.filter((x) => x.outRefundNo === refunds[0]!.outRefundNo),
    ).toHaveLength(1);
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });
});

describe('scheduler', () => {
  it('schedules the wallet job at 00:05 Asia/Shanghai', () => {
    const s = startScheduler(app);
    try {
      const next = s.jobs.find((j) => j.name === 'wallet-daily')!.nextRun!;
      const shanghai = new Date(next.getTime() + 8 * 3600_000);
      expect([shanghai.getUTCHours(), shanghai.getUTCMinutes()]).toEqual([0, 5]);
    } finally {
      s.stop();
    }
  });
});
