// The month every page works on: ?month=YYYY-MM in the address if given (a bookmark, a test),
// otherwise last month by the server's clock, the one officials close at the start of this one.
// The server's clock, not the browser's: a PC with a wrong date must not settle the wrong month,
// and a server running on a shifted app clock (a demo, a test) moves the console with it.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useSyncExternalStore } from 'react';
import { gql } from '../api/client';
import { ServerTimeDocument } from '../api/generated';

const fromUrl = new URLSearchParams(window.location.search).get('month');
let current = fromUrl && /^\d{4}-\d{2}$/.test(fromUrl) ? fromUrl : '';
let serverMonthValue = '';
// The server's clock minus the browser's, taken once at start; enough for "is this overdue".
let offsetMs = 0;
const listeners = new Set<() => void>();

/** Reads the server's time once, before any page renders (App waits for it). */
export async function loadServerTime(): Promise<void> {
  const { serverTime } = await gql(ServerTimeDocument);
  offsetMs = Date.parse(serverTime.now) - Date.now();
  serverMonthValue = serverTime.month;
  if (!current) setMonth(serverTime.lastMonth);
}

/** Now by the server's clock. */
export const serverNow = (): Date => new Date(Date.now() + offsetMs);
/** This month (YYYY-MM, Beijing) by the server's clock. */
export const serverMonth = (): string => serverMonthValue;

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
