// The sanctions lifecycle (001 八(二); 000 七): 约谈 (a recorded interview) → 整改 (rectification,
// with the programme's deadline) → the provider reports it done → the district verifies it.
// Suspension from orders and from settlement at the programme's count of verified complaints
// (001 八(二)1(3)); reinstatement only after a verified rectification; contract termination only
// on a ground the programme lists, each with its clause (001 八(二)2; 000 五). Every step is a
// ProviderSanction row, audited, and told to the provider's admins.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { notify } from '../notices/index.js';
import { type PolicyDocument, policyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import { providerInScope } from './providers.service.js';

const DAY_MS = 86_400_000;

/** The programme a provider works under: the one of its zones, else of its latest contract. */
async function programmeOf(tx: PrismaClient | Tx, providerId: string): Promise<PolicyDocument | null> {
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
async function tell(
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

/** 整改: after an interview, the district orders a rectification with the programme's deadline. */
export async function orderRectification(
  prisma: PrismaClient,
  actor: Actor,
  providerId: string,
  requirement: string,
  now: Date,
) {
  const { provider } = await providerInScope(prisma, actor, 'orderProviderRectification', providerId);
  const text = requirement?.trim() ?? '';
  if (text.length < 4 || text.length > 2000) throw badInput('requirement', '请写明整改要求（4–2000 字）。');
  const doc = await programmeOf(prisma, providerId);
  if (!doc) fail(ErrorCode.INVALID_STATE, '这家机构还没有服务合同或服务片区。');
  const interview = await prisma.providerSanction.findFirst({
    where: { providerId, kind: 'INTERVIEW' },
    orderBy: { createdAt: 'desc' },
  });
  if (!interview)
    fail(ErrorCode.INVALID_STATE, `请先约谈这家机构，再督促整改（${doc!.penalties.source}：约谈、督促整改）。`);
  if (
    await prisma.providerSanction.count({
      where: { providerId, kind: 'RECTIFICATION', status: { in: ['OPEN', 'SUBMITTED'] } },
    })
  )
    fail(ErrorCode.INVALID_STATE, '这家机构已有一项未核查的整改。');
  const dueAt = new Date(now.getTime() + doc!.penalties.rectificationDays * DAY_MS);
  return prisma.$transaction(async (tx) => {
    const s = await tx.providerSanction.create({
      data: {
        providerId,
        kind: 'RECTIFICATION',
        status: 'OPEN',
        clause: doc!.penalties.rectificationSource,
        reason: text,
        dueAt,
        createdById: actor.userId,
        createdAt: now,
        detail: { interviewId: interview!.id },
      },
    });
    await tell(tx, provider, {
      title: '整改通知',
      body: `请${provider.name}在 ${dueAt.toISOString().slice(0, 10)} 前完成整改并在平台提交整改报告：${text.slice(0, 200)}`,
      dedupe: `sanction:${s.id}`,
    });
    await audit(tx, actor, {
      action: 'PROVIDER_RECTIFICATION_ORDERED',
      entity: 'Provider',
      entityId: providerId,
      detail: { sanctionId: s.id, dueAt: dueAt.toISOString() },
    });
    return s;
  });
}

async function rectificationInScope(
  prisma: PrismaClient,
  actor: Actor,
  action: 'submitProviderRectification' | 'verifyProviderRectification',
  id: string,
) {
  const s = await prisma.providerSanction.findUnique({ where: { id } });
  if (!s || s.kind !== 'RECTIFICATION') {
    authorize(actor, action);
    return fail(ErrorCode.NOT_FOUND, '没有找到这项整改。');
  }
  const { provider } = await providerInScope(prisma, actor, action, s.providerId);
  return { s, provider };
}

/** The provider reports the rectification done, with its report. */
export async function submitRectification(
  prisma: PrismaClient,
  actor: Actor,
  sanctionId: string,
  report: string,
  now: Date,
) {
  const { s, provider } = await rectificationInScope(prisma, actor, 'submitProviderRectification', sanctionId);
  const text = report?.trim() ?? '';
  if (text.length < 4 || text.length > 4000) throw badInput('report', '请填写整改报告（4–4000 字）：做了哪些整改。');
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.providerSanction.updateMany({
      where: { id: s.id, status: 'OPEN' },
      data: { status: 'SUBMITTED', report: text },
    });
    if (claimed.count !== 1)
      fail(
        ErrorCode.INVALID_STATE,
        s.status === 'SUBMITTED' ? '整改报告已提交，等待民政部门核查。' : '这项整改已经核查过了。',
      );
    await tell(
      tx,
      provider,
      {
        title: `${provider.name}提交了整改报告`,
        body: `${provider.name}已提交整改报告，请核查。`,
        dedupe: `sanction:${s.id}:submitted`,
      },
      true,
    );
    await audit(tx, actor, {
      action: 'PROVIDER_RECTIFICATION_SUBMITTED',
      entity: 'Provider',
      entityId: provider.id,
      detail: { sanctionId: s.id, late: !!s.dueAt && now > s.dueAt },
    });
    return tx.providerSanction.findUniqueOrThrow({ where: { id: s.id } });
  });
}

/** The district verifies the rectification: passed (VERIFIED) or not (FAILED; a new one must be ordered). */
export async function verifyRectification(
  prisma: PrismaClient,
  actor: Actor,
  sanctionId: string,
  passed: boolean,
  note: string,
  now: Date,
) {
  const { s, provider } = await rectificationInScope(prisma, actor, 'verifyProviderRectification', sanctionId);
  const text = note?.trim() ?? '';
  if (text.length < 2 || text.length > 2000) throw badInput('note', '请填写核查意见。');
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.providerSanction.updateMany({
      where: { id: s.id, status: 'SUBMITTED' },
      data: {
        status: passed ? 'VERIFIED' : 'FAILED',
        verifiedAt: now,
        verifiedById: actor.userId,
        detail: { ...(s.detail as object), verification: text },
      },
    });
    if (claimed.count !== 1)
      fail(ErrorCode.INVALID_STATE, s.status === 'OPEN' ? '机构还没有提交整改报告。' : '这项整改已经核查过了。');
    await tell(tx, provider, {
      title: passed ? '整改核查合格' : '整改核查不合格',
      body: `${provider.name}的整改${passed ? '经核查合格' : '经核查不合格，请继续整改'}：${text.slice(0, 200)}`,
      dedupe: `sanction:${s.id}:verified`,
    });
    await audit(tx, actor, {
      action: passed ? 'PROVIDER_RECTIFICATION_VERIFIED' : 'PROVIDER_RECTIFICATION_FAILED',
      entity: 'Provider',
      entityId: provider.id,
      detail: { sanctionId: s.id },
    });
    return tx.providerSanction.findUniqueOrThrow({ where: { id: s.id } });
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
        body: `${successor.name}已接替${provider.name}的服务片区（${zones.map((z) => z.name).join('、')}），转来 ${moved} 张待派单工单，请及时派单。`,
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
