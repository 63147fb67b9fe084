// Recurring bookings (issue 25): the same visit daily or weekly until a Beijing date, placed as
// separate orders, each with its own idempotency key `<key>:<n>` through placeOrder, so each holds
// its own money and can be moved or cancelled alone. The whole series is checked before the first
// is placed (dates, 60 days ahead, at most MAX_OCCURRENCES); a replay with the same key returns the
// orders already placed and places only those still missing (after a refusal part-way, such as a
// balance that ran out); the same key for another series is IDEMPOTENCY_CONFLICT.
import type { Actor } from '../auth/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { DomainError, ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { placeOrder } from './orders.service.js';
import { MAX_DAYS_AHEAD } from './reschedule.service.js';

export type Repeat = 'DAILY' | 'WEEKLY';
/** Assumed: a month of daily meals; no programme text bounds a series. */
export const MAX_OCCURRENCES = 31;
const PARENT_KEY = /^[A-Za-z0-9_:.-]{8,60}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface RecurringInput {
  elderId: string;
  serviceCode: string;
  quantity: number;
  scheduledAt: Date;
  repeat: Repeat;
  until: string;
  note?: string | null;
  idempotencyKey: string;
}

/** The visits of a series: the first time, then every day or week at the same Beijing time, up to `until`. */
export function occurrences(first: Date, repeat: Repeat, until: string): Date[] {
  const step = (repeat === 'DAILY' ? 1 : 7) * 86_400_000; // China keeps UTC+8 all year: days are 24 h
  const out: Date[] = [];
  for (let at = first; todayInShanghai(at) <= until; at = new Date(at.getTime() + step)) {
    out.push(at);
    if (out.length > MAX_OCCURRENCES) break;
  }
  return out;
}

export async function placeRecurringOrders(prisma: PrismaClient, actor: Actor, input: RecurringInput, now: Date) {
  if (!PARENT_KEY.test(input.idempotencyKey ?? ''))
    throw badInput('idempotencyKey', '请求编号应为 8–60 位字母、数字或 _:.-。');
  if (input.repeat !== 'DAILY' && input.repeat !== 'WEEKLY') throw badInput('repeat', '请选择每天或每周。');
  if (!DAY.test(input.until ?? '') || Number.isNaN(Date.parse(`${input.until}T00:00:00Z`)))
    throw badInput('until', '截止日期格式应为 YYYY-MM-DD。');
  if (Number.isNaN(input.scheduledAt.getTime())) throw badInput('scheduledAt', '请选择第一次上门的时间。');
  const first = todayInShanghai(input.scheduledAt);
  if (input.until < first) throw badInput('until', '截止日期不能早于第一次上门的日期。');
  const dates = occurrences(input.scheduledAt, input.repeat, input.until);
  if (dates.length < 2) throw badInput('until', '截止日期内只有一次上门，请直接预约一次。');
  if (dates.length > MAX_OCCURRENCES)
    throw badInput('until', `一次最多连续预约 ${MAX_OCCURRENCES} 次，请把截止日期提前。`);
  const last = dates[dates.length - 1]!;
  if (last.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000)
    throw badInput('until', `最多只能预约 ${MAX_DAYS_AHEAD} 天以内的服务，请把截止日期提前。`);

  // Orders of this key from an earlier call must be this very series, no more.
  const prior = await prisma.order.count({ where: { idempotencyKey: { startsWith: `${input.idempotencyKey}:` } } });
  if (prior > dates.length) fail(ErrorCode.IDEMPOTENCY_CONFLICT);

  const placed = [];
  for (const [n, at] of dates.entries()) {
    try {
      placed.push(
        await placeOrder(
          prisma,
          actor,
          {
            elderId: input.elderId,
            serviceCode: input.serviceCode,
            quantity: input.quantity,
            scheduledAt: at,
            note: input.note,
            idempotencyKey: `${input.idempotencyKey}:${n}`,
          },
          now,
        ),
      );
    } catch (err) {
      // Say which visit stopped the series and that the earlier ones stand (sending again continues).
      if (n > 0 && err instanceof DomainError) {
        const details = (err.extensions.details ?? {}) as Record<string, unknown>;
        throw new DomainError(err.code, `已预约前 ${n} 次；${todayInShanghai(at)} 这一次未能预约：${err.message}`, {
          ...details,
          placed: n,
          failedOn: todayInShanghai(at),
        });
      }
      throw err;
    }
  }
  return placed;
}
