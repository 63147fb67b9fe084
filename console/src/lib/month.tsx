// The month every page works on: ?month=YYYY-MM in the address if given (a bookmark, a test),
// otherwise last month, the one officials close at the start of this one. Shared across pages.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useSyncExternalStore } from 'react';
import { addMonths, thisMonth } from './format';

const fromUrl = new URLSearchParams(window.location.search).get('month');
let current = fromUrl && /^\d{4}-\d{2}$/.test(fromUrl) ? fromUrl : addMonths(thisMonth(), -1);
const listeners = new Set<() => void>();

export function setMonth(month: string) {
  current = month;
  for (const l of listeners) l();
}

export function useMonth(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

export function MonthPicker() {
  const month = useMonth();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(`${month}-01`)}
      onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
      data-testid="month"
    />
  );
}
