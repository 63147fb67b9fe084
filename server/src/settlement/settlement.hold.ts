// An official's own hold on a provider's monthly statement (暂缓（原因）, issue 24). The recomputed
// hold (heldReason: a failed evaluation, open exceptions, a suspended provider; 000 七) is rebuilt
// with every run; this one is the district's decision, so it lives in its own columns, survives a
// rebuild, and only a release clears it. While it stands the line is neither approved nor paid.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { settlementInScope } from './settlement.service.js';

export const HOLD_REASON = { min: 2, max: 200 } as const;

/** The reason as stored: trimmed, 2–200 characters (counted as characters, not UTF-16 units). */
export function holdReasonOf(raw: string | null | undefined): string {
  const reason = raw?.trim() ?? '';
  const length = [...reason].length;
  if (!length) throw badInput('reason', '请填写暂缓原因，如：待核实 11 月部分上门记录，核实后再审核。');
  if (length < HOLD_REASON.min)
    throw badInput('reason', `暂缓原因太短，请写明为什么暂缓（至少 ${HOLD_REASON.min} 个字）。`);
  if (length > HOLD_REASON.max) throw badInput('reason', `暂缓原因最多 ${HOLD_REASON.max} 个字，请精简后再提交。`);
  return reason;
}

/**
 * Holds the line with the official's reason. Holding again with the same reason changes nothing (a
 * retried click); another reason while held is refused, so what was written is not lost silently. A
 * paid statement is past holding. The hold is conditional on the row, so against a concurrent
 * approval or payment exactly the order the database commits them in holds.
 */
export async function holdSettlement(prisma: PrismaClient, actor: Actor, id: string, rawReason: string, now: Date) {
  authorize(actor, 'holdSettlement');
  const reason = holdReasonOf(rawReason);
  await settlementInScope(prisma, actor, id, 'holdSettlement');
  return prisma.$transaction(async (tx) => {
    const n = await tx.settlement.updateMany({
      where: { id, status: { not: 'PAID' }, manualHoldReason: null },
      data: { manualHoldReason: reason, manualHeldById: actor.userId, manualHeldAt: now },
    });
    const s = await tx.settlement.findUniqueOrThrow({ where: { id } });
    if (n.count !== 1) {
      if (s.manualHoldReason === reason) return s;
      if (s.manualHoldReason)
        fail(ErrorCode.INVALID_STATE, `这份结算单已暂缓：${s.manualHoldReason}。如需改写原因，请先取消暂缓。`);
      fail(ErrorCode.INVALID_STATE, '这份结算单已经付款，不能再暂缓。');
    }
    await audit(tx, actor, {
      action: 'SETTLEMENT_HELD',
      entity: 'Settlement',
      entityId: id,
      detail: { reason, status: s.status, month: s.month },
    });
    return s;
  });
}

/**
 * Clears the official's hold (取消暂缓); the recomputed hold, if any, still stands. Releasing an unheld
 * line changes nothing (a retried click).
 */
export async function releaseSettlementHold(prisma: PrismaClient, actor: Actor, id: string) {
  await settlementInScope(prisma, actor, id, 'releaseSettlementHold');
  return prisma.$transaction(async (tx) => {
    const before = await tx.settlement.findUniqueOrThrow({ where: { id } });
    const n = await tx.settlement.updateMany({
      where: { id, manualHoldReason: { not: null } },
      data: { manualHoldReason: null, manualHeldById: null, manualHeldAt: null },
    });
    if (n.count === 1)
      await audit(tx, actor, {
        action: 'SETTLEMENT_HOLD_RELEASED',
        entity: 'Settlement',
        entityId: id,
        detail: { reason: before.manualHoldReason, heldById: before.manualHeldById, month: before.month },
      });
    return tx.settlement.findUniqueOrThrow({ where: { id } });
  });
}

/** Who held the line, by name, for the console and the statement file. */
export async function heldByName(prisma: PrismaClient, s: { manualHeldById: string | null }) {
  if (!s.manualHeldById) return null;
  return (await prisma.user.findUnique({ where: { id: s.manualHeldById } }))?.displayName ?? null;
}

/** Every reason that holds a line, the official's first, as the statement file's 暂缓原因 shows them. */
export function holdReasons(s: { manualHoldReason: string | null; heldReason: string | null }): string {
  return [s.manualHoldReason ? `人工暂缓：${s.manualHoldReason}` : null, s.heldReason].filter(Boolean).join('；');
}
