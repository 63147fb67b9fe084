// Scanned documents on an elder's record or application (000 附件1-2 申请材料: 身份证, 户口簿, 低保证,
// 能力评估报告, 签字页): the worker uploads the file through POST /files?purpose=attachment and
// attaches it here. Only those who may see the elder's record may see its documents; an ID card
// or hukou booklet shows the full ID number, so provider staff and caregivers never see them.
import { type Actor, authorize, type Grant } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { badInput, DomainError } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope, elderScope } from './elders.service.js';

export const AttachmentKind = {
  ID_CARD: 'ID_CARD',
  HUKOU_BOOKLET: 'HUKOU_BOOKLET',
  LOW_INCOME_CERTIFICATE: 'LOW_INCOME_CERTIFICATE',
  ASSESSMENT_REPORT: 'ASSESSMENT_REPORT',
  SIGNATURE: 'SIGNATURE',
  OTHER: 'OTHER',
} as const;
export type AttachmentKind = keyof typeof AttachmentKind;

export interface AttachData {
  elderId: string;
  kind: AttachmentKind;
  fileId: string;
  applicationId?: string | null;
  note?: string | null;
}

/**
 * Attaches a file the caller uploaded. Out of scope: FORBIDDEN; a file that is not the caller's
 * own upload, is already on this elder, or an application of another elder: BAD_USER_INPUT.
 */
export async function attachElderFile(prisma: PrismaClient, actor: Actor, input: AttachData, now: Date) {
  await assertElderInScope(prisma, authorize(actor, 'attachElderFile'), input.elderId);
  const file = await prisma.storedFile.findUnique({ where: { id: input.fileId } });
  if (!file || file.uploadedById !== actor.userId)
    throw badInput('fileId', '请先上传这份材料的扫描件或照片，再选择它。');
  // A visit photo stays with its visit; one upload is one document.
  const used = await prisma.visit.count({ where: { OR: [{ checkInPhotoId: file.id }, { checkOutPhotoId: file.id }] } });
  if (used) throw badInput('fileId', '这是上门服务的现场照片，不能作为老人的材料。');
  if (await prisma.elderAttachment.count({ where: { elderId: input.elderId, fileId: file.id } }))
    throw badInput('fileId', '这份材料已经附在这位老人的档案中。');
  if (input.applicationId) {
    const app = await prisma.application.findUnique({ where: { id: input.applicationId }, select: { elderId: true } });
    if (!app || app.elderId !== input.elderId)
      throw badInput('applicationId', '这份申请不是这位老人的，请从老人的申请中选择。');
  }
  return prisma.$transaction(async (tx) => {
    const row = await tx.elderAttachment.create({
      data: {
        elderId: input.elderId,
        applicationId: input.applicationId ?? null,
        kind: input.kind,
        fileId: file.id,
        note: input.note?.trim() || null,
        uploadedById: actor.userId,
        createdAt: now,
      },
      include: { file: true },
    });
    await audit(tx, actor, {
      action: 'ATTACHMENT_ADDED',
      entity: 'Elder',
      entityId: input.elderId,
      detail: {
        attachmentId: row.id,
        kind: input.kind,
        applicationId: input.applicationId ?? null,
        changes: [],
        note: input.note ?? null,
      },
    });
    return row;
  });
}

/** The elder's documents, newest first; with an application, that application's. */
export async function elderAttachments(
  prisma: PrismaClient,
  actor: Actor,
  elderId: string,
  applicationId?: string | null,
) {
  await assertElderInScope(prisma, authorize(actor, 'elderAttachments'), elderId);
  return prisma.elderAttachment.findMany({
    where: { elderId, ...(applicationId ? { applicationId } : {}) },
    orderBy: { id: 'desc' },
    include: { file: true },
  });
}

/** For GET /files/:id: true when the file is a document on an elder the caller may see documents of. */
export async function mayReadAttachment(prisma: PrismaClient, actor: Actor, fileId: string): Promise<boolean> {
  let grant: Grant;
  try {
    grant = authorize(actor, 'elderAttachments');
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
  return (await prisma.elderAttachment.count({ where: { fileId, elder: elderScope(grant) } })) > 0;
}
