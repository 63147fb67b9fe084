// Facility grants on the ledger (003 三(一); 000 八): the start-up grant (district proposes, city
// disburses, clawed back if service stops within the window), and the monthly operating subsidy or
// yearly grant in monthly instalments. Every grant is one ledger transaction per fund source, from
// the paying finance's GRANT_FUNDING account to the facility's FACILITY_GRANT account, with a row
// in the grant register naming the source. The facility's row is locked first in every path, and
// every ledger key is derived from the facility and period, so a retry or a race posts once.
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { policyDocument, type PolicyDocument } from '../policies/index.js';
import { grantAccount, monthBounds, moneyTx, parseMonth, post } from '../wallet/index.js';
import { lockFacility } from './facilities.store.js';
import { addMonths, operatingDays } from './facilities.rules.js';
import { yuan } from '../common/money.js';

type Section = NonNullable<PolicyDocument['facilities']>;
type GrantKind = 'STARTUP' | 'OPERATING' | 'ANNUAL' | 'MEAL';
const TX_KIND = {
  STARTUP: 'FACILITY_STARTUP_GRANT',
  OPERATING: 'FACILITY_OPERATING_SUBSIDY',
  ANNUAL: 'FACILITY_ANNUAL_GRANT',
  MEAL: 'FACILITY_MEAL_SUBSIDY',
} as const;

export async function loadFacility(db: PrismaClient | Tx, id: string) {
  const f = await db.facility.findUnique({ where: { id }, include: { community: true, policy: true, operator: true } });
  if (!f) return fail(ErrorCode.NOT_FOUND, '没有找到这个设施。');
  const doc = policyDocument(f.policy);
  if (!doc.facilities) return fail(ErrorCode.INVALID_STATE, '这个设施所属项目没有设施补助政策。');
  return { f, doc, section: doc.facilities };
}

/** 取消服务资格 (003 四(三)): a disqualified operator's facilities get no grant of any kind. */
export function assertOperatorQualified(f: {
  name: string;
  operator: { name: string; disqualifiedAt: Date | null } | null;
}) {
  if (f.operator?.disqualifiedAt)
    fail(
      ErrorCode.PROVIDER_DISQUALIFIED,
      `${f.name}的运营机构${f.operator.name}已被取消服务资格（003 四(三)），设施不能领取补助。`,
    );
}

/**
 * Who pays what of `amountFen`: the facility's district's class and its shares. Percentages are
 * rounded down per share and the last share takes the remainder, so the shares add up exactly.
 */
export async function sharesOf(
  db: PrismaClient | Tx,
  section: Section,
  policyRegionId: string,
  communityPath: string,
  amountFen: number,
) {
  const codes = communityPath.split('/');
  const district = section.funding.districts.find((d) => codes.includes(d.regionCode));
  if (!district) return fail(ErrorCode.INVALID_STATE, '设施所在区县不在项目的资金分担表中。');
  const districtRow = await db.region.findUniqueOrThrow({ where: { code: district.regionCode } });
  const shares = section.funding.shares.filter((s) => s.class === district.class);
  let left = amountFen;
  return shares.map((s, i) => {
    const amount = i === shares.length - 1 ? left : Math.floor((amountFen * s.percent) / 100);
    left -= amount;
    return { ...s, amount, payerRegionId: s.payer === 'PROGRAMME_REGION' ? policyRegionId : districtRow.id };
  });
}

/** Posts one grant transaction per share and registers each; a replay finds the first postings. */
export async function postShares(
  tx: Tx,
  actor: Actor | null,
  f: { id: string },
  kind: GrantKind,
  period: string,
  shares: Awaited<ReturnType<typeof sharesOf>>,
  memo: string,
  at: Date,
) {
  const facilityAcc = await grantAccount(tx, { facilityId: f.id });
  for (const s of shares) {
    if (s.amount <= 0) continue;
    const fund = await grantAccount(tx, { fundingRegionId: s.payerRegionId, fundSource: s.fundSource });
    const key = `facility:${f.id}:${kind}:${period}:${s.fundSource}`;
    const { transaction, replayed } = await post(tx, {
      kind: TX_KIND[kind],
      idempotencyKey: key,
      request: { facilityId: f.id, kind, period, fundSource: s.fundSource, amount: s.amount },
      entries: [
        { accountId: fund.id, amount: -BigInt(s.amount) },
        { accountId: facilityAcc.id, amount: BigInt(s.amount) },
      ],
      month: period === 'ONCE' ? undefined : period,
      memo,
      actorId: actor?.userId,
      at,
    });
    if (!replayed)
      await tx.facilityGrant.create({
        data: {
          facilityId: f.id,
          kind,
          period,
          fundSource: s.fundSource,
          payerRegionId: s.payerRegionId,
          amountFen: s.amount,
          transactionId: transaction.id,
          createdAt: at,
        },
      });
  }
}

/** Start-up grant conditions (003 三(一)): the kind, the range, acceptance and months of operation. */
function checkStartup(
  section: Section,
  f: { kind: string; status: string; operatingSince: Date | null },
  amountFen: number,
  now: Date,
) {
  const rule = section.startupGrant;
  if (!rule || !rule.kinds.includes(f.kind as never))
    return fail(ErrorCode.INVALID_STATE, '这类设施没有一次性开办补助。');
  if (!Number.isInteger(amountFen) || amountFen < rule.minFen || amountFen > rule.maxFen)
    fail(
      ErrorCode.GRANT_OUT_OF_RANGE,
      `一次性开办补助应在 ${yuan(rule.minFen)} 元到 ${yuan(rule.maxFen)} 元之间（${rule.source}），请按项目规模重新核定。`,
    );
  if (f.status !== 'OPERATING' || !f.operatingSince || addMonths(f.operatingSince, rule.minOperatingMonths) > now)
    fail(
      ErrorCode.GRANT_TOO_EARLY,
      `设施须经验收并运营满 ${rule.minOperatingMonths} 个月后才能申请一次性开办补助（${rule.source}）。`,
    );
}

/** The district's proposal (区民政会同财政部门验收后提出补助意见). One start-up grant per facility. */
export async function proposeStartupGrant(
  prisma: PrismaClient,
  actor: Actor,
  input: { facilityId: string; amountFen: number; scaleNote?: string | null },
  now: Date,
) {
  const grant = authorize(actor, 'proposeStartupGrant');
  const { f, section } = await loadFacility(prisma, input.facilityId);
  authorize(grant.actor, 'proposeStartupGrant', { regionPath: f.community.path });
  assertOperatorQualified(f);
  checkStartup(section, f, input.amountFen, now);
  return prisma.$transaction(async (tx) => {
    await lockFacility(tx, f.id);
    const existing = await tx.startupGrant.findUnique({ where: { facilityId: f.id } });
    if (existing && existing.status !== 'REJECTED')
      fail(ErrorCode.INVALID_STATE, '这个设施已经有一次性开办补助，不能重复申请。');
    const data = {
      amountFen: input.amountFen,
      scaleNote: input.scaleNote ?? null,
      status: 'PROPOSED' as const,
      proposedById: actor.userId,
      proposedAt: now,
      reviewedById: null,
    };
    const row = existing
      ? await tx.startupGrant.update({ where: { id: existing.id }, data })
      : await tx.startupGrant.create({ data: { facilityId: f.id, ...data } });
    await audit(tx, actor, {
      action: 'STARTUP_GRANT_PROPOSED',
      entity: 'StartupGrant',
      entityId: row.id,
      detail: data,
    });
    return row;
  });
}

/**
 * The city's review and disbursement (报市民政和财政部门审核拨付): only an account at the programme's
 * own region may do it. The conditions are checked again now; the money moves from the shares'
 * finances to the facility. A second call returns the disbursed grant and moves nothing.
 */
export async function disburseStartupGrant(prisma: PrismaClient, actor: Actor, facilityId: string, now: Date) {
  const grant = authorize(actor, 'disburseStartupGrant');
  const { f, section } = await loadFacility(prisma, facilityId);
  authorize(grant.actor, 'disburseStartupGrant', { regionPath: f.community.path });
  assertOperatorQualified(f);
  const programmeRegion = await prisma.region.findUniqueOrThrow({ where: { id: f.policy.regionId } });
  if (actor.regionPath !== programmeRegion.path)
    fail(ErrorCode.FORBIDDEN, `一次性开办补助由${programmeRegion.name}民政和财政部门审核拨付（003 三(一)）。`);
  const row = await prisma.startupGrant.findUnique({ where: { facilityId } });
  if (!row) return fail(ErrorCode.INVALID_STATE, '这个设施还没有区级提出的开办补助意见。');
  const grantId = row.id;
  return moneyTx(prisma, async (tx) => {
    await lockFacility(tx, f.id);
    const cur = await tx.startupGrant.findUniqueOrThrow({ where: { id: grantId } });
    if (cur.status === 'DISBURSED') return cur;
    if (cur.status !== 'PROPOSED') fail(ErrorCode.INVALID_STATE, '这笔开办补助不在待审核状态。');
    const fresh = await tx.facility.findUniqueOrThrow({ where: { id: f.id } });
    checkStartup(section, fresh, cur.amountFen, now);
    const shares = await sharesOf(tx, section, f.policy.regionId, f.community.path, cur.amountFen);
    await postShares(tx, actor, f, 'STARTUP', 'ONCE', shares, `${f.name} 一次性开办补助`, now);
    const done = await tx.startupGrant.update({
      where: { id: grantId },
      data: { status: 'DISBURSED', reviewedById: actor.userId, disbursedAt: now },
    });
    await audit(tx, actor, { action: 'STARTUP_GRANT_DISBURSED', entity: 'StartupGrant', entityId: grantId });
    return done;
  });
}

/**
 * 项目单位自收到拨款日起两年内暂停老年人服务业务的，将追回一次性开办补助 (003 三(一)): called in the
 * status change's transaction, with the facility locked. Each share's posting is reversed in full.
 */
export async function clawBackIfWithinWindow(tx: Tx, actor: Actor, facilityId: string, now: Date) {
  const sg = await tx.startupGrant.findUnique({
    where: { facilityId },
    include: { facility: { include: { policy: true } } },
  });
  if (!sg || sg.status !== 'DISBURSED' || !sg.disbursedAt) return null;
  const rule = policyDocument(sg.facility.policy).facilities?.startupGrant;
  if (!rule || now >= addMonths(sg.disbursedAt, rule.clawbackWithinMonths)) return null;
  const paid = await tx.facilityGrant.findMany({ where: { facilityId, kind: 'STARTUP', clawback: false } });
  for (const g of paid) {
    const original = await tx.ledgerTransaction.findUniqueOrThrow({
      where: { id: g.transactionId },
      include: { entries: true },
    });
    const { transaction } = await post(tx, {
      kind: 'FACILITY_GRANT_CLAWBACK',
      idempotencyKey: `facility:${facilityId}:STARTUP:ONCE:${g.fundSource}:clawback`,
      request: { reverses: original.id },
      entries: original.entries.map((e) => ({ accountId: e.accountId, amount: -e.amount })),
      reversesId: original.id,
      memo: `追回一次性开办补助（${rule.source}）`,
      actorId: actor.userId,
      at: now,
    });
    await tx.facilityGrant.create({
      data: { ...g, id: undefined, clawback: true, transactionId: transaction.id, createdAt: now },
    });
  }
  await audit(tx, actor, { action: 'STARTUP_GRANT_CLAWED_BACK', entity: 'StartupGrant', entityId: sg.id });
  return tx.startupGrant.update({ where: { id: sg.id }, data: { status: 'CLAWED_BACK', clawedBackAt: now } });
}

/**
 * The month's operating subsidy (运行补贴: contracted m² × the monthly rate) or yearly-grant
 * instalment, for a month that has ended, pro rata to the days the facility operated (assumed).
 * Refused for a facility not operating now (FACILITY_NOT_OPERATING) or one that did not operate in
 * the month. A second call for the same month returns the first postings.
 */
export async function accrueFacilityGrant(
  prisma: PrismaClient,
  actor: Actor,
  input: { facilityId: string; month: string },
  now: Date,
) {
  const grant = authorize(actor, 'accrueFacilityGrant');
  parseMonth(input.month);
  const { f, section } = await loadFacility(prisma, input.facilityId);
  authorize(grant.actor, 'accrueFacilityGrant', { regionPath: f.community.path });
  assertOperatorQualified(f);
  const { first } = monthBounds(input.month);
  const endExclusive = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  // The month's end on the Shanghai calendar: midnight UTC of the next month's first day, less 8 h.
  if (now.getTime() < endExclusive.getTime() - 8 * 3600_000)
    throw badInput('month', '运行补贴按月核拨，请在当月结束后再办理。');
  const op = section.operatingSubsidy;
  const annual = section.annualGrant;
  const kind: GrantKind | null = op?.kinds.includes(f.kind as never)
    ? 'OPERATING'
    : annual?.kinds.includes(f.kind as never)
      ? 'ANNUAL'
      : null;
  if (!kind) return fail(ErrorCode.INVALID_STATE, '这类设施没有按月拨付的运行补贴。');
  const fullMonth = kind === 'OPERATING' ? f.contractedAreaM2 * op!.fenPerM2Month : annual!.fenPerYear / 12;
  return moneyTx(prisma, async (tx) => {
    await lockFacility(tx, f.id);
    const done = await tx.facilityGrant.findMany({
      where: { facilityId: f.id, kind, period: input.month, clawback: false },
    });
    if (done.length) return done;
    const fresh = await tx.facility.findUniqueOrThrow({ where: { id: f.id } });
    if (fresh.status !== 'OPERATING')
      fail(
        ErrorCode.FACILITY_NOT_OPERATING,
        `这个设施当前不在运营（${fresh.status === 'SUSPENDED' ? '暂停服务' : '未运营'}），不能拨付运行补贴。`,
      );
    const history = await tx.facilityStatusChange.findMany({
      where: { facilityId: f.id },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    const days = operatingDays(history, first, endExclusive);
    if (days === 0) fail(ErrorCode.FACILITY_NOT_OPERATING, `这个设施在${input.month}没有运营，不能拨付运行补贴。`);
    const inMonth = Math.round((endExclusive.getTime() - first.getTime()) / 86_400_000);
    const amount = Math.floor((fullMonth * days) / inMonth);
    const shares = await sharesOf(tx, section, f.policy.regionId, f.community.path, amount);
    const label = kind === 'OPERATING' ? '运行补贴' : '年度运营补助（按月）';
    await postShares(
      tx,
      actor,
      f,
      kind,
      input.month,
      shares,
      `${f.name} ${input.month} ${label}，运营 ${days}/${inMonth} 天`,
      now,
    );
    return tx.facilityGrant.findMany({ where: { facilityId: f.id, kind, period: input.month, clawback: false } });
  });
}
