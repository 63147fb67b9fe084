// The metric evaluator (issue 21): what each target of the document's `goals` has reached on a day,
// computed from the records (facilities and their status history and inspections, 养老顾问, health
// management, training attendance, the registry) and never from a stored figure. The records of the
// programme's region are read once (loadFacts) and judged on any number of days (evaluate), so the
// monthly trend costs one read.
import { ageOn, todayInShanghai } from '../common/calendar.js';
import type { PrismaClient } from '../db/prisma.js';
import type { PolicyDocument } from '../policies/index.js';
import { pathWithin, subtreeOf } from '../regions/index.js';
import { percentOf } from './goals.rules.js';

type Goal = NonNullable<PolicyDocument['goals']>['items'][number];
const ymd = (d: Date) => d.toISOString().slice(0, 10);
/** Statuses in which a facility has passed acceptance and not closed. */
const ACCEPTED = new Set(['ACCEPTED', 'OPERATING', 'SUSPENDED']);

export interface RegionRow {
  id: string;
  code: string;
  name: string;
  path: string;
  level: string;
}

export async function loadFacts(prisma: PrismaClient, policyId: string, regionPath: string) {
  const within = subtreeOf(regionPath);
  const [regions, facilities, advisors, elders, sessions] = await Promise.all([
    prisma.region.findMany({ where: { ...within, level: { in: ['STREET', 'COMMUNITY'] } }, orderBy: { code: 'asc' } }),
    prisma.facility.findMany({
      where: { policyId },
      select: {
        communityId: true,
        kind: true,
        statusChanges: { select: { to: true, at: true }, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
        inspections: { select: { inspectedOn: true, grade: true }, orderBy: { inspectedOn: 'asc' } },
      },
    }),
    prisma.careAdvisor.findMany({ where: { policyId }, select: { communityId: true, since: true, until: true } }),
    prisma.elder.findMany({
      where: { community: within, status: { not: 'DECEASED' } },
      select: { id: true, communityId: true, birthDate: true },
    }),
    prisma.trainingSession.findMany({
      where: { policyId },
      select: { kind: true, communityId: true, heldOn: true, attendees: { select: { elderId: true } } },
    }),
  ]);
  const health = await prisma.healthManagement.findMany({
    where: { elderId: { in: elders.map((e) => e.id) } },
    select: { elderId: true, since: true, until: true },
  });
  return {
    streets: regions.filter((r) => r.level === 'STREET') as RegionRow[],
    communities: regions.filter((r) => r.level === 'COMMUNITY') as RegionRow[],
    facilities: facilities.map((f) => ({
      communityId: f.communityId,
      kind: f.kind as string,
      history: f.statusChanges.map((c) => ({ to: c.to as string, day: todayInShanghai(c.at) })),
      grades: f.inspections.map((i) => ({ day: ymd(i.inspectedOn), grade: i.grade })),
    })),
    advisors: advisors.map((a) => ({
      communityId: a.communityId,
      since: ymd(a.since),
      until: a.until && ymd(a.until),
    })),
    elders: elders.map((e) => ({
      id: e.id,
      communityId: e.communityId,
      // Every elder on the registry counts, as of any day: the row's creation time is the database's, not the
      // app clock's, so it cannot date a registration in the trend.
      birth: ymd(e.birthDate),
    })),
    health: new Map(health.map((h) => [h.elderId, { since: ymd(h.since), until: h.until && ymd(h.until) }])),
    attendance: sessions.flatMap((s) =>
      s.attendees.map((a) => ({
        kind: s.kind as string,
        communityId: s.communityId,
        day: ymd(s.heldOn),
        elderId: a.elderId,
      })),
    ),
  };
}

export type Facts = Awaited<ReturnType<typeof loadFacts>>;

/** A count and what it is out of, for one community; `elders` for the distinct people trained. */
interface Tally {
  n: number;
  d: number;
  elders?: Set<string>;
}

const statusOn = (history: Facts['facilities'][number]['history'], on: string) =>
  history.filter((h) => h.day <= on).at(-1)?.to;
const serving = (x: { since: string; until: string | null }, on: string) =>
  x.since <= on && (!x.until || x.until >= on);

/** Each community's tally for the goal on the day `on` (inclusive). */
export function tallyByCommunity(goal: Goal, facts: Facts, on: string): Map<string, Tally> {
  const out = new Map<string, Tally>(facts.communities.map((c) => [c.id, { n: 0, d: 0 }]));
  const at = (id: string) => out.get(id);
  const kinds = new Set<string>(goal.kinds ?? []);
  const accepted = facts.facilities.filter((f) => kinds.has(f.kind) && ACCEPTED.has(statusOn(f.history, on) ?? ''));
  switch (goal.metric) {
    case 'FACILITIES_ACCEPTED':
      for (const f of accepted) at(f.communityId) && (at(f.communityId)!.n += 1);
      break;
    case 'FACILITY_COVERAGE':
    case 'MEAL_COVERAGE': {
      const meal = new Set(['CANTEEN', 'MEAL_POINT']);
      const has = new Set(
        (goal.metric === 'MEAL_COVERAGE'
          ? facts.facilities.filter((f) => meal.has(f.kind) && ACCEPTED.has(statusOn(f.history, on) ?? ''))
          : accepted
        ).map((f) => f.communityId),
      );
      for (const [id, t] of out) Object.assign(t, { n: has.has(id) ? 1 : 0, d: 1 });
      break;
    }
    case 'FACILITIES_GRADED':
    case 'GRADING_PASS_RATE': {
      const pass = new Set(goal.passGrades ?? []);
      for (const f of accepted) {
        const t = at(f.communityId);
        if (!t) continue;
        const grade = f.grades.filter((g) => g.day <= on && g.grade).at(-1)?.grade;
        t.d += 1;
        if (goal.metric === 'FACILITIES_GRADED' ? !!grade : !!grade && pass.has(grade)) t.n += 1;
      }
      break;
    }
    case 'ADVISOR_COVERAGE': {
      const has = new Set(facts.advisors.filter((a) => serving(a, on)).map((a) => a.communityId));
      for (const [id, t] of out) Object.assign(t, { n: has.has(id) ? 1 : 0, d: 1 });
      break;
    }
    case 'HEALTH_MANAGEMENT_SHARE':
      for (const e of facts.elders) {
        const t = at(e.communityId);
        if (!t || ageOn(e.birth, on) < goal.minAge!) continue;
        t.d += 1;
        const h = facts.health.get(e.id);
        if (h && serving(h, on)) t.n += 1;
      }
      break;
    case 'ELDERS_TRAINED':
      for (const a of facts.attendance) {
        const t = at(a.communityId);
        if (!t || a.kind !== goal.trainingKind || a.day > on) continue;
        (t.elders ??= new Set()).add(a.elderId);
        t.n = t.elders.size;
      }
      break;
  }
  return out;
}

export interface UnitProgress {
  region: RegionRow;
  achieved: number;
  /** What `achieved` is out of: the target per unit, the units or the denominator; null for a plain count. */
  total: number | null;
  percent: number | null;
  met: boolean;
  communities: UnitProgress[];
}

export interface GoalValue {
  /** The measured figure: a share in percent, the units that meet it, or the people trained. */
  value: number;
  achieved: number;
  total: number | null;
  /** How much of the target is reached, 0–100. */
  progressPercent: number;
  met: boolean;
  streets: UnitProgress[];
}

/**
 * The goal on `on`, by street and community, over the streets the goal names (or all but those it
 * excludes) and the communities within `scopePath` (the caller's region).
 */
export function evaluate(goal: Goal, facts: Facts, on: string, scopePath: string): GoalValue {
  const tally = tallyByCommunity(goal, facts, on);
  const streets = facts.streets.filter(
    (s) =>
      (!goal.streets || goal.streets.includes(s.code)) &&
      !goal.exceptStreets?.includes(s.code) &&
      (pathWithin(s.path, scopePath) || pathWithin(scopePath, s.path)),
  );
  const communitiesOf = (s: RegionRow) =>
    facts.communities.filter((c) => pathWithin(c.path, s.path) && pathWithin(c.path, scopePath));
  const perUnit = goal.metric === 'FACILITIES_ACCEPTED';
  const trained = goal.metric === 'ELDERS_TRAINED';
  const row = (region: RegionRow, ts: Tally[], children: UnitProgress[]): UnitProgress => {
    const n = trained ? new Set(ts.flatMap((t) => [...(t.elders ?? [])])).size : ts.reduce((a, t) => a + t.n, 0);
    const d = ts.reduce((a, t) => a + t.d, 0);
    if (trained) return { region, achieved: n, total: null, percent: null, met: false, communities: children };
    if (!perUnit) {
      const p = percentOf(n, d);
      return { region, achieved: n, total: d, percent: p, met: d > 0 && p >= goal.target, communities: children };
    }
    const unitLevel = goal.per === 'COMMUNITY' ? 'COMMUNITY' : 'STREET';
    if (region.level === unitLevel || (unitLevel === 'STREET' && region.level === 'COMMUNITY'))
      return {
        region,
        achieved: n,
        total: goal.target,
        percent: Math.min(100, percentOf(n, goal.target)),
        met: n >= goal.target,
        communities: children,
      };
    // A street of a per-community goal: its communities that meet it, out of its communities.
    const met = children.filter((c) => c.met).length;
    return {
      region,
      achieved: met,
      total: children.length,
      percent: percentOf(met, children.length),
      met: children.length > 0 && met === children.length,
      communities: children,
    };
  };
  const streetRows = streets.map((s) => {
    const cs = communitiesOf(s);
    const children = cs.map((c) => row(c, [tally.get(c.id)!], []));
    return row(
      s,
      cs.map((c) => tally.get(c.id)!),
      children,
    );
  });
  const all = streets.flatMap((s) => communitiesOf(s).map((c) => tally.get(c.id)!));
  if (trained) {
    const n = new Set(all.flatMap((t) => [...(t.elders ?? [])])).size;
    const progress = Math.min(100, percentOf(n, goal.target));
    return {
      value: n,
      achieved: n,
      total: goal.target,
      progressPercent: progress,
      met: n >= goal.target,
      streets: streetRows,
    };
  }
  if (perUnit) {
    const units = goal.per === 'COMMUNITY' ? streetRows.flatMap((s) => s.communities) : streetRows;
    const met = units.filter((u) => u.met).length;
    const p = percentOf(met, units.length);
    return {
      value: met,
      achieved: met,
      total: units.length,
      progressPercent: p,
      met: units.length > 0 && met === units.length,
      streets: streetRows,
    };
  }
  const n = all.reduce((a, t) => a + t.n, 0);
  const d = all.reduce((a, t) => a + t.d, 0);
  const value = percentOf(n, d);
  return {
    value,
    achieved: n,
    total: d,
    progressPercent: Math.min(100, percentOf(value, goal.target)),
    met: d > 0 && value >= goal.target,
    streets: streetRows,
  };
}
