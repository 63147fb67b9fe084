// Objections during the public notice (公示期): anyone signed in may object; the community worker
// checks an objection and, finding it groundless, dismisses it with the reason. An objection still
// standing holds the application at its notice stage (see application.service.ts).
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { badInput, ErrorCode, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';

/**
 * Anyone signed in may object while the notice runs (公示期); after it ends, INVALID_STATE. The
 * objector gets back their objection, not the application: a neighbour who objects has no claim
 * to the elder's phone, address or ID.
 */
export async function objectToApplication(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; reason: string },
  now: Date,
) {
  authorize(actor, 'objectToApplication');
  const reason = input.reason?.trim();
  if (!reason || reason.length < 4) throw badInput('reason', '请写明异议的具体理由（至少 4 个字）。');
  const app = await prisma.application.findUnique({ where: { id: input.id } });
  if (!app) return fail(ErrorCode.NOT_FOUND, '没有找到这份申请。');
  if (app.status !== 'PENDING' || app.stage !== 'PUBLIC_NOTICE' || !app.noticeEndsAt)
    fail(ErrorCode.INVALID_STATE, '这份申请不在公示期，不能提出异议。');
  if (now >= app.noticeEndsAt!) fail(ErrorCode.INVALID_STATE, '公示期已结束，不能再提出异议。');
  return prisma.$transaction(async (tx) => {
    const objection = await tx.applicationObjection.create({
      data: { applicationId: app.id, reason, byUserId: actor.userId, byName: actor.displayName, at: now },
    });
    await audit(tx, actor, {
      action: 'APPLICATION_OBJECTED',
      entity: 'Application',
      entityId: app.id,
      detail: { reason },
    });
    return objection;
  });
}

/** The community worker, having checked an objection and found it groundless, records why and lifts it. */
export async function dismissObjection(
  prisma: PrismaClient,
  actor: Actor,
  input: { objectionId: string; reason: string },
  now: Date,
) {
  authorize(actor, 'dismissObjection');
  const reason = input.reason?.trim();
  if (!reason) throw badInput('reason', '请写明核实情况。');
  const objection = await prisma.applicationObjection.findUnique({
    where: { id: input.objectionId },
    include: { application: { include: { elder: { include: { community: true } } } } },
  });
  if (!objection) return fail(ErrorCode.NOT_FOUND, '没有找到这条异议。');
  authorize(actor, 'dismissObjection', { regionPath: objection.application.elder.community.path });
  if (objection.dismissedAt || objection.application.status !== 'PENDING')
    fail(ErrorCode.INVALID_STATE, '这条异议已经处理过了。');
  return prisma.$transaction(async (tx) => {
    await tx.applicationObjection.update({
      where: { id: objection.id },
      data: { dismissedAt: now, dismissedById: actor.userId, dismissReason: reason },
    });
    await audit(tx, actor, {
      action: 'OBJECTION_DISMISSED',
      entity: 'Application',
      entityId: objection.applicationId,
      detail: { objection: objection.id, reason },
    });
    return tx.application.findUniqueOrThrow({ where: { id: objection.applicationId } });
  });
}
