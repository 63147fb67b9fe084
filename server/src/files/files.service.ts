// Visit photos (000 六: 拍照上传): uploaded by the caregiver, kept by content hash, shown only to
// those who may see the order they belong to. Documents on an elder's record (ID card, hukou
// booklet, certificates: elders/attachments.service.ts) go through the same store, uploaded by
// the officials and shown only to those who may see the elder's documents.
import { createHash } from 'node:crypto';
import { type Actor, authorize } from '../auth/index.js';
import { ErrorCode, fail, isUniqueViolation } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { elderScope, mayReadAttachment } from '../elders/index.js';
import { orderScope } from '../orders/index.js';
import type { FileStorage } from './storage.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** A scanned multi-page document (a hukou booklet, an assessment report) is larger than a photo. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The bytes must be what the content type says: JPEG (FF D8 FF), PNG (89 50 4E 47) or PDF (%PDF-). */
function sniff(bytes: Buffer): 'image/jpeg' | 'image/png' | 'application/pdf' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 8 && bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'image/png';
  if (bytes.length > 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export type UploadPurpose = 'photo' | 'attachment';

export async function uploadPhoto(
  prisma: PrismaClient,
  storage: FileStorage,
  actor: Actor,
  contentType: string,
  bytes: Buffer,
  purpose: UploadPurpose = 'photo',
) {
  const attachment = purpose === 'attachment';
  authorize(actor, attachment ? 'POST /files?purpose=attachment' : 'POST /files');
  const max = attachment ? MAX_ATTACHMENT_BYTES : MAX_PHOTO_BYTES;
  if (!bytes.length || bytes.length > max)
    fail(
      ErrorCode.BAD_USER_INPUT,
      attachment ? '材料不能为空，也不能超过 10 MB。' : '照片不能为空，也不能超过 5 MB。',
      { field: 'file' },
    );
  const mime = sniff(bytes);
  const accepted = !!mime && contentType.startsWith(mime) && (attachment || mime !== 'application/pdf');
  if (!accepted)
    fail(
      ErrorCode.BAD_USER_INPUT,
      attachment ? '材料只能上传 JPG、PNG 照片或 PDF 扫描件。' : '只能上传 JPG 或 PNG 照片。',
      { field: 'file' },
    );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await storage.put(sha256, bytes);
  return prisma.storedFile
    .create({
      data: { storageKey: `${sha256}`, mimeType: mime!, sizeBytes: bytes.length, sha256, uploadedById: actor.userId },
    })
    .catch(async (err) => {
      if (!isUniqueViolation(err)) throw err;
      return prisma.storedFile.findUniqueOrThrow({ where: { storageKey: sha256 } });
    });
}

/**
 * A file is readable by its uploader, by whoever may see an order whose visit uses it or whose
 * caregiver it portrays, and by
 * whoever may see the documents of an elder it is attached to.
 */
export async function readPhoto(prisma: PrismaClient, storage: FileStorage, actor: Actor, fileId: string) {
  const file = await prisma.storedFile.findUnique({ where: { id: fileId } });
  if (!file) return fail(ErrorCode.NOT_FOUND, '没有找到这张照片。');
  const allowed =
    file.uploadedById === actor.userId ||
    (await prisma.order.count({
      where: {
        AND: [
          orderScope(authorize(actor, 'GET /files/:id')),
          { visit: { OR: [{ checkInPhotoId: fileId }, { checkOutPhotoId: fileId }, { signatureFileId: fileId }] } },
        ],
      },
    })) > 0 ||
    // Issue 25: a caregiver's photo, for whoever may see an order that caregiver is on (the family).
    (await prisma.order.count({
      where: { AND: [orderScope(authorize(actor, 'GET /files/:id')), { caregiver: { photoFileId: fileId } }] },
    })) > 0 ||
    (await mayReadAttachment(prisma, actor, fileId)) ||
    // 004 附件5: a care bed's before/after photo, for those who may see the bed's elder (the officials
    // who review, file and print the bed's archive).
    (await prisma.careBedLine.count({
      where: {
        OR: [{ beforePhotoId: fileId }, { afterPhotoId: fileId }],
        careBed: { elder: elderScope(authorize(actor, 'GET /files/:id')) },
      },
    })) > 0;
  if (!allowed) fail(ErrorCode.FORBIDDEN, '您不能查看这张照片。');
  const bytes = await storage.get(file.storageKey);
  if (!bytes) return fail(ErrorCode.NOT_FOUND, '照片文件已丢失。');
  return { mimeType: file.mimeType, bytes };
}
