// When a home visit may start (the document's `visits.bookingHours`): a night start is more likely a
// typo (3点 for 15点) than a plan, so it is refused unless the item is night care (`anyHour`). Pure:
// the document, the item and the instant in, a verdict out. The catalogue shows the same hours on
// each item, and the orders service refuses a booking outside them, whatever the channel.
import { formatShanghaiCn, shanghaiMinuteOfDay } from '../common/calendar.js';
import type { PolicyDocument } from './policy.schema.js';

type Item = Pick<PolicyDocument['serviceGuide']['items'][number], 'anyHour'>;

export interface BookingHours {
  fromMinute: number;
  untilMinute: number;
  source: string;
}

/** The hours a visit of this item (of the document's guide) may start, or null when any hour will do. */
export function bookingHoursFor(doc: PolicyDocument, item: Item | undefined): BookingHours | null {
  const hours = doc.visits.bookingHours;
  if (!hours || item?.anyHour) return null;
  return { fromMinute: hours.fromMinute, untilMinute: hours.untilMinute, source: hours.source };
}

/** "7:00", "20:00", "24:00". */
export const clockText = (minute: number) => `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;

export type BookingHoursVerdict =
  { ok: true } | { ok: false; fromMinute: number; untilMinute: number; source: string; message: string };

/** Whether a visit of `item` may start at `at` (from and until inclusive, Asia/Shanghai). */
export function checkBookingHours(doc: PolicyDocument, item: Item & { name: string }, at: Date): BookingHoursVerdict {
  const hours = bookingHoursFor(doc, item);
  if (!hours) return { ok: true };
  const minute = shanghaiMinuteOfDay(at);
  if (minute >= hours.fromMinute && minute <= hours.untilMinute) return { ok: true };
  return {
    ok: false,
    ...hours,
    message:
      `${formatShanghaiCn(at)}不在上门服务时段：${item.name}须在 ${clockText(hours.fromMinute)}–` +
      `${clockText(hours.untilMinute)} 之间开始（${hours.source}）。请改约这个时段内的时间。`,
  };
}
