// The wallet's daily work, run by the scheduler for each Asia/Shanghai day. Every step is
// idempotent, so a missed day, a restart or two server instances running it change nothing twice.
import type { AppServices } from '../app/context.js';
import { monthInShanghai, todayInShanghai } from '../common/calendar.js';
import { runMonthlyAllowance, type AllowanceResult } from './allowance.service.js';
import { runClearingSweep } from './clearing.service.js';
import { endedWithSelfPaid } from './clearing.store.js';
import { refundSelfPaid, retryPendingRefunds } from './topup.service.js';

export interface WalletDailyResult {
  day: string;
  clearing: { anniversaries: number; ended: number };
  allowance: AllowanceResult;
  refunds: number;
  retried: number;
}

/**
 * Anniversary and end-of-service clearing first (a new service year starts clean), then this
 * month's allowance (credits no one twice; on the 1st it is the month's run, on other days it
 * catches up on enrolments the run has not seen), then refunds of self-paid money whose service
 * has ended, and resubmission of refunds WeChat has not answered.
 */
export async function runWalletDailyJobs(app: AppServices, now = app.clock()): Promise<WalletDailyResult> {
  const prisma = app.db.prisma;
  const day = todayInShanghai(now);
  const month = monthInShanghai(now);
  const clearing = await runClearingSweep(prisma, day);
  const allowance = await runMonthlyAllowance(prisma, { month, currentMonth: month, now });
  const ended = await endedWithSelfPaid(prisma, new Date(`${day}T00:00:00Z`));
  let refunds = 0;
  for (const { elderId } of ended)
    refunds += (await refundSelfPaid(prisma, app.payments, elderId, '服务终止', now, app.logger)).length;
  const retried = await retryPendingRefunds(prisma, app.payments, now, app.logger);
  return { day, clearing, allowance, refunds, retried };
}
