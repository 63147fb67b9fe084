// The daily sweeps' SQL: whose subsidy clears today (an enrolment anniversary, or service that has
// ended with subsidy left) and whose self-paid money is to be refunded (service ended, a paid
// top-up not yet refunded in full).
import type { PrismaClient } from '../db/prisma.js';

/** Active enrolments of the programme started on this month and day (28 February also fetches 29 February). */
export function anniversaryCandidates(
  prisma: PrismaClient,
  policyId: string,
  month: number,
  day: number,
  alsoDay: number,
) {
  return prisma.$queryRaw<{ id: string; elderId: string; startedOn: Date }[]>`
    SELECT id, "elderId", "startedOn" FROM "Enrolment"
     WHERE "policyId" = ${policyId} AND status = 'ACTIVE' AND EXTRACT(MONTH FROM "startedOn") = ${month}
       AND EXTRACT(DAY FROM "startedOn") IN (${day}, ${alsoDay})`;
}

/**
 * Enrolments of the programme ended before `dayStart` whose elder (enrolled nowhere now) still has subsidy available.
 */
export function endedWithSubsidy(prisma: PrismaClient, policyId: string, dayStart: Date) {
  return prisma.$queryRaw<{ id: string; elderId: string }[]>`
    SELECT DISTINCT e.id, e."elderId" FROM "Enrolment" e
      JOIN "LedgerAccount" a ON a."elderId" = e."elderId" AND a.kind IN ('SUBSIDY_ONLINE', 'SUBSIDY_OFFLINE',
        'SUBSIDY_HOURS')
     WHERE e."policyId" = ${policyId} AND e.status = 'TERMINATED' AND e."endedOn" < ${dayStart}
       AND a.balance - a.held > 0
       AND NOT EXISTS (SELECT 1 FROM "Enrolment" x WHERE x."elderId" = e."elderId" AND x.status = 'ACTIVE')`;
}

/**
 * Elders whose service ended before `dayStart`, enrolled nowhere now, with self-paid money from a top-up not yet
 * refunded.
 */
export function endedWithSelfPaid(prisma: PrismaClient, dayStart: Date) {
  return prisma.$queryRaw<{ elderId: string }[]>`
    SELECT DISTINCT a."elderId" FROM "LedgerAccount" a
      JOIN "Enrolment" e ON e."elderId" = a."elderId" AND e.status = 'TERMINATED' AND e."endedOn" < ${dayStart}
     WHERE a.kind = 'SELF_PAID' AND a.balance - a.held > 0
       AND NOT EXISTS (SELECT 1 FROM "Enrolment" x WHERE x."elderId" = a."elderId" AND x.status = 'ACTIVE')
       AND EXISTS (SELECT 1 FROM "TopUp" t WHERE t."elderId" = a."elderId" AND t.status = 'PAID' AND t."refundedFen" <
         t."amountFen")`;
}
