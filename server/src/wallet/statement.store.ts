// The monthly statement's sums, read straight from the ledger's entries on the elder's own
// accounts (so they agree with the accounts to the fen). A transaction belongs to the Asia/Shanghai
// month of its createdAt, the instant posted on the app clock (ledger.service.ts `at`); China keeps
// UTC+8 all year, so a fixed offset is exact.
import type { PrismaClient } from '../db/prisma.js';

export interface StatementSumRow {
  account: string;
  unit: string;
  /** 'OPENING' for everything before the month, else the transaction kind within it. */
  tx: string;
  /** Credits (positive entries) and debits (negative entries), kept apart. */
  credit: bigint;
  debit: bigint;
}

export function statementSums(prisma: PrismaClient, elderId: string, month: string): Promise<StatementSumRow[]> {
  return prisma.$queryRaw<StatementSumRow[]>`
    SELECT a.kind::text AS account, a.unit::text AS unit,
           CASE WHEN to_char(t."createdAt" + interval '8 hours', 'YYYY-MM') < ${month} THEN 'OPENING'
                ELSE t.kind::text END AS tx,
           COALESCE(SUM(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END), 0)::bigint AS credit,
           COALESCE(SUM(CASE WHEN e.amount < 0 THEN e.amount ELSE 0 END), 0)::bigint AS debit
      FROM "LedgerEntry" e
      JOIN "LedgerAccount" a ON a.id = e."accountId"
      JOIN "LedgerTransaction" t ON t.id = e."transactionId"
     WHERE a."elderId" = ${elderId}
       AND to_char(t."createdAt" + interval '8 hours', 'YYYY-MM') <= ${month}
     GROUP BY 1, 2, 3`;
}

/** The first month with an entry on the elder's accounts (YYYY-MM), or null. */
export async function firstStatementMonth(prisma: PrismaClient, elderId: string): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ month: string | null }[]>`
    SELECT to_char(MIN(t."createdAt") + interval '8 hours', 'YYYY-MM') AS month
      FROM "LedgerEntry" e
      JOIN "LedgerAccount" a ON a.id = e."accountId"
      JOIN "LedgerTransaction" t ON t.id = e."transactionId"
     WHERE a."elderId" = ${elderId}`;
  return rows[0]?.month ?? null;
}
