// Eligibility: the facts the programme's rules read, the verdict, registry screening (001 七(一))
// and the professional capability assessments the rules read.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import { badInput } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/index.js';
import { pathWithin, subtreeOf } from '../regions/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { evaluateEligibility, type ElderFacts, type PolicyDocument, loadPolicy } from '../policies/index.js';

export const dateOnly = (d: string) => new Date(`${d}T00:00:00Z`);

export async function activePolicy(prisma: Tx, code: string) {
  const found = await loadPolicy(prisma, { code });
  if (!found || !found.policy.active) throw badInput('policyCode', `没有找到项目“${code}”。`);
  return found;
}

interface ElderForRules {
  birthDate: Date;
  flags: string[];
  selfCareAbility: string;
  community: { path: string };
  hukouRegion: { path: string } | null;
  assessments: { selfCareAbility: string }[];
}

/** The facts the rules read, from the registry: a professional assessment overrides the declared self-care level. */
function factsOf(e: ElderForRules, doc: PolicyDocument, today: string): ElderFacts {
  const within = (path: string) => pathWithin(path, doc.region.code);
  return {
    birthDate: e.birthDate.toISOString().slice(0, 10),
    flags: e.flags,
    selfCareAbility: e.assessments[0]?.selfCareAbility ?? e.selfCareAbility,
    hukouInRegion: within(e.hukouRegion?.path ?? e.community.path),
    livesInRegion: within(e.community.path),
    hasCapabilityAssessment: e.assessments.length > 0,
    today,
  };
}

const RULES_INCLUDE = {
  community: true,
  hukouRegion: true,
  assessments: { orderBy: { assessedOn: 'desc' as const }, take: 1 },
};

export async function elderFacts(prisma: Tx, elderId: string, doc: PolicyDocument, today: string) {
  const elder = await prisma.elder.findUniqueOrThrow({ where: { id: elderId }, include: RULES_INCLUDE });
  return { elder, facts: factsOf(elder, doc, today) };
}

export async function checkEligibility(
  prisma: PrismaClient,
  actor: Actor,
  elderId: string,
  policyCode: string,
  now: Date,
) {
  await assertElderInScope(prisma, authorize(actor, 'checkEligibility'), elderId);
  const { doc } = await activePolicy(prisma, policyCode);
  const { facts } = await elderFacts(prisma, elderId, doc, todayInShanghai(now));
  return evaluateEligibility(doc, facts);
}

export interface AssessmentData {
  elderId: string;
  selfCareAbility: 'SELF_CARE' | 'PARTIAL' | 'DISABLED';
  agency: string;
  assessorName: string;
  assessedOn: string;
  score?: number | null;
  note?: string | null;
}

/** Records a professional capability assessment (001 七(一)); the rules read the latest one. */
export async function recordCapabilityAssessment(prisma: PrismaClient, actor: Actor, input: AssessmentData, now: Date) {
  await assertElderInScope(prisma, authorize(actor, 'recordCapabilityAssessment'), input.elderId);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.assessedOn) || Number.isNaN(Date.parse(input.assessedOn)))
    throw badInput('assessedOn', '评估日期格式应为 YYYY-MM-DD。');
  if (input.assessedOn > todayInShanghai(now)) throw badInput('assessedOn', '评估日期不能晚于今天。');
  if (!input.agency.trim() || !input.assessorName.trim()) throw badInput('agency', '请填写评估机构和评估人员。');
  if (input.score != null && (input.score < 0 || input.score > 100))
    throw badInput('score', '评估得分应在 0–100 之间。');
  return prisma.$transaction(async (tx) => {
    const row = await tx.capabilityAssessment.create({
      data: {
        elderId: input.elderId,
        selfCareAbility: input.selfCareAbility,
        agency: input.agency.trim(),
        assessorName: input.assessorName.trim(),
        assessedOn: dateOnly(input.assessedOn),
        score: input.score ?? null,
        note: input.note ?? null,
      },
    });
    await tx.elder.update({ where: { id: input.elderId }, data: { selfCareAbility: input.selfCareAbility } });
    await audit(tx, actor, {
      action: 'CAPABILITY_ASSESSED',
      entity: 'Elder',
      entityId: input.elderId,
      detail: { selfCareAbility: input.selfCareAbility, agency: input.agency },
    });
    return row;
  });
}

/**
 * Registry screening (001 七(一) 依托信息库筛选): registered elders in the official's area whom the
 * programme's rules admit but who are neither enrolled nor applying, with the matched category.
 */
export async function screenEligibleElders(
  prisma: PrismaClient,
  actor: Actor,
  policyCode: string,
  page: PageArgs,
  now: Date,
) {
  authorize(actor, 'screenEligibleElders');
  const { policy, doc } = await activePolicy(prisma, policyCode);
  const { take, afterId } = pageWindow(page);
  const today = todayInShanghai(now);
  const region = actor.regionPath!;
  const candidates = await prisma.elder.findMany({
    where: {
      community: subtreeOf(region),
      status: { in: ['REGISTERED', 'TERMINATED'] },
      enrolments: { none: { policyId: policy.id, status: 'ACTIVE' } },
      applications: { none: { policyId: policy.id, status: 'PENDING' } },
    },
    include: RULES_INCLUDE,
    orderBy: { id: 'asc' },
  });
  const matches = candidates.flatMap((e) => {
    const verdict = evaluateEligibility(doc, factsOf(e, doc, today));
    return verdict.eligible
      ? [
          {
            id: e.id,
            elder: e,
            category: verdict.category,
            categoryName: verdict.categoryName,
            intake: verdict.intake,
            explanation: verdict.explanation,
          },
        ]
      : [];
  });
  const start = afterId ? matches.findIndex((m) => m.id > afterId) : 0;
  const rows = start < 0 ? [] : matches.slice(start, start + take + 1);
  return toConnection(rows, take, matches.length);
}
