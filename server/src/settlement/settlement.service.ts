// Monthly settlement (000 七: 按月据实结算 by actual services, the third-party quality evaluation
// report is the basis, a failed report holds settlement until rectified; 001 七(三)、八(二):
// settlement from platform records, suspension holds it). Built from the ledger's charges of the
// month (confirmed visits only), frozen into lines so an approved month never changes.
import { type Actor, authorize, withinScope } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { loadPolicy, policyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import { monthBounds, monthLabel, parseMonth } from '../wallet/index.js';

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
  const policies = await prisma.policy.findMany({ include: { region: true, zones: { include: { regions: { include: { region: true } }, provider: true } } } });
  return policies.filter((p) => pathWithin(p.region.path, regionPath));
}

/**
 * Records a third-party quality evaluation (000 七). The evaluating agency may not be related to the
 * provider (004 附件7: 验收机构不得与服务提供机构为同一家机构或存在利益关系); one per provider and
 * month; score 0–100; a report of at least 10 characters.
 */
export async function recordQualityEvaluation(
  prisma: PrismaClient,
  actor: Actor,
  input: { providerId: string; month: string; score: number; passed: boolean; report: string },
  now: Date,
) {
  const grant = authorize(actor, 'recordQualityEvaluation');
  parseMonth(input.month);
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100) throw badInput('score', '评估得分应为 0 到 100 的整数。');
  if ((input.report?.trim() ?? '').length < 10) throw badInput('report', '请填写评估报告（不少于 10 个字）。');
  const provider = await prisma.provider.findUnique({ where: { id: input.providerId } });
  if (!provider) return fail(ErrorCode.NOT_FOUND, '没有找到这家服务机构。');
  const related = await prisma.qaAgencyAffiliation.findUnique({ where: { qaAgencyId_providerId: { qaAgencyId: actor.qaAgencyId!, providerId: provider.id } } });
  if (!withinScope(grant, { relatedQaAgencyIds: related ? [related.qaAgencyId] : [] })) fail(ErrorCode.FORBIDDEN, `贵机构与${provider.name}存在关联（${related!.relation}），不能评估这家机构。`);
  try {
    const evaluation = await prisma.qualityEvaluation.create({
      data: { providerId: provider.id, qaAgencyId: actor.qaAgencyId!, evaluatorId: actor.userId, month: input.month, score: input.score, passed: input.passed, report: input.report.trim(), createdAt: now },
    });
    await audit(prisma, actor, { action: 'QUALITY_EVALUATION_RECORDED', entity: 'Provider', entityId: provider.id, detail: { month: input.month, score: input.score, passed: input.passed } });
    return evaluation;
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') fail(ErrorCode.INVALID_STATE, `${provider.name}${monthLabel(input.month)}的评估已经提交过了。`);
    throw err;
  }
}

/**
 * Builds (or rebuilds) the month's statement for every provider of the official's programmes.
 * Approved and paid statements are left exactly as they are; draft and held ones are rebuilt from
 * the same ledger charges, so running twice changes nothing. Only finished months are settled.
 */
export async function runSettlement(prisma: PrismaClient, actor: Actor, month: string, currentMonth: string, now: Date) {
  const regionPath = authorize(actor, 'runSettlement').actor.regionPath!;
  parseMonth(month);
  if (month >= currentMonth) fail(ErrorCode.BAD_USER_INPUT, `${monthLabel(month)}还没有结束，月初再结算上个月。`, { field: 'month' });
  const { start, end } = monthWindow(month);
  const { first, last } = monthBounds(month);
  const ids: string[] = [];
  for (const policy of await programmesOf(prisma, regionPath)) {
    const doc = policyDocument(policy);
    const cap = doc.allowance.buckets.find((b) => b.unit === 'MINUTE')?.maxRateFenPerHour ?? 0;
    for (const zone of policy.zones) {
      const provider = zone.provider;
      if (!provider) continue;
      const existing = await prisma.settlement.findUnique({ where: { providerId_month: { providerId: provider.id, month } } });
      if (existing && (existing.status === 'APPROVED' || existing.status === 'PAID')) {
        ids.push(existing.id);
        continue;
      }
      const evaluation = await prisma.qualityEvaluation.findUnique({ where: { providerId_month: { providerId: provider.id, month } } });
      const heldReason =
        provider.status === 'SUSPENDED' ? `服务机构已暂停资金结算：${provider.statusReason ?? '按合同处罚条款'}`
        : evaluation && !evaluation.passed && doc.settlement.failedEvaluationHolds ? `第三方质量评估未通过（${evaluation.score} 分），整改合格后再行结算（${doc.settlement.source}）`
        : null;
      const id = await prisma.$transaction(async (tx) => {
        const s = await tx.settlement.upsert({
          where: { providerId_month: { providerId: provider.id, month } },
          create: { providerId: provider.id, month },
          update: {},
        });
        await tx.settlementLine.deleteMany({ where: { settlementId: s.id } });
        await tx.$executeRaw`
          WITH charged AS (
            SELECT t."orderId",
                   SUM(CASE WHEN a.kind IN ('SUBSIDY_ONLINE', 'SUBSIDY_OFFLINE') THEN -e.amount ELSE 0 END) AS subsidy_fen,
                   SUM(CASE WHEN a.kind = 'SUBSIDY_HOURS' THEN -e.amount ELSE 0 END) AS subsidy_min,
                   SUM(CASE WHEN a.kind = 'SELF_PAID' THEN -e.amount ELSE 0 END) AS self_fen
              FROM "LedgerTransaction" t
              JOIN "LedgerEntry" e ON e."transactionId" = t.id
              JOIN "LedgerAccount" a ON a.id = e."accountId" AND a."elderId" IS NOT NULL
             WHERE t.kind = 'CHARGE' AND t."orderId" IS NOT NULL AND t."createdAt" >= ${start} AND t."createdAt" < ${end}
             GROUP BY t."orderId")
          INSERT INTO "SettlementLine" (id, "settlementId", "orderId", "elderId", "elderName", "idNumberEnc", "communityName", "serviceCode", "serviceName",
                                        category, mode, "visitDate", "durationMinutes", "amountFen", "subsidyFen", "subsidyMinutes", "hoursValueFen",
                                        "selfPaidFen", "caregiverName", satisfaction, stars)
          SELECT gen_random_uuid()::text, ${s.id}, o.id, el.id, el.name, el."idNumberEnc", r.name, si.code, si.name, si.category, si.mode::text,
                 to_char(COALESCE(v."checkInAt", o."scheduledAt") + interval '8 hours', 'YYYY-MM-DD'), COALESCE(v."durationMinutes", 0), o."amountFen",
                 c.subsidy_fen, c.subsidy_min, round(c.subsidy_min * LEAST(COALESCE(si."priceFen", ${cap}), ${cap}) / 60.0)::int,
                 c.self_fen, COALESCE(cg.name, ''), f.satisfaction::text, rt.stars
            FROM charged c
            JOIN "Order" o ON o.id = c."orderId" AND o."providerId" = ${provider.id}
            JOIN "Elder" el ON el.id = o."elderId"
            JOIN "Region" r ON r.id = el."communityId"
            JOIN "ServiceItem" si ON si.id = o."serviceItemId"
            LEFT JOIN "Visit" v ON v."orderId" = o.id
            LEFT JOIN "Caregiver" cg ON cg.id = o."caregiverId"
            LEFT JOIN "FollowUp" f ON f."orderId" = o.id
            LEFT JOIN "Rating" rt ON rt."orderId" = o.id`;
        const [totals] = await tx.$queryRaw<{ orders: bigint; subsidy: bigint | null; minutes: bigint | null; hours: bigint | null; self: bigint | null }[]>`
          SELECT count(*) AS orders, SUM("subsidyFen") AS subsidy, SUM("subsidyMinutes") AS minutes, SUM("hoursValueFen") AS hours, SUM("selfPaidFen") AS self
            FROM "SettlementLine" WHERE "settlementId" = ${s.id}`;
        // 000 七: the online service (30 元) is paid per elder enrolled in the month, by zone.
        const zonePaths = zone.regions.map((z) => `${z.region.path}/%`);
        const [enrolled] = await tx.$queryRaw<{ n: bigint }[]>`
          SELECT count(DISTINCT e."elderId") AS n FROM "Enrolment" e JOIN "Elder" el ON el.id = e."elderId" JOIN "Region" r ON r.id = el."communityId"
           WHERE e."policyId" = ${policy.id} AND e."startedOn" <= ${last} AND (e."endedOn" IS NULL OR e."endedOn" >= ${first}) AND r.path LIKE ANY(${zonePaths}::text[])`;
        const onlineServiceFen = Number(enrolled!.n) * (doc.settlement.onlineServiceFenPerElder ?? 0);
        await tx.settlement.update({
          where: { id: s.id },
          data: {
            status: heldReason ? 'HELD' : 'DRAFT',
            heldReason,
            orders: Number(totals!.orders),
            subsidyFen: Number(totals!.subsidy ?? 0),
            subsidyMinutes: Number(totals!.minutes ?? 0),
            hoursValueFen: Number(totals!.hours ?? 0),
            selfPaidFen: Number(totals!.self ?? 0),
            onlineServiceFen,
            penaltyFen: 0,
            snapshot: {
              builtAt: now.toISOString(), policy: policy.code, enrolledElders: Number(enrolled!.n), basis: doc.settlement.basis, source: doc.settlement.source,
              evaluation: evaluation ? { score: evaluation.score, passed: evaluation.passed, qaAgencyId: evaluation.qaAgencyId, evaluatorId: evaluation.evaluatorId } : null,
            },
          },
        });
        return s.id;
      }, { timeout: 600_000, maxWait: 60_000 });
      await audit(prisma, actor, { action: 'SETTLEMENT_BUILT', entity: 'Settlement', entityId: id, detail: { month, held: heldReason } });
      ids.push(id);
    }
  }
  return prisma.settlement.findMany({ where: { id: { in: ids } }, orderBy: { providerId: 'asc' } });
}

async function settlementInScope(prisma: PrismaClient, actor: Actor, id: string, action: 'approveSettlement' | 'markSettlementPaid') {
  authorize(actor, action);
  const s = await prisma.settlement.findUnique({ where: { id }, include: { provider: { include: { region: true } } } });
  if (!s) return fail(ErrorCode.NOT_FOUND, '没有找到这份结算单。');
  authorize(actor, action, { regionPath: s.provider.region.path });
  return s;
}

/** DRAFT → APPROVED. Held statements and, where the programme requires one, unevaluated months are refused. */
export async function approveSettlement(prisma: PrismaClient, actor: Actor, id: string, now: Date) {
  const s = await settlementInScope(prisma, actor, id, 'approveSettlement');
  if (s.status === 'HELD') fail(ErrorCode.INVALID_STATE, `这份结算单暂缓结算：${s.heldReason}`);
  const policyCode = (s.snapshot as { policy?: string } | null)?.policy;
  const doc = policyCode ? (await loadPolicy(prisma, { code: policyCode }))?.doc : undefined;
  if (doc?.settlement.evaluationRequired) {
    const evaluation = await prisma.qualityEvaluation.findUnique({ where: { providerId_month: { providerId: s.providerId, month: s.month } } });
    if (!evaluation?.passed) fail(ErrorCode.INVALID_STATE, `还没有${monthLabel(s.month)}合格的第三方质量评估报告，不能审核结算（${doc.settlement.source}）。`);
  }
  const n = await prisma.settlement.updateMany({ where: { id, status: 'DRAFT' }, data: { status: 'APPROVED', approvedById: actor.userId, approvedAt: now } });
  if (n.count !== 1) fail(ErrorCode.INVALID_STATE, '这份结算单已经审核过了。');
  await audit(prisma, actor, { action: 'SETTLEMENT_APPROVED', entity: 'Settlement', entityId: id });
  return prisma.settlement.findUniqueOrThrow({ where: { id } });
}

/** APPROVED → PAID. */
export async function markSettlementPaid(prisma: PrismaClient, actor: Actor, id: string, now: Date) {
  await settlementInScope(prisma, actor, id, 'markSettlementPaid');
  const n = await prisma.settlement.updateMany({ where: { id, status: 'APPROVED' }, data: { status: 'PAID', paidAt: now } });
  if (n.count !== 1) fail(ErrorCode.INVALID_STATE, '只有已审核的结算单才能登记付款。');
  await audit(prisma, actor, { action: 'SETTLEMENT_PAID', entity: 'Settlement', entityId: id });
  return prisma.settlement.findUniqueOrThrow({ where: { id } });
}

/** The month's statements an official, or a provider (its own), may see. */
export async function listSettlements(prisma: PrismaClient, actor: Actor, month: string) {
  const grant = authorize(actor, 'settlements');
  parseMonth(month);
  if (grant.scope === 'PROVIDER') return prisma.settlement.findMany({ where: { month, providerId: actor.providerId! } });
  const regionPath = actor.regionPath!;
  const rows = await prisma.settlement.findMany({ where: { month }, include: { provider: { include: { region: true } } }, orderBy: { providerId: 'asc' } });
  return rows.filter((r) => pathWithin(r.provider.region.path, regionPath));
}
