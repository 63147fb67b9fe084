// Targets as data, progress from records (issue 21): each target is a row of the programme's `goals`
// (metric, target, unit, deadline, clause, street scope), and its progress is what the metric evaluator
// (goals.metrics.ts) computes from the records on the day asked, for the caller's region, by street and
// community, with a month-end trend. Progress is never typed in: setGoalProgress exists only to refuse.
import { type Actor, authorize, type Grant } from '../auth/index.js';
import { monthInShanghai, todayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { loadPolicy, type PolicyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import { evaluate, loadFacts, type UnitProgress } from './goals.metrics.js';
import { goalStatus } from './goals.rules.js';

/**
 * The programme by code and its region, for a caller whose region overlaps it (inside it, or above it);
 * NOT_FOUND for an unknown code, FORBIDDEN for another region's programme.
 */
export async function programmeInScope(
  prisma: PrismaClient,
  grant: Grant,
  policyCode: string,
  /** What the programme must have for the operation, checked before the region (its refusal says what is missing). */
  check?: (doc: PolicyDocument) => void,
) {
  const loaded = await loadPolicy(prisma, { code: policyCode });
  if (!loaded) return fail(ErrorCode.NOT_FOUND, '没有找到这个项目，请核对项目代码。');
  check?.(loaded.doc);
  const region = await prisma.region.findUniqueOrThrow({ where: { id: loaded.policy.regionId } });
  const mine = grant.actor.regionPath;
  if (!mine || !(pathWithin(mine, region.path) || pathWithin(region.path, mine)))
    fail(ErrorCode.FORBIDDEN, `${loaded.doc.name}不在您的管辖范围内。`);
  return { ...loaded, region, scopePath: mine && pathWithin(mine, region.path) ? mine : region.path };
}

/** The last day of a month, or `today` for the current month. */
const monthEnd = (month: string, today: string) => {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
  return last < today ? last : today;
};
const monthsBack = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y!, m! - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
};

const present = (u: UnitProgress): object => ({
  regionId: u.region.id,
  code: u.region.code,
  name: u.region.name,
  level: u.region.level,
  achieved: u.achieved,
  total: u.total,
  percent: u.percent,
  met: u.met,
  communities: u.communities.map(present),
});

/** Every target of the programme with its progress today, by street and community, and its monthly trend. */
export async function programmeGoals(
  prisma: PrismaClient,
  actor: Actor,
  input: { policyCode: string; months?: number | null },
  now: Date,
) {
  const grant = authorize(actor, 'programmeGoals');
  const months = input.months ?? 12;
  if (!Number.isInteger(months) || months < 1 || months > 36) throw badInput('months', '趋势月数应在 1 到 36 之间。');
  const { policy, doc, region, scopePath } = await programmeInScope(prisma, grant, input.policyCode, (d) => {
    if (!d.goals) fail(ErrorCode.INVALID_STATE, `${d.name}没有设定目标任务。`);
  });
  const rules = doc.goals!;
  const today = todayInShanghai(now);
  const facts = await loadFacts(prisma, policy.id, region.path);
  const trendMonths = monthsBack(monthInShanghai(now), months).filter((m) => m >= rules.atRisk.paceFrom.slice(0, 7));
  const goals = rules.items.map((g) => {
    const v = evaluate(g, facts, today, scopePath);
    const { status, expectedPercent } = goalStatus({
      progressPercent: v.progressPercent,
      met: v.met,
      paceFrom: rules.atRisk.paceFrom,
      deadline: g.deadline,
      on: today,
      shortfallPercent: rules.atRisk.shortfallPercent,
    });
    return {
      code: g.code,
      name: g.name,
      metric: g.metric,
      target: g.target,
      unit: g.unit,
      per: g.per,
      deadline: g.deadline,
      source: g.source,
      assumed: g.assumed ?? false,
      note: g.note ?? null,
      value: v.value,
      achieved: v.achieved,
      total: v.total,
      progressPercent: v.progressPercent,
      expectedPercent: Math.round(expectedPercent * 10) / 10,
      met: v.met,
      status,
      streets: v.streets.map(present),
      trend: trendMonths.map((m) => {
        const p = evaluate(g, facts, monthEnd(m, today), scopePath);
        return { month: m, value: p.value, progressPercent: p.progressPercent };
      }),
    };
  });
  return {
    policyCode: doc.code,
    asOf: today,
    atRiskRule:
      `未完成且落后于从 ${rules.atRisk.paceFrom} 到期限的均匀进度超过 ${rules.atRisk.shortfallPercent} 个百分点` +
      `为有风险；过期未完成为逾期（${rules.atRisk.source}）`,
    atRiskShortfallPercent: rules.atRisk.shortfallPercent,
    atRiskAssumed: rules.atRisk.assumed ?? false,
    goals,
    atRisk: goals.filter((g) => g.status === 'AT_RISK' || g.status === 'MISSED'),
  };
}

/**
 * Progress is computed from the records and cannot be set: after the caller's scope and the target are
 * checked, always GOAL_PROGRESS_COMPUTED, and nothing is written.
 */
export async function setGoalProgress(
  prisma: PrismaClient,
  actor: Actor,
  input: { policyCode: string; goalCode: string; value: number },
): Promise<never> {
  const grant = authorize(actor, 'setGoalProgress');
  const { doc } = await programmeInScope(prisma, grant, input.policyCode, (d) => {
    if (!d.goals) fail(ErrorCode.INVALID_STATE, `${d.name}没有设定目标任务。`);
    if (!d.goals!.items.some((g) => g.code === input.goalCode))
      fail(ErrorCode.NOT_FOUND, '没有找到这项目标，请核对目标代码。');
  });
  const goal = doc.goals!.items.find((g) => g.code === input.goalCode)!;
  return fail(
    ErrorCode.GOAL_PROGRESS_COMPUTED,
    `“${goal.name}”的进度由平台根据设施验收、登记和培训等记录自动计算（${goal.source}），不能手工填写；请登记相应的业务记录。`,
  );
}
