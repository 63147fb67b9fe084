// The sanctions lifecycle (001 八(二); 000 七): 约谈 (a recorded interview) → 整改 (rectification,
// with the programme's deadline) → the provider reports it done → the district verifies it.
// Suspension from orders and from settlement at the programme's count of verified complaints
// (001 八(二)1(3)); reinstatement only after a verified rectification; contract termination only
// on a ground the programme lists, each with its clause (001 八(二)2; 000 五). Every step is a
// ProviderSanction row, audited, and told to the provider's admins.
import type { Actor } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { notify } from '../notices/index.js';
import { type PolicyDocument, policyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import { providerInScope } from './providers.service.js';

export const DAY_MS = 86_400_000;

/** The programme a provider works under: the one of its zones, else of its latest contract. */
export async function programmeOf(tx: PrismaClient | Tx, providerId: string): Promise<PolicyDocument | null> {
  const zone = await tx.serviceZone.findFirst({ where: { providerId }, include: { policy: true } });
  if (zone) return policyDocument(zone.policy);
  const contract = await tx.providerContract.findFirst({
    where: { providerId },
    orderBy: { createdAt: 'desc' },
    include: { policy: true },
  });
  return contract ? policyDocument(contract.policy) : null;
}

/** The provider's admins and the district officials above its region hear of every step. */
export async function tell(
  tx: Tx,
  provider: { id: string; name: string; region: { path: string } },
  n: { title: string; body: string; dedupe: string; kind?: string },
  officials = false,
) {
  const staff = await tx.user.findMany({
    where: { providerId: provider.id, role: 'PROVIDER_ADMIN', active: true },
    select: { id: true },
  });
  const admins = officials
    ? (await tx.user.findMany({ where: { role: 'DISTRICT_ADMIN', active: true }, include: { region: true } })).filter(
        (u) => u.region && pathWithin(provider.region.path, u.region.path),
      )
    : [];
  await notify(
    tx,
    [...staff, ...admins].map((u) => u.id),
    { kind: 'PROVIDER_SANCTION', ...n },
  );
}

/**
 * 001 八(二)1(3): at the programme's count of verified complaints (provider at fault) since the
 * provider was last reinstated, it is suspended from orders and settlement, with notice to the
 * district and to the provider. Called by feedback when a complaint is closed at fault.
 */
export async function suspendForComplaints(
  tx: Tx,
  actor: Actor,
  providerId: string,
  doc: PolicyDocument | null,
  now: Date,
) {
  const threshold = doc?.penalties.verifiedComplaintsForSuspension;
  if (!threshold) return;
  const reinstated = await tx.providerSanction.findFirst({
    where: { providerId, kind: 'REINSTATEMENT' },
    orderBy: { createdAt: 'desc' },
  });
  const count = await tx.complaint.count({
    where: { providerId, providerAtFault: true, ...(reinstated ? { createdAt: { gt: reinstated.createdAt } } : {}) },
  });
  if (count < threshold) return;
  const provider = await tx.provider.findUniqueOrThrow({ where: { id: providerId }, include: { region: true } });
  const suspended = await tx.provider.updateMany({
    where: { id: providerId, status: 'ACTIVE' },
    data: {
      status: 'SUSPENDED',
      statusReason: `${count} 次投诉经核实责任在服务机构：${doc!.penalties.suspensionActions.join('、')}`,
      statusChangedAt: now,
    },
  });
  if (suspended.count !== 1) return;
  const s = await tx.providerSanction.create({
    data: {
      providerId,
      kind: 'SUSPENSION',
      clause: `${doc!.penalties.source}1(3)`,
      reason: `服务期限内 ${count} 次被服务对象投诉，经核实责任在服务机构`,
      createdById: actor.userId,
      createdAt: now,
      detail: { verifiedComplaints: count, threshold },
    },
  });
  await tell(
    tx,
    provider,
    {
      title: `${provider.name}已暂停接单和结算`,
      body: `${provider.name}服务期内已有 ${count} 次投诉经核实责任在服务机构（${doc!.penalties.source}），已暂停接单和资金结算，请约谈并督促整改；整改经核查合格后方可恢复。`,
      dedupe: `provider:${providerId}:suspended:${s.id}`,
      kind: 'PROVIDER_SUSPENDED',
    },
    true,
  );
  await audit(tx, actor, {
    action: 'PROVIDER_SUSPENDED',
    entity: 'Provider',
    entityId: providerId,
    detail: { sanctionId: s.id, verifiedComplaints: count, threshold },
  });
}

/** 约谈: the district records an interview with the provider and what was said. */
export async function recordInterview(
  prisma: PrismaClient,
  actor: Actor,
  providerId: string,
  notes: string,
  now: Date,
) {
  const { provider } = await providerInScope(prisma, actor, 'recordProviderInterview', providerId);
  const text = notes?.trim() ?? '';
  if (text.length < 4 || text.length > 2000)
    throw badInput('notes', '请记录约谈情况（4–2000 字）：谈了什么问题、机构如何答复。');
  const doc = await programmeOf(prisma, providerId);
  return prisma.$transaction(async (tx) => {
    const s = await tx.providerSanction.create({
      data: {
        providerId,
        kind: 'INTERVIEW',
        clause: doc?.penalties.source ?? '001 八(二)',
        reason: text,
        createdById: actor.userId,
        createdAt: now,
      },
    });
    await tell(tx, provider, {
      title: '民政部门约谈记录',
      body: `民政部门已约谈${provider.name}：${text.slice(0, 200)}`,
      dedupe: `sanction:${s.id}`,
    });
    await audit(tx, actor, {
      action: 'PROVIDER_INTERVIEWED',
      entity: 'Provider',
      entityId: providerId,
      detail: { sanctionId: s.id },
    });
    return s;
  });
}

/**
 * Lifts a suspension. Only after a rectification verified since the suspension (000 七 整改合格后再行结算;
 * 001 八(二)1 督促整改): otherwise RECTIFICATION_NOT_VERIFIED and nothing changes.
 */
export async function reinstateProvider(prisma: PrismaClient, actor: Actor, providerId: string, now: Date) {
  const { provider } = await providerInScope(prisma, actor, 'reinstateProvider', providerId);
  if (provider.status !== 'SUSPENDED')
    fail(
      ErrorCode.INVALID_STATE,
      provider.status === 'TERMINATED' ? '这家机构的合同已终止，不能恢复。' : '这家机构没有被暂停。',
    );
  const suspension = await prisma.providerSanction.findFirst({
    where: { providerId, kind: 'SUSPENSION' },
    orderBy: { createdAt: 'desc' },
  });
  const since = suspension?.createdAt ?? provider.statusChangedAt ?? new Date(0);
  const verified = await prisma.providerSanction.findFirst({
    where: { providerId, kind: 'RECTIFICATION', status: 'VERIFIED', verifiedAt: { gte: since } },
    orderBy: { verifiedAt: 'desc' },
  });
  if (!verified) fail(ErrorCode.RECTIFICATION_NOT_VERIFIED);
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.provider.updateMany({
      where: { id: providerId, status: 'SUSPENDED' },
      data: { status: 'ACTIVE', statusReason: '整改经核查合格，恢复接单和结算', statusChangedAt: now },
    });
    if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这家机构没有被暂停。');
    const s = await tx.providerSanction.create({
      data: {
        providerId,
        kind: 'REINSTATEMENT',
        clause: verified!.clause,
        reason: '整改经核查合格',
        createdById: actor.userId,
        createdAt: now,
        detail: { rectificationId: verified!.id, suspensionId: suspension?.id ?? null },
      },
    });
    await tell(
      tx,
      provider,
      {
        title: `${provider.name}恢复接单和结算`,
        body: `${provider.name}整改经核查合格，已恢复接单和资金结算。`,
        dedupe: `sanction:${s.id}`,
      },
      true,
    );
    await audit(tx, actor, {
      action: 'PROVIDER_REINSTATED',
      entity: 'Provider',
      entityId: providerId,
      detail: { sanctionId: s.id, rectificationId: verified!.id },
    });
    return tx.provider.findUniqueOrThrow({ where: { id: providerId }, include: { region: true } });
  });
}

/**
 * Terminates the provider's contracts on a ground its programme lists (001 八(二)2(1)–(8); 000 五).
 * Its zones and their open orders (placed or assigned, not yet started) go to the successor, who
 * must be active and contracted for the programme; without one the zones are left without a
 * provider, the orders held where they are, and the district told to name a successor.
 */
export async function terminateContract(
  prisma: PrismaClient,
  actor: Actor,
  providerId: string,
  groundCode: string,
  successorId: string | null | undefined,
  now: Date,
) {
  const { provider } = await providerInScope(prisma, actor, 'terminateProviderContract', providerId);
  if (provider.status === 'TERMINATED') fail(ErrorCode.INVALID_STATE, '这家机构的合同已经终止了。');
  const doc = await programmeOf(prisma, providerId);
  const grounds = doc?.penalties.contractTerminationGrounds ?? [];
  const ground = grounds.find((g) => g.code === groundCode);
  if (!ground)
    throw badInput(
      'ground',
      grounds.length
        ? `终止合同须依据项目规定的情形之一：${grounds.map((g) => `${g.code}（${g.label}，${g.source}）`).join('；')}。`
        : '这个项目没有规定终止合同的情形。',
    );
  const zones = await prisma.serviceZone.findMany({ where: { providerId } });
  let successor: Awaited<ReturnType<typeof providerInScope>>['provider'] | null = null;
  if (successorId) {
    if (successorId === providerId) throw badInput('successorProviderId', '接替机构不能是被终止合同的机构。');
    successor = (await providerInScope(prisma, actor, 'terminateProviderContract', successorId)).provider;
    if (successor.status !== 'ACTIVE')
      throw badInput('successorProviderId', `${successor.name}不在正常接单状态，不能接替。`);
    for (const z of zones) {
      if (
        !(await prisma.providerContract.count({
          where: { providerId: successor.id, policyId: z.policyId, terminatedAt: null },
        }))
      )
        throw badInput('successorProviderId', `${successor.name}没有该项目的服务合同，请先签约再接替。`);
    }
  }
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.provider.updateMany({
      where: { id: providerId, status: { not: 'TERMINATED' } },
      data: {
        status: 'TERMINATED',
        statusReason: `终止合同：${ground.label}（${ground.source}）`,
        statusChangedAt: now,
      },
    });
    if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这家机构的合同已经终止了。');
    await tx.providerContract.updateMany({
      where: { providerId, terminatedAt: null },
      data: { terminatedAt: now, terminationGround: ground.code },
    });
    await tx.serviceZone.updateMany({ where: { providerId }, data: { providerId: successor?.id ?? null } });
    const open = { providerId, status: { in: ['PLACED' as const, 'ASSIGNED' as const] } };
    const held = await tx.order.count({ where: open });
    const moved = successor
      ? (
          await tx.order.updateMany({
            where: open,
            data: { providerId: successor.id, caregiverId: null, status: 'PLACED' },
          })
        ).count
      : 0;
    const s = await tx.providerSanction.create({
      data: {
        providerId,
        kind: 'TERMINATION',
        clause: ground.source,
        reason: ground.label,
        createdById: actor.userId,
        createdAt: now,
        detail: {
          ground: ground.code,
          successorId: successor?.id ?? null,
          zones: zones.map((z) => z.code),
          ordersMoved: moved,
          ordersHeld: successor ? 0 : held,
        },
      },
    });
    await tell(
      tx,
      provider,
      {
        title: `${provider.name}的服务合同已终止`,
        body: successor
          ? `依据${ground.source}（${ground.label}），${provider.name}的服务合同已终止；服务片区和 ${moved} 张未开始的工单已转由${successor.name}承接。`
          : `依据${ground.source}（${ground.label}），${provider.name}的服务合同已终止；${held} 张未开始的工单暂停派单，所在服务片区暂无承接机构，请尽快指定接替机构。`,
        dedupe: `sanction:${s.id}`,
      },
      true,
    );
    if (successor)
      await tell(tx, successor, {
        title: '接替承接服务片区',
        body:
          `${successor.name}已接替${provider.name}的服务片区（${zones.map((z) => z.name).join('、')}），` +
          `转来 ${moved} 张待派单工单，请及时派单。`,
        dedupe: `sanction:${s.id}:successor`,
      });
    await audit(tx, actor, {
      action: 'PROVIDER_CONTRACT_TERMINATED',
      entity: 'Provider',
      entityId: providerId,
      detail: {
        sanctionId: s.id,
        ground: ground.code,
        successorId: successor?.id ?? null,
        ordersMoved: moved,
        ordersHeld: successor ? 0 : held,
      },
    });
    return s;
  });
}

/** Every step of the provider's sanctions, newest first: the provider sees its own. */
export async function listSanctions(prisma: PrismaClient, actor: Actor, providerId: string) {
  await providerInScope(prisma, actor, 'providerSanctions', providerId);
  return prisma.providerSanction.findMany({ where: { providerId }, orderBy: { createdAt: 'desc' } });
}
