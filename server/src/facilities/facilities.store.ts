// Raw SQL of the facilities area.
import type { Tx } from '../db/database.js';

/**
 * Locks the facility's row until the transaction ends. Every change of status and every grant
 * posting takes it first, so a suspension and a subsidy for the same facility run one after the
 * other: the subsidy sees the suspension, or the suspension's clawback sees the grant.
 */
export async function lockFacility(tx: Tx, facilityId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Facility" WHERE id = ${facilityId} FOR UPDATE`;
  return rows.length === 1;
}
