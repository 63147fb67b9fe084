// How a caregiver reads an elder's situation before the visit (the elder's record, as the
// community registered it), and the order of the day's visits.
import type { VisitCardFragment } from './api/generated';

export const SELF_CARE: Record<string, string> = { SELF_CARE: '能自理', PARTIAL: '半失能', DISABLED: '失能' };
export const LIVING: Record<string, string> = {
  ALONE: '独居',
  WITH_SPOUSE: '与配偶同住',
  WITH_CHILDREN: '与子女同住',
  OTHER: '其他同住情况',
};
export const VISIT_STATUS: Record<string, string> = {
  ASSIGNED: '待上门',
  IN_SERVICE: '服务中',
  COMPLETED: '已签退，待老人确认',
  CONFIRMED: '已确认',
  CANCELLED: '已取消',
};

/** One line on what the caregiver should know: age, self-care, who lives with the elder, the family's note. */
export function needsLine(o: Pick<VisitCardFragment, 'elder' | 'note'>): string {
  const e = o.elder;
  const parts = [
    `${e.age} 岁${e.gender === 'FEMALE' ? '女' : e.gender === 'MALE' ? '男' : ''}`,
    SELF_CARE[e.selfCareAbility] ?? e.selfCareAbility,
    LIVING[e.livingSituation] ?? e.livingSituation,
  ];
  return o.note ? `${parts.join('，')}；家属备注：${o.note}` : parts.join('，');
}

/** Visits in the order the caregiver will do them: the one under way first, then by booked time. */
export function dayOrder<T extends { status: string; scheduledAt: string }>(list: T[]): T[] {
  const rank = (s: string) => (s === 'IN_SERVICE' ? 0 : s === 'ASSIGNED' ? 1 : 2);
  return [...list].sort((a, b) => rank(a.status) - rank(b.status) || a.scheduledAt.localeCompare(b.scheduledAt));
}

/** Midnight of today on the Asia/Shanghai clock (the list shows today's and later visits). */
export function startOfShanghaiDay(now: Date): string {
  const local = new Date(now.getTime() + 8 * 3600_000);
  local.setUTCHours(0, 0, 0, 0);
  return new Date(local.getTime() - 8 * 3600_000).toISOString();
}
