// The care-bed area's SQL.
import type { Tx } from '../db/database.js';

/**
 * Waits for the transaction-scoped advisory lock of a district's care beds, so two confirmations or
 * acceptances in one district take turns and each checks the average with the other counted (004 四(一)).
 */
export async function lockDistrictBeds(tx: Tx, districtRegionId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS ok FROM pg_advisory_xact_lock(hashtext(${`care-beds:${districtRegionId}`}))`;
}
