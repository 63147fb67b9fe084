// Suggested exits (000 九 动态管理; 001 八(一)3 不再符合条件; 001 三(三) 长护险): when a change to the
// record means the elder no longer meets the programme's rules, the worker is asked to confirm or
// dismiss an exit. Nothing exits silently: a confirmation files the enrolment area's termination
// request, which takes the programme's reviews (000 附件3: 社区（村）, 街（乡）), its reasons, its
// effective dates and its events.
import { type Actor, authorize, outOfScopeMessage, withinScope } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { todayInShanghai } from '../common/calendar.js';
import type { EventBus } from '../common/events.js';
import { badInput, ErrorCode, fail } from '../common/errors.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { Tx } from '../db/database.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { elderFacts, requestTermination } from '../enrolment/index.js';
import { evaluateEligibility, policyDocument } from '../policies/index.js';
import { elderScope } from './elders.service.js';
import type { FieldChange } from './elder-changes.js';

export const ExitSuggestionStatus = {
  OPEN: 'OPEN',
  CONFIRMED: 'CONFIRMED',
  DISMISSED: 'DISMISSED',
  LAPSED: 'LAPSED',
} as const;
export type ExitSuggestionStatus = keyof typeof ExitSuggestionStatus;

/**
 * Re-runs the rules of every programme the elder is enrolled in, inside the caller's transaction
 * (the change and its consequence commit together). Not eligible: an OPEN suggestion is created, or
 * the open one refreshed; eligible again: an open one lapses. Each step is audited on the elder.
 */
export async function rerunEligibility(
  tx: Tx,
  actor: Actor,
  elderId: string,
  cause: readonly FieldChange[],
  now: Date,
) {
  const today = todayInShanghai(now);
  const enrolments = await tx.enrolment.findMany({ where: { elderId, status: 'ACTIVE' }, include: { policy: true } });
  for (const enrolment of enrolments) {
    const doc = policyDocument(enrolment.policy);
    const { facts } = await elderFacts(tx, elderId, doc, today);
    const verdict = evaluateEligibility(doc, facts);
    const open = await tx.exitSuggestion.findFirst({ where: { enrolmentId: enrolment.id, status: 'OPEN' } });
    if (verdict.eligible) {
      if (open) {
        await tx.exitSuggestion.update({
          where: { id: open.id },
          data: { status: 'LAPSED', decidedAt: now, decisionNote: `变更后重新符合“${verdict.categoryName}”` },
        });
        await audit(tx, actor, {
          action: 'EXIT_SUGGESTION_LAPSED',
          entity: 'Elder',
          entityId: elderId,
          detail: { suggestionId: open.id, note: verdict.explanation },
        });
      }
      continue;
    }
    // An exclusion the programme lists (001 三(三): 享受长期护理保险) names its own clause; a hukou
    // moved out of the region is that reason where the programme lists it; else 不再符合条件.
    const exclusion = doc.eligibility.exclusions.find((ex) => facts.flags.includes(ex.flag));
    const listed = (r: string) => doc.terminationReasons.find((t) => t.reason === r);
    const hukouGone = doc.eligibility.hukouInRegion && !facts.hukouInRegion && !exclusion && listed('MOVED_HUKOU');
    const reason = hukouGone ? 'MOVED_HUKOU' : 'NO_LONGER_ELIGIBLE';
    const data = {
      reason: reason as never,
      exclusion: !!exclusion,
      source: exclusion?.source ?? listed(reason)?.source ?? null,
      explanation: `${verdict.explanation}（因${cause.map((c) => c.label).join('、')}变更）`,
    };
    const row = open
      ? await tx.exitSuggestion.update({ where: { id: open.id }, data })
      : await tx.exitSuggestion.create({ data: { ...data, elderId, enrolmentId: enrolment.id, createdAt: now } });
    await audit(tx, actor, {
      action: 'EXIT_SUGGESTED',
      entity: 'Elder',
      entityId: elderId,
      detail: { suggestionId: row.id, reason, source: data.source, note: data.explanation },
    });
  }
}

const WITH_ELDER = { elder: { include: { community: true } } } as const;

async function suggestionInScope(
  prisma: PrismaClient,
  actor: Actor,
  action: 'confirmExitSuggestion' | 'dismissExitSuggestion',
  id: string,
) {
  const grant = authorize(actor, action);
  const s = await prisma.exitSuggestion.findUnique({ where: { id }, include: WITH_ELDER });
  if (!s) return fail(ErrorCode.NOT_FOUND, '没有找到这条退出建议。');
  if (!withinScope(grant, { regionPath: s.elder.community.path }))
    fail(ErrorCode.FORBIDDEN, outOfScopeMessage(grant, '这位老人不在您的服务范围内。'));
  if (s.status !== 'OPEN')
    fail(
      ErrorCode.INVALID_STATE,
      `这条退出建议已经${{ CONFIRMED: '确认', DISMISSED: '驳回', LAPSED: '失效（老人重新符合条件）' }[s.status as 'CONFIRMED']}，无需再办理。`,
    );
  return s;
}

/**
 * The worker confirms: a termination request for the suggestion's reason goes to the programme's
 * reviews and ends the enrolment from the day the programme says (001 八(一); 000 附件3). Out of
 * scope: FORBIDDEN; decided already, the enrolment ended meanwhile, or a termination request
 * already under review: INVALID_STATE, nothing changes.
 */
export async function confirmExitSuggestion(
  prisma: PrismaClient,
  events: EventBus,
  actor: Actor,
  input: { id: string; note?: string | null },
  now: Date,
) {
  const s = await suggestionInScope(prisma, actor, 'confirmExitSuggestion', input.id);
  const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { id: s.enrolmentId } });
  if (enrolment.status !== 'ACTIVE')
    fail(ErrorCode.INVALID_STATE, `${s.elder.name}的这项服务已经终止，这条建议无需再确认。`);
  const note = input.note?.trim() || null;
  const { request } = await requestTermination(
    prisma,
    events,
    actor,
    { elderId: s.elderId, reason: s.reason, note: note ?? s.explanation },
    now,
  );
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.exitSuggestion.updateMany({
      where: { id: s.id, status: 'OPEN' },
      data: { status: 'CONFIRMED', decidedAt: now, decidedById: actor.userId, decisionNote: note },
    });
    if (claimed.count === 1)
      await audit(tx, actor, {
        action: 'EXIT_SUGGESTION_CONFIRMED',
        entity: 'Elder',
        entityId: s.elderId,
        detail: { suggestionId: s.id, reason: s.reason, terminationRequestId: request.id, note },
      });
    return tx.exitSuggestion.findUniqueOrThrow({ where: { id: s.id } });
  });
}

/** The worker finds the elder still qualifies (a wrong entry, a certificate not yet revoked): a reason is required. */
export async function dismissExitSuggestion(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; reason: string },
  now: Date,
) {
  const s = await suggestionInScope(prisma, actor, 'dismissExitSuggestion', input.id);
  const reason = input.reason.trim();
  if (reason.length < 2) throw badInput('reason', '请写明不予退出的理由，例如“经核实仍符合条件”。');
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.exitSuggestion.updateMany({
      where: { id: s.id, status: 'OPEN' },
      data: { status: 'DISMISSED', decidedAt: now, decidedById: actor.userId, decisionNote: reason },
    });
    if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这条退出建议刚刚已被办理。');
    await audit(tx, actor, {
      action: 'EXIT_SUGGESTION_DISMISSED',
      entity: 'Elder',
      entityId: s.elderId,
      detail: { suggestionId: s.id, note: reason },
    });
    return tx.exitSuggestion.findUniqueOrThrow({ where: { id: s.id } });
  });
}

/** The suggestions about elders the official covers, newest first; by default the open ones. */
export async function listExitSuggestions(
  prisma: PrismaClient,
  actor: Actor,
  filter: { status?: ExitSuggestionStatus | null; elderId?: string | null },
  page: PageArgs,
) {
  const grant = authorize(actor, 'exitSuggestions');
  const { take, afterId } = pageWindow(page);
  const where: Prisma.ExitSuggestionWhereInput = {
    AND: [
      { elder: elderScope(grant) },
      { status: filter.status ?? 'OPEN' },
      ...(filter.elderId ? [{ elderId: filter.elderId }] : []),
    ],
  };
  const [rows, totalCount] = await Promise.all([
    prisma.exitSuggestion.findMany({
      where: afterId ? { AND: [where, { id: { lt: afterId } }] } : where,
      orderBy: { id: 'desc' },
      take: take + 1,
    }),
    prisma.exitSuggestion.count({ where }),
  ]);
  return toConnection(rows, take, totalCount);
}
