// Exceptions (异常工单): visits a street or district officer should look at before public money
// pays for them (000 七 按月据实结算, 整改合格后再行结算; 001 八(二)2(2) 记录虚假服务). Found by
// set-based detectors per programme and month (exceptions.store.ts); each is resolved once: ACCEPT
// (paid as charged), ADJUST (part of the charge reversed) or REJECT (all of it reversed), through
// the ledger, with an audit line. An open exception holds its provider's statement for the month.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail, isUniqueViolation } from '../common/errors.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { Tx } from '../db/database.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { orderScope } from '../orders/index.js';
import { policyDocument } from '../policies/index.js';
import { moneyTx, post, monthBounds, monthLabel, parseMonth } from '../wallet/index.js';
import { insertFindings, orderCharges } from './exceptions.store.js';
import type { EventBus } from '../common/events.js';

export const VISIT_EXCEPTION_REASONS = [
  'SHORT_VISIT',
  'OUTSIDE_WINDOW',
  'QUICK_SAME_POINT',
  'CAREGIVER_OVERLAP',
  'PHOTO_REUSED',
  'LOCATION_REPEATED',
] as const;
export const VISIT_EXCEPTION_STATUSES = ['OPEN', 'ACCEPTED', 'ADJUSTED', 'REJECTED'] as const;
export const RESOLUTIONS = ['ACCEPT', 'ADJUST', 'REJECT'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** The month as an instant window in Asia/Shanghai (UTC+8, no daylight saving). */
function window(month: string) {
  const { first, last } = monthBounds(month);
  return { start: new Date(first.getTime() - 8 * 3600_000), end: new Date(last.getTime() + 86_400_000 - 8 * 3600_000) };
}

/**
 * Screens the month's checked-out visits of the programmes (all of them unless given) with each
 * programme's thresholds. Idempotent: a finding is recorded once per visit and reason.
 */
export async function detectVisitExceptions(
  prisma: PrismaClient | Tx,
  q: { month: string; policyIds?: string[] },
  now: Date,
) {
  parseMonth(q.month);
  const { start, end } = window(q.month);
  const policies = await prisma.policy.findMany({
    where: q.policyIds ? { id: { in: q.policyIds } } : {},
    orderBy: { code: 'asc' },
  });
  let found = 0;
  for (const policy of policies) {
    const doc = policyDocument(policy);
    const x = doc.exceptions;
    found += await insertFindings(prisma, {
      policyId: policy.id,
      start,
      end,
      now,
      earlyMinutes: doc.visits.checkInWindow.earlyMinutes,
      lateMinutes: doc.visits.checkInWindow.lateMinutes,
      shortVisitPercent: x.shortVisitPercent,
      samePointMeters: x.samePointMeters,
      samePointMinutes: x.samePointMinutes,
      repeatedLocationVisits: x.repeatedLocationVisits,
    });
  }
  return found;
}

export interface VisitExceptionFilter {
  month?: string | null;
  reason?: string | null;
  status?: string | null;
  providerId?: string | null;
}

/** The exceptions of visits in the caller's area (officers) or of its own visits (a provider), newest first. */
export async function listVisitExceptions(
  prisma: PrismaClient,
  actor: Actor,
  filter: VisitExceptionFilter,
  page: PageArgs,
) {
  const grant = authorize(actor, 'visitExceptions');
  if (filter.month) parseMonth(filter.month);
  const { take, afterId } = pageWindow(page);
  const where: Prisma.VisitExceptionWhereInput = {
    AND: [
      { order: orderScope(grant) },
      filter.month ? { month: filter.month } : {},
      filter.reason ? { reason: filter.reason as never } : {},
      filter.status ? { status: filter.status as never } : {},
      filter.providerId ? { providerId: filter.providerId } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.visitException.findMany({
      where: { AND: [where, afterId ? { id: { lt: afterId } } : {}] },
      orderBy: { id: 'desc' },
      take: take + 1,
    }),
    prisma.visitException.count({ where }),
  ]);
  return toConnection(rows, take, total);
}

const STATUS_OF: Record<Resolution, 'ACCEPTED' | 'ADJUSTED' | 'REJECTED'> = {
  ACCEPT: 'ACCEPTED',
  ADJUST: 'ADJUSTED',
  REJECT: 'REJECTED',
};
const LABEL: Record<string, string> = {
  ACCEPTED: '已接受',
  ADJUSTED: '已调整扣费',
  REJECTED: '已拒付',
  OPEN: '待处理',
};

/**
 * Resolves an exception once. ACCEPT changes no money. ADJUST takes `amountFen` back from the
 * visit's charge (less than all of it; subsidy minutes at their value), REJECT takes all of it back:
 * each charge is reversed (REVERSAL, at most once per charge) into the elder's accounts it came
 * from, the elder's own money first. An officer outside the visit's area is refused, as is a
 * second resolution or one after the month's statement was approved; nothing changes then.
 */
export async function resolveVisitException(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; resolution: Resolution; amountFen?: number | null; note: string },
  now: Date,
  events?: EventBus,
) {
  authorize(actor, 'resolveVisitException');
  const note = input.note?.trim() ?? '';
  if (note.length < 4) throw badInput('note', '请写明处理意见（如：电话核实老人确认服务 2 小时）。');
  if (!RESOLUTIONS.includes(input.resolution)) throw badInput('resolution', '处理结果只能是接受、调整扣费或拒付。');
  if (input.resolution === 'ADJUST' && (!Number.isInteger(input.amountFen) || input.amountFen! <= 0))
    throw badInput('amountFen', '调整扣费须填写要退回的金额（分，正整数）。');
  const ex = await prisma.visitException.findUnique({
    where: { id: input.id },
    include: {
      order: { include: { elder: { include: { community: true } }, serviceItem: { include: { policy: true } } } },
    },
  });
  if (!ex) return fail(ErrorCode.NOT_FOUND, '没有找到这条异常工单。');
  authorize(actor, 'resolveVisitException', {
    regionPath: ex.order.elder.community.path,
    providerIds: [ex.providerId],
  });
  if (ex.status !== 'OPEN') fail(ErrorCode.INVALID_STATE, `这条异常工单已经处理过了（${LABEL[ex.status]}）。`);
  const statement = await prisma.settlement.findUnique({
    where: { providerId_month: { providerId: ex.providerId, month: ex.month } },
  });
  if (statement && (statement.status === 'APPROVED' || statement.status === 'PAID')) {
    fail(ErrorCode.INVALID_STATE, `${monthLabel(ex.month)}的结算单已经审核，不能再调整这次服务的费用。`);
  }
  if (input.resolution !== 'ACCEPT' && ex.order.status !== 'CONFIRMED') {
    fail(ErrorCode.INVALID_STATE, '这次服务还没有确认扣费，没有可退回的费用；核实后可先“接受”，或等确认后再处理。');
  }
  const doc = policyDocument(ex.order.serviceItem.policy);
  const cap = doc.allowance.buckets.find((b) => b.unit === 'MINUTE')?.maxRateFenPerHour ?? Number.MAX_SAFE_INTEGER;
  const perHour = Math.min(ex.order.serviceItem.priceFen ?? cap, cap);
  let resolved;
  try {
    resolved = await moneyTx(prisma, async (tx) => {
      const claimed = await tx.visitException.updateMany({
        where: { id: ex.id, status: 'OPEN' },
        data: { status: STATUS_OF[input.resolution], note, resolvedById: actor.userId, resolvedAt: now },
      });
      if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这条异常工单已经处理过了。');
      const reversedFen =
        input.resolution === 'ACCEPT'
          ? 0
          : await reverseCharges(tx, ex, input.resolution === 'REJECT' ? null : input.amountFen!, perHour, actor, now);
      await audit(tx, actor, {
        action: 'VISIT_EXCEPTION_RESOLVED',
        entity: 'VisitException',
        entityId: ex.id,
        detail: { orderId: ex.orderId, reason: ex.reason, resolution: input.resolution, reversedFen, note },
      });
      return tx.visitException.update({ where: { id: ex.id }, data: { reversedFen } });
    });
  } catch (err) {
    // Another exception of the same visit reversed its charge at the same moment.
    if (isUniqueViolation(err)) fail(ErrorCode.INVALID_STATE, '这次服务的扣费已经退回过了。');
    throw err;
  }
  // 002 二(三)10: a rejected visit is a false record on the provider's and caregiver's credit (after commit).
  if (input.resolution === 'REJECT')
    await events?.publish('visitException.rejected', {
      exceptionId: ex.id,
      orderId: ex.orderId,
      providerId: ex.providerId,
      at: now,
    });
  return resolved;
}

/** Reverses `amountFen` of the order's charges (all of them when null); returns the value taken back. */
async function reverseCharges(
  tx: Tx,
  ex: { id: string; orderId: string; order: { elderId: string } },
  amountFen: number | null,
  perHour: number,
  actor: Actor,
  now: Date,
) {
  const charges = await orderCharges(tx, ex.orderId);
  if (charges.some((c) => c.reversedBy)) fail(ErrorCode.INVALID_STATE, '这次服务的扣费已经退回过了。');
  const parts = charges.map((c) => {
    const elderEntry = c.entries.find((e) => e.account.elderId)!;
    const other = c.entries.find((e) => e !== elderEntry)!;
    const amount = -elderEntry.amount;
    const minute = elderEntry.account.unit === 'MINUTE';
    return {
      charge: c,
      elderEntry,
      other,
      amount,
      minute,
      selfPaid: elderEntry.account.kind === 'SELF_PAID',
      value: minute ? Math.round((Number(amount) * perHour) / 60) : Number(amount),
    };
  });
  const total = parts.reduce((n, p) => n + p.value, 0);
  if (amountFen !== null && amountFen >= total)
    throw badInput('amountFen', `退回金额应小于这次服务已扣的 ${total} 分；全部不予支付请选择“拒付”。`);
  let left = amountFen ?? total;
  let taken = 0;
  // The elder's own money goes back first, then the subsidy (money, then minutes).
  for (const p of [
    ...parts.filter((x) => x.selfPaid),
    ...parts.filter((x) => !x.selfPaid && !x.minute),
    ...parts.filter((x) => x.minute),
  ]) {
    if (left <= 0) break;
    let back: bigint;
    let value: number;
    if (p.minute) {
      const minutes =
        amountFen === null
          ? Number(p.amount)
          : Math.min(Number(p.amount), Math.ceil((left * 60) / Math.max(1, perHour)));
      back = BigInt(minutes);
      value = Math.min(left, Math.round((minutes * perHour) / 60));
    } else {
      back = BigInt(Math.min(Number(p.amount), left));
      value = Number(back);
    }
    if (back <= 0n) continue;
    left -= value;
    taken += value;
    await post(tx, {
      kind: 'REVERSAL',
      idempotencyKey: `exception:${ex.id}:reverse:${p.charge.id}`,
      request: { exception: ex.id, charge: p.charge.id, amount: back.toString() },
      reversesId: p.charge.id,
      orderId: ex.orderId,
      elderId: ex.order.elderId,
      actorId: actor.userId,
      at: now,
      memo: amountFen === null ? '异常工单复核：不予支付，退回扣费' : '异常工单复核：调整扣费，退回部分费用',
      entries: [
        { accountId: p.elderEntry.accountId, amount: back },
        { accountId: p.other.accountId, amount: -back },
      ],
    });
  }
  return taken;
}
