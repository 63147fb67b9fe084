// The elder's sign-off of a finished visit (000 六·流程2: 服务记录单由老人签字确认), without paper:
// at check-out the caregiver asks for a one-time code, which goes to the elder's and the family's
// inbox (never to the caregiver). The elder reads it out if the visit happened as recorded; the
// caregiver enters it, and that is the evidence the visit is charged on. Five wrong guesses void
// the code, counted in the same statement that checks it (auth.store), so a burst cannot try more.
import { timingSafeEqual } from 'node:crypto';
import { type Actor, authorize, type Action, claimCodeAttempt } from '../auth/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { digitCode, hashCode } from '../common/one-time-code.js';
import type { PrismaClient } from '../db/prisma.js';
import { elderAudience, notify } from '../notices/index.js';
import { orderInScope } from './orders.service.js';
import { chargeConfirmedVisit } from './visits.service.js';

const TTL_MINUTES = 30;
const MAX_GUESSES = 5;
const MAX_CODES_PER_ORDER = 3;

const signOffHash = (secret: string, orderId: string, code: string) =>
  hashCode(secret, `visit-signoff:${orderId}`, code);

async function caregiversCompletedOrder(prisma: PrismaClient, actor: Actor, orderId: string, action: Action) {
  const order = await orderInScope(prisma, authorize(actor, action), orderId);
  if (order.status !== 'COMPLETED')
    fail(ErrorCode.INVALID_STATE, order.status === 'CONFIRMED' ? '这次服务已经确认过了。' : '签出后才能请老人确认。');
  return order;
}

/** Sends a new sign-off code to the elder and their family; returns when it expires and how many received it. */
export async function requestVisitSignOff(
  prisma: PrismaClient,
  secret: string,
  actor: Actor,
  orderId: string,
  now: Date,
) {
  const order = await caregiversCompletedOrder(prisma, actor, orderId, 'requestVisitSignOff');
  const audience = await elderAudience(prisma, order.elderId);
  if (!audience.length)
    fail(ErrorCode.INVALID_STATE, '老人和家属都没有开通小程序，收不到确认码；请联系热线，由回访电话核实确认。');
  if (
    (await prisma.accessCode.count({ where: { purpose: 'VISIT_SIGNOFF', subject: order.id } })) >= MAX_CODES_PER_ORDER
  ) {
    fail(ErrorCode.RATE_LIMITED, `这张工单已发过 ${MAX_CODES_PER_ORDER} 次确认码；请联系热线，由回访电话核实确认。`);
  }
  const code = digitCode(6);
  const expiresAt = new Date(now.getTime() + TTL_MINUTES * 60_000);
  const item = await prisma.serviceItem.findUniqueOrThrow({ where: { id: order.serviceItemId } });
  const visit = await prisma.visit.findUnique({ where: { orderId: order.id } });
  await prisma.$transaction(async (tx) => {
    // A new code replaces the previous one.
    await tx.accessCode.updateMany({
      where: { purpose: 'VISIT_SIGNOFF', subject: order.id, usedAt: null },
      data: { expiresAt: now },
    });
    const row = await tx.accessCode.create({
      data: {
        purpose: 'VISIT_SIGNOFF',
        subject: order.id,
        codeHash: signOffHash(secret, order.id, code),
        issuedById: actor.userId,
        expiresAt,
        createdAt: now,
      },
    });
    await notify(tx, audience, {
      elderId: order.elderId,
      kind: 'VISIT_SIGNOFF_CODE',
      title: '服务确认码',
      body:
        `护理员刚为老人完成“${item.name}”服务（记录 ${visit?.durationMinutes ?? 0} 分钟）。如服务属实，请把确认码 ${code} 告诉护理员` +
        `，${TTL_MINUTES} 分钟内有效；如服务没有做或时间不对，请不要告诉护理员，并拨打热线反映。`,
      dedupe: `order:${order.id}:signoff:${row.id}`,
      orderId: order.id,
    });
  });
  return { expiresAt, recipients: audience.length };
}

/** The caregiver enters the code the elder read out: the visit is confirmed on the elder's word and charged. */
export async function confirmVisitBySignOff(
  prisma: PrismaClient,
  secret: string,
  actor: Actor,
  orderId: string,
  code: string,
  now: Date,
) {
  const order = await caregiversCompletedOrder(prisma, actor, orderId, 'confirmVisitBySignOff');
  if (!/^\d{6}$/.test((code ?? '').trim())) throw badInput('code', '确认码是 6 位数字，请向老人或家属核对。');
  const attempt = await claimCodeAttempt(prisma, 'VISIT_SIGNOFF', order.id, now, MAX_GUESSES);
  if (!attempt) fail(ErrorCode.INVALID_STATE, '没有可用的确认码（已过期、已用过或输错次数过多），请重新申请确认码。');
  const want = Buffer.from(attempt!.codeHash);
  const given = Buffer.from(signOffHash(secret, order.id, code.trim()));
  if (want.length !== given.length || !timingSafeEqual(want, given)) {
    throw badInput('code', `确认码不对，请向老人或家属核对（还可以再试 ${MAX_GUESSES - attempt!.attempt} 次）。`);
  }
  const used = await prisma.accessCode.updateMany({
    where: { id: attempt!.id, usedAt: null },
    data: { usedAt: now, usedById: actor.userId },
  });
  if (used.count !== 1) fail(ErrorCode.INVALID_STATE, '这个确认码已经用过了。');
  return chargeConfirmedVisit(prisma, actor, order, 'ELDER_SIGNOFF_CODE', now);
}
