// The outreach calendar (000 四 online services; 002 17/20: 春节、重阳节 …): lunar festivals through
// lunar-javascript (6tail), solar ones by date, all as Asia/Shanghai days.
import lunar from 'lunar-javascript';

const LUNAR: Record<string, [number, number]> = {
  春节: [1, 1],
  元宵节: [1, 15],
  端午节: [5, 5],
  七夕节: [7, 7],
  中秋节: [8, 15],
  重阳节: [9, 9],
};
const SOLAR: Record<string, string> = {
  元旦: '01-01',
  劳动节: '05-01',
  国庆节: '10-01',
  // 敬老月 is a month, commonly October; its greeting goes out on the month's first day. A programme
  // that lists it marks the date `assumed` where its source names no month (002 二(六)17, 二(七)20).
  敬老月: '10-01',
};

/** The Gregorian day (YYYY-MM-DD) of a named festival in a year; undefined for an unknown name. */
export function festivalDay(name: string, year: number): string | undefined {
  const l = LUNAR[name];
  if (l) return lunar.Lunar.fromYmd(year, l[0], l[1]).getSolar().toYmd();
  const s = SOLAR[name];
  return s ? `${year}-${s}` : undefined;
}

/** Which of the given festivals fall on the day. */
export const festivalsOn = (names: readonly string[], day: string): string[] =>
  names.filter((n) => festivalDay(n, Number(day.slice(0, 4))) === day);

/** ISO week label (e.g. 2026-W47) of a YYYY-MM-DD day, for weekly call keys. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(((d.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
