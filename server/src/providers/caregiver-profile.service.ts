// What a family sees of the caregiver at the door (issue 25): the provider's 工号 (staff number) and a
// photo, so the elder knows who is coming and the family can name the caregiver in a complaint. The
// provider's administrators set them; the photo is a file they uploaded through POST /files.
import type { Actor } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail, isUniqueViolation } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { caregiverInScope } from './caregivers.service.js';

/** Letters, digits and dashes, as providers print them on badges (HK-0012). */
const STAFF_NO = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);

export interface CaregiverProfileData {
  caregiverId: string;
  staffNo: string;
  /** A StoredFile id from POST /files; omitted or null keeps the photo the caregiver has. */
  photoFileId?: string | null;
}

const duplicate = (staffNo: string) => badInput('staffNo', `本机构已有护理员使用工号 ${staffNo}，请换一个。`);

/** Sets a caregiver's 工号 and photo. A left caregiver is not changed; the number is unique per provider. */
export async function setCaregiverProfile(prisma: PrismaClient, actor: Actor, input: CaregiverProfileData) {
  const caregiver = await caregiverInScope(prisma, actor, 'setCaregiverProfile', input.caregiverId);
  const staffNo = (input.staffNo ?? '').trim().toUpperCase();
  if (!STAFF_NO.test(staffNo)) throw badInput('staffNo', '工号为 1 到 20 位字母、数字或短横线，如 HK-0012。');
  const photoFileId = input.photoFileId ?? caregiver.photoFileId;
  if (input.photoFileId) {
    const file = await prisma.storedFile.findUnique({ where: { id: input.photoFileId } });
    // Only a photo this administrator uploaded: another user's file id must not become a public face.
    if (!file || (file.uploadedById !== actor.userId && file.id !== caregiver.photoFileId))
      throw badInput('photoFileId', '没有找到这张照片，请先上传护理员照片再保存。');
    if (!PHOTO_TYPES.has(file.mimeType)) throw badInput('photoFileId', '护理员照片只能是 JPG 或 PNG 图片。');
  }
  if (!caregiver.active) fail(ErrorCode.INVALID_STATE, '这位护理员已离职，不能再修改工号和照片。');
  const taken = await prisma.caregiver.findFirst({
    where: { providerId: caregiver.providerId, staffNo, NOT: { id: caregiver.id } },
    select: { id: true },
  });
  if (taken) throw duplicate(staffNo);
  return prisma
    .$transaction(async (tx) => {
      const c = await tx.caregiver.update({ where: { id: caregiver.id }, data: { staffNo, photoFileId } });
      await audit(tx, actor, {
        action: 'CAREGIVER_PROFILE_SET',
        entity: 'Caregiver',
        entityId: caregiver.id,
        detail: { staffNo, from: caregiver.staffNo, photoFileId },
      });
      return c;
    })
    .catch((err: unknown) => {
      // Two administrators giving the same number at once: the unique index decides.
      if (isUniqueViolation(err)) throw duplicate(staffNo);
      throw err;
    });
}
