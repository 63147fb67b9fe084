/**
 * Command parser for the community workers' group-chat bot: Chinese text in, typed intent out.
 * Pure: no Wechaty, no network, no clock (the caller passes `now`).
 *
 * Dates and times are read as Asia/Shanghai wall-clock time with fixed UTC+8 arithmetic (China has
 * kept no daylight saving since 1991), so the result does not depend on the host's TZ. No date or
 * number library: the phrases workers type (明天上午9点, 周五下午三点半, 11月25日 11:30, 一个半小时)
 * are a small closed set, and the npm Chinese date parsers we know of either pull in a large NLP
 * stack or resolve in the host time zone, which is exactly the bug this module has to avoid.
 */

export const DEFAULT_BOT_NAME = '颐联助手';
/** Mirrors the server's order limit (server/src/orders/orders.service.ts MAX_QUANTITY). */
export const MAX_QUANTITY = 20;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** Orders further ahead than this are more likely a typo (2062 for 2026) than a plan. */
const MAX_DAYS_AHEAD = 366;

export type ServiceUnit = 'HOUR' | 'TIME';

export type ParseErrorCode =
  | 'MISSING_ELDER'
  | 'MISSING_SERVICE'
  | 'BAD_DATE'
  | 'MISSING_TIME'
  | 'DATE_IN_PAST'
  | 'BAD_QUANTITY'
  | 'BAD_CODE'
  | 'MISSING_OUTCOME';

export type ParseError = { kind: 'error'; code: ParseErrorCode; message: string };

export type OrderCommand = {
  kind: 'order';
  elderName: string;
  /** As typed (助洁, 上门理发, 助餐服务…); the handler matches it against the elder's service guide. */
  service: string;
  /** Hours (may be fractional: 一个半小时 = 1.5) when unit is HOUR, visits when unit is TIME. */
  quantity?: number;
  unit?: ServiceUnit;
  scheduledAt: Date;
  /** Words left over after name, service, quantity and time (e.g. 打扫厨房), if any. */
  note?: string;
};

export type Command =
  | { kind: 'balance'; elderName: string }
  | { kind: 'lookup'; elderName: string }
  | OrderCommand
  | { kind: 'order_status'; orderNo: string }
  | { kind: 'alerts' }
  | { kind: 'ack'; alertNo: string }
  | { kind: 'resolve'; alertNo: string; outcome: string }
  /** The elder's contact details for an alert: answered in private chat only. */
  | { kind: 'alert_detail'; alertNo: string }
  | { kind: 'help' }
  | { kind: 'bind_worker'; code: string }
  | { kind: 'bind_room'; code: string }
  | { kind: 'unknown'; text: string }
  | ParseError;

export interface ParseInput {
  text: string;
  /** The bot's display name; `@<botName>` is stripped from the start or end. Default 颐联助手. */
  botName?: string;
  /** True when WeChat says the message mentions the bot (then any leading `@alias\u2005` goes too). */
  mentionedSelf?: boolean;
  now: Date;
}

export const HELP_TEXT = [
  '颐联助手 指令（@我 后发送）：',
  '余额 张桂兰 — 查补贴余额',
  '查 张桂兰 — 查老人信息',
  '下单 张桂兰 助洁 2小时 明天上午9点',
  '工单 1024 — 查工单进度',
  '告警 — 看待处理告警',
  '确认 1024 — 认领告警',
  '处理 1024 已上门 老人忘记接电话',
  '详情 1024 — 私聊我看告警详情',
  '绑定 123456 — 绑定本人',
  '绑定群 123456 — 绑定本群',
].join('\n');

// ---------------------------------------------------------------------------------------------
// Text normalisation

/** Full-width ASCII (！…～, ０-９, ：, Ａ-ｚ) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Strips `@<botName>` (followed by U+2005, U+3000, spaces or nothing) from the start or end, and,
 * when the message is known to mention the bot, any leading `@alias\u2005` (WeChat's mention
 * marker), since a group alias can differ from the bot's name.
 */
export function stripMention(text: string, botName = DEFAULT_BOT_NAME, mentionedSelf = false): string {
  let t = toHalfWidth(text);
  if (mentionedSelf) t = t.replace(/^(?:\s*@[^@\s]{1,40}\u2005)+/u, '');
  const name = escapeRe(toHalfWidth(botName).trim());
  if (!name) return t;
  const lead = new RegExp(`^\\s*@${name}`, 'u');
  const trail = new RegExp(`\\s*@${name}\\s*$`, 'u');
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(lead, '').replace(trail, '');
  }
  return t;
}

/** Mention stripped, full-width folded, punctuation to spaces, whitespace collapsed. */
export function normalizeText(text: string, botName?: string, mentionedSelf?: boolean): string {
  let t = stripMention(text, botName, mentionedSelf);
  t = t
    // Name dots typed in other ways: 阿依古丽•买买提, 阿依古丽・买买提, 阿依古丽.买买提
    .replace(/(?<=\p{Script=Han})\s*[.•・‧∙･]\s*(?=\p{Script=Han})/gu, '·')
    .replace(/[，,、；;。！!…~～"'“”‘’「」《》【】]/g, ' ')
    // A colon is a separator (下单：张桂兰) except inside a clock time (11:30).
    .replace(/:(?!\d)|(?<!\d):/g, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  // A trailing question mark (张桂兰还有多少钱？) is punctuation, a lone one asks for help.
  if (!/^\?+$/.test(t)) t = t.replace(/\s*\?+$/, '');
  return t;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_NUM = '[零〇一二两三四五六七八九十百]';

/** Arabic or Chinese numerals up to 999 (十一, 二十五, 两, 一百), or positional (二〇二六). */
export function parseChineseNumber(raw: string): number | undefined {
  const s = raw.trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (!s || !new RegExp(`^${CN_NUM}+$`).test(s)) return undefined;
  if (!/[十百]/.test(s)) {
    // 二〇二六 / 二零 → positional digits
    return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c === '百' || c === '十') {
      const unit = c === '百' ? 100 : 10;
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else if (c === '零' || c === '〇') {
      digit = undefined;
    } else {
      if (digit !== undefined) return undefined; // 三四十
      digit = CN_DIGITS[c];
    }
  }
  return total + (digit ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Names and services

/** Service words from both programmes' guides (and their categories); used to tell names from services. */
const SERVICE_WORDS = new Set([
  '助餐', '助浴', '助洁', '助行', '助急', '助医', '助购', '代办', '代购', '送餐', '就餐', '集中就餐', '午餐',
  '理发', '剪发', '剪指甲', '修脚', '洗衣', '洗澡', '洗浴', '保洁', '清洁', '居室清洁', '厨房整理', '打扫',
  '家政', '体检', '陪诊', '就医', '陪同就医', '陪同外出', '陪聊', '读报', '理疗', '理疗护理', '护理', '康复',
  '康复护理', '心理慰藉', '精神慰藉', '心理疏导', '探访', '巡访', '健康指导', '医疗协助', '按摩', '评估', '培训',
  '法律咨询', '政策解读', '生活照料',
]);

export function isServiceWord(word: string): boolean {
  const base = word.replace(/\([^)]*\)$/, '').replace(/服务$/, '').replace(/^上门/, '');
  return SERVICE_WORDS.has(base);
}

const HAN = '\\p{Script=Han}';
const NAME_RE = new RegExp(`^(?:${HAN}{2,4}|${HAN}{1,10}(?:·${HAN}{1,10}){1,3})$`, 'u');
/** Words that make a 2–4 character string a phrase rather than a name. */
const NOT_IN_NAME =
  /余额|多少|工单|告警|下单|预约|帮助|菜单|绑定|确认|处理|查询|查看|小时|上午|下午|中午|晚上|早上|凌晨|傍晚|今天|明天|后天|星期|礼拜|服务|老人|账户|一下|信息|情况|详情|怎么|什么/;

/** 2–4 Han characters (or Han parts joined by ·), not a service word or a command phrase. */
export function isElderName(word: string): boolean {
  return NAME_RE.test(word) && !NOT_IN_NAME.test(word) && !isServiceWord(word);
}

/** 张桂兰助洁 → ['张桂兰', '助洁'] when a name is glued to a known service word. */
function splitNameService(token: string): [string, string] | undefined {
  const chars = Array.from(token);
  for (let i = 2; i < chars.length; i++) {
    const name = chars.slice(0, i).join('');
    const service = chars.slice(i).join('');
    if (isElderName(name) && isServiceWord(service)) return [name, service];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Shanghai calendar arithmetic

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

function shanghaiParts(date: Date) {
  const s = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  return { y: s.getUTCFullYear(), m: s.getUTCMonth() + 1, d: s.getUTCDate(), wd: s.getUTCDay(), hh: s.getUTCHours(), mi: s.getUTCMinutes() };
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

/** `11月23日(周一) 09:00` in Asia/Shanghai. */
export function formatDateTimeCn(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.m}月${p.d}日(周${WEEKDAYS_CN[p.wd]}) ${pad2(p.hh)}:${pad2(p.mi)}`;
}

// ---------------------------------------------------------------------------------------------
// Date and time phrases

type DatePhrase =
  | { kind: 'ymd'; y: number; m: number; d: number }
  | { kind: 'md'; m: number; d: number }
  | { kind: 'day'; d: number }
  | { kind: 'rel'; days: number }
  | { kind: 'weekday'; week: '' | 'this' | 'next' | 'after-next'; wd: number };

const NUM2 = `(?:\\d{1,2}|${CN_NUM}{1,3})`;
const num = (s: string) => parseChineseNumber(s) ?? NaN;
const WEEKDAY_CHARS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const PERIOD = '凌晨|清晨|早上|早晨|上午|中午|午间|下午|午后|傍晚|晚上|夜里|夜间|早|晚';
/** After a weekday: nothing, a space, a period word or a clock (so 周一鸣 stays a name). */
const AFTER_DATE = `(?=$|\\s|${PERIOD}|\\d|${CN_NUM}{1,3}\\s*[点时])`;

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
    re: /大后天|后天|明天|明日|明儿|今天|今日|今儿|(?:今|明)(?=早|晚)/,
    read: (m) => ({ kind: 'rel', days: m[0].startsWith('大') ? 3 : m[0].startsWith('后') ? 2 : m[0].startsWith('明') ? 1 : 0 }),
  },
  {
    re: new RegExp(`(下下|下|这|本)?\\s*(?:周|星期|礼拜)\\s*([一二三四五六日天1-7])${AFTER_DATE}`, 'u'),
    read: (m) => ({
      kind: 'weekday',
      week: m[1] === '下下' ? 'after-next' : m[1] === '下' ? 'next' : m[1] ? 'this' : '',
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
      return closest(today, [today.y - 1, today.y, today.y + 1].map((y) => ({ y, m: p.m, d: p.d })));
    case 'day': {
      const months = [-1, 0, 1].map((k) => new Date(Date.UTC(today.y, today.m - 1 + k, 1)));
      return closest(today, months.map((t) => ({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: p.d })));
    }
    case 'rel':
      return addDays(today, p.days);
    case 'weekday': {
      const wd = todayWd === 0 ? 7 : todayWd; // Monday = 1 … Sunday = 7, weeks start on Monday
      let delta: number;
      if (p.week === '') delta = (p.wd - wd + 7) % 7 || 7; // 周五: the next one, never today
      else if (p.week === 'this') delta = p.wd - wd; // 本周五: this calendar week's, may be past
      else delta = 7 - wd + p.wd + (p.week === 'after-next' ? 7 : 0); // 下周五: next calendar week's
      return addDays(today, delta);
    }
  }
}

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

function cut(s: string, m: RegExpExecArray): string {
  return `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`;
}

// ---------------------------------------------------------------------------------------------
// Quantity

const QUANTITY_RE = new RegExp(
  `(?<![\\d.])(\\d+(?:\\.\\d+)?|${CN_NUM}{1,3})?\\s*(?:个\\s*)?(半)?\\s*(?:个\\s*)?(小时|钟头|分钟|hours?|hrs?|h|次|趟)(?![a-z])`,
  'i',
);

type Quantity = { quantity: number; unit: ServiceUnit } | { bad: string; unit: ServiceUnit };

function readQuantity(s: string): { q?: Quantity; rest: string } {
  const m = QUANTITY_RE.exec(s);
  if (!m || (!m[1] && !m[2])) return { rest: s };
  const rest = cut(s, m);
  const unitWord = m[3]!.toLowerCase();
  const unit: ServiceUnit = unitWord === '次' || unitWord === '趟' ? 'TIME' : 'HOUR';
  const bad = { q: { bad: m[0].trim(), unit }, rest };
  const base = m[1] ? parseChineseNumber(m[1]) : 0;
  if (base === undefined) return bad;
  if (unit === 'TIME') {
    if (m[2] || !Number.isInteger(base) || base < 1 || base > MAX_QUANTITY) return bad;
    return { q: { quantity: base, unit: 'TIME' }, rest };
  }
  let hours = base + (m[2] ? 0.5 : 0);
  if (unitWord === '分钟') {
    if (m[2]) return bad;
    hours = base / 60;
  }
  if (!(hours > 0) || hours > MAX_QUANTITY || !Number.isInteger(hours * 2)) return bad;
  return { q: { quantity: hours, unit: 'HOUR' }, rest };
}

// ---------------------------------------------------------------------------------------------
// Errors

/** Date words the parser does not resolve; left over, they would otherwise become the service or a note. */
const VAGUE_DATE = /周末|月底|月初|[下本这]周|下个?月|星期|礼拜|^周$/;

const EXAMPLE_ORDER = '下单 张桂兰 助洁 2小时 明天上午9点';

function fail(code: ParseErrorCode, reason: string, example: string): ParseError {
  return { kind: 'error', code, message: `${reason}\n例：${example}` };
}

// ---------------------------------------------------------------------------------------------
// Orders

function parseOrder(presetName: string | undefined, rest: string, now: Date): Command {
  const today = shanghaiParts(now);
  const todayYmd: Ymd = { y: today.y, m: today.m, d: today.d };

  // 1. The date phrase (first pattern that matches), then the clock.
  let s = ` ${rest} `;
  let phrase: DatePhrase | undefined;
  let dateText = '';
  for (const { re, read } of DATE_PATTERNS) {
    const m = re.exec(s);
    if (m) {
      phrase = read(m);
      dateText = m[0].trim();
      s = cut(s, m);
      break;
    }
  }
  const { clock, rest: afterClock } = readClock(s);

  // 2. The quantity.
  const { q, rest: afterQuantity } = readQuantity(afterClock);

  // 3. What is left: name, service, stray numbers, note.
  const words: string[] = [];
  for (const w of afterQuantity.split(' ')) {
    if (!w || new RegExp(`^(?:${PERIOD})$`).test(w)) continue;
    if (!presetName && !isElderName(w) && !isServiceWord(w)) {
      const split = splitNameService(w);
      if (split) {
        words.push(...split);
        continue;
      }
    }
    words.push(w);
  }
  const strays = words.filter((w) => /\d/.test(w));
  const plain = words.filter((w) => !/\d/.test(w));

  const name = presetName ?? plain.find(isElderName);
  if (!name) {
    const bad = presetName === undefined && plain[0] && !isServiceWord(plain[0]) ? `没认出老人姓名「${plain[0]}」。` : '请写上老人姓名。';
    return fail('MISSING_ELDER', bad, EXAMPLE_ORDER);
  }
  const others = presetName === undefined ? plain.filter((w, i) => i !== plain.indexOf(name)) : plain;
  const vague = others.find((w) => VAGUE_DATE.test(w));
  if (vague) return fail('BAD_DATE', `“${vague}”不够具体，请写哪天几点。`, `下单 ${name} 助洁 周六上午9点`);
  const service = others.find(isServiceWord) ?? others[0];
  if (!service) return fail('MISSING_SERVICE', '请写上服务项目（如 助洁、助浴、助餐）。', `下单 ${name} 助洁 2小时 明天上午9点`);
  const note = others.filter((w) => w !== service).join(' ');

  if (q && 'bad' in q) {
    const [rule, sample] = q.unit === 'TIME' ? [`1–${MAX_QUANTITY} 次`, '1次'] : [`0.5–${MAX_QUANTITY} 小时，以半小时计`, '2小时'];
    return fail('BAD_QUANTITY', `数量「${q.bad}」不对，应为 ${rule}。`, `下单 ${name} ${service} ${sample} 明天上午9点`);
  }
  const dateStray = strays.find((w) => /[月日号:\-/点]/.test(w));
  if (dateStray) return fail('BAD_DATE', `没看懂时间「${dateStray}」。`, `下单 ${name} ${service} 11月25日 14:30`);
  if (strays.length > 0) {
    return fail('BAD_QUANTITY', `「${strays[0]}」请写明单位：几小时或几次。`, `下单 ${name} ${service} 2小时 明天上午9点`);
  }

  // 4. Date and time.
  const example = (when: string) => `下单 ${name} ${service} ${when}`;
  let ymd: Ymd | undefined = todayYmd;
  if (phrase) {
    ymd = resolveDate(phrase, todayYmd, today.wd);
    if (!ymd) return fail('BAD_DATE', `日期「${dateText}」不对。`, example('11月25日 上午9点'));
  }
  if (!clock) {
    return phrase
      ? fail('MISSING_TIME', `请写上${dateText}几点上门。`, example(`${dateText}上午9点`))
      : fail('MISSING_TIME', '请写上上门的日期和时间。', example('明天上午9点'));
  }
  if ('bad' in clock) return fail('BAD_DATE', '时间不对（0–23点，0–59分）。', example(`${dateText || '明天'}下午3点半`));
  if ('ambiguous' in clock) {
    return fail('MISSING_TIME', `${clock.ambiguous}点是上午还是下午？`, example(`${dateText || '明天'}下午${clock.ambiguous}点`));
  }
  const scheduledAt = shanghaiTime(ymd, clock.hour, clock.minute);
  if (scheduledAt.getTime() < now.getTime()) {
    return fail('DATE_IN_PAST', `${formatDateTimeCn(scheduledAt)} 已经过去了，请换个时间。`, example('明天上午9点'));
  }
  if (scheduledAt.getTime() - now.getTime() > MAX_DAYS_AHEAD * DAY_MS) {
    return fail('BAD_DATE', `${formatDateTimeCn(scheduledAt)} 超过一年，请核对日期。`, example('11月25日 上午9点'));
  }

  const order: OrderCommand = { kind: 'order', elderName: name, service, scheduledAt };
  if (q) {
    order.quantity = q.quantity;
    order.unit = q.unit;
  }
  if (note) order.note = note;
  return order;
}

// ---------------------------------------------------------------------------------------------
// Commands

const ID_RE = /^#?([A-Za-z0-9][A-Za-z0-9_-]{0,63})$/;

function elderCommand(kind: 'balance' | 'lookup', who: string, example: string): Command {
  const name = who.replace(/的$/, '').trim();
  if (isElderName(name)) return { kind, elderName: name };
  return fail('MISSING_ELDER', name ? `没认出老人姓名「${name}」。` : '请写上老人姓名。', example);
}

export function parseCommand(input: ParseInput): Command {
  const t = normalizeText(input.text, input.botName ?? DEFAULT_BOT_NAME, input.mentionedSelf);
  let m: RegExpExecArray | null;

  if (t === '' || /^(?:帮助|菜单|功能|指令|命令|\?+|\/?help)$/i.test(t)) return { kind: 'help' };

  if ((m = /^绑定\s*(群)?\s*(.*)$/.exec(t))) {
    const room = m[1] !== undefined;
    const code = m[2]!.replace(/\s/g, '');
    if (/^\d{6}$/.test(code)) return room ? { kind: 'bind_room', code } : { kind: 'bind_worker', code };
    return fail('BAD_CODE', '绑定码是 6 位数字，在小程序“我的-绑定微信”里获取。', room ? '绑定群 123456' : '绑定 123456');
  }

  if (/^(?:查看|查询|查)?\s*告警(?:列表)?$/.test(t)) return { kind: 'alerts' };

  if ((m = /^确认\s*(?:告警)?\s*(.*)$/.exec(t))) {
    const id = ID_RE.exec(m[1]!.trim());
    if (id) return { kind: 'ack', alertNo: id[1]! };
    return fail('BAD_CODE', '请带上告警编号（发“告警”可查看）。', '确认 1024');
  }

  if ((m = /^(?:告警)?详情\s*(?:告警)?\s*(.*)$/.exec(t))) {
    const id = ID_RE.exec(m[1]!.trim());
    if (id) return { kind: 'alert_detail', alertNo: id[1]! };
    return fail('BAD_CODE', '请带上告警编号（发“告警”可查看）。', '详情 1024');
  }

  if ((m = /^处理\s*(?:告警)?\s*#?([A-Za-z0-9][A-Za-z0-9_-]{0,63})?\s*(.*)$/.exec(t))) {
    if (!m[1]) return fail('BAD_CODE', '请带上告警编号（发“告警”可查看）。', '处理 1024 已上门 老人忘记接电话');
    const outcome = m[2]!.trim();
    if (!outcome) return fail('MISSING_OUTCOME', '请写上处理结果。', `处理 ${m[1]} 已上门 老人忘记接电话`);
    return { kind: 'resolve', alertNo: m[1], outcome };
  }

  if ((m = /^(?:查询|查看|查)?\s*工单(?:号|进度|状态)?\s*(.*)$/.exec(t))) {
    const id = ID_RE.exec(m[1]!.trim());
    if (id) return { kind: 'order_status', orderNo: id[1]! };
    return fail('BAD_CODE', '请带上工单编号。', '工单 1024');
  }

  if ((m = /^(?:给|为|帮)\s*(\S+?)\s*(?:下单|预约)\s*(.*)$/u.exec(t))) {
    const name = m[1]!;
    if (!isElderName(name)) return fail('MISSING_ELDER', `没认出老人姓名「${name}」。`, EXAMPLE_ORDER);
    return parseOrder(name, m[2]!, input.now);
  }
  if ((m = /^(?:下单|预约)\s*(.*)$/.exec(t))) return parseOrder(undefined, m[1]!, input.now);

  if ((m = /^(?:查询|查看|查)?\s*余额\s*(.*)$/.exec(t))) return elderCommand('balance', m[1]!, '余额 张桂兰');
  if ((m = /^(?:查询|查看|查)?\s*(.*?)\s*的?\s*(?:补贴)?余额(?:还有多少|有多少|是多少|多少)?$/.exec(t))) {
    return elderCommand('balance', m[1]!, '余额 张桂兰');
  }
  if ((m = /^(?:查询|查看|查)?\s*(.+?)\s*(?:还有|还剩|剩|有)?多少钱$/.exec(t)) && isElderName(m[1]!.replace(/的$/, ''))) {
    return { kind: 'balance', elderName: m[1]!.replace(/的$/, '') };
  }

  if ((m = /^(?:查询|查看|查)\s*(.*)$/.exec(t))) return elderCommand('lookup', m[1]!, '查 张桂兰');

  return { kind: 'unknown', text: t };
}
