// The credit score and its consequences, read from the programme's `credit` section (002 二(三)10): the score is
// the base plus the points of the subject's active events within the window; what it means for dispatch, the
// monthly statement and the public lists are the section's thresholds. Used by this area and, through index.ts,
// by orders (dispatch) and settlement (the hold).
import type { CreditSubject } from '../db/prisma.js';
import type { PrismaClient } from '../db/prisma.js';
import type { Tx } from '../db/database.js';
import { ErrorCode, fail } from '../common/errors.js';
import { type CreditPolicy, type PolicyDocument, MANUAL_CREDIT_KINDS, policyDocument } from '../policies/index.js';

export type { CreditPolicy };
export const MANUAL_KINDS = MANUAL_CREDIT_KINDS;
export type DispatchStanding = 'NORMAL' | 'LOWERED' | 'BARRED';

/** The first instant whose events still count for a reading at `now`. */
export function windowStart(credit: CreditPolicy, now: Date): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - credit.windowMonths);
  return d;
}

/** Each subject's score in the programme: the base plus its active events' points within the window. */
export async function creditScores(
  db: PrismaClient | Tx,
  policyId: string,
  credit: CreditPolicy,
  subjectType: CreditSubject,
  subjectIds: readonly string[],
  now: Date,
): Promise<Map<string, number>> {
  const sums = subjectIds.length
    ? await db.creditEvent.groupBy({
        by: ['subjectId'],
        where: {
          policyId,
          subjectType,
          subjectId: { in: [...subjectIds] },
          status: 'ACTIVE',
          occurredAt: { gte: windowStart(credit, now), lte: now },
        },
        _sum: { points: true },
      })
    : [];
  const by = new Map(sums.map((s) => [s.subjectId, s._sum.points ?? 0]));
  return new Map(subjectIds.map((id) => [id, credit.base + (by.get(id) ?? 0)]));
}

export function dispatchStandingOf(credit: CreditPolicy, score: number): DispatchStanding {
  if (score < credit.dispatch.barredBelow) return 'BARRED';
  return score < credit.dispatch.lowerBelow ? 'LOWERED' : 'NORMAL';
}

export function publicListOf(credit: CreditPolicy, score: number): 'RED' | 'BLACK' | null {
  if (score >= credit.publicList.redAtLeast) return 'RED';
  return score < credit.publicList.blackBelow ? 'BLACK' : null;
}

/** Caregivers' standing for dispatch under the order's programme; empty when it keeps no credit records. */
export async function dispatchStandings(
  prisma: PrismaClient,
  policyId: string,
  caregiverIds: readonly string[],
  now: Date,
): Promise<Map<string, DispatchStanding>> {
  const credit = await creditPolicyOf(prisma, policyId);
  if (!credit) return new Map();
  const scores = await creditScores(prisma, policyId, credit, 'CAREGIVER', caregiverIds, now);
  return new Map([...scores].map(([id, score]) => [id, dispatchStandingOf(credit, score)]));
}

/**
 * Why a provider's monthly statement is held for its credit (暂缓结算), or null: its score under the programme is
 * below the section's `settlementHoldBelow`.
 */
export async function creditSettlementHold(
  db: PrismaClient | Tx,
  doc: PolicyDocument,
  policyId: string,
  providerId: string,
  now: Date,
): Promise<string | null> {
  const credit = doc.credit;
  if (!credit) return null;
  const score = (await creditScores(db, policyId, credit, 'PROVIDER', [providerId], now)).get(providerId)!;
  if (score >= credit.settlementHoldBelow) return null;
  return `服务机构信用分 ${score} 分，低于 ${credit.settlementHoldBelow} 分，暂缓结算（${credit.settlementSource}）`;
}

export async function creditPolicyOf(db: PrismaClient | Tx, policyId: string): Promise<CreditPolicy | null> {
  const policy = await db.policy.findUnique({ where: { id: policyId } });
  return policy ? (policyDocument(policy).credit ?? null) : null;
}

/**
 * The dispatcher's list under the order's programme (002 二(三)10): caregivers whose credit is lowered come after
 * every other, in the order they had; those barred are left out. Unchanged where the programme keeps no records.
 */
export async function rankByCredit<T extends { caregiver: { id: string } }>(
  prisma: PrismaClient,
  order: { serviceItemId: string },
  suggestions: T[],
  now: Date,
): Promise<T[]> {
  const item = await prisma.serviceItem.findUniqueOrThrow({ where: { id: order.serviceItemId } });
  const standing = await dispatchStandings(
    prisma,
    item.policyId,
    suggestions.map((s) => s.caregiver.id),
    now,
  );
  if (!standing.size) return suggestions;
  const of = (s: T) => standing.get(s.caregiver.id) ?? 'NORMAL';
  return [...suggestions.filter((s) => of(s) === 'NORMAL'), ...suggestions.filter((s) => of(s) === 'LOWERED')];
}

/** Refuses sending a caregiver whose credit bars them from dispatch under the order's programme. */
export async function assertCreditAllowsDispatch(
  prisma: PrismaClient,
  order: { serviceItemId: string },
  caregiverId: string,
  now: Date,
): Promise<void> {
  const item = await prisma.serviceItem.findUniqueOrThrow({ where: { id: order.serviceItemId } });
  const standing = await dispatchStandings(prisma, item.policyId, [caregiverId], now);
  if (standing.get(caregiverId) === 'BARRED') fail(ErrorCode.CREDIT_DISPATCH_BARRED);
}
