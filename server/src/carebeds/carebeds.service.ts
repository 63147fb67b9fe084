// Family care beds (家庭养老床位, 004 三(一), 五(二), 附件3–6): the application and its reviews, the
// queue and the shared machinery of every transition (one conditional update per step, so two callers
// cannot both move a bed, and a CareBedStep with who, when and opinion). Design and money are in
// carebeds.design.service.ts, construction and acceptance in carebeds.build.service.ts.
import { type Actor, type Grant, type Target, authorize } from '../auth/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { Tx } from '../db/database.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/index.js';
import { evaluateEligibility, policyDocument } from '../policies/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { pathWithin, subtreeOf } from '../regions/index.js';
import { assertHousing, careBedsOf, priorityRank } from './carebeds.rules.js';
import type { ApplyCareBedInput, CareBedStatus } from './carebeds.types.js';

export const BED_INCLUDE = {
  elder: { select: { name: true } },
  lines: { orderBy: { itemNo: 'asc' } },
  steps: { orderBy: { at: 'asc' } },
} satisfies Prisma.CareBedInclude;
/** The GraphQL shape: the row with the elder's name. */
export const present = <T extends { elder: { name: string } }>(b: T) => ({ ...b, elderName: b.elder.name });

/** The bed with what its scope rules look at: the elder's community, and the providers on it. */
export async function loadBed(prisma: PrismaClient | Tx, id: string) {
  const bed = await prisma.careBed.findUnique({
    where: { id },
    include: { ...BED_INCLUDE, elder: { select: { name: true, flags: true, community: { select: { path: true } } } } },
  });
  if (!bed) return fail(ErrorCode.NOT_FOUND, '没有找到这张家庭养老床位。');
  const policy = await prisma.policy.findUniqueOrThrow({ where: { id: bed.policyId } });
  const target: Target = {
    regionPath: bed.elder.community.path,
    elderId: bed.elderId,
    providerIds: [bed.designAgencyId, bed.builderId],
  };
  return { bed, doc: policyDocument(policy), target };
}

/** Authorizes the action on the bed (the role first, so a refused caller learns nothing of it). */
export async function bedFor(
  prisma: PrismaClient | Tx,
  actor: Actor,
  action: Parameters<typeof authorize>[1],
  id: string,
  onlyRole?: Target['onlyRole'],
) {
  authorize(actor, action);
  const loaded = await loadBed(prisma, id);
  const grant = authorize(actor, action, { ...loaded.target, onlyRole });
  return { ...loaded, grant };
}

/** Moves the bed from one of `from` to `to` exactly once, and records the step. */
export async function move(
  tx: Tx,
  actor: Actor,
  bed: { id: string; status: CareBedStatus },
  from: readonly CareBedStatus[],
  to: CareBedStatus,
  step: { step: string; approved?: boolean; opinion?: string | null; data?: Prisma.CareBedUpdateManyMutationInput },
  now: Date,
) {
  if (!from.includes(bed.status))
    fail(ErrorCode.INVALID_STATE, `这张床位当前为“${STATUS_LABEL[bed.status]}”，不能${step.step}。`);
  const n = await tx.careBed.updateMany({
    where: { id: bed.id, status: bed.status },
    data: { ...step.data, status: to },
  });
  if (n.count !== 1) fail(ErrorCode.INVALID_STATE, `这张床位刚被其他人办理过，请刷新后再${step.step}。`);
  await tx.careBedStep.create({
    data: {
      careBedId: bed.id,
      step: step.step,
      fromStatus: bed.status,
      toStatus: to,
      approved: step.approved ?? null,
      opinion: step.opinion ?? null,
      actorId: actor.userId,
      actorRole: actor.role,
      actorName: actor.displayName,
      at: now,
    },
  });
  return tx.careBed.findUniqueOrThrow({ where: { id: bed.id }, include: BED_INCLUDE }).then(present);
}

export const STATUS_LABEL: Record<CareBedStatus, string> = {
  APPLIED: '已申请',
  ASSESSED: '已评估',
  STREET_APPROVED: '街道同意',
  DISTRICT_FILED: '区市认定留档',
  PUBLICISED: '已公示',
  DESIGNED: '已设计',
  CONFIRMED: '已签字确认',
  DESIGN_STREET_REVIEWED: '街道已审查',
  DESIGN_FILED: '区市已备案',
  CONSTRUCTION: '施工中',
  COMPLETED: '已竣工',
  ACCEPTANCE_REQUESTED: '已申请验收',
  RECTIFY: '整改中',
  ACCEPTED: '验收合格',
  ARCHIVED: '已归档',
  DECLINED: '自愿放弃',
  REJECTED: '不同意',
  CLAWED_BACK: '已收回资金',
};

/** The programme with a care-bed section whose region holds the community, and the community's district. */
async function programmeFor(prisma: PrismaClient | Tx, communityPath: string) {
  const policies = await prisma.policy.findMany({ include: { region: { select: { path: true } } } });
  const stored = policies.find((p) => pathWithin(communityPath, p.region.path) && policyDocument(p).careBeds);
  if (!stored) return fail(ErrorCode.NOT_ELIGIBLE, '这位老人所在地区没有家庭养老床位建设项目。');
  const district = await prisma.region.findFirst({
    where: { level: 'DISTRICT', code: { in: communityPath.split('/') } },
  });
  if (!district) return fail(ErrorCode.NOT_ELIGIBLE, '没有找到这位老人所在的区（市）。');
  return { stored, doc: policyDocument(stored), district };
}

const text = (v: string | undefined | null) => v?.trim() || null;

/** 附件3: the elder applies at the street (五(二)2); the worker or street officer files it. */
export async function applyCareBed(prisma: PrismaClient, actor: Actor, input: ApplyCareBedInput, now: Date) {
  const grant = authorize(actor, 'applyCareBed');
  if (!input.address.trim()) throw badInput('address', '请填写建床地址。');
  if (!(input.livingAreaSqm > 0)) throw badInput('livingAreaSqm', '请填写房屋建筑面积（大于 0 的平方米数）。');
  if (!Number.isInteger(input.monthlyIncomeFen) || input.monthlyIncomeFen < 0)
    throw badInput('monthlyIncomeFen', '请填写平均可支配月收入（不小于 0 的整数，单位分）。');
  if (!Number.isInteger(input.priorAdaptationFen) || input.priorAdaptationFen < 0)
    throw badInput('priorAdaptationFen', '已享受的改造资金须为不小于 0 的整数（分）。');
  const elder = await assertElderInScope(prisma, grant, input.elderId);
  const community = await prisma.region.findUniqueOrThrow({ where: { id: elder.communityId } });
  const { stored, doc, district } = await programmeFor(prisma, community.path);
  const c = careBedsOf(doc);
  // 004 二 and 五(二)1: 60+, hard up and 失能 or 部分失能; the assessment is recorded next (附件3).
  const verdict = evaluateEligibility(doc, {
    birthDate: elder.birthDate.toISOString().slice(0, 10),
    flags: elder.flags,
    selfCareAbility: elder.selfCareAbility,
    hukouInRegion: true,
    livesInRegion: true,
    hasCapabilityAssessment: true,
    today: todayInShanghai(now),
  });
  if (!verdict.eligible)
    fail(ErrorCode.NOT_ELIGIBLE, `${elder.name}不符合家庭养老床位建设条件：${verdict.explanation}`);
  assertHousing(c, input);
  const open = await prisma.careBed.findFirst({
    where: { elderId: elder.id, status: { notIn: ['DECLINED', 'REJECTED', 'CLAWED_BACK'] } },
  });
  if (open)
    fail(ErrorCode.INVALID_STATE, `${elder.name}已有一张家庭养老床位（${STATUS_LABEL[open.status]}），不能重复申请。`);
  return prisma.$transaction(async (tx) => {
    const bed = await tx.careBed.create({
      data: {
        elderId: elder.id,
        policyId: stored.id,
        districtRegionId: district.id,
        status: 'APPLIED',
        address: input.address.trim(),
        livingAreaSqm: input.livingAreaSqm,
        tenure: input.tenure,
        residenceMonths: input.residenceMonths ?? null,
        housingSafe: input.housingSafe,
        housingAdaptable: input.housingAdaptable,
        notDueForDemolition: input.notDueForDemolition,
        ownerName: text(input.ownerName),
        priorAdaptationFen: input.priorAdaptationFen,
        priorAdaptationNote: text(input.priorAdaptationNote),
        guardianName: text(input.guardianName),
        guardianRelation: text(input.guardianRelation),
        guardianPhone: text(input.guardianPhone),
        monthlyIncomeFen: input.monthlyIncomeFen,
        priorityRank: priorityRank(c, elder.flags),
        createdAt: now,
      },
    });
    await tx.careBedStep.create({
      data: {
        careBedId: bed.id,
        step: '申请',
        toStatus: 'APPLIED',
        actorId: actor.userId,
        actorRole: actor.role,
        actorName: actor.displayName,
        at: now,
      },
    });
    return tx.careBed.findUniqueOrThrow({ where: { id: bed.id }, include: BED_INCLUDE }).then(present);
  });
}

/** 附件3 老年人能力等级评估机构确认: the level (轻度/中度/重度失能) and the agency that assessed it. */
export async function recordCareBedAssessment(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; level: string; agency: string; assessorName: string },
  now: Date,
) {
  authorize(actor, 'recordCareBedAssessment');
  if (!input.agency.trim()) throw badInput('agency', '请填写评估机构（组织）名称。');
  if (!input.assessorName.trim()) throw badInput('assessorName', '请填写评估人。');
  const { bed, doc } = await bedFor(prisma, actor, 'recordCareBedAssessment', input.id);
  const level = careBedsOf(doc).disabilityLevels.find((l) => l.code === input.level);
  if (!level)
    throw badInput(
      'level',
      `失能等级须为${careBedsOf(doc)
        .disabilityLevels.map((l) => `${l.label}（${l.code}）`)
        .join('、')}之一。`,
    );
  return prisma.$transaction((tx) =>
    move(
      tx,
      actor,
      bed,
      ['APPLIED'],
      'ASSESSED',
      {
        step: '评估',
        opinion: `经评估，该申请人为${level.label}老年人；评估人：${input.assessorName.trim()}`,
        data: { disabilityLevel: level.code, assessingAgency: input.agency.trim() },
      },
      now,
    ),
  );
}

/** Who decides at each review, in the order of 五(二)2–3: street, district, street, district. */
const REVIEWS: Partial<
  Record<CareBedStatus, { role: 'STREET_OFFICER' | 'DISTRICT_ADMIN'; to: CareBedStatus; step: string }>
> = {
  ASSESSED: { role: 'STREET_OFFICER', to: 'STREET_APPROVED', step: '街道（镇）初审' },
  STREET_APPROVED: { role: 'DISTRICT_ADMIN', to: 'DISTRICT_FILED', step: '区市审核认定' },
  CONFIRMED: { role: 'STREET_OFFICER', to: 'DESIGN_STREET_REVIEWED', step: '街道（镇）审查建设项目' },
  DESIGN_STREET_REVIEWED: { role: 'DISTRICT_ADMIN', to: 'DESIGN_FILED', step: '区市核定备案' },
};

/** 附件3 镇（街道）意见 and 区市审核意见, 附件4 审批（核）意见: 同意, or 不同意 with its reason. */
export async function reviewCareBed(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; approved: boolean; opinion?: string | null },
  now: Date,
) {
  authorize(actor, 'reviewCareBed');
  const opinion = text(input.opinion);
  if (!input.approved && !opinion) throw badInput('opinion', '选择“不同意”的，须说明理由（附件3）。');
  const peek = await loadBed(prisma, input.id);
  const review = REVIEWS[peek.bed.status];
  const { bed } = await bedFor(prisma, actor, 'reviewCareBed', input.id, {
    role: review?.role,
    refusal: review?.role === 'DISTRICT_ADMIN' ? '这一步由区市民政部门审核。' : '这一步由街道（镇）审核。',
  });
  if (!review) return fail(ErrorCode.INVALID_STATE, `这张床位当前为“${STATUS_LABEL[bed.status]}”，没有待审核的环节。`);
  return prisma.$transaction((tx) =>
    move(
      tx,
      actor,
      bed,
      [bed.status],
      input.approved ? review.to : 'REJECTED',
      {
        step: review.step,
        approved: input.approved,
        opinion: opinion ?? '同意',
      },
      now,
    ),
  );
}

/** 五(二)2 及时公示, with the design agency and builder the district chose (五(一) 择优确定). */
export async function publishCareBed(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; designAgencyId: string; builderId: string; opinion?: string | null },
  now: Date,
) {
  authorize(actor, 'publishCareBed');
  const found = await prisma.provider.findMany({ where: { id: { in: [input.designAgencyId, input.builderId] } } });
  for (const [id, field] of [
    [input.designAgencyId, 'designAgencyId'],
    [input.builderId, 'builderId'],
  ] as const) {
    const p = found.find((x) => x.id === id);
    if (!p) throw badInput(field, '没有找到这家服务机构。');
    if (p.status !== 'ACTIVE') fail(ErrorCode.PROVIDER_SUSPENDED, `${p.name}已被暂停或终止合同，不能承接床位建设。`);
  }
  const { bed } = await bedFor(prisma, actor, 'publishCareBed', input.id);
  return prisma.$transaction((tx) =>
    move(
      tx,
      actor,
      bed,
      ['DISTRICT_FILED'],
      'PUBLICISED',
      {
        step: '公示',
        opinion: text(input.opinion) ?? '已公示',
        data: { designAgencyId: input.designAgencyId, builderId: input.builderId },
      },
      now,
    ),
  );
}

/** The beds the caller may see, in the queue's order: priority (004 二), then first applied. */
export async function listCareBeds(
  prisma: PrismaClient,
  actor: Actor,
  filter: { status?: CareBedStatus | null },
  page: PageArgs,
) {
  const grant = authorize(actor, 'careBeds');
  const { take, afterId } = pageWindow(page);
  const where: Prisma.CareBedWhereInput = { AND: [bedScope(grant), filter.status ? { status: filter.status } : {}] };
  const [rows, totalCount] = await Promise.all([
    prisma.careBed.findMany({
      where,
      include: BED_INCLUDE,
      orderBy: [{ priorityRank: 'asc' }, { id: 'asc' }],
      take: take + 1,
      ...(afterId ? { cursor: { id: afterId }, skip: 1 } : {}),
    }),
    prisma.careBed.count({ where }),
  ]);
  return toConnection(rows.map(present), take, totalCount);
}

function bedScope(grant: Grant): Prisma.CareBedWhereInput {
  const a = grant.actor;
  if (grant.scope === 'REGION') return { elder: { community: subtreeOf(a.regionPath!) } };
  if (grant.scope === 'PROVIDER') return { OR: [{ designAgencyId: a.providerId }, { builderId: a.providerId }] };
  if (grant.scope === 'QA_AGENCY')
    return { status: { in: ['ACCEPTANCE_REQUESTED', 'RECTIFY', 'ACCEPTED', 'ARCHIVED'] } };
  return { id: { in: [] } };
}

/** A bed the caller may see; null when there is no such bed (the role is checked first). */
export async function getCareBed(prisma: PrismaClient, actor: Actor, id: string) {
  authorize(actor, 'careBed');
  if (!(await prisma.careBed.count({ where: { id } }))) return null;
  const { bed } = await bedFor(prisma, actor, 'careBed', id);
  return present(bed);
}

/** 004 三(二): an elder whose care bed passed acceptance (accepted or archived) has one. */
export async function hasAcceptedCareBed(prisma: PrismaClient, elderId: string) {
  return (await prisma.careBed.count({ where: { elderId, status: { in: ['ACCEPTED', 'ARCHIVED'] } } })) > 0;
}
