// Construction (附件5 前后对比电子档案), the acceptance request by the deadline (五(二)6), the independent
// third-party acceptance (附件6, 附件7 二), the archive (一户一档) and the clawback (五(四), 七(二)). The grant
// moves through the ledger's one writer once acceptance passes; the clawback reverses it.
import { type Actor, authorize } from '../auth/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { moneyTx, post, systemAccount } from '../wallet/index.js';
import { SATISFACTION_LABEL, assertAverage, assertSmartCap, careBedsOf, yuan } from './carebeds.rules.js';
import { bedFor, move, present, BED_INCLUDE } from './carebeds.service.js';
import { BUILT, districtPortfolio } from './carebeds.design.service.js';
import { lockDistrictBeds } from './carebeds.store.js';
import type { AcceptCareBedInput } from './carebeds.types.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const asDay = (field: string, v: string) => {
  if (!DAY.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    throw badInput(field, '日期格式应为 YYYY-MM-DD，例如 2022-12-01。');
  return new Date(`${v}T00:00:00Z`);
};

async function builderBed(prisma: PrismaClient, actor: Actor, action: Parameters<typeof authorize>[1], id: string) {
  const loaded = await bedFor(prisma, actor, action, id);
  if (loaded.bed.builderId !== actor.providerId) fail(ErrorCode.FORBIDDEN, '施工和前后对比档案由本户的建设单位办理。');
  return loaded;
}

/** 五(二)4 建设: the builder starts on the filed design. */
export async function startCareBedConstruction(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; startedOn: string },
  now: Date,
) {
  authorize(actor, 'startCareBedConstruction');
  const startedOn = asDay('startedOn', input.startedOn);
  const { bed } = await builderBed(prisma, actor, 'startCareBedConstruction', input.id);
  return prisma.$transaction((tx) =>
    move(tx, actor, bed, ['DESIGN_FILED'], 'CONSTRUCTION', { step: '开工', data: { startedOn } }, now),
  );
}

/** 附件5: a line's photo before and after, with its note; uploaded first through POST /files. */
export async function recordCareBedPhotos(
  prisma: PrismaClient,
  actor: Actor,
  input: {
    id: string;
    itemCode: string;
    beforePhotoId?: string | null;
    afterPhotoId?: string | null;
    note?: string | null;
  },
  now: Date,
) {
  authorize(actor, 'recordCareBedPhotos');
  if (!input.beforePhotoId && !input.afterPhotoId) throw badInput('beforePhotoId', '请上传建设前或建设后照片。');
  const { bed } = await builderBed(prisma, actor, 'recordCareBedPhotos', input.id);
  if (!['CONSTRUCTION', 'RECTIFY'].includes(bed.status))
    fail(ErrorCode.INVALID_STATE, '只有施工中或整改中的床位可以登记前后对比照片。');
  const line = bed.lines.find((l) => l.itemCode === input.itemCode);
  if (!line) throw badInput('itemCode', '这一项不在本户确认的建设项目中。');
  const ids = [input.beforePhotoId, input.afterPhotoId].filter((x): x is string => !!x);
  const files = await prisma.storedFile.count({ where: { id: { in: ids }, mimeType: { startsWith: 'image/' } } });
  if (files !== ids.length) throw badInput('beforePhotoId', '照片编号无效，请先通过 /files 上传照片。');
  await prisma.careBedLine.update({
    where: { id: line.id },
    data: {
      beforePhotoId: input.beforePhotoId ?? line.beforePhotoId,
      afterPhotoId: input.afterPhotoId ?? line.afterPhotoId,
      note: input.note?.trim() || line.note,
    },
  });
  void now;
  return prisma.careBed.findUniqueOrThrow({ where: { id: bed.id }, include: BED_INCLUDE }).then(present);
}

/** 竣工: every line of the design has both photos (附件5), or the completion is refused. */
export async function completeCareBed(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; completedOn: string },
  now: Date,
) {
  authorize(actor, 'completeCareBed');
  const completedOn = asDay('completedOn', input.completedOn);
  const { bed } = await builderBed(prisma, actor, 'completeCareBed', input.id);
  const missing = bed.lines.filter((l) => !l.beforePhotoId || !l.afterPhotoId);
  if (missing.length)
    fail(
      ErrorCode.PHOTOS_MISSING,
      `还有 ${missing.length} 项缺少建设前或建设后照片（附件5）：` +
        `${missing.map((l) => `第 ${l.itemNo} 项${l.model}`).join('、')}。请补齐后再竣工。`,
      { itemCodes: missing.map((l) => l.itemCode) },
    );
  if (bed.startedOn && completedOn < bed.startedOn) throw badInput('completedOn', '竣工日期不能早于开工日期。');
  return prisma.$transaction((tx) =>
    move(tx, actor, bed, ['CONSTRUCTION', 'RECTIFY'], 'COMPLETED', { step: '竣工', data: { completedOn } }, now),
  );
}

/** 五(二)6: the builder asks the district for acceptance by the programme's deadline. */
export async function requestCareBedAcceptance(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; documents: string[] },
  now: Date,
) {
  authorize(actor, 'requestCareBedAcceptance');
  const documents = input.documents.map((d) => d.trim()).filter(Boolean);
  if (!documents.length)
    throw badInput('documents', '请列出随验收申请提交的资料，如验收申请、建设前后对比电子档案（五(二)6）。');
  const { bed, doc } = await builderBed(prisma, actor, 'requestCareBedAcceptance', input.id);
  const c = careBedsOf(doc);
  const today = todayInShanghai(now);
  const late = today > c.acceptanceRequestBy;
  if (late && c.lateRequest === 'REFUSE')
    fail(
      ErrorCode.ACCEPTANCE_REQUEST_LATE,
      `须于 ${c.acceptanceRequestBy} 前提交验收申请（${c.acceptanceSource}），今天是 ${today}，已过截止日期；` +
        '请联系区市民政部门处理。',
    );
  return prisma.$transaction((tx) =>
    move(
      tx,
      actor,
      bed,
      ['COMPLETED'],
      'ACCEPTANCE_REQUESTED',
      {
        step: '提交验收申请',
        opinion: `提交资料：${documents.join('、')}` + (late ? `；逾期提交（截止 ${c.acceptanceRequestBy}）` : ''),
        data: { acceptanceRequestedAt: now },
      },
      now,
    ),
  );
}

/**
 * 附件6: the city's third party verifies each line against 附件4, records the family's satisfaction and
 * the street's and district's opinions. It may not be the design agency or builder, nor related to them
 * (附件7 二; the QA affiliation register). Smart devices stay within the cap as executed, and the
 * district's accepted beds within the average (004 四(一)). A pass pays the grant; a fail is rectified.
 */
export async function acceptCareBed(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; input: AcceptCareBedInput },
  now: Date,
) {
  authorize(actor, 'acceptCareBed');
  const a = input.input;
  if (!a.streetOpinion.trim()) throw badInput('streetOpinion', '请填写镇/街道意见。');
  if (!a.districtOpinion.trim()) throw badInput('districtOpinion', '请填写区市民政部门意见。');
  const { bed, doc } = await bedFor(prisma, actor, 'acceptCareBed', input.id);
  const c = careBedsOf(doc);
  const related = await prisma.qaAgencyAffiliation.findMany({
    where: {
      qaAgencyId: actor.qaAgencyId!,
      providerId: { in: [bed.designAgencyId, bed.builderId].filter((x) => !!x) as string[] },
    },
    include: { provider: { select: { name: true } } },
  });
  if (related.length)
    fail(
      ErrorCode.ACCEPTANCE_NOT_INDEPENDENT,
      `贵机构与${related.map((r) => `${r.provider.name}（${r.relation}）`).join('、')}存在关联，` +
        `不能验收这张床位（${c.independenceSource}）；请由其他验收机构验收。`,
    );
  if (bed.status !== 'ACCEPTANCE_REQUESTED') fail(ErrorCode.INVALID_STATE, '这张床位还没有提交验收申请。');
  const checks = new Map(a.lines.map((l) => [l.itemCode, l]));
  const missing = bed.lines.filter((l) => !checks.has(l.itemCode));
  if (missing.length || checks.size !== bed.lines.length)
    throw badInput('lines', `请逐项核实本户确认的全部 ${bed.lines.length} 个建设项目（附件6）。`);
  for (const l of a.lines)
    if (!Number.isInteger(l.actualFen) || l.actualFen < 0)
      throw badInput('actualFen', '执行金额须为不小于 0 的整数（分）。');
  if (a.passed && a.lines.some((l) => !l.verified))
    throw badInput('passed', '有建设项目核实未通过，不能验收合格；请选择限期整改。');
  const sum = (kind: string) =>
    bed.lines.filter((l) => l.kind === kind).reduce((s, l) => s + checks.get(l.itemCode)!.actualFen, 0);
  const amounts = { adaptationFen: sum('ADAPTATION'), aidFen: sum('AID'), smartFen: sum('SMART') };
  const totalFen = amounts.adaptationFen + amounts.aidFen + amounts.smartFen;
  assertSmartCap(c, amounts.smartFen);
  const opinion =
    `家庭代表意见：${SATISFACTION_LABEL[a.satisfaction] ?? ''}；镇/街道意见：${a.streetOpinion.trim()}；` +
    `区市民政部门意见：${a.districtOpinion.trim()}` +
    (a.remarks?.trim() ? `；备注：${a.remarks.trim()}` : '');
  return moneyTx(prisma, async (tx) => {
    const lines = async () => {
      for (const l of bed.lines) {
        const chk = checks.get(l.itemCode)!;
        await tx.careBedLine.update({
          where: { id: l.id },
          data: { verified: chk.verified, actualFen: chk.actualFen },
        });
      }
    };
    if (!a.passed) {
      await lines();
      return move(
        tx,
        actor,
        bed,
        ['ACCEPTANCE_REQUESTED'],
        'RECTIFY',
        {
          step: '验收',
          approved: false,
          opinion,
          data: { acceptanceAgencyId: actor.qaAgencyId, satisfaction: a.satisfaction },
        },
        now,
      );
    }
    await lockDistrictBeds(tx, bed.districtRegionId);
    const district = await tx.region.findUniqueOrThrow({ where: { id: bed.districtRegionId } });
    assertAverage(c, await districtPortfolio(tx, bed.districtRegionId, bed.id, BUILT), totalFen, district.name);
    await lines();
    const lotteryFen = Math.round((totalFen * c.lotterySharePercent) / 100);
    const warrantyUntil = new Date(bed.completedOn ?? now);
    warrantyUntil.setUTCMonth(warrantyUntil.getUTCMonth() + c.warrantyMonths);
    const moved = await move(
      tx,
      actor,
      bed,
      ['ACCEPTANCE_REQUESTED'],
      'ACCEPTED',
      {
        step: '验收',
        approved: true,
        opinion,
        data: {
          ...amounts,
          totalFen,
          lotteryFen,
          acceptanceAgencyId: actor.qaAgencyId,
          satisfaction: a.satisfaction,
          acceptedOn: now,
          warrantyUntil,
        },
      },
      now,
    );
    if (totalFen > 0) {
      const funding = await systemAccount(tx, bed.policyId, 'FUNDING', 'FEN');
      const payable = await systemAccount(tx, bed.policyId, 'PROVIDER_PAYABLE', 'FEN');
      const { transaction } = await post(tx, {
        kind: 'CARE_BED_GRANT',
        idempotencyKey: `careBed:${bed.id}:grant`,
        request: { careBedId: bed.id, totalFen, builderId: bed.builderId },
        entries: [
          { accountId: funding.id, amount: BigInt(-totalFen) },
          { accountId: payable.id, amount: BigInt(totalFen) },
        ],
        elderId: bed.elderId,
        memo: `家庭养老床位建设补贴 ${yuan(totalFen)}（验收合格）`,
        actorId: actor.userId,
        at: now,
      });
      await tx.careBed.update({ where: { id: bed.id }, data: { grantTxId: transaction.id } });
      return { ...moved, grantTxId: transaction.id };
    }
    return moved;
  });
}

/** 五(二)7 归档: one file per household (一户一档). */
export async function archiveCareBed(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; archiveNo: string },
  now: Date,
) {
  authorize(actor, 'archiveCareBed');
  if (!input.archiveNo.trim()) throw badInput('archiveNo', '请填写档案编号（一户一档）。');
  const { bed } = await bedFor(prisma, actor, 'archiveCareBed', input.id);
  return prisma.$transaction((tx) =>
    move(
      tx,
      actor,
      bed,
      ['ACCEPTED'],
      'ARCHIVED',
      { step: '归档', opinion: `档案编号 ${input.archiveNo.trim()}` },
      now,
    ),
  );
}

/** 五(四)、七(二): 收回已发放的项目资金 — the grant is reversed in the ledger, once. */
export async function clawBackCareBed(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; reason: string },
  now: Date,
) {
  authorize(actor, 'clawBackCareBed');
  if ((input.reason?.trim() ?? '').length < 4) throw badInput('reason', '请说明收回资金的原因（不少于 4 个字）。');
  const { bed } = await bedFor(prisma, actor, 'clawBackCareBed', input.id);
  return moneyTx(prisma, async (tx) => {
    const moved = await move(
      tx,
      actor,
      bed,
      ['ACCEPTED', 'ARCHIVED'],
      'CLAWED_BACK',
      {
        step: '收回资金',
        opinion: input.reason.trim(),
      },
      now,
    );
    if (!bed.grantTxId) return moved;
    const grant = await tx.ledgerTransaction.findUniqueOrThrow({
      where: { id: bed.grantTxId },
      include: { entries: true },
    });
    const { transaction } = await post(tx, {
      kind: 'REVERSAL',
      idempotencyKey: `careBed:${bed.id}:clawback`,
      request: { careBedId: bed.id, reverses: grant.id },
      entries: grant.entries.map((e) => ({ accountId: e.accountId, amount: -e.amount })),
      reversesId: grant.id,
      elderId: bed.elderId,
      memo: `收回家庭养老床位建设补贴：${input.reason.trim()}`,
      actorId: actor.userId,
      at: now,
    });
    await tx.careBed.update({ where: { id: bed.id }, data: { clawbackTxId: transaction.id } });
    return moved;
  });
}
