// Monthly allowances on the real programme documents: 000 七 (Huangpi 30 元 online + 70 元
// offline, kept until clearing) and 001 三(三) (Yangcheng 240 minutes, this month only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { freshDatabase } from '../testing/database.js';
import { enrolElders, loadProgrammes, type Programmes } from '../testing/programmes.js';
import { creditEnrolment, runMonthlyAllowance } from './allowance.service.js';
import { accountKey, ledgerViolations, postOnce, systemAccount } from './ledger.service.js';
import { isAnniversary, previousMonth } from './month.js';

let db: Database & { backend: string };
let p: Programmes;
let hp: { elderId: string; enrolmentId: string }[];
let yc: { elderId: string; enrolmentId: string }[];

beforeAll(async () => {
  db = await freshDatabase();
  p = await loadProgrammes(db);
  hp = await enrolElders(db, p.huangpi, 25);
  yc = await enrolElders(db, p.yangcheng, 15);
});
afterAll(async () => db?.close());

const balances = async (elderId: string) =>
  Object.fromEntries((await db.prisma.ledgerAccount.findMany({ where: { elderId } })).map((a) => [a.kind, a.balance]));

describe('runMonthlyAllowance', () => {
  it('refuses a malformed month or a month in advance, and writes nothing', async () => {
    await expect(runMonthlyAllowance(db.prisma, { month: '2026-13', currentMonth: '2026-11' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await expect(runMonthlyAllowance(db.prisma, { month: '2026-12', currentMonth: '2026-11' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await db.prisma.ledgerTransaction.count()).toBe(0);
  });

  it('credits each programme its buckets once per elder per month (000 七, 001 三(三))', async () => {
    const first = await runMonthlyAllowance(db.prisma, { month: '2026-10', currentMonth: '2026-11', batchSize: 7 });
    expect(first).toMatchObject({ credited: 40, skipped: 0, expired: 0 });
    expect(await balances(hp[0]!.elderId)).toEqual({ SUBSIDY_OFFLINE: 7000n });
    expect(await balances(yc[0]!.elderId)).toEqual({ SUBSIDY_HOURS: 240n });
    const again = await runMonthlyAllowance(db.prisma, { month: '2026-10', currentMonth: '2026-11', batchSize: 7 });
    expect(again).toMatchObject({ credited: 0, skipped: 40 });
    expect(await balances(hp[0]!.elderId)).toEqual({ SUBSIDY_OFFLINE: 7000n });
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });

  it(
    'lapses unused Yangcheng hours at month end but keeps Huangpi money (rollover NONE vs ' + 'UNTIL_CLEARING)',
    async () => {
      // One Yangcheng elder used 60 minutes in October; another has 90 minutes held for a booked visit.
      const [used, booked] = [yc[1]!, yc[2]!];
      const usedAcc = await db.prisma.ledgerAccount.findUniqueOrThrow({
        where: { key: accountKey({ elderId: used.elderId }, 'SUBSIDY_HOURS') },
      });
      const sink = await db.prisma.$transaction((tx) =>
        systemAccount(tx, p.yangcheng.policyId, 'PROVIDER_PAYABLE', 'MINUTE'),
      );
      await postOnce(db.prisma, {
        kind: 'CHARGE',
        idempotencyKey: 'visit:oct',
        request: {},
        entries: [
          { accountId: usedAcc.id, amount: -60n },
          { accountId: sink.id, amount: 60n },
        ],
      });
      const bookedAcc = await db.prisma.ledgerAccount.findUniqueOrThrow({
        where: { key: accountKey({ elderId: booked.elderId }, 'SUBSIDY_HOURS') },
      });
      await db.prisma.$executeRaw`UPDATE "LedgerAccount" SET held = 90 WHERE id = ${bookedAcc.id}`;
      await db.prisma.hold.create({ data: { accountId: bookedAcc.id, amount: 90n } });

      const nov = await runMonthlyAllowance(db.prisma, { month: '2026-11', currentMonth: '2026-11' });
      expect(nov).toMatchObject({ credited: 40, skipped: 0, expired: 15 });
      expect(await balances(hp[0]!.elderId)).toEqual({ SUBSIDY_OFFLINE: 14000n });
      expect(await balances(yc[0]!.elderId)).toEqual({ SUBSIDY_HOURS: 240n });
      expect(await balances(used.elderId)).toEqual({ SUBSIDY_HOURS: 240n });
      // The held 90 minutes stay for the booked visit; only the 150 available minutes lapsed.
      expect(await balances(booked.elderId)).toEqual({ SUBSIDY_HOURS: 330n });
      const lapse = await db.prisma.ledgerTransaction.findUniqueOrThrow({
        where: { idempotencyKey: `expiry:${used.elderId}:SUBSIDY_HOURS:2026-10` },
        include: { entries: true },
      });
      expect(lapse.entries.map((e) => e.amount).sort()).toEqual([-180n, 180n]);
      expect((await runMonthlyAllowance(db.prisma, { month: '2026-11', currentMonth: '2026-11' })).expired).toBe(0);
      expect(await ledgerViolations(db.prisma)).toEqual([]);
    },
  );

  it('resumes an interrupted run without crediting anyone twice', async () => {
    const more = await enrolElders(db, p.huangpi, 30, '2026-11-03');
    const partial = await runMonthlyAllowance(db.prisma, {
      month: '2026-11',
      currentMonth: '2026-11',
      batchSize: 10,
      maxBatches: 3,
    });
    const run = await db.prisma.allowanceRun.findFirstOrThrow({
      where: { month: '2026-11', policyId: p.huangpi.policyId },
    });
    expect(run.status).toBe('RUNNING');
    const rest = await runMonthlyAllowance(db.prisma, { month: '2026-11', currentMonth: '2026-11', batchSize: 10 });
    expect(partial.credited + rest.credited).toBe(30);
    for (const e of more) expect(await balances(e.elderId)).toEqual({ SUBSIDY_OFFLINE: 7000n });
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });

  it('two runs of the same month at once credit each elder exactly once', async () => {
    await enrolElders(db, p.yangcheng, 20, '2026-11-05');
    const runs = await Promise.all([
      runMonthlyAllowance(db.prisma, { month: '2026-11', currentMonth: '2026-11', batchSize: 5 }),
      runMonthlyAllowance(db.prisma, { month: '2026-11', currentMonth: '2026-11', batchSize: 5 }),
    ]);
    expect(runs[0]!.credited + runs[1]!.credited).toBe(20);
    const credits = await db.prisma.ledgerTransaction.count({ where: { kind: 'ALLOWANCE', month: '2026-11' } });
    // 55 Huangpi elders × 1 bucket (the online 30 元 is the platform's fee, 000 七) + 35 Yangcheng elders × 1 bucket.
    expect(credits).toBe(55 + 35);
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });

  it('credits a new enrolment for its first month at once, and the run then skips it', async () => {
    const [fresh] = await enrolElders(db, p.yangcheng, 1, '2026-11-20');
    expect((await creditEnrolment(db.prisma, fresh!.enrolmentId, '2026-11')).credited).toBe(1);
    expect((await creditEnrolment(db.prisma, fresh!.enrolmentId, '2026-11')).credited).toBe(0);
    expect(await balances(fresh!.elderId)).toEqual({ SUBSIDY_HOURS: 240n });
    const run = await runMonthlyAllowance(db.prisma, { month: '2026-11', currentMonth: '2026-11' });
    expect(run.credited).toBe(0);
  });

  it('does not credit a terminated enrolment', async () => {
    const [gone] = await enrolElders(db, p.huangpi, 1);
    await db.prisma.enrolment.update({
      where: { id: gone!.enrolmentId },
      data: { status: 'TERMINATED', endedOn: new Date('2026-10-31') },
    });
    await runMonthlyAllowance(db.prisma, { month: '2026-11', currentMonth: '2026-11' });
    expect(await balances(gone!.elderId)).toEqual({});
  });
});

describe('calendar rules', () => {
  it('knows anniversaries (000 七 周年对应日) including 29 February', () => {
    expect(isAnniversary('2025-11-22', '2026-11-22')).toBe(true);
    expect(isAnniversary('2026-11-22', '2026-11-22')).toBe(false);
    expect(isAnniversary('2024-02-29', '2025-02-28')).toBe(true);
    expect(isAnniversary('2024-02-29', '2028-02-28')).toBe(false);
    expect(isAnniversary('2024-02-29', '2028-02-29')).toBe(true);
    expect(previousMonth('2027-01')).toBe('2026-12');
  });
});
