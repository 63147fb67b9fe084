// Credit records (信用体系, 002 二(三)10): events of providers, caregivers and elders, the platform's own from
// what it already knows (credit.events.ts) and officials' manual ones with evidence; each subject reads its own
// record. Appeals are in credit.appeals.ts.
import { v7 as uuidv7 } from 'uuid';
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { CreditEventKind, CreditSubject, PrismaClient } from '../db/prisma.js';
import { policyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import { MANUAL_KINDS, type CreditPolicy, creditScores, dispatchStandingOf, publicListOf } from './credit.rules.js';

const OFFICIAL_ROLES = new Set(['COMMUNITY_WORKER', 'STREET_OFFICER', 'DISTRICT_ADMIN', 'OPERATOR']);

/** A text an official or subject writes: trimmed, 4–500 characters. */
export function textOf(field: string, raw: string | null | undefined, what: string): string {
  const t = raw?.trim() ?? '';
  const n = [...t].length;
  if (n < 4 || n > 500) throw badInput(field, `请用 4 到 500 字写明${what}。`);
  return t;
}

async function creditProgramme(prisma: PrismaClient, policyCode: string) {
  const policy = await prisma.policy.findUnique({ where: { code: policyCode }, include: { region: true } });
  if (!policy) return fail(ErrorCode.NOT_FOUND, '没有找到这个项目。');
  const credit = policyDocument(policy).credit;
  if (!credit) return fail(ErrorCode.INVALID_STATE, '这个项目没有建立信用管理规则。');
  return { policy, credit };
}

/** The subject's name and the region paths it answers to (an elder's community; a provider's zones and seat). */
async function subjectOf(prisma: PrismaClient, type: CreditSubject, id: string, policyId: string) {
  if (type === 'ELDER') {
    const e = await prisma.elder.findUnique({ where: { id }, include: { community: true } });
    return e ? { name: e.name, paths: [e.community.path], providerId: null, userId: null } : null;
  }
  const caregiver =
    type === 'CAREGIVER' ? await prisma.caregiver.findUnique({ where: { id }, select: { providerId: true } }) : null;
  const providerId = type === 'PROVIDER' ? id : caregiver?.providerId;
  if (!providerId) return null;
  const provider = await prisma.provider.findUnique({
    where: { id: providerId },
    include: {
      region: true,
      zones: { where: { policyId }, include: { regions: { include: { region: true } } } },
      caregivers: type === 'CAREGIVER' ? { where: { id } } : false,
    },
  });
  if (!provider) return null;
  const paths = [provider.region.path, ...provider.zones.flatMap((z) => z.regions.map((r) => r.region.path))];
  const cg = provider.caregivers?.[0];
  return { name: cg ? cg.name : provider.name, paths, providerId, userId: cg?.userId ?? null };
}

/** Where an official's record of the subject sits: the subject's path inside the official's region, or that region. */
function officialPath(regionPath: string, paths: string[]): string | null {
  const inside = paths.find((p) => pathWithin(p, regionPath));
  if (inside) return inside;
  return paths.some((p) => pathWithin(regionPath, p)) ? regionPath : null;
}

/** The platform records an event itself (credit.events.ts): once per cause, for each subject its rule names. */
export async function recordAutomatic(
  prisma: PrismaClient,
  e: {
    policyId: string;
    kind: CreditEventKind;
    subjects: { type: CreditSubject; id: string | null | undefined }[];
    reason: string;
    evidence: string;
    sourceRef: string;
    regionPath: string;
    at: Date;
  },
): Promise<number> {
  const policy = await prisma.policy.findUnique({ where: { id: e.policyId } });
  const rule = policy && policyDocument(policy).credit?.events.find((r) => r.kind === e.kind);
  if (!rule) return 0;
  const rows = e.subjects
    .filter((s): s is { type: CreditSubject; id: string } => !!s.id && rule.subjects.includes(s.type))
    .map((s) => ({
      id: uuidv7(),
      policyId: e.policyId,
      subjectType: s.type,
      subjectId: s.id,
      kind: e.kind,
      points: rule.points,
      reason: e.reason,
      evidence: e.evidence,
      sourceRef: e.sourceRef,
      regionPath: e.regionPath,
      occurredAt: e.at,
    }));
  // A cause seen twice (a sweep that runs again, a replayed event) records nothing more.
  const r = await prisma.creditEvent.createMany({ data: rows, skipDuplicates: true });
  return r.count;
}

export interface ManualCreditInput {
  policyCode: string;
  subjectType: CreditSubject;
  subjectId: string;
  kind: CreditEventKind;
  reason: string;
  evidence?: string | null;
}

/** An official records a commendation, an inspection finding or a verified extra charge, with its evidence. */
export async function recordCreditEvent(prisma: PrismaClient, actor: Actor, input: ManualCreditInput, now: Date) {
  const grant = authorize(actor, 'recordCreditEvent');
  if (!(MANUAL_KINDS as readonly string[]).includes(input.kind))
    throw badInput('kind', '平台自动记录的信用事件不能手工登记；手工只能登记表扬、检查发现问题和违规额外收费。');
  const evidence = input.evidence?.trim() ?? '';
  if ([...evidence].length < 4) fail(ErrorCode.CREDIT_EVIDENCE_REQUIRED, undefined, { field: 'evidence' });
  if ([...evidence].length > 500) throw badInput('evidence', '证据说明最多 500 字，可填写文件编号。');
  const reason = textOf('reason', input.reason, '事由');
  const { policy, credit } = await creditProgramme(prisma, input.policyCode);
  const rule = credit.events.find((r) => r.kind === input.kind);
  if (!rule || !rule.subjects.includes(input.subjectType))
    throw badInput('subjectType', '这个项目的信用规则不对这类对象记录这种事件。');
  const subject = await subjectOf(prisma, input.subjectType, input.subjectId, policy.id);
  if (!subject) return fail(ErrorCode.NOT_FOUND, '没有找到这个信用主体。');
  const regionPath = officialPath(grant.actor.regionPath!, subject.paths);
  if (!regionPath) fail(ErrorCode.FORBIDDEN, '这个信用主体不在您的管辖范围内。');
  return prisma.$transaction(async (tx) => {
    const event = await tx.creditEvent.create({
      data: {
        policyId: policy.id,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        kind: input.kind,
        points: rule.points,
        reason,
        evidence,
        sourceRef: `manual:${uuidv7()}`,
        regionPath: regionPath!,
        recordedById: actor.userId,
        occurredAt: now,
      },
      include: { appeals: true },
    });
    await audit(tx, actor, {
      action: 'CREDIT_EVENT_RECORDED',
      entity: 'CreditEvent',
      entityId: event.id,
      detail: { kind: input.kind, subjectType: input.subjectType, subjectId: input.subjectId, points: rule.points },
    });
    return { ...event, label: rule.label };
  });
}

/** The caller's own credit subject: an elder, a caregiver's record, a provider admin's provider. */
export async function ownSubject(
  prisma: PrismaClient,
  actor: Actor,
): Promise<{ type: CreditSubject; id: string } | null> {
  if (actor.role === 'ELDER' && actor.elderId) return { type: 'ELDER', id: actor.elderId };
  if (actor.role === 'PROVIDER_ADMIN' && actor.providerId) return { type: 'PROVIDER', id: actor.providerId };
  if (actor.role === 'CAREGIVER') {
    const c = await prisma.caregiver.findUnique({ where: { userId: actor.userId } });
    return c ? { type: 'CAREGIVER', id: c.id } : null;
  }
  return null;
}

/**
 * A subject's record in a programme: its score, what the score means and its events with their appeals. A subject
 * reads its own (without naming it); an official names the subject and sees the events in their region.
 */
export async function creditRecord(
  prisma: PrismaClient,
  actor: Actor,
  input: { policyCode: string; subjectType?: CreditSubject | null; subjectId?: string | null },
  now: Date,
) {
  const grant = authorize(actor, 'creditRecord');
  const official = OFFICIAL_ROLES.has(actor.role);
  const own = official ? null : await ownSubject(prisma, actor);
  if (!official && !own) fail(ErrorCode.FORBIDDEN, '您的账号没有对应的信用主体。');
  if (official && (!input.subjectType || !input.subjectId))
    throw badInput('subjectId', '请选择要查看的服务机构、护理员或老人。');
  const subject = own ?? { type: input.subjectType!, id: input.subjectId! };
  if (own && input.subjectId && (input.subjectId !== own.id || input.subjectType !== own.type))
    fail(ErrorCode.FORBIDDEN, '只能查看自己的信用记录。');
  const { policy, credit } = await creditProgramme(prisma, input.policyCode);
  const found = await subjectOf(prisma, subject.type, subject.id, policy.id);
  if (!found) return fail(ErrorCode.NOT_FOUND, '没有找到这个信用主体。');
  if (official && !officialPath(grant.actor.regionPath!, found.paths))
    fail(ErrorCode.FORBIDDEN, '这个信用主体不在您的管辖范围内。');
  const events = await prisma.creditEvent.findMany({
    where: {
      policyId: policy.id,
      subjectType: subject.type,
      subjectId: subject.id,
      ...(official ? { OR: regionFilter(grant.actor.regionPath!) } : {}),
    },
    include: { appeals: { orderBy: { createdAt: 'asc' } } },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  return summary(prisma, policy.id, credit, subject, found.name, now, events);
}

/** Events recorded in the region or above it (a district's record of a provider is seen by its streets). */
const regionFilter = (regionPath: string) => [
  { regionPath: { startsWith: regionPath } },
  ...regionPath
    .split('/')
    .map((_, i, parts) => parts.slice(0, i + 1).join('/'))
    .map((p) => ({ regionPath: p })),
];

async function summary<E extends { kind: string }>(
  prisma: PrismaClient,
  policyId: string,
  credit: CreditPolicy,
  subject: { type: CreditSubject; id: string },
  name: string,
  now: Date,
  events: E[],
) {
  const score = (await creditScores(prisma, policyId, credit, subject.type, [subject.id], now)).get(subject.id)!;
  const label = new Map(credit.events.map((r) => [r.kind, r.label]));
  return {
    subjectType: subject.type,
    subjectId: subject.id,
    subjectName: name,
    base: credit.base,
    score,
    dispatch: subject.type === 'CAREGIVER' ? dispatchStandingOf(credit, score) : null,
    settlementHeld: subject.type === 'PROVIDER' ? score < credit.settlementHoldBelow : null,
    publicList: subject.type === 'PROVIDER' ? publicListOf(credit, score) : null,
    source: credit.source,
    events: events.map((e) => ({ ...e, label: label.get(e.kind as never) ?? e.kind })),
  };
}

/**
 * The public red and black lists (红黑名单) of the programme's providers, for anyone: the provider's name and score
 * only. People (caregivers, elders) are never listed publicly.
 */
export async function creditPublicList(prisma: PrismaClient, policyCode: string, now: Date) {
  const { policy, credit } = await creditProgramme(prisma, policyCode);
  const zones = await prisma.serviceZone.findMany({
    where: { policyId: policy.id, providerId: { not: null } },
    include: { provider: true },
  });
  const providers = [...new Map(zones.map((z) => [z.provider!.id, z.provider!])).values()];
  const scores = await creditScores(
    prisma,
    policy.id,
    credit,
    'PROVIDER',
    providers.map((p) => p.id),
    now,
  );
  const rows = providers
    .map((p) => ({ name: p.name, score: scores.get(p.id)!, list: publicListOf(credit, scores.get(p.id)!) }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh'));
  return {
    red: rows.filter((r) => r.list === 'RED'),
    black: rows.filter((r) => r.list === 'BLACK'),
    redAtLeast: credit.publicList.redAtLeast,
    blackBelow: credit.publicList.blackBelow,
    source: credit.publicList.source,
  };
}
