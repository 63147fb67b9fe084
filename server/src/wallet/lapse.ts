// When this month's unused subsidy lapses (月底作废): the buckets of the elder's programme whose
// rollover is NONE give up what is still available at the end of the month's last day on the
// Asia/Shanghai calendar (the monthly allowance run posts the lapse, allowance.service.ts); money
// held for a booked visit stays with the visit. UNTIL_CLEARING buckets do not lapse monthly.
import { monthInShanghai } from '../common/calendar.js';
import type { AccountKind } from '../common/enums.js';
import type { PrismaClient } from '../db/prisma.js';
import { policyDocument } from '../policies/index.js';
import { monthBounds } from './month.js';

export interface WalletLapse {
  /** YYYY-MM-DD: the last day this month's unused allowance can be used. */
  on: string;
  accounts: AccountKind[];
  /** The clause the rule comes from. */
  source: string;
}

export async function walletLapse(prisma: PrismaClient, elderId: string, now: Date): Promise<WalletLapse | null> {
  const enrolment = await prisma.enrolment.findFirst({
    where: { elderId, status: 'ACTIVE' },
    include: { policy: true },
    orderBy: { startedOn: 'desc' },
  });
  if (!enrolment) return null;
  const lapsing = policyDocument(enrolment.policy).allowance.buckets.filter((b) => b.rollover === 'NONE');
  if (!lapsing.length) return null;
  return {
    on: monthBounds(monthInShanghai(now)).last.toISOString().slice(0, 10),
    accounts: lapsing.map((b) => b.accountKind as AccountKind),
    source: lapsing[0]!.source,
  };
}
