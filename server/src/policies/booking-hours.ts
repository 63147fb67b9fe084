// When a home visit may start: the item's own windows (`perVisit.slots`, a lunch at lunchtime) where
// the document gives them, else the programme's hours (`visits.bookingHours`), since a night start is
// more likely a typo (3点 for 15点) than a plan; night care (`anyHour`) is exempt from the latter.
// Pure: the document, the item and the instant in, a verdict out. The catalogue shows the same
// windows on each item, and the orders service refuses a booking outside them, whatever the channel.
import { formatShanghaiCn, shanghaiMinuteOfDay } from '../common/calendar.js';
import type { PolicyDocument } from './policy.schema.js';

type Item = Pick<PolicyDocument['serviceGuide']['items'][number], 'anyHour' | 'perVisit'>;

export interface BookingSlot {
  label: string;
  fromMinute: number;
  untilMinute: number;
}

export interface BookingHours {
  /** The earliest and latest start over all the windows. */
  fromMinute: number;
  untilMinute: number;
  /** The windows a visit may start in, in the day's order (one for the programme's hours). */
  slots: BookingSlot[];
  source: string;
}

/** The windows a visit of this item (of the document's guide) may start in, or null when any hour will do. */
export function bookingHoursFor(doc: PolicyDocument, item: Item | undefined): BookingHours | null {
  const own = item?.perVisit?.slots;
  if (own?.length) {
    const slots = [...own].sort((a, b) => a.fromMinute - b.fromMinute);
    return {
      fromMinute: slots[0]!.fromMinute,
      untilMinute: Math.max(...slots.map((s) => s.untilMinute)),
      slots,
      source: item!.perVisit!.source,
    };
  }
  const hours = doc.visits.bookingHours;
  if (!hours || item?.anyHour) return null;
  const slot = { label: '上门服务时段', fromMinute: hours.fromMinute, untilMinute: hours.untilMinute };
  return { fromMinute: hours.fromMinute, untilMinute: hours.untilMinute, slots: [slot], source: hours.source };
}

/** "7:00", "20:00", "24:00". */
export const clockText = (minute: number) => `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;

export type BookingHoursVerdict =
  | { ok: true }
  | { ok: false; fromMinute: number; untilMinute: number; slots: BookingSlot[]; source: string; message: string };

/** Whether a visit of `item` may start at `at` (each window from and until inclusive, Asia/Shanghai). */
export function checkBookingHours(doc: PolicyDocument, item: Item & { name: string }, at: Date): BookingHoursVerdict {
  const hours = bookingHoursFor(doc, item);
  if (!hours) return { ok: true };
  const minute = shanghaiMinuteOfDay(at);
  if (hours.slots.some((s) => minute >= s.fromMinute && minute <= s.untilMinute)) return { ok: true };
  const own = Boolean(item.perVisit?.slots?.length);
  const windows = hours.slots
    .map((s) => `${own ? `${s.label} ` : ''}${clockText(s.fromMinute)}–${clockText(s.untilMinute)}`)
    .join('、');
  return {
    ok: false,
    ...hours,
    message:
      `${formatShanghaiCn(at)}不在上门服务时段：${item.name}须在 ${windows} 之间开始（${hours.source}）。` +
      `请改约${hours.slots.length > 1 ? '这些' : '这个'}时段内的时间。`,
  };
}
