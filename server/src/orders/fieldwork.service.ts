// The caregiver's app between dispatch and sign-off (issue 23; 000 六·流程2: the platform
// dispatches to the caregiver's phone, the caregiver goes to the home, serves, and the elder signs
// the service record). 出发 tells the family the caregiver is on the way; the service notes are
// what was done, written during the visit; the elder's signature, drawn on the caregiver's phone
// after check-out, is the evidence where the programme accepts it (evidence.accepted).
import { type Actor, authorize } from '../auth/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { shanghaiMinute } from '../common/calendar.js';
import type { PrismaClient } from '../db/prisma.js';
import { elderAudience, notify } from '../notices/index.js';
import { orderInScope } from './orders.service.js';
import { chargeConfirmedVisit } from './visits.service.js';
import { orderRules } from './visit-rules.js';

/** Service notes longer than this are a document, not a note (assumed: a visit's record fits in 1,000 characters). */
export const MAX_SERVICE_NOTES = 1000;

/**
 * 出发: the assigned caregiver sets off. The family is told (a notice) and the order shows when;
 * tapping again changes nothing. Only before check-in.
 */
export async function departForVisit(prisma: PrismaClient, actor: Actor, orderId: string, now: Date) {
  const order = await orderInScope(prisma, authorize(actor, 'departForVisit'), orderId);
  if (order.status !== 'ASSIGNED')
    fail(
      ErrorCode.INVALID_STATE,
      order.status === 'IN_SERVICE' ? '已经签到，不用再点出发。' : '这张工单现在不能出发。',
    );
  if (order.departedAt) return order;
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.order.updateMany({
      where: { id: order.id, status: 'ASSIGNED', departedAt: null },
      data: { departedAt: now },
    });
    // A second tap in flight: the first one's time stands and the family is told once.
    if (claimed.count === 1) {
      const item = await tx.serviceItem.findUniqueOrThrow({ where: { id: order.serviceItemId } });
      const caregiver = order.caregiverId
        ? await tx.caregiver.findUnique({ where: { id: order.caregiverId }, select: { name: true } })
        : null;
      await notify(tx, await elderAudience(tx, order.elderId), {
        elderId: order.elderId,
        kind: 'CAREGIVER_DEPARTED',
        title: '护理员已出发',
        body: `护理员${caregiver?.name ?? ''}已出发，前往老人家中做“${item.name}”（预约 ${shanghaiMinute(order.scheduledAt)}）。`,
        dedupe: `order:${order.id}:departed`,
        orderId: order.id,
      });
    }
    return tx.order.findUniqueOrThrow({ where: { id: order.id } });
  });
}

/** What was done, as the caregiver writes it: after check-in, until the visit is confirmed. */
export async function recordVisitNotes(prisma: PrismaClient, actor: Actor, orderId: string, notes: string) {
  const order = await orderInScope(prisma, authorize(actor, 'recordVisitNotes'), orderId);
  const text = (notes ?? '').trim();
  if (text.length < 2) throw badInput('serviceNotes', '请写下这次服务做了什么（如：打扫客厅和厨房，老人精神好）。');
  if ([...text].length > MAX_SERVICE_NOTES)
    throw badInput('serviceNotes', `服务记录最多 ${MAX_SERVICE_NOTES} 字，请精简后再保存。`);
  if (order.status !== 'IN_SERVICE' && order.status !== 'COMPLETED')
    fail(
      ErrorCode.INVALID_STATE,
      order.status === 'CONFIRMED' ? '服务已经确认，记录不能再改。' : '签到后才能填写服务记录。',
    );
  await prisma.visit.update({ where: { orderId: order.id }, data: { serviceNotes: text } });
  return prisma.order.findUniqueOrThrow({ where: { id: order.id } });
}

/**
 * The elder signs on the caregiver's phone after check-out (000 六·流程2 由老人签字确认): the
 * signature (a PNG the caregiver uploaded through POST /files) is kept on the visit and the visit
 * is confirmed and charged on ELDER_SIGNATURE, in one transaction, where the programme accepts it;
 * elsewhere EVIDENCE_NOT_ACCEPTED and the caregiver asks for the family's one-time code instead.
 */
export async function signOffVisit(
  prisma: PrismaClient,
  actor: Actor,
  orderId: string,
  signatureFileId: string,
  now: Date,
) {
  const order = await orderInScope(prisma, authorize(actor, 'signOffVisit'), orderId);
  const file = await prisma.storedFile.findUnique({ where: { id: signatureFileId } });
  if (!file || file.uploadedById !== actor.userId || file.mimeType !== 'image/png')
    throw badInput('signatureFileId', '请先让老人在手机上签名，再提交签名。');
  if (order.status !== 'COMPLETED')
    fail(
      ErrorCode.INVALID_STATE,
      order.status === 'CONFIRMED' ? '这次服务已经确认过了。' : '签退后才能请老人签名确认。',
    );
  const rules = await orderRules(prisma, order);
  if (!rules.doc.visits.evidence.accepted.includes('ELDER_SIGNATURE'))
    fail(
      ErrorCode.EVIDENCE_NOT_ACCEPTED,
      `老人所属项目不以手机签名作为确认依据（${rules.doc.visits.evidence.source}），请申请确认码由老人或家属告知。`,
    );
  return chargeConfirmedVisit(prisma, actor, order, 'ELDER_SIGNATURE', now, async (tx) => {
    await tx.visit.update({ where: { orderId: order.id }, data: { signatureFileId: file!.id } });
  });
}
