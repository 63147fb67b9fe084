// The facilities area's pure rules: the status machine and the days a facility operated in a month.

export type FacilityStatus = 'PLANNED' | 'BUILDING' | 'ACCEPTED' | 'OPERATING' | 'SUSPENDED' | 'CLOSED';

/** planned → building → accepted → operating ⇄ suspended → closed; a project may be abandoned before it opens. */
export const TRANSITIONS: Record<FacilityStatus, FacilityStatus[]> = {
  PLANNED: ['BUILDING', 'CLOSED'],
  BUILDING: ['ACCEPTED', 'CLOSED'],
  ACCEPTED: ['OPERATING', 'CLOSED'],
  OPERATING: ['SUSPENDED', 'CLOSED'],
  SUSPENDED: ['OPERATING', 'CLOSED'],
  CLOSED: [],
};

export const STATUS_LABEL: Record<FacilityStatus, string> = {
  PLANNED: '规划中',
  BUILDING: '建设中',
  ACCEPTED: '已验收',
  OPERATING: '运营中',
  SUSPENDED: '暂停服务',
  CLOSED: '已关闭',
};

/** `at` plus whole calendar months (UTC arithmetic on the instant; day overflow rolls forward). */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

const DAY = 86_400_000;

/**
 * Milliseconds of [from, to) the facility was OPERATING, from its status history (ordered by time),
 * expressed as whole Asia/Shanghai days: a day counts when the facility operated at any time in it.
 */
export function operatingDays(
  history: readonly { to: string; at: Date }[],
  monthFirst: Date,
  monthEndExclusive: Date,
): number {
  // Shanghai days: shift instants by +8 h and work on UTC days.
  const shift = (d: Date) => d.getTime() + 8 * 3600_000;
  const start = monthFirst.getTime();
  const end = monthEndExclusive.getTime();
  const days = new Set<number>();
  for (let i = 0; i < history.length; i++) {
    if (history[i]!.to !== 'OPERATING') continue;
    const from = Math.max(shift(history[i]!.at), start);
    const next = history[i + 1];
    const until = Math.min(next ? shift(next.at) : Infinity, end);
    if (until <= from) continue;
    for (let d = Math.floor(from / DAY); d * DAY < until; d++) days.add(d);
  }
  return days.size;
}
