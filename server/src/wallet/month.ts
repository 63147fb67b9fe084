// Calendar months and days of the programmes, always on the Asia/Shanghai calendar. Dates of the
// `@db.Date` columns are UTC midnights of that calendar day.
import { badInput } from '../common/errors.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Validates a YYYY-MM month argument (BAD_USER_INPUT otherwise). */
export function parseMonth(month: string, field = 'month'): { year: number; month: number } {
  const m = MONTH.exec(month ?? '');
  if (!m) throw badInput(field, '月份格式应为 YYYY-MM，例如 2026-11。');
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** First and last day of a month as @db.Date values. */
export function monthBounds(month: string): { first: Date; last: Date } {
  const { year, month: m } = parseMonth(month);
  return { first: new Date(Date.UTC(year, m - 1, 1)), last: new Date(Date.UTC(year, m, 0)) };
}

export function previousMonth(month: string): string {
  const { year, month: m } = parseMonth(month);
  const d = new Date(Date.UTC(year, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

/** A YYYY-MM-DD day as a @db.Date value. */
export const dayDate = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** "2026-11" → "2026年11月" for memos and notices. */
export const monthLabel = (month: string): string => {
  const { year, month: m } = parseMonth(month);
  return `${year}年${m}月`;
};

/**
 * Whether `day` is the anniversary of `startedOn` (000 七 "周年对应日"), never the start day itself.
 * A start on 29 February has its anniversary on 28 February in common years.
 */
export function isAnniversary(startedOn: string, day: string): boolean {
  if (day <= startedOn) return false;
  const [, sm, sd] = startedOn.split('-');
  const [y, m, d] = day.split('-');
  if (sm === m && sd === d) return true;
  const leap = (n: number) => (n % 4 === 0 && n % 100 !== 0) || n % 400 === 0;
  return sm === '02' && sd === '29' && m === '02' && d === '28' && !leap(Number(y));
}
