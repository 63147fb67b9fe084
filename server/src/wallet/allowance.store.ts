// The allowance run's own reads: its run row and the enrolments a batch credits, by indexed look-ups.
import type { Tx } from '../db/database.js';

/** Concurrent runs of the same programme and month take turns: each batch holds the run row. */
export async function lockRun(tx: Tx, runId: string) {
  await tx.$queryRaw`SELECT id FROM "AllowanceRun" WHERE id = ${runId} FOR UPDATE`;
}

/** An enrolment to credit, with what a per-elder amount reads (003 三(二): hours by self-care level). */
export interface EnrolmentToCredit {
  id: string;
  elderId: string;
  selfCare: 'SELF_CARE' | 'PARTIAL' | 'DISABLED';
  communityPath: string;
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
    return tx.$queryRaw<EnrolmentToCredit[]>`
      SELECT n.id, n."elderId", el."selfCareAbility"::text AS "selfCare", r.path AS "communityPath"
        FROM "Enrolment" n JOIN "Elder" el ON el.id = n."elderId" JOIN "Region" r ON r.id = el."communityId"
       WHERE n.id = ${b.onlyEnrolmentId} AND n.status = 'ACTIVE' AND n."startedOn" <= ${b.last}`;
  }
  return tx.$queryRaw<EnrolmentToCredit[]>`
    SELECT n.id, n."elderId", el."selfCareAbility"::text AS "selfCare", r.path AS "communityPath"
      FROM "Enrolment" n JOIN "Elder" el ON el.id = n."elderId" JOIN "Region" r ON r.id = el."communityId"
     WHERE n."policyId" = ${b.policyId} AND n.status = 'ACTIVE' AND n."startedOn" <= ${b.last}
       AND n.id > ${b.cursor ?? ''}
     ORDER BY n.id LIMIT ${b.size}`;
}
