// The orders area's SQL.
import type { Tx } from '../db/database.js';

/**
 * Waits for the transaction-scoped advisory lock on an idempotency key: requests with the same key
 * take turns, so the later ones find the first order instead of racing it for the balance.
 */
export async function lockIdempotencyKey(tx: Tx, key: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS ok FROM pg_advisory_xact_lock(hashtext(${key}))`;
}
