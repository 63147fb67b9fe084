// Linking a family member's account to an elder (family members see only their linked elders).
// The community worker who knows the family issues a one-time code; the family member enters it
// in the mini-program. Codes are letters so they survive being read over the phone.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail, isUniqueViolation } from '../common/errors.js';
import { hashCode, letterCode, normaliseCode } from '../common/one-time-code.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from './elders.service.js';

export const LINK_CODE_TTL_HOURS = 72;
const CODES_PER_ELDER_PER_DAY = 10;
const FAILED_LINKS_PER_HOUR = 10;
const RELATIONS = ['子女', '配偶', '孙子女', '兄弟姐妹', '儿媳女婿', '其他亲属', '监护人', '邻居朋友'] as const;
export const FAMILY_RELATIONS: readonly string[] = RELATIONS;

const linkHash = (secret: string, code: string) => hashCode(secret, 'family-link', code);

/**
 * A community worker (or an official above them) issues an 8-letter code for an elder in their
 * area, valid 72 hours, once. Refused: other roles or elders outside the area (FORBIDDEN), more
 * than 10 codes for one elder in a day (RATE_LIMITED).
 */
export async function issueFamilyLinkCode(
  prisma: PrismaClient,
  secret: string,
  actor: Actor,
  elderId: string,
  now: Date,
) {
  const elder = await assertElderInScope(prisma, authorize(actor, 'issueFamilyLinkCode'), elderId);
  const today = await prisma.accessCode.count({
    where: { purpose: 'FAMILY_LINK', subject: elder.id, createdAt: { gt: new Date(now.getTime() - 86_400_000) } },
  });
  if (today >= CODES_PER_ELDER_PER_DAY) fail(ErrorCode.RATE_LIMITED, '这位老人今天已发放了 10 个关联码，请明天再发。');
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = letterCode();
    try {
      const row = await prisma.$transaction(async (tx) => {
        const created = await tx.accessCode.create({
          data: {
            purpose: 'FAMILY_LINK',
            subject: elder.id,
            codeHash: linkHash(secret, code),
            issuedById: actor.userId,
            expiresAt: new Date(now.getTime() + LINK_CODE_TTL_HOURS * 3_600_000),
            createdAt: now,
          },
        });
        await audit(tx, actor, { action: 'FAMILY_LINK_CODE_ISSUED', entity: 'Elder', entityId: elder.id });
        return created;
      });
      return { code, expiresAt: row.expiresAt, elder };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return fail(ErrorCode.INTERNAL_SERVER_ERROR);
}

/**
 * A FAMILY user enters the code and their relation; the elder appears in their mini-program.
 * Refused with nothing written: another role (FORBIDDEN), a relation not in the list or a
 * malformed code (BAD_USER_INPUT), an unknown, used or expired code (BAD_USER_INPUT on `code`,
 * counted: 10 failures an hour and further tries are RATE_LIMITED), an elder already linked
 * (INVALID_STATE, the code stays usable for another family member).
 */
export async function linkElder(
  prisma: PrismaClient,
  secret: string,
  actor: Actor,
  input: { code: string; relation: string },
  now: Date,
) {
  authorize(actor, 'linkElder');
  if (!FAMILY_RELATIONS.includes(input.relation))
    throw badInput('relation', `请选择与老人的关系：${RELATIONS.join('、')}。`);
  const code = normaliseCode(input.code);
  if (!/^[A-Z0-9]{8}$/.test(code)) throw badInput('code', '关联码是 8 位字母或数字，请向社区工作人员核对。');
  const failures = await prisma.auditLog.count({
    where: { actorId: actor.userId, action: 'FAMILY_LINK_FAILED', at: { gt: new Date(now.getTime() - 3_600_000) } },
  });
  if (failures >= FAILED_LINKS_PER_HOUR)
    fail(ErrorCode.RATE_LIMITED, '关联码输错次数太多，请一小时后再试，或请社区工作人员重新发放。');
  const row = await prisma.accessCode.findUnique({
    where: { purpose_codeHash: { purpose: 'FAMILY_LINK', codeHash: linkHash(secret, code) } },
  });
  if (!row || row.usedAt || row.expiresAt <= now) {
    await audit(prisma, actor, { action: 'FAMILY_LINK_FAILED', entity: 'AccessCode', entityId: row?.id });
    throw badInput('code', '关联码无效、已使用或已过期，请向社区工作人员重新领取。');
  }
  const already = await prisma.familyLink.findUnique({
    where: { elderId_userId: { elderId: row.subject, userId: actor.userId } },
  });
  if (already) fail(ErrorCode.INVALID_STATE, '您已经关联了这位老人。');
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.accessCode.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now, usedById: actor.userId },
    });
    if (claimed.count !== 1) throw badInput('code', '关联码无效、已使用或已过期，请向社区工作人员重新领取。');
    await tx.familyLink.create({ data: { elderId: row.subject, userId: actor.userId, relation: input.relation } });
    await audit(tx, actor, {
      action: 'FAMILY_LINKED',
      entity: 'Elder',
      entityId: row.subject,
      detail: { relation: input.relation },
    });
    return tx.elder.findUniqueOrThrow({ where: { id: row.subject } });
  });
}
