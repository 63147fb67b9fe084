// The goals area's pure rules: how far a target is, how far it should be by now, and whether it is at
// risk of missing its deadline. Days are Asia/Shanghai calendar days ("YYYY-MM-DD").

export type GoalStatus = 'MET' | 'ON_TRACK' | 'AT_RISK' | 'MISSED';

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * The share of the way an even pace would have come by `on` (inclusive), from `from` to `deadline`:
 * 0 before the start, 100 on and after the deadline.
 */
export function expectedPercent(from: string, deadline: string, on: string): number {
  const total = dayNumber(deadline) - dayNumber(from) + 1;
  const done = dayNumber(on) - dayNumber(from) + 1;
  if (total <= 0 || done >= total) return 100;
  return done <= 0 ? 0 : (done / total) * 100;
}

/**
 * The at-risk rule (002 三(一) asks for 考核 and 绩效目标管理 but sets no rule; the threshold is the
 * document's `goals.atRisk.shortfallPercent`, marked assumed): a target not yet met is AT_RISK while its
 * progress is more than `shortfallPercent` points behind an even pace from `paceFrom` to its deadline,
 * and MISSED once its deadline has passed. A met target stays MET.
 */
export function goalStatus(input: {
  progressPercent: number;
  met: boolean;
  paceFrom: string;
  deadline: string;
  on: string;
  shortfallPercent: number;
}): { status: GoalStatus; expectedPercent: number } {
  const expected = expectedPercent(input.paceFrom, input.deadline, input.on);
  if (input.met) return { status: 'MET', expectedPercent: expected };
  if (input.on > input.deadline) return { status: 'MISSED', expectedPercent: expected };
  const behind = expected - input.progressPercent > input.shortfallPercent;
  return { status: behind ? 'AT_RISK' : 'ON_TRACK', expectedPercent: expected };
}

/** A share in percent, 0 when there is nothing to count, rounded to one decimal. */
export const percentOf = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : 0);
