import { describe, expect, it } from 'vitest';
import {
  JUST_AFTER_MIDNIGHT,
  LATE_EVENING,
  MONTH_END,
  NOW,
  NYE,
  inTimeZones,
  labelled,
  sh,
} from '../testing/moments.js';
import { formatDateTimeCn, isPeriodWord, isVagueDateWord, readWhen, resolveWhen } from './dates.js';

/** The instant a phrase means at `now`, as ISO, or the engine's reason for none. */
const when = (text: string, now: Date) => {
  const r = resolveWhen(readWhen(text).when, now);
  return 'at' in r ? r.at.toISOString() : r;
};

describe('readWhen and resolveWhen: phrases on the Shanghai calendar', () => {
  const cases: [text: string, now: Date, at: string][] = [
    ['明天上午9点', NOW, '2026-11-23T09:00'],
    ['后天下午3点', NOW, '2026-11-24T15:00'],
    ['11月25日 11:30', NOW, '2026-11-25T11:30'],
    // NOW is a Sunday: 周五 is 27 November.
    ['周五上午十点', NOW, '2026-11-27T10:00'],
    ['明天下午三点半', NOW, '2026-11-23T15:30'],
    ['大后天早上8点15分', NOW, '2026-11-25T08:15'],
    ['星期三 9:00', NOW, '2026-11-25T09:00'],
    ['礼拜天上午九点', NOW, '2026-11-29T09:00'],
    ['明天中午1点', NOW, '2026-11-23T13:00'],
    ['明晚7点', NOW, '2026-11-23T19:00'],
    ['今晚七点', NOW, '2026-11-22T19:00'],
    ['明天晚上12点', NOW, '2026-11-24T00:00'],
    ['十一月二十五日 下午两点', NOW, '2026-11-25T14:00'],
    ['11-25 14:30', NOW, '2026-11-25T14:30'],
    ['2026-11-25 9点', NOW, '2026-11-25T09:00'],
    ['2026年11月26日 上午9点', NOW, '2026-11-26T09:00'],
    ['25号 下午2点', NOW, '2026-11-25T14:00'],
    ['明天9时30分', NOW, '2026-11-23T09:30'],
    ['明天上午十点一刻', NOW, '2026-11-23T10:15'],
    ['明天下午三点三刻', NOW, '2026-11-23T15:45'],
    ['下午3点', NOW, '2026-11-22T15:00'],
    ['下下周一上午9点', NOW, '2026-11-30T09:00'],
    // The engine places past and far instants too; whether they can be booked is the order's rule.
    ['11月20日 上午9点', NOW, '2026-11-20T09:00'],
    ['本周一上午9点', NOW, '2026-11-16T09:00'],
    ['2028-01-05 上午9点', NOW, '2028-01-05T09:00'],
    // Year end: tomorrow, 1月2日, 1-2, 2号 and 周五 are all in 2027; 12月30日 is yesterday.
    ['明天上午9点', NYE, '2027-01-01T09:00'],
    ['1月2日 9:00', NYE, '2027-01-02T09:00'],
    ['1-2 9:00', NYE, '2027-01-02T09:00'],
    ['2号 下午4点', NYE, '2027-01-02T16:00'],
    ['周五上午9点', NYE, '2027-01-01T09:00'],
    ['今天下午4点', NYE, '2026-12-31T16:00'],
    ['12月30日 下午3点', NYE, '2026-12-30T15:00'],
    // Month end.
    ['明天上午9点', MONTH_END, '2026-12-01T09:00'],
    ['后天上午9点', MONTH_END, '2026-12-02T09:00'],
    // Shanghai is already Monday 23rd while UTC is Sunday 22nd.
    ['明天上午9点', JUST_AFTER_MIDNIGHT, '2026-11-24T09:00'],
    ['今天上午9点', JUST_AFTER_MIDNIGHT, '2026-11-23T09:00'],
    ['周一上午9点', JUST_AFTER_MIDNIGHT, '2026-11-30T09:00'],
    ['本周一上午9点', JUST_AFTER_MIDNIGHT, '2026-11-23T09:00'],
    ['周日上午9点', JUST_AFTER_MIDNIGHT, '2026-11-29T09:00'],
    ['下周五上午9点', JUST_AFTER_MIDNIGHT, '2026-12-04T09:00'],
    ['11月22日 晚上11点', JUST_AFTER_MIDNIGHT, '2026-11-22T23:00'],
    // Late Sunday evening: tomorrow is Monday the 23rd, 下周一 is tomorrow (weeks start on Monday).
    ['明天上午9点', LATE_EVENING, '2026-11-23T09:00'],
    ['下周一早上8点', LATE_EVENING, '2026-11-23T08:00'],
    ['晚上11点45分', LATE_EVENING, '2026-11-22T23:45'],
    ['今天晚上11点', LATE_EVENING, '2026-11-22T23:00'],
  ];
  it.each(labelled(cases))('%s (now %s)', (text, _label, at, now) => {
    expect(when(text, now)).toBe(sh(at));
  });

  it('reads Shanghai time whatever the host time zone', () => {
    inTimeZones((tz) => {
      for (const [text, now, at] of cases) expect(when(text, now), `${tz}: ${text}`).toBe(sh(at));
    });
  });

  it.each([
    ['2月30日 上午9点', { problem: 'date' }],
    ['13月1日 上午9点', { problem: 'date' }],
    ['1999-01-05 上午9点', { problem: 'date' }],
    ['明天上午25点', { problem: 'clock' }],
    ['明天 9:75', { problem: 'clock' }],
    ['明天', { problem: 'no-time' }],
    ['11月25日', { problem: 'no-time' }],
    ['明天中午', { problem: 'no-time' }],
    ['', { problem: 'no-time' }],
    // Nobody books a home visit at 3 a.m., so 3点 without 上午/下午 is a question, 3:00 is not.
    ['明天3点', { problem: 'ambiguous', hour: 3 }],
  ])('%j → %j', (text, expected) => {
    expect(when(text, NOW)).toEqual(expected);
  });

  it('takes the date and the clock out and leaves the other words', () => {
    const words = (text: string) => readWhen(text).rest.split(' ').filter(Boolean);
    expect(words('张三 助洁 2小时 明天九点')).toEqual(['张三', '助洁', '2小时']);
    // 周一鸣 is a name, not Monday: a weekday needs a space, a period word or a clock after it.
    expect(words('周一鸣 助洁 周三上午9点')).toEqual(['周一鸣', '助洁']);
    expect(readWhen('助洁 11月25日 14:30').when.dateText).toBe('11月25日');
    expect(readWhen('助洁 下午3点').when.dateText).toBe('');
  });

  it('tells period words and date words it does not resolve', () => {
    expect(['上午', '晚上', '早'].every(isPeriodWord)).toBe(true);
    expect(isPeriodWord('上午9点')).toBe(false);
    expect(['周末', '月底', '下个月', '下周', '周'].every(isVagueDateWord)).toBe(true);
    expect(isVagueDateWord('周一鸣')).toBe(false);
  });
});

describe('formatDateTimeCn: every reply restates the date as 12月5日（周六）上午9:00', () => {
  it.each([
    ['2026-12-05T09:00:00+08:00', '12月5日（周六）上午9:00'],
    ['2026-11-23T09:00:00+08:00', '11月23日（周一）上午9:00'],
    ['2026-11-22T16:30:00Z', '11月23日（周一）凌晨0:30'],
    ['2027-01-01T01:05:00Z', '1月1日（周五）上午9:05'],
    ['2026-11-23T12:30:00+08:00', '11月23日（周一）中午12:30'],
    ['2026-11-23T15:00:00+08:00', '11月23日（周一）下午3:00'],
    ['2026-11-23T03:00:00+08:00', '11月23日（周一）凌晨3:00'],
    ['2026-11-22T23:59:00+08:00', '11月22日（周日）晚上11:59'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDateTimeCn(new Date(iso))).toBe(expected);
  });
});

// Issue 23: the forms a group chat tried. NOW is Sunday 22 November 2026, 10:00 in Shanghai.
describe('past days, weeks and the month end', () => {
  const cases: [text: string, now: Date, at: string][] = [
    // 昨天 and 前天 are days before today (before the fix 昨天上午9点 was read as today 09:00).
    ['昨天上午9点', NOW, '2026-11-21T09:00'],
    ['昨日下午3点', NOW, '2026-11-21T15:00'],
    ['前天下午3点', NOW, '2026-11-20T15:00'],
    ['大前天上午9点', NOW, '2026-11-19T09:00'],
    ['昨晚8点', NOW, '2026-11-21T20:00'],
    ['昨天上午9点', NYE, '2026-12-30T09:00'],
    ['昨天上午9点', JUST_AFTER_MIDNIGHT, '2026-11-22T09:00'],
    // 上周五 is last calendar week's Friday (weeks start on Monday), not this coming Friday.
    ['上周五上午9点', NOW, '2026-11-13T09:00'],
    ['上星期一 9:00', NOW, '2026-11-09T09:00'],
    ['上个礼拜三下午2点', NOW, '2026-11-11T14:00'],
    ['上周五上午9点', NYE, '2026-12-25T09:00'],
    // 下周X is next calendar week's; 周X the next one after today.
    ['下周三上午9点', NOW, '2026-11-25T09:00'],
    ['下周日上午9点', NOW, '2026-11-29T09:00'],
    ['下周一上午9点', MONTH_END, '2026-12-07T09:00'],
    ['周六上午9点', NOW, '2026-11-28T09:00'],
    ['周一上午9点', MONTH_END, '2026-12-07T09:00'],
    // X号 is the nearest such day; 月底 this month's last day.
    ['28号上午9点', NOW, '2026-11-28T09:00'],
    ['三十号 下午3点', NOW, '2026-11-30T15:00'],
    ['5号上午9点', NYE, '2027-01-05T09:00'],
    ['月底上午9点', NOW, '2026-11-30T09:00'],
    ['本月底下午3点', NOW, '2026-11-30T15:00'],
    ['月底晚上7点', MONTH_END, '2026-11-30T19:00'],
    ['月底上午9点', NYE, '2026-12-31T09:00'],
  ];
  it.each(labelled(cases))('%s at %s → %s', (text, _label, at, now) => {
    expect(when(text, now)).toBe(sh(at));
  });

  it("leaves 下个月底 vague rather than reading this month's end", () => {
    expect(readWhen('下个月底上午9点').when.date).toBeUndefined();
  });
});
