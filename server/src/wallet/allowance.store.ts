// The allowance run's own reads: its run row and the enrolments a batch credits, by indexed look-ups.
import type { Tx } from '../db/database.js';

/** Concurrent runs of the same programme and month take turns: each batch holds the run row. */
export async function lockRun(tx: Tx, runId: string) {
  await tx.$queryRaw`SELECT id FROM "AllowanceRun" WHERE id = ${runId} FOR UPDATE`;
}

/**
 * The next batch of active enrolments of a programme started by `last`, in id order after the
 * cursor; or the one enrolment `onlyEnrolmentId` (a new enrolment credited at once).
 */
export async function enrolmentsToCredit(
  tx: Tx,
  b: { policyId: string; last: Date; cursor?: string | null; onlyEnrolmentId?: string; size: number },
) {
  if (b.onlyEnrolmentId) {
    return tx.$queryRaw<{ id: string; elderId: string }[]>`
      SELECT id, "elderId" FROM "Enrolment" WHERE id = ${b.onlyEnrolmentId} AND status = 'ACTIVE' AND "startedOn" <=
        ${b.last}`;
  }
  return tx.$queryRaw<{ id: string; elderId: string }[]>`
    SELECT id, "elderId" FROM "Enrolment"
     WHERE "policyId" = ${b.policyId} AND status = 'ACTIVE' AND "startedOn" <= ${b.last} AND id > ${b.cursor ?? ''}
     ORDER BY id LIMIT ${b.size}`;
}
