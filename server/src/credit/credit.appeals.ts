// Appeals against credit events (002 二(三)10): only the event's subject may appeal, within the programme's appeal
// period; a district official decides, audited; an upheld appeal reverses the event, and with it its points.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, fail, isUniqueViolation } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { policyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import { ownSubject, textOf } from './credit.service.js';

const DAY_MS = 86_400_000;

export async function appealCreditEvent(
  prisma: PrismaClient,
  actor: Actor,
  input: { eventId: string; reason: string },
  now: Date,
) {
  authorize(actor, 'appealCreditEvent');
  const reason = textOf('reason', input.reason, '申诉理由');
  const event = await prisma.creditEvent.findUnique({ where: { id: input.eventId } });
  if (!event) return fail(ErrorCode.NOT_FOUND, '没有找到这条信用记录。');
  const own = await ownSubject(prisma, actor);
  if (!own || own.type !== event.subjectType || own.id !== event.subjectId) fail(ErrorCode.CREDIT_NOT_SUBJECT);
  if (event.status !== 'ACTIVE') fail(ErrorCode.INVALID_STATE, '这条信用记录已经撤销，无需申诉。');
  const policy = await prisma.policy.findUniqueOrThrow({ where: { id: event.policyId } });
  const days = policyDocument(policy).credit?.appealDays ?? 0;
  if (now.getTime() > event.occurredAt.getTime() + days * DAY_MS)
    fail(ErrorCode.INVALID_STATE, `已超过 ${days} 天的申诉期限，不能再申诉。`);
  try {
    return await prisma.$transaction(async (tx) => {
      const appeal = await tx.creditAppeal.create({
        data: { eventId: event.id, filedById: actor.userId, reason, createdAt: now },
      });
      await audit(tx, actor, {
        action: 'CREDIT_APPEAL_FILED',
        entity: 'CreditAppeal',
        entityId: appeal.id,
        detail: { eventId: event.id, kind: event.kind, reason },
      });
      return appeal;
    });
  } catch (err) {
    if (isUniqueViolation(err)) fail(ErrorCode.INVALID_STATE, '这条信用记录已有申诉在处理中，请等待处理结果。');
    throw err;
  }
}

/** The officials' queue: appeals of events within their region, pending first. */
export async function creditAppeals(prisma: PrismaClient, actor: Actor, pendingOnly: boolean | null | undefined) {
  const grant = authorize(actor, 'creditAppeals');
  const appeals = await prisma.creditAppeal.findMany({
    where: {
      event: { regionPath: { startsWith: grant.actor.regionPath! } },
      ...(pendingOnly ? { status: 'PENDING' } : {}),
    },
    include: { event: true },
    orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
    take: 200,
  });
  const policies = await prisma.policy.findMany({
    where: { id: { in: [...new Set(appeals.map((a) => a.event.policyId))] } },
  });
  const labels = new Map(
    policies.flatMap((p) => (policyDocument(p).credit?.events ?? []).map((r) => [`${p.id}:${r.kind}`, r.label])),
  );
  return appeals.map((a) => ({
    ...a,
    event: { ...a.event, label: labels.get(`${a.event.policyId}:${a.event.kind}`) ?? a.event.kind, appeals: [] },
  }));
}

/**
 * Decides an appeal once. Upheld: the event is reversed (REVERSED) and its points no longer count; dismissed: it
 * stands. Either way the decision and its reason are audited.
 */
export async function decideCreditAppeal(
  prisma: PrismaClient,
  actor: Actor,
  input: { appealId: string; uphold: boolean; decision: string },
  now: Date,
) {
  const grant = authorize(actor, 'decideCreditAppeal');
  const decision = textOf('decision', input.decision, '处理意见');
  const appeal = await prisma.creditAppeal.findUnique({ where: { id: input.appealId }, include: { event: true } });
  if (!appeal) return fail(ErrorCode.NOT_FOUND, '没有找到这条申诉。');
  if (!pathWithin(appeal.event.regionPath, grant.actor.regionPath!))
    fail(ErrorCode.FORBIDDEN, '这条申诉不在您的管辖范围内。');
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.creditAppeal.updateMany({
      where: { id: appeal.id, status: 'PENDING' },
      data: {
        status: input.uphold ? 'UPHELD' : 'DISMISSED',
        decision,
        decidedById: actor.userId,
        decidedAt: now,
      },
    });
    if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这条申诉已经处理过了。');
    if (input.uphold)
      await tx.creditEvent.updateMany({
        where: { id: appeal.eventId, status: 'ACTIVE' },
        data: { status: 'REVERSED', reversedAt: now },
      });
    await audit(tx, actor, {
      action: 'CREDIT_APPEAL_DECIDED',
      entity: 'CreditAppeal',
      entityId: appeal.id,
      detail: {
        eventId: appeal.eventId,
        uphold: input.uphold,
        decision,
        points: appeal.event.points,
        subjectType: appeal.event.subjectType,
        subjectId: appeal.event.subjectId,
      },
    });
    const after = await tx.creditAppeal.findUniqueOrThrow({ where: { id: appeal.id }, include: { event: true } });
    const policy = await tx.policy.findUniqueOrThrow({ where: { id: after.event.policyId } });
    const label = policyDocument(policy).credit?.events.find((r) => r.kind === after.event.kind)?.label;
    return { ...after, event: { ...after.event, label: label ?? after.event.kind, appeals: [] } };
  });
}
