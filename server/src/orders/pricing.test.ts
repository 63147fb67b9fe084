// The split of an order between subsidy and self-paid money, on the real programme documents.
import { describe, expect, it } from 'vitest';
import { policyByCode } from '../policies/documents/index.js';
import { priceOrder } from './pricing.js';

const huangpi = policyByCode('HUANGPI_2020')!;
const yangcheng = policyByCode('YANGCHENG_2026')!;
const item = (doc: typeof huangpi, code: string) => doc.serviceGuide.items.find((i) => i.code === code)!;

describe('priceOrder', () => {
  it('000 四/七: an offline item is paid from the 70 元 offline bucket first, the overage self-paid', () => {
    // 居室清洁 30 元/60 分钟 × 3 = 90 元 against 70 元 of offline subsidy.
    const s = priceOrder(huangpi, item(huangpi, 'HP_ROOM_CLEANING'), 3, { SUBSIDY_OFFLINE: 7000, SUBSIDY_ONLINE: 3000, SELF_PAID: 5000 });
    expect(s).toMatchObject({ amountFen: 9000, subsidyFen: 7000, selfPaidFen: 2000, shortFen: 0 });
    expect(s.holds).toEqual([{ kind: 'SUBSIDY_OFFLINE', amount: 7000 }, { kind: 'SELF_PAID', amount: 2000 }]);
  });

  it('000 七: the online bucket never pays for offline services', () => {
    const s = priceOrder(huangpi, item(huangpi, 'HP_BATHING'), 1, { SUBSIDY_OFFLINE: 0, SUBSIDY_ONLINE: 3000, SELF_PAID: 0 });
    expect(s).toMatchObject({ amountFen: 6000, subsidyFen: 0, selfPaidFen: 6000, shortFen: 6000 });
  });

  it('001 三(三): hours come from the 240-minute bucket, worth at most 35 元 an hour', () => {
    const cleaning = yangcheng.serviceGuide.items.find((i) => i.mode === 'OFFLINE' && i.unit === 'PER_HOUR')!;
    const s = priceOrder(yangcheng, cleaning, 2, { SUBSIDY_HOURS: 240, SELF_PAID: 0 });
    expect(s).toMatchObject({ amountFen: 7000, subsidyMinutes: 120, subsidyMinutesValueFen: 7000, selfPaidFen: 0, shortFen: 0 });
    expect(s.holds).toEqual([{ kind: 'SUBSIDY_HOURS', amount: 120 }]);
  });

  it('001 三(三): beyond the month\'s hours the elder pays, and is told how much is missing', () => {
    const cleaning = yangcheng.serviceGuide.items.find((i) => i.mode === 'OFFLINE' && i.unit === 'PER_HOUR')!;
    const s = priceOrder(yangcheng, cleaning, 3, { SUBSIDY_HOURS: 120, SELF_PAID: 1000 });
    expect(s).toMatchObject({ amountFen: 10500, subsidyMinutes: 120, subsidyMinutesValueFen: 7000, selfPaidFen: 3500, shortFen: 2500 });
  });
});
