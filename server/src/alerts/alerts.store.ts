// The alerts area's SQL: the insert that keeps one open alert per elder and kind (the partial
// unique index does the deciding, so concurrent detectors never duplicate), and the sweep's
// set-based reads of who has gone quiet, missed calls or runs low.
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';

type Db = Tx | PrismaClient;

/** Inserts the alert unless one of its kind is open for the elder; the id when it was new. */
export async function insertOpenAlert(
  tx: Db,
  a: { id: string; elderId: string; communityId: string; kind: string; detail: unknown; at: Date },
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Alert" (id, "elderId", "communityId", kind, status, detail, "raisedAt")
    VALUES (${a.id}, ${a.elderId}, ${a.communityId}, ${a.kind}::"AlertKind", 'RAISED',
      ${JSON.stringify(a.detail ?? null)}::jsonb, ${a.at})
    ON CONFLICT DO NOTHING RETURNING id`;
  return rows[0]?.id ?? null;
}

/** Elders enrolled in the programme since before `since` who placed no order after it, with their last order. */
export function eldersWithoutOrders(prisma: PrismaClient, policyId: string, since: Date) {
  return prisma.$queryRaw<{ elderId: string; last: Date | null }[]>`
    SELECT e."elderId", (SELECT max(o."createdAt") FROM "Order" o WHERE o."elderId" = e."elderId") AS last
      FROM "Enrolment" e
     WHERE e."policyId" = ${policyId} AND e.status = 'ACTIVE' AND e."startedOn" <= ${since}
       AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."elderId" = e."elderId" AND o."createdAt" > ${since})`;
}

/** Enrolled elders of the programme with an unanswered care call after `windowStart`. */
export function eldersWithUnansweredCalls(prisma: PrismaClient, policyId: string, windowStart: Date) {
  return prisma.$queryRaw<{ elderId: string }[]>`
    SELECT DISTINCT t."elderId" FROM "CallAttempt" a JOIN "CallTask" t ON t.id = a."callTaskId"
      JOIN "Enrolment" e ON e."elderId" = t."elderId" AND e."policyId" = ${policyId} AND e.status = 'ACTIVE'
     WHERE a.at > ${windowStart} AND NOT a.answered`;
}

/** Each enrolled elder's available subsidy and self-paid balance, in fen and in minutes. */
export function availableBalances(prisma: PrismaClient, policyId: string) {
  return prisma.$queryRaw<{ elderId: string; fen: bigint; minutes: bigint }[]>`
    SELECT e."elderId",
           COALESCE(SUM(CASE WHEN a.unit = 'FEN' THEN a.balance - a.held END), 0) AS fen,
           COALESCE(SUM(CASE WHEN a.unit = 'MINUTE' THEN a.balance - a.held END), 0) AS minutes
      FROM "Enrolment" e JOIN "LedgerAccount" a ON a."elderId" = e."elderId" AND a.kind IN ('SUBSIDY_OFFLINE',
        'SUBSIDY_HOURS', 'SELF_PAID')
     WHERE e."policyId" = ${policyId} AND e.status = 'ACTIVE'
     GROUP BY e."elderId"`;
}
