// The design (附件4 评估设计) and its confirmation: lines from the catalogue (附件1), the smart-device cap,
// the required devices and the top-up rule at design, the district's average at confirmation (004 四(一)).
import { type Actor, authorize } from '../auth/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import {
  assertAverage,
  assertRequiredLines,
  assertSmartCap,
  assertTopUpOnly,
  careBedsOf,
  priceDesign,
  type DesignLine,
} from './carebeds.rules.js';
import { bedFor, move } from './carebeds.service.js';
import { lockDistrictBeds } from './carebeds.store.js';

/** Beds that hold their estimate (or, once accepted, their executed amount) in the district's average. */
export const COUNTED = ['CONFIRMED', 'DESIGN_STREET_REVIEWED', 'DESIGN_FILED', 'CONSTRUCTION', 'COMPLETED'] as const;
export const BUILT = ['ACCEPTED', 'ARCHIVED'] as const;

/** The district's beds other than `exceptId`: confirmed ones at their estimate, accepted ones as executed. */
export async function districtPortfolio(
  tx: Tx,
  districtRegionId: string,
  exceptId: string,
  statuses: readonly string[],
) {
  const rows = await tx.careBed.aggregate({
    where: { districtRegionId, id: { not: exceptId }, status: { in: statuses as never } },
    _count: true,
    _sum: { totalFen: true },
  });
  return { count: rows._count, totalFen: rows._sum.totalFen ?? 0 };
}

/** The design agency submits (or revises, before confirmation) the household's design. */
export async function designCareBed(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; lines: DesignLine[] },
  now: Date,
) {
  authorize(actor, 'designCareBed');
  if (!input.lines.length) throw badInput('lines', '请至少填写一项建设项目。');
  const { bed, doc } = await bedFor(prisma, actor, 'designCareBed', input.id);
  if (bed.designAgencyId !== actor.providerId) fail(ErrorCode.FORBIDDEN, '评估设计由区市确定的评估设计机构办理。');
  const c = careBedsOf(doc);
  const design = priceDesign(c, input.lines);
  assertSmartCap(c, design.smartFen);
  assertRequiredLines(c, design.lines);
  assertTopUpOnly(c, bed.priorAdaptationFen, design.adaptationFen);
  const lotteryFen = Math.round((design.totalFen * c.lotterySharePercent) / 100);
  return prisma.$transaction(async (tx) => {
    const moved = await move(
      tx,
      actor,
      bed,
      ['PUBLICISED', 'DESIGNED'],
      'DESIGNED',
      {
        step: '评估设计',
        opinion: `费用合计 ${design.totalFen / 100} 元，其中智能化改造 ${design.smartFen / 100} 元`,
        data: {
          adaptationFen: design.adaptationFen,
          aidFen: design.aidFen,
          smartFen: design.smartFen,
          totalFen: design.totalFen,
          lotteryFen,
        },
      },
      now,
    );
    await tx.careBedLine.deleteMany({ where: { careBedId: bed.id } });
    await tx.careBedLine.createMany({
      data: design.lines.map((l) => ({
        careBedId: bed.id,
        itemNo: l.itemNo,
        itemCode: l.itemCode,
        kind: l.kind,
        model: l.model.trim(),
        quantity: l.quantity,
        estimateFen: l.estimateFen,
      })),
    });
    return {
      ...moved,
      lines: await tx.careBedLine.findMany({ where: { careBedId: bed.id }, orderBy: { itemNo: 'asc' } }),
    };
  });
}

/**
 * 附件4 结果确认: the elder or guardian and a family member sign that they agree, or the elder declines
 * voluntarily, which ends the project. Agreeing is refused when the district's average, with this bed,
 * would pass the cap (004 四(一) 平均每户不超过).
 */
export async function confirmCareBed(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; accepted: boolean; signedBy: string; familyMember: string },
  now: Date,
) {
  authorize(actor, 'confirmCareBed');
  if (!input.signedBy.trim()) throw badInput('signedBy', '请填写签字的老年人或监护人姓名。');
  if (input.accepted && !input.familyMember.trim()) throw badInput('familyMember', '请填写签字的家庭成员姓名。');
  const { bed, doc } = await bedFor(prisma, actor, 'confirmCareBed', input.id);
  const signed = `老年人/监护人：${input.signedBy.trim()}；家庭成员：${input.familyMember.trim() || '—'}`;
  if (!input.accepted)
    return prisma.$transaction((tx) =>
      move(
        tx,
        actor,
        bed,
        ['DESIGNED'],
        'DECLINED',
        {
          step: '结果确认',
          approved: false,
          opinion: `本人不认同上述建设项目，自愿放弃家庭养老床位建设。${signed}`,
        },
        now,
      ),
    );
  const c = careBedsOf(doc);
  return prisma.$transaction(async (tx) => {
    await lockDistrictBeds(tx, bed.districtRegionId);
    const district = await tx.region.findUniqueOrThrow({ where: { id: bed.districtRegionId } });
    const others = await districtPortfolio(tx, bed.districtRegionId, bed.id, [...COUNTED, ...BUILT]);
    if (bed.status === 'DESIGNED') assertAverage(c, others, bed.totalFen, district.name);
    return move(
      tx,
      actor,
      bed,
      ['DESIGNED'],
      'CONFIRMED',
      {
        step: '结果确认',
        approved: true,
        opinion: `本人认同上述建设项目，确认按建设项目进行施工改造。${signed}`,
      },
      now,
    );
  });
}
