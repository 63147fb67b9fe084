// The credit area's listeners (002 二(三)10): what the platform already knows becomes a credit event of the
// subjects the programme's rule names, once per cause. A programme without a `credit` section records nothing.
import type { AppServices } from '../app/context.js';
import type { PrismaClient } from '../db/prisma.js';
import { recordAutomatic } from './credit.service.js';

/** The programme an elder's event falls under: the order's, else the elder's latest active enrolment's. */
async function policyOfElder(prisma: PrismaClient, elderId: string, orderId: string | null) {
  if (orderId) {
    const order = await prisma.order.findUnique({ where: { id: orderId }, include: { serviceItem: true } });
    if (order) return order.serviceItem.policyId;
  }
  const enrolment = await prisma.enrolment.findFirst({
    where: { elderId, status: 'ACTIVE' },
    orderBy: { startedOn: 'desc' },
  });
  return enrolment?.policyId ?? null;
}

const communityPath = async (prisma: PrismaClient, elderId: string) =>
  (await prisma.elder.findUniqueOrThrow({ where: { id: elderId }, include: { community: true } })).community.path;

const caregiverOf = async (prisma: PrismaClient, orderId: string | null) =>
  orderId ? ((await prisma.order.findUnique({ where: { id: orderId } }))?.caregiverId ?? null) : null;

export function registerCreditListeners(app: AppServices) {
  const prisma = app.db.prisma;

  app.events.on('complaint.atFault', async (e) => {
    const policyId = await policyOfElder(prisma, e.elderId, e.orderId);
    if (!policyId) return;
    await recordAutomatic(prisma, {
      policyId,
      kind: 'COMPLAINT_AT_FAULT',
      subjects: [
        { type: 'PROVIDER', id: e.providerId },
        { type: 'CAREGIVER', id: await caregiverOf(prisma, e.orderId) },
      ],
      reason: '投诉经回访核实属服务方责任',
      evidence: `投诉记录 ${e.complaintId}`,
      sourceRef: `complaint:${e.complaintId}`,
      regionPath: await communityPath(prisma, e.elderId),
      at: e.at,
    });
  });

  app.events.on('complaint.overdue', async (e) => {
    const policyId = await policyOfElder(prisma, e.elderId, e.orderId);
    if (!policyId || !e.providerId) return;
    await recordAutomatic(prisma, {
      policyId,
      kind: 'SLA_BREACH',
      subjects: [{ type: 'PROVIDER', id: e.providerId }],
      reason: '投诉超过处理时限仍未办结',
      evidence: `投诉记录 ${e.complaintId}，处理时限 ${e.dueAt.toISOString()}`,
      sourceRef: `complaint:${e.complaintId}`,
      regionPath: await communityPath(prisma, e.elderId),
      at: e.at,
    });
  });

  app.events.on('visitException.rejected', async (e) => {
    const order = await prisma.order.findUniqueOrThrow({ where: { id: e.orderId }, include: { serviceItem: true } });
    await recordAutomatic(prisma, {
      policyId: order.serviceItem.policyId,
      kind: 'FALSE_RECORD',
      subjects: [
        { type: 'PROVIDER', id: e.providerId },
        { type: 'CAREGIVER', id: order.caregiverId },
      ],
      reason: '异常工单经核实拒付，服务记录不实',
      evidence: `异常工单 ${e.exceptionId}（工单 ${e.orderId}）`,
      sourceRef: `visit-exception:${e.exceptionId}`,
      regionPath: await communityPath(prisma, order.elderId),
      at: e.at,
    });
  });

  // 套取现金或以商品代替服务（经核实） ends the service where the programme lists it; it is the elder's record too.
  app.events.on('enrolment.terminated', async (e) => {
    if (e.reason !== 'CASHED_OUT') return;
    await recordAutomatic(prisma, {
      policyId: e.policyId,
      kind: 'CASH_OUT',
      subjects: [{ type: 'ELDER', id: e.elderId }],
      reason: '经核实套取现金或以商品代替服务，终止服务',
      evidence: `终止服务记录 ${e.enrolmentId}`,
      sourceRef: `enrolment:${e.enrolmentId}`,
      regionPath: await communityPath(prisma, e.elderId),
      at: e.at,
    });
  });

  // A lapse counts in every programme the provider serves a zone of, where that programme keeps credit records.
  app.events.on('certificate.lapsed', async (e) => {
    const zones = await prisma.serviceZone.findMany({
      where: { providerId: e.providerId },
      include: { policy: { include: { region: true } } },
    });
    for (const policy of new Map(zones.map((z) => [z.policyId, z.policy])).values())
      await recordAutomatic(prisma, {
        policyId: policy.id,
        kind: 'CERTIFICATE_LAPSED',
        subjects: [{ type: 'CAREGIVER', id: e.caregiverId }],
        reason: `证件（${e.kind}）已于 ${e.expiresOn} 过期，未登记新证`,
        evidence: `证件记录 ${e.certificateId}`,
        sourceRef: `certificate:${e.certificateId}`,
        regionPath: policy.region.path,
        at: e.at,
      });
  });
}
