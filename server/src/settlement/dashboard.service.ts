// Officials' dashboard: per month and region, the programme at a glance. Each metric is one SQL
// statement for a whole batch of regions (a region and its sub-regions load together through a
// DataLoader), so a district with 16 streets costs the same handful of statements as one street.
import { type Actor, authorize } from '../auth/index.js';
import { ErrorCode, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { type PolicyDocument, policyDocument } from '../policies/index.js';
import { monthBounds } from '../wallet/index.js';
import { enrolledByRegion, feedbackByRegion, issuesByRegion, ordersByRegion } from './dashboard.store.js';
import { monthWindow } from './settlement.service.js';

export interface RegionStats {
  enrolledElders: number;
  orders: number;
  visits: number;
  serviceMinutes: number;
  spendingFen: number;
  budgetFen: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  averageStars: number | null;
  complaints: number;
  alerts: { kind: string; count: number }[];
}

const empty = (): RegionStats => ({
  enrolledElders: 0,
  orders: 0,
  visits: 0,
  serviceMinutes: 0,
  spendingFen: 0,
  budgetFen: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  averageStars: null,
  complaints: 0,
  alerts: [],
});

/**
 * What one enrolled elder may cost the programme in a month: money buckets, hours at the cap, and the platform's fee
 * per elder (000 七).
 */
function budgetPerElder(doc: PolicyDocument): number {
  return doc.allowance.buckets.reduce(
    (n, b) => n + (b.unit === 'FEN' ? b.amount : Math.round((b.amount * (b.maxRateFenPerHour ?? 0)) / 60)),
    doc.settlement.platformFee?.fenPerServedElder ?? 0,
  );
}

/** Stats for many region paths of one month: the DataLoader's batch function. */
export async function statsForRegions(
  prisma: PrismaClient,
  month: string,
  paths: readonly string[],
): Promise<RegionStats[]> {
  const { start, end } = monthWindow(month);
  const { first, last } = monthBounds(month);
  const ps = [...paths];
  const window = { start, end, first, last };
  const out = new Map(ps.map((p) => [p, empty()]));
  const budgets = new Map((await prisma.policy.findMany()).map((p) => [p.id, budgetPerElder(policyDocument(p))]));

  const enrolled = await enrolledByRegion(prisma, ps, window);
  for (const row of enrolled) {
    const s = out.get(row.path)!;
    s.enrolledElders += Number(row.n);
    s.budgetFen += Number(row.n) * (budgets.get(row.policyId) ?? 0);
  }

  const orders = await ordersByRegion(prisma, ps, window);
  for (const row of orders)
    Object.assign(out.get(row.path)!, {
      orders: Number(row.orders),
      visits: Number(row.visits),
      serviceMinutes: Number(row.minutes ?? 0),
      spendingFen: Number(row.spending ?? 0),
    });

  const feedback = await feedbackByRegion(prisma, ps, window);
  for (const row of feedback) {
    const s = out.get(row.path)!;
    if (row.satisfaction === 'SATISFIED') s.satisfied = Number(row.n);
    else if (row.satisfaction === 'BASICALLY_SATISFIED') s.basicallySatisfied = Number(row.n);
    else if (row.satisfaction === 'DISSATISFIED') s.dissatisfied = Number(row.n);
    else if (row.stars !== null) s.averageStars = Math.round(row.stars * 100) / 100;
  }

  const issues = await issuesByRegion(prisma, ps, window);
  for (const row of issues) {
    const s = out.get(row.path)!;
    if (row.kind === 'COMPLAINT_FILED') s.complaints = Number(row.n);
    else s.alerts.push({ kind: row.kind, count: Number(row.n) });
  }
  for (const s of out.values()) s.alerts.sort((a, b) => a.kind.localeCompare(b.kind));
  return ps.map((p) => out.get(p)!);
}

/** The region the official asks about: theirs by default, or one inside it. */
export async function dashboardRegion(prisma: PrismaClient, actor: Actor, regionCode?: string | null) {
  authorize(actor, 'dashboard');
  const region = regionCode
    ? await prisma.region.findUnique({ where: { code: regionCode } })
    : await prisma.region.findFirst({ where: { path: actor.regionPath } });
  if (!region) return fail(ErrorCode.NOT_FOUND, '没有找到这个地区，或不在您的辖区内。');
  authorize(actor, 'dashboard', { regionPath: region.path });
  return region;
}
