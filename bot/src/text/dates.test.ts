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

describe('formatDateTimeCn', () => {
  it.each([
    ['2026-11-23T09:00:00+08:00', '11月23日(周一) 09:00'],
    ['2026-11-22T16:30:00Z', '11月23日(周一) 00:30'],
    ['2027-01-01T01:05:00Z', '1月1日(周五) 09:05'],
    ['2026-11-22T23:59:00+08:00', '11月22日(周日) 23:59'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDateTimeCn(new Date(iso))).toBe(expected);
  });
});
