// Visits under a home-visit agreement (004 三(二), 五(二)3/5, 五(五)): an order for an elder with a filed
// agreement is placed against it — the agreement's provider, one of its items, its price — and the project
// pays it from the programme's funding once the visit is confirmed; the elder's wallet is not touched.
// The orders area asks here which agreement an order is under; the rules are the programme's
// `visitAgreements` section.
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import type { PolicyDocument } from '../policies/index.js';
import { post, systemAccount } from '../wallet/index.js';
import { yuan } from '../common/money.js';

export interface AgreementVisit {
  id: string;
  providerId: string;
  priceFen: number;
  paymentSource: string;
}

/**
 * The agreement an order of `serviceCode` at `at` is under, or null where the programme has no agreements:
 * the elder's filed agreement (五(二)3 审查后…核定备案) in force at `at` that lists the item, the latest filed
 * first. Refused: more than one visit in an order (each visit counts once toward the visits owed,
 * BAD_USER_INPUT); an elder without such an agreement (NOT_ELIGIBLE), saying whether one waits for review.
 */
export async function agreementForVisit(
  prisma: PrismaClient | Tx,
  input: { elderId: string; policyId: string; doc: PolicyDocument; serviceCode: string; quantity: number; at: Date },
): Promise<AgreementVisit | null> {
  const rules = input.doc.visitAgreements;
  if (!rules) return null;
  const mine = { elderId: input.elderId, policyId: input.policyId, items: { has: input.serviceCode } };
  const found = await prisma.visitAgreement.findFirst({
    where: { ...mine, status: 'FILED', startsOn: { lte: input.at }, endsOn: { gt: input.at } },
    orderBy: [{ districtAt: 'desc' }, { id: 'desc' }],
  });
  if (!found) {
    const waiting = await prisma.visitAgreement.count({
      where: { ...mine, status: { in: ['SIGNED', 'STREET_REVIEWED'] } },
    });
    return fail(
      ErrorCode.NOT_ELIGIBLE,
      (waiting
        ? '这位老人的服务协议还没有经街道（镇）审查、区市民政部门核定备案（004 五(二)3），备案后才能按协议上门服务。'
        : '这位老人没有在预约时间有效、含这项服务的已备案服务协议，请先签订服务协议。') +
        `本项目的上门服务按服务协议约定的项目和价格由项目资金支付（${rules.paymentSource}）。`,
    );
  }
  if (input.quantity !== 1)
    throw badInput('quantity', '按服务协议上门服务，每张工单为一次上门服务（数量为 1），每次分别确认和计数。');
  return { id: found.id, providerId: found.providerId, priceFen: found.priceFen, paymentSource: rules.paymentSource };
}

/**
 * 五(二)5, 五(五): the confirmed agreed visit is paid by the project — the programme's funding to the
 * provider payable, at the agreed amount, once per order (its key). Runs in the confirmation's money
 * transaction, so the visit is confirmed and paid together or not at all.
 */
export async function payAgreementVisit(
  tx: Tx,
  order: { id: string; elderId: string; amountFen: number; visitAgreementId: string },
  policyId: string,
  actorId: string,
  now: Date,
) {
  if (order.amountFen <= 0) return null;
  const funding = await systemAccount(tx, policyId, 'FUNDING', 'FEN');
  const payable = await systemAccount(tx, policyId, 'PROVIDER_PAYABLE', 'FEN');
  const { transaction } = await post(tx, {
    kind: 'CHARGE',
    idempotencyKey: `order:${order.id}:agreement`,
    request: { order: order.id, agreement: order.visitAgreementId, amountFen: order.amountFen },
    entries: [
      { accountId: funding.id, amount: BigInt(-order.amountFen) },
      { accountId: payable.id, amount: BigInt(order.amountFen) },
    ],
    elderId: order.elderId,
    orderId: order.id,
    memo: `居家养老上门服务（按服务协议，项目资金支付）${yuan(order.amountFen)} 元`,
    actorId,
    at: now,
  });
  return transaction;
}
