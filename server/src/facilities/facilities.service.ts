// Facilities (养老服务设施): day-care centres, service stations, canteens and meal points, the area
// tier each must meet (003 二(一)2) and the status machine every grant depends on (003 三(一)).
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { areaTier, policyDocument } from '../policies/index.js';
import { subtreeOf } from '../regions/index.js';
import { moneyTx } from '../wallet/index.js';
import { lockFacility } from './facilities.store.js';
import { STATUS_LABEL, TRANSITIONS, type FacilityStatus } from './facilities.rules.js';
import { clawBackIfWithinWindow } from './grants.service.js';
import type { CreateFacilityInput } from './facilities.types.js';

const FULL = { community: true, rooms: true, policy: true, startupGrant: true } as const;
/** Stations and meal points may hang under a day-care centre (003 二(一)2 下设多个小区老年人服务站点). */
const UNDER_CENTRE = ['SERVICE_STATION', 'MEAL_POINT'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Loaded = NonNullable<Awaited<ReturnType<typeof findFacility>>>;
const findFacility = (db: PrismaClient | Tx, id: string) => db.facility.findUnique({ where: { id }, include: FULL });

/** The facility, with the caller's scope checked on its community (NOT_FOUND outside it). */
export async function facilityInScope(db: PrismaClient | Tx, actor: Actor, action: 'facility', id: string) {
  const grant = authorize(actor, action);
  const f = await findFacility(db, id);
  if (!f) return fail(ErrorCode.NOT_FOUND, '没有找到这个设施。');
  authorize(grant.actor, action, { regionPath: f.community.path });
  return f;
}

/** The elder count a tier is read from: an entered statistic with its date, or the registry now. */
async function eldersOf(
  db: PrismaClient | Tx,
  f: { communityId: string; elderCount: number | null; elderCountOn: Date | null },
) {
  if (f.elderCount != null)
    return {
      elders: f.elderCount,
      eldersFrom: 'STATISTIC',
      eldersOn: f.elderCountOn?.toISOString().slice(0, 10) ?? null,
    };
  const elders = await db.elder.count({ where: { communityId: f.communityId, status: { not: 'DECEASED' } } });
  return { elders, eldersFrom: 'REGISTRY', eldersOn: null };
}

/** The GraphQL shape of a facility: its tier computed, its history and grants attached. */
export async function present(db: PrismaClient | Tx, f: Loaded) {
  const counted = await eldersOf(db, f);
  const [history, grants] = await Promise.all([
    db.facilityStatusChange.findMany({ where: { facilityId: f.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    db.facilityGrant.findMany({ where: { facilityId: f.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return {
    ...f,
    communityCode: f.community.code,
    areaTier: { ...areaTier(policyDocument(f.policy), f, counted.elders), ...counted },
    statusHistory: history,
    grants,
  };
}

export async function facility(prisma: PrismaClient, actor: Actor, id: string) {
  return present(prisma, await facilityInScope(prisma, actor, 'facility', id));
}

/** Facilities within the caller's region, optionally under one region code. */
export async function facilities(prisma: PrismaClient, actor: Actor, regionCode?: string | null) {
  const grant = authorize(actor, 'facilities');
  const under = regionCode ? await prisma.region.findUnique({ where: { code: regionCode } }) : null;
  if (regionCode && !under) throw badInput('regionCode', '没有这个行政区划代码，请核对。');
  const rows = await prisma.facility.findMany({
    where: {
      AND: [
        { community: subtreeOf(grant.actor.regionPath!) },
        ...(under ? [{ community: subtreeOf(under.path) }] : []),
      ],
    },
    include: FULL,
    orderBy: [{ name: 'asc' }],
    take: 200,
  });
  return Promise.all(rows.map((f) => present(prisma, f)));
}

function checkInput(i: CreateFacilityInput) {
  if (!i.name.trim()) throw badInput('name', '请填写设施名称。');
  if (!i.funder.trim()) throw badInput('funder', '请填写出资方。');
  if (!i.address.trim()) throw badInput('address', '请填写设施地址。');
  if (i.floorAreaM2 < 0 || i.floorAreaM2 > 100_000)
    throw badInput('floorAreaM2', '建筑面积应在 0 到 100000 平方米之间。');
  if (i.contractedAreaM2 < 0 || i.contractedAreaM2 > i.floorAreaM2)
    throw badInput('contractedAreaM2', '委托协议中的服务用房面积不能为负，也不能大于建筑面积。');
  if (
    !Number.isFinite(i.latitude) ||
    Math.abs(i.latitude) > 90 ||
    !Number.isFinite(i.longitude) ||
    Math.abs(i.longitude) > 180
  )
    throw badInput('latitude', '坐标无效，请在地图上重新选点。');
  if ((i.elderCount == null) !== (i.elderCountOn == null))
    throw badInput('elderCountOn', '录入老年人口统计数时须同时填写统计日期。');
  if (i.elderCount != null && i.elderCount < 0) throw badInput('elderCount', '老年人口数不能为负。');
  const on = i.elderCountOn;
  const d = on != null && DAY.test(on) ? new Date(`${on}T00:00:00Z`) : null;
  if (on != null && (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== on))
    throw badInput('elderCountOn', '统计日期格式应为 YYYY-MM-DD。');
  const kinds = (i.rooms ?? []).map((r) => r.kind);
  if (new Set(kinds).size !== kinds.length) throw badInput('rooms', '同一种功能用房只能填写一次。');
  if ((i.rooms ?? []).some((r) => r.areaM2 != null && (r.areaM2 < 0 || !r.present)))
    throw badInput('rooms', '功能用房面积不能为负，未设置的用房不填面积。');
}

/** Registers a facility, PLANNED, with its rooms; audited. District civil affairs only (003 二(一)2). */
export async function createFacility(prisma: PrismaClient, actor: Actor, input: CreateFacilityInput, now: Date) {
  const grant = authorize(actor, 'createFacility');
  const community = await prisma.region.findUnique({ where: { code: input.communityCode } });
  if (!community || community.level !== 'COMMUNITY') throw badInput('communityCode', '没有这个社区，请核对社区代码。');
  authorize(grant.actor, 'createFacility', { regionPath: community.path });
  checkInput(input);
  const policy = await prisma.policy.findUnique({ where: { code: input.policyCode } });
  if (!policy) throw badInput('policyCode', '没有这个项目，请核对项目代码。');
  const doc = policyDocument(policy);
  if (!doc.facilities) throw badInput('policyCode', '这个项目没有设施补助政策，请选择设施所在地的项目。');
  if (!doc.facilities.funding.districts.some((d) => community.code.startsWith(d.regionCode)))
    throw badInput('communityCode', '这个社区不在该项目的范围内。');
  if (input.parentId) {
    const parent = await prisma.facility.findUnique({ where: { id: input.parentId } });
    if (!parent || parent.kind !== 'DAY_CARE_CENTRE' || !UNDER_CENTRE.includes(input.kind))
      throw badInput('parentId', '只有服务站点和助餐点可以隶属于日间照料中心，请选择一个日间照料中心。');
  }
  if (input.operatorId) {
    const contract = await prisma.providerContract.findFirst({
      where: { providerId: input.operatorId, policyId: policy.id, terminatedAt: null },
    });
    if (!contract) throw badInput('operatorId', '运营机构须与本项目签有有效协议（003 二(一)3）。');
  }
  const exists = await prisma.facility.findUnique({
    where: { communityId_name: { communityId: community.id, name: input.name.trim() } },
  });
  if (exists) throw badInput('name', '这个社区已经登记过同名设施。');
  const id = await prisma.$transaction(async (tx) => {
    const f = await tx.facility.create({
      data: {
        policyId: policy.id,
        kind: input.kind as never,
        name: input.name.trim(),
        communityId: community.id,
        address: input.address.trim(),
        latitude: input.latitude,
        longitude: input.longitude,
        floorAreaM2: input.floorAreaM2,
        contractedAreaM2: input.contractedAreaM2,
        premisesSource: input.premisesSource as never,
        operatingMode: (input.operatingMode ?? null) as never,
        operatorId: input.operatorId ?? null,
        funder: input.funder.trim(),
        parentId: input.parentId ?? null,
        newEstate: input.newEstate ?? false,
        elderCount: input.elderCount ?? null,
        elderCountOn: input.elderCountOn ? new Date(`${input.elderCountOn}T00:00:00Z`) : null,
        rooms: {
          create: (input.rooms ?? []).map((r) => ({
            kind: r.kind as never,
            present: r.present,
            areaM2: r.areaM2 ?? null,
          })),
        },
        statusChanges: { create: { from: null, to: 'PLANNED', actorId: actor.userId, at: now } },
      },
    });
    await audit(tx, actor, {
      action: 'FACILITY_CREATED',
      entity: 'Facility',
      entityId: f.id,
      detail: { kind: f.kind },
    });
    return f.id;
  });
  return present(prisma, (await findFacility(prisma, id))!);
}

/**
 * Moves a facility along planned → building → accepted → operating ⇄ suspended → closed, audited.
 * Stopping service (suspended or closed) within the programme's window after a start-up grant
 * arrived claws the grant back in the same transaction (003 三(一)).
 */
export async function changeFacilityStatus(
  prisma: PrismaClient,
  actor: Actor,
  input: { facilityId: string; to: FacilityStatus; reason?: string | null },
  now: Date,
) {
  const grant = authorize(actor, 'changeFacilityStatus');
  const f = await findFacility(prisma, input.facilityId);
  if (!f) return fail(ErrorCode.NOT_FOUND, '没有找到这个设施。');
  authorize(grant.actor, 'changeFacilityStatus', { regionPath: f.community.path });
  if ((input.to === 'SUSPENDED' || input.to === 'CLOSED') && !input.reason?.trim())
    throw badInput('reason', '暂停或关闭设施须写明原因。');
  await moneyTx(prisma, async (tx) => {
    await lockFacility(tx, f.id);
    const cur = (await tx.facility.findUniqueOrThrow({ where: { id: f.id } })).status as FacilityStatus;
    if (!TRANSITIONS[cur].includes(input.to))
      fail(ErrorCode.INVALID_STATE, `设施当前为“${STATUS_LABEL[cur]}”，不能改为“${STATUS_LABEL[input.to]}”。`);
    await tx.facility.update({
      where: { id: f.id },
      data: { status: input.to, ...(input.to === 'OPERATING' && !f.operatingSince ? { operatingSince: now } : {}) },
    });
    await tx.facilityStatusChange.create({
      data: { facilityId: f.id, from: cur, to: input.to, reason: input.reason ?? null, actorId: actor.userId, at: now },
    });
    await audit(tx, actor, {
      action: 'FACILITY_STATUS_CHANGED',
      entity: 'Facility',
      entityId: f.id,
      detail: { from: cur, to: input.to, reason: input.reason ?? null },
    });
    if (input.to === 'SUSPENDED' || input.to === 'CLOSED') await clawBackIfWithinWindow(tx, actor, f.id, now);
  });
  return present(prisma, (await findFacility(prisma, f.id))!);
}
