// The ledger's conditional balance updates and its invariant check, in SQL. The conditions are the
// no-overdraft rule: a debit or a hold succeeds only while `balance - held` covers it (one row
// updated, or none and the caller refuses), backed by the table's CHECK constraints.
import type { Tx } from '../db/database.js';
import { Prisma, type Hold, type PrismaClient } from '../db/prisma.js';
import { v7 as uuidv7 } from 'uuid';

/**
 * Adds `amount` (negative for a debit) to the balance; with `covered`, only if the available balance covers the
 * debit. Rows updated.
 */
export function addToBalance(tx: Tx, accountId: string, amount: bigint, covered: boolean): Promise<number> {
  return covered
    ? tx.$executeRaw`UPDATE "LedgerAccount" SET balance = balance + ${amount} WHERE id = ${accountId} AND balance -
      held >= ${-amount}`
    : tx.$executeRaw`UPDATE "LedgerAccount" SET balance = balance + ${amount} WHERE id = ${accountId}`;
}

/**
 * Holds `amount` if the available balance covers it and records the hold, in one statement: the
 * account's conditional update feeds the insert, so no row is written when it does not cover it.
 * The new hold, or null (not enough).
 */
export async function holdIfAvailable(
  tx: Tx,
  accountId: string,
  amount: bigint,
  orderId: string | null,
): Promise<Hold | null> {
  const rows = await tx.$queryRaw<Hold[]>`
    WITH covered AS (
      UPDATE "LedgerAccount" SET held = held + ${amount} WHERE id = ${accountId} AND balance - held >= ${amount}
      RETURNING id)
    INSERT INTO "Hold" (id, "accountId", "orderId", amount, "createdAt")
    SELECT ${uuidv7()}, covered.id, ${orderId}, ${amount}, ${new Date()} FROM covered
    RETURNING id, "accountId", "orderId", amount, status::text AS status, "createdAt", "settledAt"`;
  return rows[0] ?? null;
}

/**
 * Holds every amount or none, and inserts the row they are held for, in one statement. Each
 * account's conditional update is holdIfAvailable's; `gate` has one row only when all of them
 * covered their amount, and `insert` (an INSERT … SELECT … FROM gate RETURNING id, …) writes its
 * row only then; the holds point at that row. The inserted row, or null when an amount was not
 * covered: the caller refuses, and its transaction's rollback undoes the updates that did succeed.
 */
export async function holdAllAndInsert<R extends { id: string }>(
  tx: Tx,
  holds: readonly { accountId: string; amount: bigint }[],
  insert: Prisma.Sql,
  at: Date,
): Promise<R | null> {
  const rows = await tx.$queryRaw<R[]>`
    WITH wanted AS (
      SELECT * FROM unnest(${holds.map(() => uuidv7())}::text[], ${holds.map((h) => h.accountId)}::text[],
        ${holds.map((h) => h.amount.toString())}::bigint[]) AS w(hold_id, account_id, amount)),
    covered AS (
      UPDATE "LedgerAccount" a SET held = a.held + w.amount FROM wanted w
       WHERE a.id = w.account_id AND a.balance - a.held >= w.amount
      RETURNING w.hold_id, a.id, w.amount),
    gate AS (SELECT 1 FROM (SELECT count(*) AS n FROM covered) c WHERE c.n = ${holds.length}),
    placed AS (${insert}),
    taken AS (
      INSERT INTO "Hold" (id, "accountId", "orderId", amount, "createdAt")
      SELECT covered.hold_id, covered.id, placed.id, covered.amount, ${at} FROM covered, placed)
    SELECT * FROM placed`;
  return rows[0] ?? null;
}

/**
 * Settles an active hold (POSTED or VOIDED) and frees its money on the account, in one statement.
 * The settled hold, or null when it was not active (settled already, or no such hold).
 */
export async function settleHoldAndRelease(
  tx: Tx,
  holdId: string,
  status: 'POSTED' | 'VOIDED',
  at: Date,
): Promise<Hold | null> {
  const rows = await tx.$queryRaw<Hold[]>`
    WITH settled AS (
      UPDATE "Hold" SET status = ${status}::"HoldStatus", "settledAt" = ${at}
      WHERE id = ${holdId} AND status = 'ACTIVE'
      RETURNING id, "accountId", "orderId", amount, status::text AS status, "createdAt", "settledAt"),
    released AS (
      UPDATE "LedgerAccount" a SET held = a.held - settled.amount FROM settled WHERE a.id = settled."accountId")
    SELECT * FROM settled`;
  return rows[0] ?? null;
}

export interface LedgerViolation {
  rule: string;
  id: string;
  detail: string;
}

/** Every broken invariant over the whole database (see ledgerViolations in ledger.service.ts). */
export function violationRows(prisma: PrismaClient | Tx): Promise<LedgerViolation[]> {
  return prisma.$queryRaw<LedgerViolation[]>`
    SELECT 'balance = sum(entries)' AS rule, a.id, a.balance::text || ' <> ' || COALESCE(s.total, 0)::text AS detail
      FROM "LedgerAccount" a LEFT JOIN (SELECT "accountId", SUM(amount) AS total FROM "LedgerEntry" GROUP BY
        "accountId") s ON s."accountId" = a.id
     WHERE a.balance <> COALESCE(s.total, 0)
    UNION ALL
    SELECT 'transaction balances', e."transactionId", a.unit::text || ' sums to ' || SUM(e.amount)::text
      FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId"
     GROUP BY e."transactionId", a.unit HAVING SUM(e.amount) <> 0
    UNION ALL
    SELECT 'no negative balance', a.id, a.balance::text FROM "LedgerAccount" a WHERE NOT a."allowNegative" AND
      (a.balance < 0 OR a.held > a.balance)
    UNION ALL
    SELECT 'held = active holds', a.id, a.held::text || ' <> ' || COALESCE(h.total, 0)::text
      FROM "LedgerAccount" a LEFT JOIN (SELECT "accountId", SUM(amount) AS total FROM "Hold" WHERE status = 'ACTIVE'
        GROUP BY "accountId") h ON h."accountId" = a.id
     WHERE a.held <> COALESCE(h.total, 0)`;
}
