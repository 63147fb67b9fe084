// 下单 张桂兰 助洁 2小时 明天上午9点: books a home visit as the worker. The words may come in any
// order and glued together; the date engine (text/dates.ts) reads the time, this file the rest.
import { createHash } from 'node:crypto';
import { PlaceOrderDocument, ServiceGuideDocument, type ServiceGuideQuery } from '../api/generated.js';
import {
  clockText,
  DAY_MS,
  formatDateCn,
  formatDateTimeCn,
  isPeriodWord,
  isVagueDateWord,
  readWhen,
  resolveWhen,
  shanghaiMinuteOfDay,
  shanghaiTime,
} from '../text/dates.js';
import { cutMatch } from '../text/normalise.js';
import { CN_NUM, parseChineseNumber } from '../text/numerals.js';
import { fail, oneOf, yuan, type ParseError, type WorkerChat, type WorkerCommand } from './command.js';
import { isElderName, isServiceWord, splitNameService, withElder, type Elder } from './elders.js';

/** Mirrors the server's order limit (server/src/orders/orders.service.ts MAX_QUANTITY). */
export const MAX_QUANTITY = 20;
/** Orders further ahead than this are more likely a typo (2062 for 2026) than a plan. */
const MAX_DAYS_AHEAD = 366;

export type ServiceUnit = 'HOUR' | 'TIME';

export type OrderArgs = {
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

const names = ['下单', '预约'];
const EXAMPLE_ORDER = '下单 张桂兰 助洁 2小时 明天上午9点';

// ---------------------------------------------------------------------------------------------
// Quantity: 2小时, 两个半小时, 90分钟, 1次, 两趟

const QUANTITY_RE = new RegExp(
  `(?<![\\d.])(\\d+(?:\\.\\d+)?|${CN_NUM}{1,3})?\\s*(?:个\\s*)?(半)?\\s*(?:个\\s*)?(小时|钟头|分钟|hours?|hrs?|h|次|趟)(?![a-z])`,
  'i',
);

type Quantity = { quantity: number; unit: ServiceUnit } | { bad: string; unit: ServiceUnit };

function readQuantity(s: string): { q?: Quantity; rest: string } {
  const m = QUANTITY_RE.exec(s);
  if (!m || (!m[1] && !m[2])) return { rest: s };
  const rest = cutMatch(s, m);
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
// The grammar

function parseOrder(presetName: string | undefined, rest: string, now: Date): OrderArgs | ParseError {
  // 1. The date phrase and the clock, then the quantity.
  const { when, rest: afterWhen } = readWhen(rest);
  const { q, rest: afterQuantity } = readQuantity(afterWhen);

  // 2. What is left: name, service, stray numbers, note.
  const words: string[] = [];
  for (const w of afterQuantity.split(' ')) {
    if (!w || isPeriodWord(w)) continue;
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
    const bad =
      presetName === undefined && plain[0] && !isServiceWord(plain[0])
        ? `没认出老人姓名「${plain[0]}」。`
        : '请写上老人姓名。';
    return fail('MISSING_ELDER', bad, EXAMPLE_ORDER);
  }
  const others = presetName === undefined ? plain.filter((_w, i) => i !== plain.indexOf(name)) : plain;
  const vague = others.find(isVagueDateWord);
  if (vague) return fail('BAD_DATE', `“${vague}”不够具体，请写哪天几点。`, `下单 ${name} 助洁 周六上午9点`);
  const service = others.find(isServiceWord) ?? others[0];
  if (!service)
    return fail('MISSING_SERVICE', '请写上服务项目（如 助洁、助浴、助餐）。', `下单 ${name} 助洁 2小时 明天上午9点`);
  const note = others.filter((w) => w !== service).join(' ');

  if (q && 'bad' in q) {
    const [rule, sample] =
      q.unit === 'TIME' ? [`1–${MAX_QUANTITY} 次`, '1次'] : [`0.5–${MAX_QUANTITY} 小时，以半小时计`, '2小时'];
    return fail(
      'BAD_QUANTITY',
      `数量「${q.bad}」不对，应为 ${rule}。`,
      `下单 ${name} ${service} ${sample} 明天上午9点`,
    );
  }
  const dateStray = strays.find((w) => /[月日号:\-/点]/.test(w));
  if (dateStray) return fail('BAD_DATE', `没看懂时间「${dateStray}」。`, `下单 ${name} ${service} 11月25日 14:30`);
  if (strays.length > 0) {
    return fail(
      'BAD_QUANTITY',
      `「${strays[0]}」请写明单位：几小时或几次。`,
      `下单 ${name} ${service} 2小时 明天上午9点`,
    );
  }

  // 3. Date and time, and whether a visit can be booked then.
  const example = (at: string) => `下单 ${name} ${service} ${at}`;
  const { dateText } = when;
  const r = resolveWhen(when, now);
  if ('problem' in r) {
    switch (r.problem) {
      case 'date':
        return fail('BAD_DATE', `日期「${dateText}」不对。`, example('11月25日 上午9点'));
      case 'no-time':
        return when.date
          ? fail('MISSING_TIME', `请写上${dateText}几点上门。`, example(`${dateText}上午9点`))
          : fail('MISSING_TIME', '请写上上门的日期和时间。', example('明天上午9点'));
      case 'clock':
        return fail('BAD_DATE', '时间不对（0–23点，0–59分）。', example(`${dateText || '明天'}下午3点半`));
      case 'ambiguous':
        return fail('MISSING_TIME', `${r.hour}点是上午还是下午？`, example(`${dateText || '明天'}下午${r.hour}点`));
    }
  }
  const scheduledAt = r.at;
  if (scheduledAt.getTime() < now.getTime()) {
    // 昨天, 前天, 上周五: a whole day already gone gets its own words, so nobody thinks 昨天 meant today.
    const dayGone = scheduledAt.getTime() < startOfDay(now).getTime() && dateText && !/\d|月/.test(dateText);
    const what = dayGone ? `${dateText}是${formatDateCn(scheduledAt)}，` : `${formatDateTimeCn(scheduledAt)} `;
    return fail('DATE_IN_PAST', `${what}已经过去了，新订单只能约以后的时间。`, example('明天上午9点'));
  }
  if (scheduledAt.getTime() - now.getTime() > MAX_DAYS_AHEAD * DAY_MS) {
    return fail('BAD_DATE', `${formatDateTimeCn(scheduledAt)} 超过一年，请核对日期。`, example('11月25日 上午9点'));
  }

  const order: OrderArgs = { kind: 'order', elderName: name, service, scheduledAt };
  if (q) {
    order.quantity = q.quantity;
    order.unit = q.unit;
  }
  if (note) order.note = note;
  return order;
}

/** Midnight at the start of `now`'s Shanghai day. */
function startOfDay(now: Date): Date {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const ymd = { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
  return shanghaiTime(ymd, 0, 0);
}

// ---------------------------------------------------------------------------------------------
// Placing it

type Item = ServiceGuideQuery['serviceGuide'][number];

/** An idempotency key from the chat message id, so a message delivered twice files one order. */
export const messageKey = (messageId: string) =>
  `wechat:${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}`;

/**
 * What a category word means when it names several items: 助洁 is 协助清洁 (cleaning), so among a
 * programme's hourly 助洁 items the cleaning one is meant, not the kitchen or the laundry.
 */
const CORE_ITEM_WORDS: Record<string, readonly string[]> = { 助洁: ['清洁', '保洁'], 助浴: ['浴'] };

/**
 * Items the typed service word means: the name first, else the category, narrowed by unit (hours
 * or visits), then by the item the category word is the short name of (CORE_ITEM_WORDS).
 */
export function matchItems(guide: Item[], cmd: OrderArgs): Item[] {
  const word = cmd.service.replace(/服务$/, '').replace(/^上门/, '');
  const offline = guide.filter((g) => g.mode === 'OFFLINE');
  const exact = offline.filter((g) => g.name === cmd.service || g.name.replace(/服务$/, '') === word);
  if (exact.length === 1) return exact;
  let hits = offline.filter((g) => g.name.includes(word));
  if (!hits.length) hits = offline.filter((g) => g.category.includes(word));
  if (hits.length > 1 && cmd.unit) {
    const byUnit = hits.filter((g) => (cmd.unit === 'HOUR') === (g.unitMinutes === 60));
    if (byUnit.length) hits = byUnit;
  }
  const core = CORE_ITEM_WORDS[word];
  if (hits.length > 1 && core) {
    const byCore = hits.filter((g) => core.some((c) => g.name.includes(c)));
    if (byCore.length === 1) return byCore;
  }
  return hits;
}

/** Why `item` cannot start at `at` (night hours, from the programme's data), or undefined. */
export function outsideHours(item: Item, at: Date): string | undefined {
  const from = item.bookableFromMinute;
  const until = item.bookableUntilMinute;
  if (from == null || until == null) return undefined;
  const minute = shanghaiMinuteOfDay(at);
  if (minute >= from && minute <= until) return undefined;
  return `${formatDateTimeCn(at)} 不在上门时段，${item.name}只能约 ${clockText(from)}–${clockText(until)} 之间开始。`;
}

async function placeOrder(elder: Elder, cmd: OrderArgs, chat: WorkerChat): Promise<string> {
  if (!elder.enrolment || elder.enrolment.status !== 'ACTIVE')
    return `${elder.name}还没有纳入政府购买服务，暂不能下单。`;
  const policyCode = elder.enrolment.policy.code;
  const guide = (await chat.api.request(ServiceGuideDocument, { policyCode })).serviceGuide;
  const items = matchItems(guide, cmd);
  if (!items.length) {
    const categories = [...new Set(guide.filter((g) => g.mode === 'OFFLINE').map((g) => g.category))].join('、');
    return `${elder.enrolment.policy.name}的服务指南里没有“${cmd.service}”，可选：${categories}`;
  }
  const place = async (item: Item) => {
    const night = outsideHours(item, cmd.scheduledAt);
    if (night) return `${night}\n例：下单 ${elder.name} ${cmd.service} 明天上午9点`;
    const hourly = item.unitMinutes === 60;
    const quantity = cmd.quantity ?? 1;
    if (!Number.isInteger(quantity))
      return `${item.name}按${hourly ? '小时' : '次'}计，请填整数，例如 ${hourly ? '2小时' : '1次'}。`;
    const input = {
      elderId: elder.id,
      serviceCode: item.code,
      quantity,
      scheduledAt: cmd.scheduledAt.toISOString(),
      note: cmd.note ?? null,
      idempotencyKey: messageKey(chat.msg.messageId),
    };
    const r = (await chat.api.request(PlaceOrderDocument, { input }, chat.acting)).placeOrder;
    const subsidy = r.subsidyMinutes
      ? `免费时长 ${r.subsidyMinutes} 分钟`
      : r.subsidyFen
        ? `补贴 ${yuan(r.subsidyFen)}`
        : '';
    const split = [subsidy, r.selfPaidFen ? `自费 ${yuan(r.selfPaidFen)}` : ''].filter(Boolean).join('，');
    const when = `${formatDateTimeCn(new Date(r.scheduledAt))}${r.provider?.name ? `，${r.provider.name}` : ''}`;
    return (
      `已下单 ${r.ref}：${elder.name} ${r.service.name}×${r.quantity}\n${when}\n共` +
      ` ${yuan(r.amountFen)}${split ? `（${split}）` : ''}`
    );
  };
  if (items.length === 1) return place(items[0]!);
  chat.choose(items, place);
  const price = (it: Item) => (it.priceFen ? ` ${yuan(it.priceFen)}/${it.unitMinutes === 60 ? '小时' : '次'}` : '');
  const line = (it: Item, i: number) => `${i + 1}. ${it.name}${price(it)}`;
  return [`“${cmd.service}”有 ${items.length} 项，请回复序号：`, ...items.map(line)].join('\n');
}

export const order: WorkerCommand<OrderArgs> = {
  kind: 'order',
  names,
  help: EXAMPLE_ORDER,
  parse(t, now) {
    // 给张桂兰下单 …: the name comes first, so it is not looked for among the other words.
    let m = new RegExp(`^(?:给|为|帮)\\s*(\\S+?)\\s*${oneOf(names)}\\s*(.*)$`, 'u').exec(t);
    if (m) {
      const name = m[1]!;
      if (!isElderName(name)) return fail('MISSING_ELDER', `没认出老人姓名「${name}」。`, EXAMPLE_ORDER);
      return parseOrder(name, m[2]!, now);
    }
    m = new RegExp(`^${oneOf(names)}\\s*(.*)$`).exec(t);
    return m ? parseOrder(undefined, m[1]!, now) : undefined;
  },
  handle: (args, chat) => withElder(chat, args.elderName, (e) => placeOrder(e, args, chat)),
};
