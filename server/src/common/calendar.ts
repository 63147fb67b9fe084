// The Asia/Shanghai calendar: days, months and ages. China keeps UTC+8 all year (no daylight
// saving), so a fixed offset is exact. Every function takes the instant it judges on: callers pass
// the app clock, so no domain decision reads the wall clock.

import { badInput } from './errors.js';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The Asia/Shanghai calendar day of an instant, as YYYY-MM-DD. */
export const todayInShanghai = (now: Date): string =>
  new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The Asia/Shanghai calendar month of an instant, as YYYY-MM. */
export const monthInShanghai = (now: Date): string => todayInShanghai(now).slice(0, 7);

/** An instant as Asia/Shanghai wall time to the minute, "YYYY-MM-DD HH:mm", for messages. */
export const shanghaiMinute = (at: Date): string =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** Minutes after Asia/Shanghai midnight of an instant (0–1439), for rules stated in local hours. */
export const shanghaiMinuteOfDay = (at: Date): number =>
  Math.floor(((((at.getTime() + SHANGHAI_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);

/** Full years on a calendar day; a 29 February birthday comes round on 1 March in common years. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/**
 * A calendar day ("YYYY-MM-DD") as a date column value (midnight UTC), or BAD_USER_INPUT naming the
 * field when it is not a real day.
 */
export function calendarDay(field: string, value: string, label: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw badInput(field, `${label}格式应为 YYYY-MM-DD。`);
  return d;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * An instant as a worker reads it in a message: "12月5日（周六）上午9:00" (Asia/Shanghai). The part
 * of the day is named (凌晨 before 6, 上午, 中午 12–13, 下午, 晚上 from 18) so 3:00 and 15:00 never look alike.
 */
export function formatShanghaiCn(at: Date): string {
  const s = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const h = s.getUTCHours();
  const period = h < 6 ? '凌晨' : h < 12 ? '上午' : h < 13 ? '中午' : h < 18 ? '下午' : '晚上';
  const h12 = h > 12 ? h - 12 : h;
  const mm = String(s.getUTCMinutes()).padStart(2, '0');
  return `${s.getUTCMonth() + 1}月${s.getUTCDate()}日（周${WEEKDAYS[s.getUTCDay()]}）${period}${h12}:${mm}`;
}
