// Meal service (002 二(二)7; 000 四 集中就餐): one record per elder per meal, served at a canteen or meal
// point or delivered. Where it is verified is the item's `verifiedAt` in the programme's service guide:
// an on-site meal at the facility (the caller's position within the facility's geofence), a delivered
// meal at the elder's home. A meal verified at a home for an on-site item is WRONG_VERIFICATION_SITE, and
// nothing is written. The month's meals, their ratings and the latest food-safety score make the
// canteen's operating subsidy (mealSummary; paid by facilities' accrueMealSubsidy).
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail, isUniqueViolation } from '../common/errors.js';
import { distanceMeters } from '../common/geo.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { policyDocument, type PolicyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import { monthBounds, parseMonth } from '../wallet/index.js';
import type { SiteConfig } from './canteens.service.js';

const MEAL_KINDS = ['CANTEEN', 'MEAL_POINT'];
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** A meal facility with its programme, for a caller whose scope covers it (the facility's region or operator). */
export async function mealFacility(
  prisma: PrismaClient,
  actor: Actor,
  action: 'recordMeal' | 'mealSummary',
  id: string,
) {
  const grant = authorize(actor, action);
  const f = await prisma.facility.findUnique({ where: { id }, include: { community: true, policy: true } });
  if (!f) return fail(ErrorCode.NOT_FOUND, '没有找到这个助餐设施。');
  authorize(grant.actor, action, { regionPath: f.community.path, providerIds: [f.operatorId] });
  if (!MEAL_KINDS.includes(f.kind)) throw badInput('facilityId', '这个设施不是幸福食堂或助餐点。');
  return { f, doc: policyDocument(f.policy) };
}

export async function recordMeal(
  prisma: PrismaClient,
  cfg: Pick<SiteConfig, 'geofenceMeters'>,
  actor: Actor,
  input: {
    facilityId: string;
    elderId: string;
    itemCode: string;
    meal: 'BREAKFAST' | 'LUNCH' | 'DINNER';
    site: 'HOME' | 'FACILITY';
    latitude: number;
    longitude: number;
    satisfaction?: number | null;
  },
  now: Date,
) {
  const { f, doc } = await mealFacility(prisma, actor, 'recordMeal', input.facilityId);
  const item = doc.serviceGuide.items.find((i) => i.code === input.itemCode && i.unit === 'PER_MEAL');
  if (!item) throw badInput('itemCode', '这个项目的服务清单里没有这项助餐服务，请核对项目代码。');
  const s = input.satisfaction;
  if (s != null && (!Number.isInteger(s) || s < 1 || s > 5))
    throw badInput('satisfaction', '满意度请填 1 到 5 的整数。');
  if (f.status !== 'OPERATING') fail(ErrorCode.FACILITY_NOT_OPERATING, `${f.name}当前不在运营，不能登记助餐。`);
  const elder = await prisma.elder.findUnique({ where: { id: input.elderId }, include: { community: true } });
  if (!elder) return fail(ErrorCode.NOT_FOUND, '没有找到这位老人。');
  const region = await prisma.region.findUniqueOrThrow({ where: { id: f.policy.regionId } });
  if (!pathWithin(elder.community.path, region.path))
    fail(ErrorCode.ELDER_OUTSIDE_PROGRAMME, `这位老人不住在${region.name}，不能在${f.name}登记助餐。`);
  // 002 二(二)7 / 000 六·流程3: on-site meals are verified at the facility, delivered meals at home.
  if (item.verifiedAt === 'FACILITY' && input.site === 'HOME')
    fail(
      ErrorCode.WRONG_VERIFICATION_SITE,
      `“${item.name}”须在${f.name}现场核验，不能在老人家中登记；送餐上门请选“上门送餐”。`,
    );
  if (item.verifiedAt === 'HOME' && input.site === 'FACILITY')
    fail(ErrorCode.WRONG_VERIFICATION_SITE, `“${item.name}”在老人家中核验，请送达后在老人家中登记。`);
  const here = { lat: input.latitude, lng: input.longitude };
  const place =
    input.site === 'FACILITY'
      ? { lat: f.latitude, lng: f.longitude, name: f.name }
      : elder.latitude != null && elder.longitude != null
        ? { lat: elder.latitude, lng: elder.longitude, name: '老人家' }
        : fail(ErrorCode.INVALID_STATE, '这位老人的住址还没有定位，不能核验送餐；请先补充住址坐标。');
  const d = distanceMeters(here, place);
  if (d > cfg.geofenceMeters)
    fail(
      ErrorCode.GEOFENCE_VIOLATION,
      `登记位置离${place.name}约 ${d} 米，超过了 ${cfg.geofenceMeters} 米，请在现场登记。`,
      {
        distanceMeters: d,
      },
    );
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.mealRecord.create({
        data: {
          policyId: f.policyId,
          elderId: elder.id,
          facilityId: f.id,
          itemCode: item.code,
          servedOn: new Date(`${todayInShanghai(now)}T00:00:00Z`),
          meal: input.meal,
          verifiedAt: input.site,
          latitude: input.latitude,
          longitude: input.longitude,
          satisfaction: s ?? null,
          recordedById: actor.userId,
          createdAt: now,
        },
      });
      await audit(tx, actor, { action: 'MEAL_RECORDED', entity: 'MealRecord', entityId: row.id });
      return { ...row, servedOn: ymd(row.servedOn) };
    });
  } catch (err) {
    if (isUniqueViolation(err)) fail(ErrorCode.INVALID_STATE, '这位老人今天的这一餐已经登记过了。');
    throw err;
  }
}

/**
 * The month's meals at a facility and the subsidy they make under the programme's formula
 * (facilities.mealSubsidy, 002 二(二)7): meals × fen per meal × quality / 100 × average satisfaction / 5.
 * `amountFen` is null with `refusal` saying why when the formula cannot pay (no formula, no inspection,
 * quality below the floor, no meals).
 */
export async function mealMonth(prisma: PrismaClient | Tx, f: { id: string }, doc: PolicyDocument, month: string) {
  parseMonth(month);
  const { first, last } = monthBounds(month);
  const [meals, rated, inspection] = await Promise.all([
    prisma.mealRecord.count({ where: { facilityId: f.id, servedOn: { gte: first, lte: last } } }),
    prisma.mealRecord.aggregate({
      where: { facilityId: f.id, servedOn: { gte: first, lte: last }, satisfaction: { not: null } },
      _count: { satisfaction: true },
      _sum: { satisfaction: true },
    }),
    prisma.foodSafetyInspection.findFirst({
      where: { facilityId: f.id, inspectedOn: { lte: last } },
      orderBy: [{ inspectedOn: 'desc' }, { createdAt: 'desc' }],
    }),
  ]);
  const rule = doc.facilities?.mealSubsidy;
  const ratedCount = rated._count.satisfaction;
  const ratedSum = rated._sum.satisfaction ?? 0;
  const quality = inspection?.score ?? null;
  let refusal: string | null = null;
  if (!rule) refusal = '这个项目没有老年助餐运营补助。';
  else if (quality == null) refusal = '本月底前还没有食品安全检查评分，须先完成检查再核算补助。';
  else if (quality < rule.minQualityScore)
    refusal = `食品安全检查评分 ${quality} 分，低于补助要求的 ${rule.minQualityScore} 分（${rule.source}），本月不予补助。`;
  else if (meals === 0) refusal = '本月没有助餐记录。';
  const amountFen =
    refusal || !rule
      ? null
      : ratedCount === 0
        ? Math.floor((meals * rule.fenPerMeal * quality!) / 100)
        : Math.floor((meals * rule.fenPerMeal * quality! * ratedSum) / (100 * 5 * ratedCount));
  return {
    facilityId: f.id,
    month,
    meals,
    rated: ratedCount,
    satisfactionAverage: ratedCount ? Math.round((ratedSum / ratedCount) * 100) / 100 : null,
    qualityScore: quality,
    fenPerMeal: rule?.fenPerMeal ?? null,
    amountFen,
    refusal,
    pendingSource: rule?.pendingSource ?? false,
    source: rule?.source ?? '002 二(二)7',
  };
}

export async function mealSummary(prisma: PrismaClient, actor: Actor, input: { facilityId: string; month: string }) {
  const { f, doc } = await mealFacility(prisma, actor, 'mealSummary', input.facilityId);
  return mealMonth(prisma, f, doc, input.month);
}
