// The orders area's SQL.
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';

/**
 * Waits for the transaction-scoped advisory lock on an idempotency key: requests with the same key
 * take turns, so the later ones find the first order instead of racing it for the balance.
 */
export async function lockIdempotencyKey(tx: Tx, key: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS ok FROM pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * Takes its turn on an order's idempotency key and returns the order the key already made, if any, in
 * one round trip (the migration's `order_key_turn`: the lock, then a read with a fresh snapshot).
 */
export async function orderKeyTurn(tx: Tx, key: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string | null }[]>`SELECT order_key_turn(${key}) AS id`;
  return rows[0]?.id ?? null;
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

/**
 * Each caregiver's ratings over the orders they served (count and average stars), for a page of
 * order cards in one statement rather than one aggregate per card.
 */
export async function caregiverRatings(
  prisma: PrismaClient,
  caregiverIds: readonly string[],
): Promise<{ average: number | null; count: number }[]> {
  const rows = await prisma.$queryRaw<{ id: string; average: number | null; n: number }[]>`
    SELECT o."caregiverId" AS id, avg(r.stars)::float8 AS average, count(*)::int AS n
    FROM "Rating" r JOIN "Order" o ON o.id = r."orderId"
    WHERE o."caregiverId" = ANY(${[...caregiverIds]}::text[])
    GROUP BY o."caregiverId"`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return caregiverIds.map((id) => ({ average: byId.get(id)?.average ?? null, count: byId.get(id)?.n ?? 0 }));
}
