// The start times a booking form offers (issue 25): only inside the item's windows from the service
// guide (a lunch at lunchtime, no night visits), the same windows the server enforces.

export interface Slot {
  label: string;
  fromMinute: number;
  untilMinute: number;
}

interface Bookable {
  bookableSlots?: readonly Slot[] | null;
  bookableFromMinute?: number | null;
  bookableUntilMinute?: number | null;
}

/** Start times over a whole day's hours: one an hour, lunch hour left out. */
const DAY_TIMES = ['08:00', '09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00'];
/** The programme's general hours carry this label; an item's own windows carry theirs (午餐). */
const GENERAL = '上门服务时段';

export const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minuteOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

function slotsOf(item: Bookable | null | undefined): Slot[] {
  if (item?.bookableSlots?.length) return [...item.bookableSlots];
  if (item?.bookableFromMinute != null && item.bookableUntilMinute != null)
    return [{ label: GENERAL, fromMinute: item.bookableFromMinute, untilMinute: item.bookableUntilMinute }];
  return [];
}

/**
 * The chips of the time picker: inside a narrow window (three hours or less, a meal) every half
 * hour, labelled with the window's name; inside the general hours the day's hourly times.
 */
export function startTimes(item: Bookable | null | undefined): { value: string; label: string }[] {
  const slots = slotsOf(item);
  if (!slots.length) return DAY_TIMES.map((t) => ({ value: t, label: t }));
  const out: { value: string; label: string }[] = [];
  for (const s of slots) {
    const named = s.label !== GENERAL;
    if (s.untilMinute - s.fromMinute <= 180) {
      for (let m = Math.ceil(s.fromMinute / 30) * 30; m <= s.untilMinute; m += 30)
        out.push({ value: clock(m), label: named ? `${s.label} ${clock(m)}` : clock(m) });
    } else {
      for (const t of DAY_TIMES)
        if (minuteOf(t) >= s.fromMinute && minuteOf(t) <= s.untilMinute)
          out.push({ value: t, label: named ? `${s.label} ${t}` : t });
    }
  }
  return out;
}

/** "午餐 10:30–12:00" or "7:00–20:00": what the form says about when the visit may start. */
export function slotRule(item: Bookable | null | undefined): string | null {
  const slots = slotsOf(item);
  if (!slots.length) return null;
  const text = slots
    .map((s) => `${s.label === GENERAL ? '' : `${s.label} `}${clock(s.fromMinute)}–${clock(s.untilMinute)}`)
    .join('、');
  return `上门服务须在 ${text} 之间开始。`;
}
