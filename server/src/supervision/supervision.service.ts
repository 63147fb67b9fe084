// Supervision of the programme's services (003 四(三) 规范行业管理): the star rating of each facility and
// provider from the programme's quantified criteria, the register of 通报批评 and 取消服务资格 (which
// stops a provider's new orders, assignments and its facilities' grants: orders and facilities areas
// read Provider.disqualifiedAt), and the awards register. Criteria, points and awards are the
// programme document's (policy.oversight.ts), never this file's.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { inspectionsOf, presentFacility } from '../facilities/index.js';
import { loadPolicy } from '../policies/index.js';
import { pathWithin, subtreeOf } from '../regions/index.js';
import { facilityScore, providerScore, starsFor } from './supervision.rules.js';
import type { RecordSupervisionInput } from './supervision.types.js';

async function programme(prisma: PrismaClient, policyCode: string) {
  const loaded = await loadPolicy(prisma, { code: policyCode });
  if (!loaded) throw badInput('policyCode', '没有这个项目，请核对项目代码。');
  const oversight = loaded.doc.oversight;
  if (!oversight) throw badInput('policyCode', '这个项目的文件没有星级评定和通报、表彰的规定。');
  return { ...loaded, oversight };
}

/**
 * Where a provider works in the programme: the regions of its zones (a city-registered provider serving
 * one district is that district's to supervise), and its own registration region.
 */
async function providerPaths(
  prisma: PrismaClient,
  provider: { id: string; region: { path: string } },
  policyId: string,
) {
  const zones = await prisma.serviceZone.findMany({
    where: { policyId, providerId: provider.id },
    include: { regions: { include: { region: true } } },
  });
  return [...zones.flatMap((z) => z.regions.map((r) => r.region.path)), provider.region.path];
}

/** The path the scope check is made on: a zone of the provider inside the caller's region, if any. */
const pathFor = (paths: string[], actorPath: string) =>
  paths.find((p) => pathWithin(p, actorPath)) ?? paths[paths.length - 1]!;

const overlaps = (paths: string[], actorPath: string) =>
  paths.some((p) => pathWithin(p, actorPath) || pathWithin(actorPath, p));

const monthsBefore = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/** Registers a public criticism, a disqualification or an award, audited, within the caller's region. */
export async function recordSupervision(prisma: PrismaClient, actor: Actor, input: RecordSupervisionInput, now: Date) {
  const grant = authorize(actor, 'recordSupervision');
  const { policy, oversight } = await programme(prisma, input.policyCode);
  const reason = input.reason.trim();
  if (reason.length < 2 || reason.length > 500) throw badInput('reason', '事由请写 2 到 500 个字。');
  const award = input.kind === 'AWARD' ? oversight.awards?.find((a) => a.code === input.award) : undefined;
  if (input.kind === 'AWARD' && !award) throw badInput('award', '请从项目文件列出的表彰项目中选择。');
  if (input.kind !== 'AWARD' && input.award) throw badInput('award', '通报批评和取消服务资格不填表彰项目。');
  if (input.kind !== 'AWARD' && !oversight.sanctions)
    throw badInput('kind', '这个项目的文件没有通报批评和取消服务资格的规定。');
  const subject = award?.subject ?? 'PROVIDER';
  if (subject === 'PROVIDER' && !input.providerId) throw badInput('providerId', '请选择服务机构。');
  if (subject === 'FACILITY' && !input.facilityId) throw badInput('facilityId', '请选择设施。');
  const personName = input.personName?.trim() || null;
  if (subject === 'PERSON' && (!personName || personName.length > 50))
    throw badInput('personName', '请填写受表彰人员的姓名（不超过 50 个字）。');
  const provider =
    subject === 'PROVIDER'
      ? await prisma.provider.findUnique({ where: { id: input.providerId! }, include: { region: true } })
      : null;
  if (subject === 'PROVIDER' && !provider) return fail(ErrorCode.NOT_FOUND, '没有找到这家服务机构。');
  const facility =
    subject === 'FACILITY'
      ? await prisma.facility.findUnique({ where: { id: input.facilityId! }, include: { community: true } })
      : null;
  if (subject === 'FACILITY' && (!facility || facility.policyId !== policy.id))
    return fail(ErrorCode.NOT_FOUND, '没有找到这个项目的这个设施。');
  if (facility && award?.facilityKinds && !award.facilityKinds.includes(facility.kind as never))
    throw badInput('facilityId', `${award.name}只评日间照料中心。`);
  const caregiver = input.caregiverId
    ? await prisma.caregiver.findUnique({
        where: { id: input.caregiverId },
        include: { provider: { include: { region: true } } },
      })
    : null;
  if (input.caregiverId && !caregiver) throw badInput('caregiverId', '没有找到这位护理员。');
  const owner = provider ?? caregiver?.provider ?? null;
  const regionPath = owner
    ? pathFor(await providerPaths(prisma, owner, policy.id), grant.actor.regionPath!)
    : (facility?.community.path ?? grant.actor.regionPath!);
  authorize(grant.actor, 'recordSupervision', { regionPath });
  const clause = award?.source ?? oversight.sanctions!.source;
  const saved = await prisma.$transaction(async (tx) => {
    if (input.kind === 'DISQUALIFICATION') {
      // Conditional, so two disqualifications at once record one.
      const moved = await tx.provider.updateMany({
        where: { id: provider!.id, disqualifiedAt: null },
        data: { disqualifiedAt: now },
      });
      if (moved.count !== 1) fail(ErrorCode.INVALID_STATE, `${provider!.name}已被取消服务资格。`);
    }
    const row = await tx.supervisionRecord.create({
      data: {
        policyId: policy.id,
        kind: input.kind as never,
        providerId: provider?.id ?? caregiver?.providerId ?? null,
        facilityId: facility?.id ?? null,
        personName,
        caregiverId: caregiver?.id ?? null,
        award: award?.code ?? null,
        clause,
        reason,
        createdById: actor.userId,
        createdAt: now,
      },
    });
    await audit(tx, actor, {
      action: `SUPERVISION_${input.kind}`,
      entity: 'SupervisionRecord',
      entityId: row.id,
      detail: { providerId: row.providerId, facilityId: row.facilityId, award: row.award, clause },
    });
    return row;
  });
  return (await presentRecords(prisma, [saved], oversight.awards ?? []))[0]!;
}

type RecordRow = Awaited<ReturnType<PrismaClient['supervisionRecord']['findMany']>>[number];

async function presentRecords(prisma: PrismaClient, rows: RecordRow[], awards: { code: string; name: string }[]) {
  const [providers, facilities] = await Promise.all([
    prisma.provider.findMany({ where: { id: { in: rows.flatMap((r) => r.providerId ?? []) } } }),
    prisma.facility.findMany({ where: { id: { in: rows.flatMap((r) => r.facilityId ?? []) } } }),
  ]);
  return rows.map((r) => ({
    ...r,
    providerName: providers.find((p) => p.id === r.providerId)?.name ?? null,
    facilityName: facilities.find((f) => f.id === r.facilityId)?.name ?? null,
    awardName: awards.find((a) => a.code === r.award)?.name ?? null,
  }));
}

/**
 * The register, newest first: officials see the records in their region; a provider sees its own
 * (通报批评 is public, 003 四(三) 将结果定期通报).
 */
export async function supervisionRecords(
  prisma: PrismaClient,
  actor: Actor,
  input: { policyCode: string; kind?: string | null },
) {
  const grant = authorize(actor, 'supervisionRecords');
  const { policy, oversight } = await programme(prisma, input.policyCode);
  const rows = await prisma.supervisionRecord.findMany({
    where: { policyId: policy.id, ...(input.kind ? { kind: input.kind as never } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 500,
  });
  const [providers, facilities] = await Promise.all([
    prisma.provider.findMany({
      where: { id: { in: rows.flatMap((r) => r.providerId ?? []) } },
      include: { region: true },
    }),
    prisma.facility.findMany({
      where: { id: { in: rows.flatMap((r) => r.facilityId ?? []) } },
      include: { community: true },
    }),
  ]);
  const visible = rows.filter((r) => {
    if (grant.actor.role === 'PROVIDER_ADMIN') return r.providerId != null && r.providerId === grant.actor.providerId;
    const path =
      facilities.find((f) => f.id === r.facilityId)?.community.path ??
      providers.find((p) => p.id === r.providerId)?.region.path;
    return path ? pathWithin(path, grant.actor.regionPath!) || pathWithin(grant.actor.regionPath!, path) : true;
  });
  return presentRecords(prisma, visible, oversight.awards ?? []);
}

/** Star ratings of the programme's facilities and providers within the caller's region, at the app clock. */
export async function starRatings(prisma: PrismaClient, actor: Actor, policyCode: string, now: Date) {
  const grant = authorize(actor, 'starRatings');
  const { policy, oversight } = await programme(prisma, policyCode);
  const rule = oversight.starRating;
  if (!rule) throw badInput('policyCode', '这个项目的文件没有星级评定指标。');
  const rows = await prisma.facility.findMany({
    where: { policyId: policy.id, community: subtreeOf(grant.actor.regionPath!) },
    include: { community: true, rooms: true, policy: true, startupGrant: true },
    orderBy: [{ name: 'asc' }],
  });
  const facilities = await Promise.all(
    rows.map(async (row) => {
      const f = await presentFacility(prisma, row);
      const inspections = await inspectionsOf(prisma, row.id, now);
      const lateOrOverdue = inspections.filter((i) => ['OVERDUE', 'RECTIFIED_LATE'].includes(i.rectification)).length;
      const { score, criteria } = facilityScore(rule, {
        roomsPresent: row.rooms.filter((r) => r.present).length,
        tierCompliant: f.areaTier.compliant === true,
        lateOrOverdue,
      });
      return {
        subject: 'FACILITY',
        id: row.id,
        name: row.name,
        operatorId: row.operatorId,
        operating: row.status === 'OPERATING',
        score,
        stars: starsFor(rule, score),
        disqualified: false,
        criteria,
      };
    }),
  );
  const zoned = await prisma.serviceZone.findMany({ where: { policyId: policy.id, providerId: { not: null } } });
  const providerIds = [...new Set([...zoned.map((z) => z.providerId!), ...rows.flatMap((r) => r.operatorId ?? [])])];
  const candidates = await prisma.provider.findMany({
    where: { id: { in: providerIds } },
    include: { region: true },
    orderBy: { code: 'asc' },
  });
  const providerRows = [];
  for (const p of candidates)
    if (overlaps(await providerPaths(prisma, p, policy.id), grant.actor.regionPath!)) providerRows.push(p);
  const since = monthsBefore(now, rule.provider.windowMonths);
  const providers = await Promise.all(
    providerRows.map(async (p) => {
      const [criticisms, verifiedComplaints] = await Promise.all([
        prisma.supervisionRecord.count({
          where: {
            policyId: policy.id,
            providerId: p.id,
            kind: 'PUBLIC_CRITICISM',
            createdAt: { gt: since, lte: now },
          },
        }),
        prisma.complaint.count({
          where: { providerId: p.id, providerAtFault: true, createdAt: { gt: since, lte: now } },
        }),
      ]);
      const own = facilities.filter((f) => f.operatorId === p.id && f.operating).map((f) => f.score);
      const { score, criteria } = providerScore(rule, { facilityScores: own, criticisms, verifiedComplaints });
      return {
        subject: 'PROVIDER',
        id: p.id,
        name: p.name,
        score,
        stars: starsFor(rule, score),
        disqualified: p.disqualifiedAt != null,
        criteria,
      };
    }),
  );
  return { facilities, providers, source: rule.source, assumed: rule.assumed ?? false, note: rule.note ?? null };
}
