// Big-data analysis by area (服务大数据分析, 002 二(五)13; 二(五)14–15 read from the same records): for an official's
// region and each area under it (a district's streets, a street's communities), per month, the dashboard's figures
// (enrolment, orders, visits, minutes, spending against budget, satisfaction, complaints, alerts), visit exceptions
// and credit events, and the targets' progress (the goals area's evaluator); with the trend from one month to the next
// and the areas side by side. Every count is an SQL aggregate (settlement's dashboard statements and
// analysis.store.ts), never rows counted here.
import { type Actor, authorize } from '../auth/index.js';
import { monthInShanghai, todayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { monthWindow, statsForRegions } from '../settlement/index.js';
import { monthBounds, parseMonth } from '../wallet/index.js';
import { evaluate, loadFacts } from '../goals/index.js';
import { policyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import { creditByRegion, exceptionsByRegion } from './analysis.store.js';

/** At most two years in one answer: 24 months × the areas is what a chart can show. */
export const MAX_MONTHS = 24;

export const METRICS = [
  'enrolledElders',
  'orders',
  'visits',
  'serviceMinutes',
  'spendingFen',
  'budgetFen',
  'satisfied',
  'dissatisfied',
  'complaints',
  'alerts',
  'exceptions',
  'creditEvents',
  'creditPoints',
] as const;
export type Metric = (typeof METRICS)[number];
export const METRIC_LABELS: Record<Metric, string> = {
  enrolledElders: '服务对象（人）',
  orders: '工单',
  visits: '上门服务（次）',
  serviceMinutes: '服务时长（分钟）',
  spendingFen: '补贴支出（分）',
  budgetFen: '补贴预算（分）',
  satisfied: '回访满意',
  dissatisfied: '回访不满意',
  complaints: '投诉',
  alerts: '告警',
  exceptions: '异常工单',
  creditEvents: '信用事件',
  creditPoints: '信用分值合计',
};

export type AreaMonth = Record<Metric, number> & {
  month: string;
  averageStars: number | null;
  /** Spending as a share of the budget, in percent (null without a budget). */
  spendingPercent: number | null;
  /** The mean progress of the programme's targets in the area on the month's last day (null without targets). */
  targetsMetPercent: number | null;
};

/**
 * The targets' figure for an area and month (part A's goals, 002 二(二)4–7 etc.): the mean progress, in percent, of
 * every target of the programmes covering the area, as the goals area computes it from the records on the month's
 * last day (today for this month). Null where no programme sets targets. The goals area's facts are loaded once per
 * programme and request.
 */
function targetsMetPercent(prisma: PrismaClient, now: Date) {
  const today = todayInShanghai(now);
  const facts = new Map<string, ReturnType<typeof loadFacts>>();
  const programmes = prisma.policy.findMany({ include: { region: true } });
  return async (path: string, month: string): Promise<number | null> => {
    const { last } = monthBounds(month);
    const on = [last.toISOString().slice(0, 10), today].sort()[0]!;
    const values: number[] = [];
    for (const p of await programmes) {
      const goals = policyDocument(p).goals;
      if (!goals || !(pathWithin(path, p.region.path) || pathWithin(p.region.path, path))) continue;
      if (!facts.has(p.id)) facts.set(p.id, loadFacts(prisma, p.id, p.region.path));
      const f = await facts.get(p.id)!;
      for (const g of goals.items) values.push(evaluate(g, f, on, path).progressPercent);
    }
    return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
  };
}

/** The months from `from` to `to` inclusive, checked: real months, in order, not after this one, at most 24. */
export function monthsBetween(from: string, to: string, now: Date): string[] {
  parseMonth(from, 'fromMonth');
  parseMonth(to, 'toMonth');
  if (from > to) throw badInput('fromMonth', '起始月份不能晚于截止月份。');
  if (to > monthInShanghai(now)) throw badInput('toMonth', '截止月份不能晚于本月。');
  const out: string[] = [];
  for (let [y, m] = from.split('-').map(Number) as [number, number]; ;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month === to) break;
    if (out.length >= MAX_MONTHS) throw badInput('fromMonth', `一次最多分析 ${MAX_MONTHS} 个月，请缩短时间段。`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

export async function areaAnalysis(
  prisma: PrismaClient,
  actor: Actor,
  input: { regionCode?: string | null; fromMonth: string; toMonth: string },
  now: Date,
) {
  authorize(actor, 'areaAnalysis');
  const months = monthsBetween(input.fromMonth, input.toMonth, now);
  const region = input.regionCode
    ? await prisma.region.findUnique({ where: { code: input.regionCode } })
    : await prisma.region.findFirst({ where: { path: actor.regionPath } });
  if (!region) return fail(ErrorCode.NOT_FOUND, '没有找到这个地区。');
  authorize(actor, 'areaAnalysis', { regionPath: region.path });
  const children = await prisma.region.findMany({ where: { parentId: region.id }, orderBy: { code: 'asc' } });
  const areas = [region, ...children];
  const paths = areas.map((a) => a.path);
  const rows = new Map(paths.map((p) => [p, [] as AreaMonth[]]));
  const targets = targetsMetPercent(prisma, now);
  for (const month of months) {
    const window = monthWindow(month);
    const [stats, exceptions, credit] = await Promise.all([
      statsForRegions(prisma, month, paths),
      exceptionsByRegion(prisma, paths, window),
      creditByRegion(prisma, paths, window),
    ]);
    for (const [i, path] of paths.entries()) {
      const s = stats[i]!;
      const x = exceptions.find((r) => r.path === path);
      const c = credit.find((r) => r.path === path);
      rows.get(path)!.push({
        month,
        enrolledElders: s.enrolledElders,
        orders: s.orders,
        visits: s.visits,
        serviceMinutes: s.serviceMinutes,
        spendingFen: s.spendingFen,
        budgetFen: s.budgetFen,
        spendingPercent: s.budgetFen ? Math.round((s.spendingFen * 1000) / s.budgetFen) / 10 : null,
        satisfied: s.satisfied + s.basicallySatisfied,
        dissatisfied: s.dissatisfied,
        averageStars: s.averageStars,
        complaints: s.complaints,
        alerts: s.alerts.reduce((n, a) => n + a.count, 0),
        exceptions: Number(x?.n ?? 0),
        creditEvents: Number(c?.n ?? 0),
        creditPoints: Number(c?.points ?? 0),
        targetsMetPercent: await targets(path, month),
      });
    }
  }
  const last = months.length - 1;
  const result = areas.map((a) => {
    const ms = rows.get(a.path)!;
    return {
      regionCode: a.code,
      name: a.name,
      own: a.id === region.id,
      months: ms,
      // The trend: the last month against the one before it (none for a single month).
      trend: last
        ? METRICS.map((metric) => ({
            metric,
            label: METRIC_LABELS[metric],
            from: ms[last - 1]![metric],
            to: ms[last]![metric],
            change: ms[last]![metric] - ms[last - 1]![metric],
          }))
        : [],
    };
  });
  // The areas under the region side by side for each figure over the whole period, largest first.
  const comparison = METRICS.map((metric) => ({
    metric,
    label: METRIC_LABELS[metric],
    areas: result
      .filter((a) => !a.own)
      .map((a) => ({
        regionCode: a.regionCode,
        name: a.name,
        value: metric === 'enrolledElders' ? a.months[last]![metric] : a.months.reduce((n, m) => n + m[metric], 0),
      }))
      .sort((x, y) => y.value - x.value || x.regionCode.localeCompare(y.regionCode)),
  }));
  return { regionCode: region.code, name: region.name, months, areas: result, comparison };
}
