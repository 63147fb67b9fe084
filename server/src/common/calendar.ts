// The Asia/Shanghai calendar: days, months and ages. China keeps UTC+8 all year (no daylight
// saving), so a fixed offset is exact. Every function takes the instant it judges on: callers pass
// the app clock, so no domain decision reads the wall clock.

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The Asia/Shanghai calendar day of an instant, as YYYY-MM-DD. */
export const todayInShanghai = (now: Date): string =>
  new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The Asia/Shanghai calendar month of an instant, as YYYY-MM. */
export const monthInShanghai = (now: Date): string => todayInShanghai(now).slice(0, 7);

/** An instant as Asia/Shanghai wall time to the minute, "YYYY-MM-DD HH:mm", for messages. */
export const shanghaiMinute = (at: Date): string =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** Full years on a calendar day; a 29 February birthday comes round on 1 March in common years. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
