// Providers (承接主体): registration with credit code and qualifications (000 五 1–8; 001 五(二)),
// the purchase contract (001 六: 内容、期限、数量、质量、价格、资金结算方式、违约责任), the provider's
// own price list (001 五(二)2 价格清单), the zones it serves (001 五(二) 分区域实施), and which
// provider takes an elder's orders. The district's civil-affairs bureau is the purchaser (001 五(一),
// 六), so it registers, contracts and zones providers; a provider sees its own record.
import { type Actor, authorize, type Action, type Grant } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { policyDocument } from '../policies/index.js';
import { pathAndAncestors, pathWithin } from '../regions/index.js';

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The provider of the zone covering the community (OUT_OF_ZONE when no zone or provider does), with
 * its own price for `serviceItemId` if it has one (001 五(二)2 价格清单), in one statement.
 */
export async function providerForCommunity(
  prisma: PrismaClient | Tx,
  policyId: string,
  community: { path: string },
  serviceItemId: string,
) {
  // A zone covers a region and everything under it: the community itself or any of its ancestors.
  const within = pathAndAncestors(community.path);
  const provider = await prisma.provider.findFirst({
    where: { zones: { some: { policyId, regions: { some: { region: { path: { in: within } } } } } } },
    include: { prices: { where: { serviceItemId }, take: 1 } },
  });
  if (!provider) return fail(ErrorCode.OUT_OF_ZONE, '老人所在社区还没有承接服务的机构，请联系民政部门。');
  return provider;
}

/**
 * A suspended or terminated provider takes no orders (001 八(二)1 暂停; 八(二)2 终止合同), nor one whose
 * service qualification was removed (003 四(三) 取消服务资格).
 */
export function assertTakesOrders(provider: { name: string; status: string; disqualifiedAt?: Date | null }) {
  if (provider.disqualifiedAt)
    fail(
      ErrorCode.PROVIDER_DISQUALIFIED,
      `${provider.name}已被取消服务资格（003 四(三)），不能接单或派单，请联系民政部门。`,
    );
  if (provider.status === 'TERMINATED')
    fail(ErrorCode.PROVIDER_SUSPENDED, `${provider.name}的服务合同已终止，不再接单，请联系民政部门。`);
  if (provider.status !== 'ACTIVE')
    fail(ErrorCode.PROVIDER_SUSPENDED, `${provider.name}已被暂停接单，请联系街道或民政部门。`);
}

/** 001 八(二)1 暂停资金结算: settlement pays only a provider that is not suspended or terminated. */
export const providerSettles = (provider: { status: string }) => provider.status === 'ACTIVE';

/** What the scope rules look at in a provider: its region (officials) and itself (its staff). */
export const providerTarget = (p: { id: string; region: { path: string } }) => ({
  regionPath: p.region.path,
  providerIds: [p.id],
});

/** A provider the caller may act on for `action`: FORBIDDEN outside its scope, NOT_FOUND when there is none. */
export async function providerInScope(
  prisma: PrismaClient | Tx,
  actor: Actor,
  action: Action,
  providerId: string,
): Promise<{ grant: Grant; provider: Prisma.ProviderGetPayload<{ include: { region: true } }> }> {
  authorize(actor, action);
  const provider = await prisma.provider.findUnique({ where: { id: providerId }, include: { region: true } });
  if (!provider) return fail(ErrorCode.NOT_FOUND, '没有找到这家服务机构。');
  return { grant: authorize(actor, action, providerTarget(provider)), provider };
}

/** Providers the caller covers: its own (staff), or those of or above its region (officials). */
export async function listProviders(prisma: PrismaClient, actor: Actor) {
  const grant = authorize(actor, 'providers');
  const rows = await prisma.provider.findMany({ include: { region: true }, orderBy: { code: 'asc' } });
  if (grant.scope === 'PROVIDER') return rows.filter((p) => p.id === actor.providerId);
  return rows.filter(
    (p) => pathWithin(p.region.path, actor.regionPath!) || pathWithin(actor.regionPath!, p.region.path),
  );
}

export async function getProvider(prisma: PrismaClient, actor: Actor, id: string) {
  return (await providerInScope(prisma, actor, 'provider', id)).provider;
}

export interface RegisterProviderData {
  code: string;
  name: string;
  creditCode: string;
  regionCode: string;
  qualifications: string[];
  contactName: string;
  contactPhone: string;
}

function validateProvider(input: Omit<RegisterProviderData, 'code' | 'regionCode'>) {
  const creditCode = input.creditCode?.trim().toUpperCase() ?? '';
  if (!CREDIT_CODE.test(creditCode))
    throw badInput(
      'creditCode',
      '统一社会信用代码应为 18 位（数字和大写字母，不含 I、O、S、V、Z），请对照营业执照或登记证书填写。',
    );
  if (!input.name?.trim() || input.name.trim().length > 60) throw badInput('name', '请填写机构全称（60 字以内）。');
  if (!input.contactName?.trim()) throw badInput('contactName', '请填写机构联系人。');
  if (!/^[0-9-]{7,20}$/.test(input.contactPhone?.trim() ?? ''))
    throw badInput('contactPhone', '请填写联系电话（手机或带区号的座机）。');
  const qualifications = (input.qualifications ?? []).map((q) => q.trim()).filter(Boolean);
  if (!qualifications.length)
    throw badInput(
      'qualifications',
      '请至少填写一项资质（如民政部门登记证书、营业执照），承接主体须依法设立（000 五 1；001 五(二)1）。',
    );
  return {
    name: input.name.trim(),
    creditCode,
    contactName: input.contactName.trim(),
    contactPhone: input.contactPhone.trim(),
    qualifications,
  };
}

/** Registers a provider in the caller's district (000 五; 001 五(二)). */
export async function registerProvider(prisma: PrismaClient, actor: Actor, input: RegisterProviderData, now: Date) {
  authorize(actor, 'registerProvider');
  const v = validateProvider(input);
  if (!/^[A-Z0-9-]{2,20}$/.test(input.code ?? '')) throw badInput('code', '机构编号为 2–20 位大写字母、数字或 -。');
  const region = await prisma.region.findUnique({ where: { code: input.regionCode } });
  if (!region) throw badInput('regionCode', `没有找到地区代码 ${input.regionCode}。`);
  authorize(actor, 'registerProvider', { regionPath: region.path });
  if (await prisma.provider.findFirst({ where: { OR: [{ code: input.code }, { creditCode: v.creditCode }] } }))
    fail(ErrorCode.INVALID_STATE, '这家机构已经登记过了（机构编号或统一社会信用代码重复）。');
  return prisma.$transaction(async (tx) => {
    const provider = await tx.provider.create({
      data: { ...v, code: input.code, regionId: region.id, statusChangedAt: now },
      include: { region: true },
    });
    await audit(tx, actor, {
      action: 'PROVIDER_REGISTERED',
      entity: 'Provider',
      entityId: provider.id,
      detail: { code: provider.code, creditCode: v.creditCode },
    });
    return provider;
  });
}

/**
 * Changes the provider's qualifications or contacts (district, or the provider itself);
 * audited with old and new values.
 */
export async function updateProvider(
  prisma: PrismaClient,
  actor: Actor,
  input: {
    providerId: string;
    qualifications?: string[] | null;
    contactName?: string | null;
    contactPhone?: string | null;
  },
) {
  const { provider } = await providerInScope(prisma, actor, 'updateProvider', input.providerId);
  const v = validateProvider({
    name: provider.name,
    creditCode: provider.creditCode ?? '',
    qualifications: input.qualifications ?? provider.qualifications,
    contactName: input.contactName ?? provider.contactName ?? '',
    contactPhone: input.contactPhone ?? provider.contactPhone ?? '',
  });
  const changed = (['qualifications', 'contactName', 'contactPhone'] as const).filter(
    (f) => JSON.stringify(v[f]) !== JSON.stringify(provider[f]),
  );
  if (!changed.length) return provider;
  return prisma.$transaction(async (tx) => {
    const updated = await tx.provider.update({
      where: { id: provider.id },
      data: { qualifications: v.qualifications, contactName: v.contactName, contactPhone: v.contactPhone },
      include: { region: true },
    });
    await audit(tx, actor, {
      action: 'PROVIDER_UPDATED',
      entity: 'Provider',
      entityId: provider.id,
      detail: Object.fromEntries(changed.map((f) => [f, { old: provider[f], new: v[f] }])),
    });
    return updated;
  });
}

export interface ContractData {
  providerId: string;
  policyCode: string;
  startsOn: string;
  endsOn: string;
  quantity: string;
  quality: string;
  settlementMethod: string;
  liability: string;
}

/**
 * Signs the purchase contract (001 六): term, quantity, quality, settlement method and liability;
 * the price list is the provider's.
 */
export async function signContract(prisma: PrismaClient, actor: Actor, input: ContractData, now: Date) {
  const { provider } = await providerInScope(prisma, actor, 'signProviderContract', input.providerId);
  if (!DAY.test(input.startsOn ?? '') || Number.isNaN(Date.parse(input.startsOn)))
    throw badInput('startsOn', '请填写合同开始日期（YYYY-MM-DD）。');
  if (!DAY.test(input.endsOn ?? '') || Number.isNaN(Date.parse(input.endsOn)))
    throw badInput('endsOn', '请填写合同结束日期（YYYY-MM-DD）。');
  if (input.endsOn <= input.startsOn) throw badInput('endsOn', '合同结束日期须晚于开始日期。');
  for (const f of ['quantity', 'quality', 'settlementMethod', 'liability'] as const) {
    if (!input[f]?.trim()) throw badInput(f, '合同须写明服务数量、质量要求、资金结算方式和违约责任（001 六）。');
  }
  if (provider.status === 'TERMINATED') fail(ErrorCode.INVALID_STATE, '这家机构的合同已终止，不能再签约。');
  const policy = await prisma.policy.findUnique({ where: { code: input.policyCode } });
  if (!policy) throw badInput('policyCode', '没有找到这个项目。');
  if (
    !pathWithin(provider.region.path, (await prisma.region.findUniqueOrThrow({ where: { id: policy.regionId } })).path)
  )
    throw badInput('policyCode', '这家机构不在该项目的地区内。');
  return prisma.$transaction(async (tx) => {
    const contract = await tx.providerContract.create({
      data: {
        providerId: provider.id,
        policyId: policy.id,
        startsOn: new Date(`${input.startsOn}T00:00:00Z`),
        endsOn: new Date(`${input.endsOn}T00:00:00Z`),
        quantity: input.quantity.trim(),
        quality: input.quality.trim(),
        settlementMethod: input.settlementMethod.trim(),
        liability: input.liability.trim(),
        createdAt: now,
      },
    });
    await audit(tx, actor, {
      action: 'PROVIDER_CONTRACT_SIGNED',
      entity: 'Provider',
      entityId: provider.id,
      detail: { contractId: contract.id, policy: policy.code, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return contract;
  });
}

/** Gives a zone of the programme to a provider under contract (001 五(二) 分区域实施: one provider per zone). */
export async function assignZone(
  prisma: PrismaClient,
  actor: Actor,
  providerId: string,
  zoneCode: string,
  policyCode: string,
) {
  const { provider } = await providerInScope(prisma, actor, 'assignProviderZone', providerId);
  const policy = await prisma.policy.findUnique({ where: { code: policyCode } });
  const zone =
    policy &&
    (await prisma.serviceZone.findUnique({ where: { policyId_code: { policyId: policy.id, code: zoneCode } } }));
  if (!zone) throw badInput('zoneCode', '没有找到这个服务片区。');
  if (provider.status !== 'ACTIVE') fail(ErrorCode.INVALID_STATE, '暂停或终止合同的机构不能承接新的服务片区。');
  if (!(await prisma.providerContract.count({ where: { providerId, policyId: policy!.id, terminatedAt: null } })))
    fail(ErrorCode.INVALID_STATE, '请先与这家机构签订该项目的服务合同，再划分服务片区（001 六）。');
  return prisma.$transaction(async (tx) => {
    const updated = await tx.serviceZone.update({ where: { id: zone.id }, data: { providerId } });
    await audit(tx, actor, {
      action: 'PROVIDER_ZONE_ASSIGNED',
      entity: 'Provider',
      entityId: providerId,
      detail: { zone: zone.code, policy: policyCode, previousProviderId: zone.providerId },
    });
    return updated;
  });
}

/**
 * Sets the provider's price for an item of the guide (001 五(二)2); the subsidy still pays at
 * most the programme's cap.
 */
export async function setPrice(
  prisma: PrismaClient,
  actor: Actor,
  providerId: string,
  policyCode: string,
  serviceCode: string,
  priceFen: number,
  now: Date,
) {
  await providerInScope(prisma, actor, 'setProviderPrice', providerId);
  if (!Number.isInteger(priceFen) || priceFen < 1 || priceFen > 1_000_000)
    throw badInput('priceFen', '价格以分为单位，应为 1 到 1000000 之间的整数。');
  const policy = await prisma.policy.findUnique({ where: { code: policyCode } });
  const item =
    policy && (await prisma.serviceItem.findFirst({ where: { policyId: policy.id, code: serviceCode, active: true } }));
  if (!item) throw badInput('serviceCode', '这项服务不在该项目的服务指南中。');
  if (!(await prisma.providerContract.count({ where: { providerId, policyId: policy!.id, terminatedAt: null } })))
    fail(ErrorCode.INVALID_STATE, '这家机构还没有该项目的服务合同，不能报价。');
  return prisma.$transaction(async (tx) => {
    const row = await tx.providerPrice.upsert({
      where: { providerId_serviceItemId: { providerId, serviceItemId: item.id } },
      create: { providerId, serviceItemId: item.id, priceFen, updatedAt: now },
      update: { priceFen, updatedAt: now },
    });
    await audit(tx, actor, {
      action: 'PROVIDER_PRICE_SET',
      entity: 'Provider',
      entityId: providerId,
      detail: { item: serviceCode, priceFen },
    });
    return { ...row, serviceItem: item };
  });
}

/** The price list as the elder's programme sees it: the provider's price and the subsidy cap per hour, if any. */
export async function priceList(prisma: PrismaClient, providerId: string) {
  const rows = await prisma.providerPrice.findMany({
    where: { providerId },
    include: { serviceItem: { include: { policy: true } } },
    orderBy: { serviceItem: { sortOrder: 'asc' } },
  });
  return rows.map((r) => {
    const doc = policyDocument(r.serviceItem.policy);
    const bucket = doc.allowance.buckets.find((b) => b.pays.includes(r.serviceItem.mode));
    return { ...r, serviceItem: r.serviceItem, subsidyCapFenPerHour: bucket?.maxRateFenPerHour ?? null };
  });
}

/**
 * 服务对象台账 (001 七(一)–(二)): the elders in the provider's zones, each with its service
 * agreement — the active enrolment whose programme the provider is contracted for.
 */
export async function providerRecipients(prisma: PrismaClient, actor: Actor, providerId: string) {
  await providerInScope(prisma, actor, 'providerRecipients', providerId);
  const zones = await prisma.serviceZone.findMany({
    where: { providerId },
    include: { regions: { include: { region: true } } },
  });
  if (!zones.length) return [];
  const enrolments = await prisma.enrolment.findMany({
    where: {
      status: 'ACTIVE',
      OR: zones.map((z) => ({
        policyId: z.policyId,
        elder: {
          community: {
            OR: z.regions.flatMap((r) => [{ path: r.region.path }, { path: { startsWith: `${r.region.path}/` } }]),
          },
        },
      })),
    },
    include: { elder: { include: { community: true } }, policy: true },
    orderBy: { elderId: 'asc' },
  });
  return enrolments.map((e) => ({
    enrolment: e,
    elder: e.elder,
    policyCode: e.policy.code,
    communityName: e.elder.community.name,
  }));
}
