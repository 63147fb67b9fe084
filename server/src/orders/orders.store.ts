// The orders area's SQL.
import type { Tx } from '../db/database.js';

/**
 * Waits for the transaction-scoped advisory lock on an idempotency key: requests with the same key
 * take turns, so the later ones find the first order instead of racing it for the balance.
 */
export async function lockIdempotencyKey(tx: Tx, key: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS ok FROM pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * Locks an order's row for the rest of the transaction and reads what a move depends on, so a
 * cancellation, a check-in or another move in flight waits or is seen as it is.
 */
export async function lockOrderRow(
  tx: Tx,
  orderId: string,
): Promise<{ status: string; scheduledAt: Date; caregiverId: string | null }> {
  const rows = await tx.$queryRaw<{ status: string; scheduledAt: Date; caregiverId: string | null }[]>`
    SELECT "status"::text AS "status", "scheduledAt", "caregiverId" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  return rows[0]!;
}
