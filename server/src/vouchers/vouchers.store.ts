// Vouchers' SQL: the row lock that makes two redeems of one serial take turns, the enrolments a
// month's vouchers are issued to, and the report's sums by county and month.
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';

/** Locks the voucher row of a serial (two redeems at once: the second waits and sees the first). */
export async function lockVoucher(tx: Tx, serial: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Voucher" WHERE serial = ${serial} FOR UPDATE`;
  return rows[0]?.id ?? null;
}

/** Locks the order row, so one visit cannot redeem two vouchers at once. */
export async function lockOrder(tx: Tx, orderId: string) {
  await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
}

/** Active enrolments of a programme on the month's last day, for elders living under `regionPath`. */
export async function enrolmentsForVouchers(tx: Tx, policyId: string, last: Date, regionPath: string) {
  return tx.$queryRaw<
    { elderId: string; selfCare: 'SELF_CARE' | 'PARTIAL' | 'DISABLED'; communityPath: string; startedOn: Date }[]
  >`
    SELECT n."elderId", el."selfCareAbility"::text AS "selfCare", r.path AS "communityPath", n."startedOn"
      FROM "Enrolment" n JOIN "Elder" el ON el.id = n."elderId" JOIN "Region" r ON r.id = el."communityId"
     WHERE n."policyId" = ${policyId} AND n.status = 'ACTIVE' AND n."startedOn" <= ${last}
       AND (r.path = ${regionPath} OR r.path LIKE ${`${regionPath}/%`})
     ORDER BY n."elderId"`;
}

/**
 * Per elder and visit day (Asia/Shanghai) of the month: the subsidised minutes charged, net of
 * reversals, for the programme's elders under `regionPath` (003 三(二): the hours bought).
 */
export async function minutesUsedByDay(
  db: PrismaClient | Tx,
  policyId: string,
  window: { start: Date; end: Date },
  regionPath: string,
) {
  return db.$queryRaw<{ communityPath: string; day: string; minutes: bigint }[]>`
    SELECT r.path AS "communityPath",
           to_char(COALESCE(v."checkInAt", o."scheduledAt") + interval '8 hours', 'YYYY-MM-DD') AS day,
           SUM(-e.amount) AS minutes
      FROM "LedgerTransaction" t
      JOIN "LedgerEntry" e ON e."transactionId" = t.id
      JOIN "LedgerAccount" a ON a.id = e."accountId" AND a.kind = 'SUBSIDY_HOURS' AND a."policyId" = ${policyId}
      JOIN "Order" o ON o.id = t."orderId"
      LEFT JOIN "Visit" v ON v."orderId" = o.id
      JOIN "Elder" el ON el.id = o."elderId"
      JOIN "Region" r ON r.id = el."communityId"
      LEFT JOIN "LedgerTransaction" c ON c.id = t."reversesId"
     WHERE (r.path = ${regionPath} OR r.path LIKE ${`${regionPath}/%`})
       AND ((t.kind = 'CHARGE' AND t."createdAt" >= ${window.start} AND t."createdAt" < ${window.end})
         OR (t.kind = 'REVERSAL' AND c.kind = 'CHARGE' AND c."createdAt" >= ${window.start}
             AND c."createdAt" < ${window.end}))
     GROUP BY 1, 2
    HAVING SUM(-e.amount) <> 0
     ORDER BY 1, 2`;
}

/** The month's minutes credited to the programme's hours accounts, per elder community. */
export async function minutesCredited(db: PrismaClient | Tx, policyId: string, month: string, regionPath: string) {
  return db.$queryRaw<{ communityPath: string; minutes: bigint }[]>`
    SELECT r.path AS "communityPath", SUM(e.amount) AS minutes
      FROM "LedgerTransaction" t
      JOIN "LedgerEntry" e ON e."transactionId" = t.id
      JOIN "LedgerAccount" a ON a.id = e."accountId" AND a.kind = 'SUBSIDY_HOURS' AND a."policyId" = ${policyId}
      JOIN "Elder" el ON el.id = a."elderId"
      JOIN "Region" r ON r.id = el."communityId"
     WHERE t.kind = 'ALLOWANCE' AND t.month = ${month}
       AND (r.path = ${regionPath} OR r.path LIKE ${`${regionPath}/%`})
     GROUP BY 1`;
}

/** Vouchers issued and redeemed in the month, per elder community. */
export async function voucherCounts(db: PrismaClient | Tx, policyId: string, month: string, regionPath: string) {
  return db.$queryRaw<{ communityPath: string; issued: bigint; redeemed: bigint }[]>`
    SELECT r.path AS "communityPath", count(*) AS issued, count(*) FILTER (WHERE vo.status = 'REDEEMED') AS redeemed
      FROM "Voucher" vo
      JOIN "Elder" el ON el.id = vo."elderId"
      JOIN "Region" r ON r.id = el."communityId"
     WHERE vo."policyId" = ${policyId} AND vo.month = ${month}
       AND (r.path = ${regionPath} OR r.path LIKE ${`${regionPath}/%`})
     GROUP BY 1`;
}
