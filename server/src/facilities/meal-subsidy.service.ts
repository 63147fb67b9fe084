// 老年助餐运营补助 (002 二(二)7) on the facility-grant ledger: for a month that has ended, the canteen's
// subsidy under the programme's formula over the meals served, the food-safety score and the elders'
// satisfaction (canteens' mealMonth), posted from the paying finance to the facility like every grant:
// the facility locked first, one ledger key per facility, month and fund source, so a retry or a race
// posts once and the grant register agrees with the ledger to the fen.
import { type Actor, authorize } from '../auth/index.js';
import { mealMonth } from '../canteens/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { monthBounds, moneyTx, parseMonth } from '../wallet/index.js';
import { lockFacility } from './facilities.store.js';
import { assertOperatorQualified, loadFacility, postShares, sharesOf } from './grants.service.js';

export async function accrueMealSubsidy(
  prisma: PrismaClient,
  actor: Actor,
  input: { facilityId: string; month: string },
  now: Date,
) {
  const grant = authorize(actor, 'accrueMealSubsidy');
  parseMonth(input.month);
  const { f, doc, section } = await loadFacility(prisma, input.facilityId);
  authorize(grant.actor, 'accrueMealSubsidy', { regionPath: f.community.path });
  assertOperatorQualified(f);
  const rule = section.mealSubsidy;
  if (!rule || !rule.kinds.includes(f.kind as never))
    return fail(ErrorCode.INVALID_STATE, '这类设施没有老年助餐运营补助。');
  const { first } = monthBounds(input.month);
  const endExclusive = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  if (now.getTime() < endExclusive.getTime() - 8 * 3600_000)
    throw badInput('month', '助餐运营补助按月核拨，请在当月结束后再办理。');
  return moneyTx(prisma, async (tx) => {
    await lockFacility(tx, f.id);
    const done = await tx.facilityGrant.findMany({
      where: { facilityId: f.id, kind: 'MEAL', period: input.month, clawback: false },
    });
    if (done.length) return done;
    const m = await mealMonth(tx, f, doc, input.month);
    if (m.amountFen == null) return fail(ErrorCode.INVALID_STATE, m.refusal!);
    const shares = await sharesOf(tx, section, f.policy.regionId, f.community.path, m.amountFen);
    const memo =
      `${f.name} ${input.month} 助餐运营补助：${m.meals} 餐 × ${m.fenPerMeal} 分 × 质量 ${m.qualityScore}/100` +
      (m.rated ? ` × 满意度 ${m.satisfactionAverage}/5` : '') +
      (m.pendingSource ? '（标准待定，演示值）' : '');
    await postShares(tx, actor, f, 'MEAL', input.month, shares, memo, now);
    return tx.facilityGrant.findMany({
      where: { facilityId: f.id, kind: 'MEAL', period: input.month, clawback: false },
    });
  });
}
