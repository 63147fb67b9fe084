// The daily digest each bound group gets at a set time (issue 23): today's visits, those past
// their time with no check-in, and complaints past their deadline (000 六 4: 48 小时内处理). The
// server counts and masks; this file only words it for a phone.
import type { BotDailyDigestQuery } from './api/generated.js';
import { formatDateCn } from './text/dates.js';

export type Digest = BotDailyDigestQuery['botDailyDigest'][number];

/** Default posting time: 17:00 Shanghai, when the day's visits should all have been checked in. */
export const DEFAULT_DIGEST_MINUTE = 17 * 60;

export function digestText(d: Digest): string {
  const day = formatDateCn(new Date(`${d.day}T12:00:00+08:00`));
  const lines = [`【每日简报】${d.communityName} ${day}`, `今日上门 ${d.visitsToday} 单，已签到 ${d.checkedIn} 单`];
  if (d.notCheckedIn) {
    lines.push(`过时未签到 ${d.notCheckedIn} 单：`, ...d.notCheckedInLines);
    if (d.notCheckedIn > d.notCheckedInLines.length)
      lines.push(`……另有 ${d.notCheckedIn - d.notCheckedInLines.length} 单`);
  } else lines.push('没有过时未签到的上门');
  lines.push(d.overdueComplaints ? `超过时限未处理的投诉 ${d.overdueComplaints} 件，请尽快跟进` : '没有超时的投诉');
  return lines.join('\n');
}

/** "HH:MM" (Shanghai) as a minute of the day, or undefined when it is not a time. */
export function parseDigestAt(s: string | undefined): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s?.trim() ?? '');
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return Number(m[1]) * 60 + Number(m[2]);
}
