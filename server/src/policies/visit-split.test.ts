// 001 三(三) 每月4小时（要分次进行）: the rule function on the programme documents as they are.
import { describe, expect, it } from 'vitest';
import { policyByCode } from './documents/index.js';
import { checkVisitSplit, maxMinutesPerVisit } from './visit-split.js';

const yc = policyByCode('YANGCHENG_2026')!;
const hp = policyByCode('HUANGPI_2020')!;
const hourly = { mode: 'OFFLINE' as const, unitMinutes: 60 };

describe('visit split', () => {
  it('Yangcheng: one visit uses at most 240 - 60 = 180 of the monthly minutes, so the 4 hours take two visits', () => {
    expect(yc.allowance.minVisitsPerMonth).toBe(2);
    expect(maxMinutesPerVisit(yc, hourly)).toBe(180);
    expect(checkVisitSplit(yc, hourly, 3)).toEqual({ ok: true });
    const four = checkVisitSplit(yc, hourly, 4);
    expect(four).toMatchObject({ ok: false, maxMinutes: 180, maxQuantity: 3, source: '001 三(三)' });
    expect(four.ok === false && four.message).toMatch(
      /每月 4 小时服务要分 2 次以上进行（001 三\(三\)），一次最多预约 3 小时/,
    );
  });

  it('follows the data: three visits of at least an hour leave two hours for one visit', () => {
    const three = { ...yc, allowance: { ...yc.allowance, minVisitsPerMonth: 3 } };
    expect(maxMinutesPerVisit(three, hourly)).toBe(120);
    expect(checkVisitSplit(three, hourly, 3).ok).toBe(false);
  });

  it('Huangpi sets no split (money buckets, no minimum visits): any quantity passes', () => {
    expect(maxMinutesPerVisit(hp, hourly)).toBeNull();
    expect(checkVisitSplit(hp, hourly, 20)).toEqual({ ok: true });
  });
});
