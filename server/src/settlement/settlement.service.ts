// Monthly settlement (000 七: 按月据实结算 by actual services, the third-party quality evaluation
// report is the basis, a failed report holds settlement until rectified; 001 七(三)、八(二):
// settlement from platform records, suspension holds it). Built from the ledger's charges of the
// month (confirmed visits only), frozen into lines so an approved month never changes.
import { type Actor, authorize, withinScope } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { creditSettlementHold } from '../credit/index.js';
import { ErrorCode, badInput, fail, isUniqueViolation } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { detectVisitExceptions } from '../exceptions/index.js';
import { loadPolicy, minimumWagePeriods, policyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import { moneyTx, post, systemAccount, monthBounds, monthLabel, parseMonth } from '../wallet/index.js';
import {
  analyzeLines,
  servedElders,
  statementFigures,
  valueHoursAtMinimumWage,
  writeLines,
} from './settlement.store.js';

/** The month as an instant window in Asia/Shanghai (UTC+8, no daylight saving). */
export function monthWindow(month: string) {
  parseMonth(month);
  const { first, last } = monthBounds(month);
  const start = new Date(first.getTime() - 8 * 3600_000);
  const end = new Date(last.getTime() + 86_400_000 - 8 * 3600_000);
  return { start, end };
}

/** Programmes in the official's district, with their providers (one per zone). */
async function programmesOf(prisma: PrismaClient, regionPath: string) {
  const policies = await prisma.policy.findMany({
    include: { region: true, zones: { include: { regions: { include: { region: true } }, provider: true } } },
  });
  return policies.filter((p) => pathWithin(p.region.path, regionPath));
}

/** The evaluation that counts for a provider's month: the latest (a re-evaluation supersedes a failed one, 000 七·3). */
export function latestEvaluation(prisma: PrismaClient, providerId: string, month: string) {
  return prisma.qualityEvaluation.findFirst({
    where: { providerId, month },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}

/**
 * Records a third-party quality evaluation (000 七). The evaluating agency may not be related to the
 * provider (004 附件7: 验收机构不得与服务提供机构为同一家机构或存在利益关系); score 0–100; a
 * report of at least 10 characters. One evaluation per provider and month, except that after a
 * failed one the provider rectifies and a re-evaluation (复查, 000 七·3 整改合格后再行结算)
 * supersedes it; both are kept and settlement follows the latest.
 */
export async function recordQualityEvaluation(
  prisma: PrismaClient,
  actor: Actor,
  input: { providerId: string; month: string; score: number; passed: boolean; report: string },
  now: Date,
) {
  const grant = authorize(actor, 'recordQualityEvaluation');
  parseMonth(input.month);
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100)
    throw badInput('score', '评估得分应为 0 到 100 的整数。');
  if ((input.report?.trim() ?? '').length < 10) throw badInput('report', '请填写评估报告（不少于 10 个字）。');
  const provider = await prisma.provider.findUnique({ where: { id: input.providerId } });
  if (!provider) return fail(ErrorCode.NOT_FOUND, '没有找到这家服务机构。');
  const related = await prisma.qaAgencyAffiliation.findUnique({
    where: { qaAgencyId_providerId: { qaAgencyId: actor.qaAgencyId!, providerId: provider.id } },
  });
  if (!withinScope(grant, { relatedQaAgencyIds: related ? [related.qaAgencyId] : [] }))
    fail(ErrorCode.FORBIDDEN, `贵机构与${provider.name}存在关联（${related!.relation}），不能评估这家机构。`);
  const previous = await latestEvaluation(prisma, provider.id, input.month);
  if (previous?.passed) fail(ErrorCode.INVALID_STATE, `${provider.name}${monthLabel(input.month)}的评估已经提交过了。`);
  if (previous && !previous.rectifiedAt)
    fail(
      ErrorCode.INVALID_STATE,
      `${provider.name}${monthLabel(input.month)}的评估未通过，须等机构提交整改报告后再复查。`,
    );
  try {
    const evaluation = await prisma.qualityEvaluation.create({
      data: {
        providerId: provider.id,
        qaAgencyId: actor.qaAgencyId!,
        evaluatorId: actor.userId,
        month: input.month,
        score: input.score,
        passed: input.passed,
        report: input.report.trim(),
        createdAt: now,
        supersedesId: previous?.id ?? null,
      },
    });
    await audit(prisma, actor, {
      action: previous ? 'QUALITY_REEVALUATION_RECORDED' : 'QUALITY_EVALUATION_RECORDED',
      entity: 'Provider',
      entityId: provider.id,
      detail: { month: input.month, score: input.score, passed: input.passed, supersedes: previous?.id ?? null },
    });
    return evaluation;
  } catch (err) {
    // Two re-evaluations of one failed evaluation at once: the unique supersedesId lets one in.
    if (isUniqueViolation(err))
      fail(ErrorCode.INVALID_STATE, `${provider.name}${monthLabel(input.month)}的复查已经提交过了。`);
    throw err;
  }
}

/**
 * The provider reports its rectification of a failed evaluation (000 七·3 整改), which opens the
 * way to a re-evaluation. Its own provider only; once per failed evaluation.
 */
export async function submitRectification(
  prisma: PrismaClient,
  actor: Actor,
  input: { month: string; report: string },
  now: Date,
) {
  authorize(actor, 'submitRectification');
  parseMonth(input.month);
  const report = input.report?.trim() ?? '';
  if (report.length < 10) throw badInput('report', '请填写整改报告（不少于 10 个字），写明问题和整改措施。');
  const latest = await latestEvaluation(prisma, actor.providerId!, input.month);
  if (!latest || latest.passed)
    fail(ErrorCode.INVALID_STATE, `${monthLabel(input.month)}没有未通过的质量评估，无需提交整改报告。`);
  authorize(actor, 'submitRectification', { providerIds: [latest!.providerId] });
  const n = await prisma.qualityEvaluation.updateMany({
    where: { id: latest!.id, rectifiedAt: null },
    data: { rectificationReport: report, rectifiedAt: now, rectifiedById: actor.userId },
  });
  if (n.count !== 1) fail(ErrorCode.INVALID_STATE, '整改报告已经提交过了，请等待第三方机构复查。');
  await audit(prisma, actor, {
    action: 'RECTIFICATION_SUBMITTED',
    entity: 'QualityEvaluation',
    entityId: latest!.id,
    detail: { month: input.month },
  });
  return prisma.qualityEvaluation.findUniqueOrThrow({ where: { id: latest!.id } });
}

/**
 * Builds (or rebuilds) the month's statement for every provider of the official's programmes.
 * Approved and paid statements are left exactly as they are; draft and held ones are rebuilt from
 * the same ledger charges, so running twice changes nothing. Only finished months are settled.
 */
export async function runSettlement(
  prisma: PrismaClient,
  actor: Actor,
  month: string,
  currentMonth: string,
  now: Date,
) {
  const regionPath = authorize(actor, 'runSettlement').actor.regionPath!;
  parseMonth(month);
  if (month >= currentMonth)
    fail(ErrorCode.BAD_USER_INPUT, `${monthLabel(month)}还没有结束，月初再结算上个月。`, { field: 'month' });
  const { start, end } = monthWindow(month);
  const { first, last } = monthBounds(month);
  const ids: string[] = [];
  let rebuilt = false;
  const policies = await programmesOf(prisma, regionPath);
  // The month's visits are screened first, so an exception found now holds its provider's line.
  await detectVisitExceptions(prisma, { month, policyIds: policies.map((p) => p.id) }, now);
  for (const policy of policies) {
    const doc = policyDocument(policy);
    const cap = doc.allowance.buckets.find((b) => b.unit === 'MINUTE')?.maxRateFenPerHour ?? 0;
    for (const zone of policy.zones) {
      const provider = zone.provider;
      if (!provider) continue;
      const existing = await prisma.settlement.findUnique({
        where: { providerId_month: { providerId: provider.id, month } },
      });
      if (existing && (existing.status === 'APPROVED' || existing.status === 'PAID')) {
        ids.push(existing.id);
        continue;
      }
      const evaluation = await latestEvaluation(prisma, provider.id, month);
      const heldFirst =
        provider.status === 'SUSPENDED'
          ? `服务机构已暂停资金结算：${provider.statusReason ?? '按合同处罚条款'}`
          : evaluation && !evaluation.passed && doc.settlement.failedEvaluationHolds
            ? `第三方质量评估未通过（${evaluation.score} 分），整改合格后再行结算` +
              `（${doc.settlement.source}）${evaluation.rectifiedAt ? '；已提交整改报告，待复查' : ''}`
            : null;
      const built = await prisma.$transaction(
        async (tx) => {
          const s = await tx.settlement.upsert({
            where: { providerId_month: { providerId: provider.id, month } },
            create: { providerId: provider.id, month },
            update: {},
          });
          await writeLines(tx, s.id, provider.id, { start, end }, cap);
          const wage = await valueHoursAtMinimumWage(tx, s.id, minimumWagePeriods(doc));
          // Unresolved exceptions on the statement's visits, or found in the month, hold the line.
          const { totals, open } = await statementFigures(tx, { settlementId: s.id, providerId: provider.id, month });
          // Every reason that holds the line is named, so the district sees all that must happen first.
          const reasons = [
            heldFirst,
            // 002 二(三)10: a provider whose credit is below the programme's line has its statement held.
            await creditSettlementHold(tx, doc, policy.id, provider.id, now),
            open ? `有 ${open} 条异常工单待街道或区民政部门处理，处理完毕后再行结算（${doc.settlement.source}）` : null,
          ].filter(Boolean);
          const heldReason = reasons.length ? reasons.join('；') : null;
          // 000 七: the platform's fee per elder served in the month, by zone (never credited to elders).
          const served = await servedElders(tx, {
            policyId: policy.id,
            zonePaths: zone.regions.map((z) => z.region.path),
            first,
            last,
            start,
            end,
          });
          const onlineServiceFen = served * (doc.settlement.platformFee?.fenPerServedElder ?? 0);
          await tx.settlement.update({
            where: { id: s.id },
            data: {
              status: heldReason ? 'HELD' : 'DRAFT',
              heldReason,
              ...totals,
              onlineServiceFen,
              penaltyFen: 0,
              snapshot: {
                builtAt: now.toISOString(),
                policy: policy.code,
                servedElders: served,
                openExceptions: open,
                // 003 三(二): lines whose day has no minimum-wage figure yet (pendingSource), valued at 0.
                ...(wage.pendingLines ? { minimumWagePendingLines: wage.pendingLines } : {}),
                basis: doc.settlement.basis,
                source: doc.settlement.source,
                evaluation: evaluation
                  ? {
                      id: evaluation.id,
                      score: evaluation.score,
                      passed: evaluation.passed,
                      supersedes: evaluation.supersedesId,
                      qaAgencyId: evaluation.qaAgencyId,
                      evaluatorId: evaluation.evaluatorId,
                    }
                  : null,
              },
            },
          });
          return { id: s.id, heldReason };
        },
        { timeout: 600_000, maxWait: 60_000 },
      );
      await audit(prisma, actor, {
        action: 'SETTLEMENT_BUILT',
        entity: 'Settlement',
        entityId: built.id,
        detail: { month, held: built.heldReason },
      });
      ids.push(built.id);
      rebuilt = true;
    }
  }
  if (rebuilt) await analyzeLines(prisma);
  return prisma.settlement.findMany({ where: { id: { in: ids } }, orderBy: { providerId: 'asc' } });
}

export async function settlementInScope(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  action: 'approveSettlement' | 'markSettlementPaid' | 'holdSettlement' | 'releaseSettlementHold',
) {
  authorize(actor, action);
  const s = await prisma.settlement.findUnique({ where: { id }, include: { provider: { include: { region: true } } } });
  if (!s) return fail(ErrorCode.NOT_FOUND, '没有找到这份结算单。');
  authorize(actor, action, { regionPath: s.provider.region.path });
  return s;
}

export const platformFeeKey = (settlementId: string) => `platform-fee:${settlementId}`;

/**
 * DRAFT → APPROVED. Held statements (recomputed or an official's hold) and, where the programme
 * requires one, months without a passed (latest) evaluation are refused. Approval posts the month's
 * platform fee (000 七) from the programme's funding to the platform's payable, once (its key is the
 * statement's), in the same transaction, so an approved statement and the ledger agree to the fen.
 */
export async function approveSettlement(prisma: PrismaClient, actor: Actor, id: string, now: Date) {
  const s = await settlementInScope(prisma, actor, id, 'approveSettlement');
  refuseManualHold(s, '审核');
  if (s.status === 'HELD') fail(ErrorCode.INVALID_STATE, `这份结算单暂缓结算：${s.heldReason}`);
  const policyCode = (s.snapshot as { policy?: string } | null)?.policy;
  const loaded = policyCode ? await loadPolicy(prisma, { code: policyCode }) : null;
  if (loaded?.doc.settlement.evaluationRequired) {
    const evaluation = await latestEvaluation(prisma, s.providerId, s.month);
    if (!evaluation?.passed)
      fail(
        ErrorCode.INVALID_STATE,
        `还没有${monthLabel(s.month)}合格的第三方质量评估报告，不能审核结算（${loaded.doc.settlement.source}）。`,
      );
  }
  await moneyTx(prisma, async (tx) => {
    // The hold is in the condition, so an official's hold committed a moment earlier wins over this approval.
    const n = await tx.settlement.updateMany({
      where: { id, status: 'DRAFT', manualHoldReason: null },
      data: { status: 'APPROVED', approvedById: actor.userId, approvedAt: now },
    });
    if (n.count !== 1) {
      refuseManualHold(await tx.settlement.findUniqueOrThrow({ where: { id } }), '审核');
      fail(ErrorCode.INVALID_STATE, '这份结算单已经审核过了。');
    }
    if (s.onlineServiceFen > 0 && loaded) {
      const funding = await systemAccount(tx, loaded.policy.id, 'FUNDING', 'FEN');
      const payable = await systemAccount(tx, loaded.policy.id, 'PLATFORM_FEE_PAYABLE', 'FEN');
      const fee = BigInt(s.onlineServiceFen);
      await post(tx, {
        kind: 'PLATFORM_FEE',
        idempotencyKey: platformFeeKey(id),
        request: { settlement: id, fen: s.onlineServiceFen },
        month: s.month,
        actorId: actor.userId,
        at: now,
        memo:
          `${monthLabel(s.month)}线上服务费（${s.provider.name}，按实际服务人数` +
          `，${loaded.doc.settlement.platformFee?.source ?? ''}）`,
        entries: [
          { accountId: funding.id, amount: -fee },
          { accountId: payable.id, amount: fee },
        ],
      });
    }
    await audit(tx, actor, {
      action: 'SETTLEMENT_APPROVED',
      entity: 'Settlement',
      entityId: id,
      detail: { platformFeeFen: s.onlineServiceFen },
    });
  });
  return prisma.settlement.findUniqueOrThrow({ where: { id } });
}

/** An official's hold (暂缓) stops approval and payment until it is released; the message names its reason. */
function refuseManualHold(s: { manualHoldReason: string | null }, what: string) {
  if (s.manualHoldReason)
    fail(ErrorCode.INVALID_STATE, `这份结算单已暂缓：${s.manualHoldReason}。请先核实并取消暂缓，再${what}。`);
}

/** APPROVED → PAID, unless an official holds it. */
export async function markSettlementPaid(prisma: PrismaClient, actor: Actor, id: string, now: Date) {
  refuseManualHold(await settlementInScope(prisma, actor, id, 'markSettlementPaid'), '登记付款');
  const n = await prisma.settlement.updateMany({
    where: { id, status: 'APPROVED', manualHoldReason: null },
    data: { status: 'PAID', paidAt: now },
  });
  if (n.count !== 1) {
    refuseManualHold(await prisma.settlement.findUniqueOrThrow({ where: { id } }), '登记付款');
    fail(ErrorCode.INVALID_STATE, '只有已审核的结算单才能登记付款。');
  }
  await audit(prisma, actor, { action: 'SETTLEMENT_PAID', entity: 'Settlement', entityId: id });
  return prisma.settlement.findUniqueOrThrow({ where: { id } });
}

/** The month's statements an official, or a provider (its own), may see. */
export async function listSettlements(prisma: PrismaClient, actor: Actor, month: string) {
  const grant = authorize(actor, 'settlements');
  parseMonth(month);
  if (grant.scope === 'PROVIDER')
    return prisma.settlement.findMany({ where: { month, providerId: actor.providerId! } });
  const regionPath = actor.regionPath!;
  const rows = await prisma.settlement.findMany({
    where: { month },
    include: { provider: { include: { region: true } } },
    orderBy: { providerId: 'asc' },
  });
  return rows.filter((r) => pathWithin(r.provider.region.path, regionPath));
}
