// 食品安全监管 (002 二(二)7 强化老年助餐的食品安全监管; 二(七)22 推进养老服务机构食堂“互联网+明厨亮灶”建设):
// a food-safety inspection of a canteen or meal point with its score (0–100, feeding the meal subsidy),
// what it found and the day to fix it by; the fix and the day it was made; and whether the kitchen's
// camera is online (明厨亮灶). The district records them; each is audited.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { calendarDay, todayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';

const MEAL_KINDS = ['CANTEEN', 'MEAL_POINT'];
const ymd = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

async function kitchen(
  prisma: PrismaClient,
  actor: Actor,
  action: 'inspectFoodSafety' | 'setKitchenCamera',
  id: string,
) {
  const grant = authorize(actor, action);
  const f = await prisma.facility.findUnique({ where: { id }, include: { community: true } });
  if (!f) return fail(ErrorCode.NOT_FOUND, '没有找到这个助餐设施。');
  authorize(grant.actor, action, { regionPath: f.community.path });
  if (!MEAL_KINDS.includes(f.kind)) throw badInput('facilityId', '食品安全检查和明厨亮灶只适用于幸福食堂和助餐点。');
  return f;
}

export const presentInspection = (i: {
  id: string;
  facilityId: string;
  inspectedOn: Date;
  score: number;
  findings: string | null;
  rectifyBy: Date | null;
  fix: string | null;
  fixedOn: Date | null;
}) => ({ ...i, inspectedOn: ymd(i.inspectedOn)!, rectifyBy: ymd(i.rectifyBy), fixedOn: ymd(i.fixedOn) });

export async function inspectFoodSafety(
  prisma: PrismaClient,
  actor: Actor,
  input: {
    facilityId: string;
    inspectedOn: string;
    score: number;
    findings?: string | null;
    rectifyBy?: string | null;
  },
  now: Date,
) {
  const f = await kitchen(prisma, actor, 'inspectFoodSafety', input.facilityId);
  const on = calendarDay('inspectedOn', input.inspectedOn, '检查日期');
  if (input.inspectedOn > todayInShanghai(now)) throw badInput('inspectedOn', '检查日期不能晚于今天。');
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100)
    throw badInput('score', '检查评分请填 0 到 100 的整数。');
  const findings = input.findings?.trim() || null;
  const by = input.rectifyBy ? calendarDay('rectifyBy', input.rectifyBy, '整改期限') : null;
  if (findings && !by) throw badInput('rectifyBy', '发现问题须写明整改期限。');
  if (by && input.rectifyBy! < input.inspectedOn) throw badInput('rectifyBy', '整改期限不能早于检查日期。');
  return prisma.$transaction(async (tx) => {
    const row = await tx.foodSafetyInspection.create({
      data: {
        facilityId: f.id,
        inspectedOn: on,
        score: input.score,
        findings,
        rectifyBy: findings ? by : null,
        inspectorId: actor.userId,
        createdAt: now,
      },
    });
    await audit(tx, actor, { action: 'FOOD_SAFETY_INSPECTED', entity: 'FoodSafetyInspection', entityId: row.id });
    return presentInspection(row);
  });
}

export async function recordFoodSafetyFix(
  prisma: PrismaClient,
  actor: Actor,
  input: { inspectionId: string; fix: string; fixedOn: string },
  now: Date,
) {
  const grant = authorize(actor, 'recordFoodSafetyFix');
  const fix = input.fix?.trim();
  if (!fix) throw badInput('fix', '请写明整改措施。');
  const on = calendarDay('fixedOn', input.fixedOn, '整改完成日期');
  if (input.fixedOn > todayInShanghai(now)) throw badInput('fixedOn', '整改完成日期不能晚于今天。');
  const i = await prisma.foodSafetyInspection.findUnique({ where: { id: input.inspectionId } });
  if (!i) return fail(ErrorCode.NOT_FOUND, '没有找到这次食品安全检查。');
  const f = await prisma.facility.findUniqueOrThrow({ where: { id: i.facilityId }, include: { community: true } });
  authorize(grant.actor, 'recordFoodSafetyFix', { regionPath: f.community.path });
  if (!i.findings) fail(ErrorCode.INVALID_STATE, '这次检查没有发现问题，无需整改。');
  return prisma.$transaction(async (tx) => {
    const done = await tx.foodSafetyInspection.updateMany({
      where: { id: i.id, fixedOn: null },
      data: { fix, fixedOn: on },
    });
    if (done.count === 0) fail(ErrorCode.INVALID_STATE, '这次检查的问题已经登记过整改。');
    await audit(tx, actor, { action: 'FOOD_SAFETY_FIXED', entity: 'FoodSafetyInspection', entityId: i.id });
    return presentInspection(await tx.foodSafetyInspection.findUniqueOrThrow({ where: { id: i.id } }));
  });
}

/** 明厨亮灶: the kitchen camera is online (or no longer); audited. */
export async function setKitchenCamera(
  prisma: PrismaClient,
  actor: Actor,
  input: { facilityId: string; online: boolean },
) {
  const f = await kitchen(prisma, actor, 'setKitchenCamera', input.facilityId);
  return prisma.$transaction(async (tx) => {
    const row = await tx.facility.update({ where: { id: f.id }, data: { kitchenCamera: input.online } });
    await audit(tx, actor, {
      action: 'KITCHEN_CAMERA_SET',
      entity: 'Facility',
      entityId: f.id,
      detail: { online: input.online },
    });
    return { facilityId: row.id, kitchenCamera: row.kitchenCamera };
  });
}

export async function foodSafetyInspections(prisma: PrismaClient, facilityId: string) {
  const rows = await prisma.foodSafetyInspection.findMany({
    where: { facilityId },
    orderBy: [{ inspectedOn: 'desc' }, { createdAt: 'desc' }],
  });
  return rows.map(presentInspection);
}
