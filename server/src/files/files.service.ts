// Visit photos (000 六: 拍照上传): uploaded by the caregiver, kept by content hash, shown only to
// those who may see the order they belong to.
import { createHash } from 'node:crypto';
import { type Actor, authorize } from '../auth/index.js';
import { ErrorCode, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { orderScope } from '../orders/index.js';
import type { FileStorage } from './storage.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The bytes must be what the content type says: JPEG (FF D8 FF) or PNG (89 50 4E 47). */
function sniff(bytes: Buffer): 'image/jpeg' | 'image/png' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 8 && bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'image/png';
  return null;
}

export async function uploadPhoto(prisma: PrismaClient, storage: FileStorage, actor: Actor, contentType: string, bytes: Buffer) {
  authorize(actor, 'POST /files');
  if (!bytes.length || bytes.length > MAX_PHOTO_BYTES) fail(ErrorCode.BAD_USER_INPUT, '照片不能为空，也不能超过 5 MB。', { field: 'file' });
  const mime = sniff(bytes);
  if (!mime || !contentType.startsWith(mime)) fail(ErrorCode.BAD_USER_INPUT, '只能上传 JPG 或 PNG 照片。', { field: 'file' });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await storage.put(sha256, bytes);
  return prisma.storedFile.create({ data: { storageKey: `${sha256}`, mimeType: mime!, sizeBytes: bytes.length, sha256, uploadedById: actor.userId } }).catch(async (err) => {
    if ((err as { code?: string }).code !== 'P2002') throw err;
    return prisma.storedFile.findUniqueOrThrow({ where: { storageKey: sha256 } });
  });
}

/** A photo is readable by its uploader and by whoever may see an order whose visit uses it. */
export async function readPhoto(prisma: PrismaClient, storage: FileStorage, actor: Actor, fileId: string) {
  const file = await prisma.storedFile.findUnique({ where: { id: fileId } });
  if (!file) return fail(ErrorCode.NOT_FOUND, '没有找到这张照片。');
  const allowed =
    file.uploadedById === actor.userId ||
    (await prisma.order.count({ where: { AND: [orderScope(authorize(actor, 'GET /files/:id')), { visit: { OR: [{ checkInPhotoId: fileId }, { checkOutPhotoId: fileId }] } }] } })) > 0;
  if (!allowed) fail(ErrorCode.FORBIDDEN, '您不能查看这张照片。');
  const bytes = await storage.get(file.storageKey);
  if (!bytes) return fail(ErrorCode.NOT_FOUND, '照片文件已丢失。');
  return { mimeType: file.mimeType, bytes };
}
