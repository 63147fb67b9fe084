// How the console shows figures: money in 元 with thousands separators (the API speaks integer fen),
// time as hours and minutes (the API speaks minutes), months as 2026年11月, moments in Beijing time.

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('zh-CN');

/** 860000 → "8,600.00 元". */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : `${yuanFormat.format(fen / 100)} 元`;

export const count = (n: number) => countFormat.format(n);

/** 150 → "2 小时 30 分"; 45 → "45 分钟". */
export function hoursMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} 分钟`;
  return m ? `${countFormat.format(h)} 小时 ${m} 分` : `${countFormat.format(h)} 小时`;
}

export const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);

/** Month-on-month change as a signed percentage; null when last month was zero. */
export function change(current: number, previous: number): number | null {
  if (!previous) return null;
  return (current - previous) / previous;
}

const SHANGHAI = { timeZone: 'Asia/Shanghai' } as const;
/** "2026-11-03 09:30" in Beijing time. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('zh-CN', {
    ...SHANGHAI,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** "2026-11" → "2026年11月". */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The month `delta` months from "YYYY-MM". */
export function addMonths(month: string, delta: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + delta;
  const d = new Date(Date.UTC(y, m, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
