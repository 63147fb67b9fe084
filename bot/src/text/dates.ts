/**
 * The date and time engine: 今天, 明天上午9点, 周五下午三点半, 下周一, 11月25日 11:30, 25号, 2026-11-25.
 * The caller passes `now` (the bot's injected clock); nothing here reads the wall clock.
 *
 * Dates and times are read as Asia/Shanghai wall-clock time with fixed UTC+8 arithmetic (China has
 * kept no daylight saving since 1991), so the result does not depend on the host's TZ. No date
 * library: the phrases workers type are a small closed set, and the npm Chinese date parsers we
 * know of either pull in a large NLP stack or resolve in the host time zone, which is exactly the
 * bug this module has to avoid.
 */
import { CN_NUM, numberOrNaN as num } from './numerals.js';
import { cutMatch as cut } from './normalise.js';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Shanghai calendar arithmetic

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

function shanghaiParts(date: Date) {
  const s = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  const [y, m, d] = [s.getUTCFullYear(), s.getUTCMonth() + 1, s.getUTCDate()];
  return { y, m, d, wd: s.getUTCDay(), hh: s.getUTCHours(), mi: s.getUTCMinutes() };
}

function dayNumber({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function addDays(ymd: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The instant of a Shanghai wall-clock time (hour 24 is midnight at the end of the day). */
export function shanghaiTime(ymd: Ymd, hour: number, minute: number): Date {
  return new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d, hour, minute) - SHANGHAI_OFFSET_MS);
}

const WEEKDAYS_CN = ['日', '一', '二', '三', '四', '五', '六'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `12月5日（周六）上午9:00` in Asia/Shanghai: every reply restates the date this way, the part of the
 * day named (凌晨 before 6, 上午, 中午 12–13, 下午, 晚上 from 18) so that 3:00 and 15:00 never look alike.
 */
export function formatDateTimeCn(date: Date): string {
  const p = shanghaiParts(date);
  const period = p.hh < 6 ? '凌晨' : p.hh < 12 ? '上午' : p.hh < 13 ? '中午' : p.hh < 18 ? '下午' : '晚上';
  return `${formatDateCn(date)}${period}${p.hh > 12 ? p.hh - 12 : p.hh}:${pad2(p.mi)}`;
}

/** `12月5日（周六）` in Asia/Shanghai. */
export function formatDateCn(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.m}月${p.d}日（周${WEEKDAYS_CN[p.wd]}）`;
}

/** Minutes after midnight of an instant on the Shanghai clock (0–1439). */
export function shanghaiMinuteOfDay(date: Date): number {
  const p = shanghaiParts(date);
  return p.hh * 60 + p.mi;
}

/** `7:00` for a minute of the day (1440 = 24:00). */
export const clockText = (minuteOfDay: number) => `${Math.floor(minuteOfDay / 60)}:${pad2(minuteOfDay % 60)}`;

// ---------------------------------------------------------------------------------------------
// Date phrases

type DatePhrase =
  | { kind: 'ymd'; y: number; m: number; d: number }
  | { kind: 'md'; m: number; d: number }
  | { kind: 'day'; d: number }
  | { kind: 'rel'; days: number }
  | { kind: 'month-end' }
  | { kind: 'weekday'; week: '' | 'last' | 'this' | 'next' | 'after-next'; wd: number };

const NUM2 = `(?:\\d{1,2}|${CN_NUM}{1,3})`;
/** Monday = 1 … Sunday = 7, in characters or digits. */
const WEEKDAY_CHARS: Record<string, number> = Object.fromEntries([...'一二三四五六日'].map((c, i) => [c, i + 1]));
WEEKDAY_CHARS['天'] = 7;
for (let i = 1; i <= 7; i++) WEEKDAY_CHARS[String(i)] = i;
const PERIOD = '凌晨|清晨|早上|早晨|上午|中午|午间|下午|午后|傍晚|晚上|夜里|夜间|早|晚';
const PERIOD_WORD = new RegExp(`^(?:${PERIOD})$`);
/** After a weekday: nothing, a space, a period word or a clock (so 周一鸣 stays a name). */
const AFTER_DATE = `(?=$|\\s|${PERIOD}|\\d|${CN_NUM}{1,3}\\s*[点时])`;

const REL_DAYS: Record<string, number> = {
  大后天: 3,
  后天: 2,
  明天: 1,
  今天: 0,
  昨天: -1,
  前天: -2,
  大前天: -3,
  今: 0,
  明: 1,
  昨: -1,
};
const WEEK_WORDS: Record<string, 'last' | 'this' | 'next' | 'after-next' | ''> = {
  '': '',
  上: 'last',
  这: 'this',
  本: 'this',
  下: 'next',
  下下: 'after-next',
};

const DATE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => DatePhrase }[] = [
  {
    re: /(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?!\d)/,
    read: (m) => ({ kind: 'ymd', y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }),
  },
  {
    re: new RegExp(`(?<!\\d)(${NUM2})\\s*月\\s*(${NUM2})\\s*[日号]?(?!\\d)`),
    read: (m) => ({ kind: 'md', m: num(m[1]!), d: num(m[2]!) }),
  },
  {
    re: /(?<![\d:.])(\d{1,2})[-/](\d{1,2})(?![\d:.])(?!\s*(?:个|小时|次))/,
    read: (m) => ({ kind: 'md', m: Number(m[1]), d: Number(m[2]) }),
  },
  {
    // 昨天, 前天 and 大前天 are read (and then refused for a new order as past), never dropped to mean today.
    re: /大后天|后天|明天|明日|明儿|今天|今日|今儿|大前天|前天|昨天|昨日|昨儿|(?:今|明|昨)(?=早|晚)/,
    read: (m) => ({ kind: 'rel', days: REL_DAYS[m[0].replace(/[日儿]$/, '天')] ?? REL_DAYS[m[0][0]!]! }),
  },
  // 月底 is this month's last day; 下个月底 stays vague (left over, the order parser asks for a date).
  { re: /(?<!下个?)(?:这个?|本)?月底/, read: () => ({ kind: 'month-end' }) },
  {
    re: new RegExp(`(下下|下|上|这|本)?\\s*(?:个\\s*)?(?:周|星期|礼拜)\\s*([一二三四五六日天1-7])${AFTER_DATE}`, 'u'),
    read: (m) => ({
      kind: 'weekday',
      week: WEEK_WORDS[m[1] ?? ''] ?? 'this',
      wd: WEEKDAY_CHARS[m[2]!]!,
    }),
  },
  {
    re: new RegExp(`(?<![\\d月])(${NUM2})\\s*[日号](?!\\d)`),
    read: (m) => ({ kind: 'day', d: num(m[1]!) }),
  },
];

/** The candidate closest to today, so 1月2日 typed on 12月31日 is next year and 11月20日 typed on 11月22日 is in the past. */
function closest(today: Ymd, candidates: Ymd[]): Ymd | undefined {
  const t = dayNumber(today);
  let best: Ymd | undefined;
  for (const c of candidates) {
    if (!isRealDate(c.y, c.m, c.d)) continue;
    if (!best || Math.abs(dayNumber(c) - t) < Math.abs(dayNumber(best) - t)) best = c;
  }
  return best;
}

function resolveDate(p: DatePhrase, today: Ymd, todayWd: number): Ymd | undefined {
  switch (p.kind) {
    case 'ymd':
      return isRealDate(p.y, p.m, p.d) && p.y >= 2000 && p.y <= 2100 ? { y: p.y, m: p.m, d: p.d } : undefined;
    case 'md':
      return closest(
        today,
        [today.y - 1, today.y, today.y + 1].map((y) => ({ y, m: p.m, d: p.d })),
      );
    case 'day': {
      const months = [-1, 0, 1].map((k) => new Date(Date.UTC(today.y, today.m - 1 + k, 1)));
      return closest(
        today,
        months.map((t) => ({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: p.d })),
      );
    }
    case 'rel':
      return addDays(today, p.days);
    case 'month-end': // 月底: the last day of this month (today, on that day)
      return { y: today.y, m: today.m, d: new Date(Date.UTC(today.y, today.m, 0)).getUTCDate() };
    case 'weekday': {
      const wd = todayWd === 0 ? 7 : todayWd; // Monday = 1 … Sunday = 7, weeks start on Monday
      let delta: number;
      if (p.week === '')
        delta = (p.wd - wd + 7) % 7 || 7; // 周五: the next one, never today
      else if (p.week === 'this')
        delta = p.wd - wd; // 本周五: this calendar week's, may be past
      else if (p.week === 'last')
        delta = p.wd - wd - 7; // 上周五: last calendar week's, always past
      else delta = 7 - wd + p.wd + (p.week === 'after-next' ? 7 : 0); // 下周五: next calendar week's
      return addDays(today, delta);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Clock times

type Clock = { hour: number; minute: number } | { ambiguous: number } | { bad: true };

const CLOCK_COLON = new RegExp(`(${PERIOD})?\\s*(?<!\\d)(\\d{1,2})\\s*:\\s*(\\d{2})(?!\\d)`);
const CLOCK_DIAN = new RegExp(
  `(${PERIOD})?\\s*(?<![\\d.])(${NUM2})\\s*[点时](?:(半|一刻|三刻|整|钟)|(\\d{1,2}|${CN_NUM}{1,3})(?:分钟?)?(?![\\d小个次钟半趟h]))?`,
);

function toClock(period: string | undefined, hourRaw: number, minute: number, colon: boolean): Clock {
  if (!Number.isInteger(hourRaw) || !Number.isInteger(minute) || hourRaw > 24 || minute > 59) return { bad: true };
  let h = hourRaw;
  switch (period) {
    case undefined:
      // Without 上午/下午, 3点 could be 03:00 or 15:00; nobody books a home visit at 3 a.m.
      if (!colon && h >= 1 && h <= 6) return { ambiguous: h };
      break;
    case '凌晨':
      if (h === 12) h = 0;
      break;
    case '中午':
    case '午间':
      if (h <= 3) h += 12;
      break;
    case '下午':
    case '午后':
    case '傍晚':
      if (h < 12) h += 12;
      break;
    case '晚上':
    case '夜里':
    case '夜间':
    case '晚':
      if (h <= 12) h += 12; // 晚上12点 = midnight at the end of that day
      break;
    default: // 早/早上/早晨/清晨/上午
      break;
  }
  if (h > 24 || (h === 24 && minute > 0)) return { bad: true };
  return { hour: h, minute };
}

function readClock(s: string): { clock?: Clock; rest: string } {
  const c = CLOCK_COLON.exec(s);
  if (c) return { clock: toClock(c[1], Number(c[2]), Number(c[3]), true), rest: cut(s, c) };
  const d = CLOCK_DIAN.exec(s);
  if (d) {
    const extra = d[3];
    const minute = extra === '半' ? 30 : extra === '一刻' ? 15 : extra === '三刻' ? 45 : d[4] ? num(d[4]) : 0;
    return { clock: toClock(d[1], num(d[2]!), minute, false), rest: cut(s, d) };
  }
  return { rest: s };
}

// ---------------------------------------------------------------------------------------------
// The engine: read a phrase out of a sentence, then resolve it against `now`

/** A date and a clock time as typed, not yet placed on the calendar. */
export interface WhenPhrase {
  date?: DatePhrase;
  /** The date words as typed (明天, 11月25日), for replies; '' when there were none. */
  dateText: string;
  clock?: Clock;
}

/** Takes the first date phrase and then the clock time out of `text`; `rest` is what is left. */
export function readWhen(text: string): { when: WhenPhrase; rest: string } {
  let s = ` ${text} `;
  const when: WhenPhrase = { dateText: '' };
  for (const { re, read } of DATE_PATTERNS) {
    const m = re.exec(s);
    if (m) {
      when.date = read(m);
      when.dateText = m[0].trim();
      s = cut(s, m);
      break;
    }
  }
  const { clock, rest } = readClock(s);
  if (clock) when.clock = clock;
  return { when, rest };
}

/**
 * The instant a phrase means on the Shanghai calendar of `now` (no date = today), or why it has
 * none: `date` (no such day), `no-time` (a day without a clock), `clock` (25点, 9:75), or
 * `ambiguous` (3点 without 上午/下午). Whether the instant is too early or too late is the caller's rule.
 */
export type Resolved =
  { at: Date } | { problem: 'date' | 'no-time' | 'clock' } | { problem: 'ambiguous'; hour: number };

export function resolveWhen(when: WhenPhrase, now: Date): Resolved {
  const today = shanghaiParts(now);
  let ymd: Ymd | undefined = { y: today.y, m: today.m, d: today.d };
  if (when.date) {
    ymd = resolveDate(when.date, ymd, today.wd);
    if (!ymd) return { problem: 'date' };
  }
  const { clock } = when;
  if (!clock) return { problem: 'no-time' };
  if ('bad' in clock) return { problem: 'clock' };
  if ('ambiguous' in clock) return { problem: 'ambiguous', hour: clock.ambiguous };
  return { at: shanghaiTime(ymd, clock.hour, clock.minute) };
}

/** A word that is only a part of the day (上午, 晚上…), left over once a clock was read without it. */
export function isPeriodWord(word: string): boolean {
  return PERIOD_WORD.test(word);
}

/** Date words the engine does not resolve; left over, they would otherwise become the service or a note. */
export function isVagueDateWord(word: string): boolean {
  return /周末|月底|月初|[上下本这]周|下个?月|星期|礼拜|^周$/.test(word);
}
