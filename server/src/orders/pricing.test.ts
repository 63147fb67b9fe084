// The split of an order between subsidy and self-paid money, on the real programme documents.
import { describe, expect, it } from 'vitest';
import { policyByCode } from '../policies/documents/index.js';
import { chargeForVisit, priceOrder } from './pricing.js';

const huangpi = policyByCode('HUANGPI_2020')!;
const yangcheng = policyByCode('YANGCHENG_2026')!;
const item = (doc: typeof huangpi, code: string) => doc.serviceGuide.items.find((i) => i.code === code)!;

describe('priceOrder', () => {
  it('000 四/七: an offline item is paid from the 70 元 offline bucket first, the overage self-paid', () => {
    // 居室清洁 30 元/60 分钟 × 3 = 90 元 against 70 元 of offline subsidy.
    const s = priceOrder(huangpi, item(huangpi, 'HP_ROOM_CLEANING'), 3, {
      SUBSIDY_OFFLINE: 7000,
      SUBSIDY_ONLINE: 3000,
      SELF_PAID: 5000,
    });
    expect(s).toMatchObject({ amountFen: 9000, subsidyFen: 7000, selfPaidFen: 2000, shortFen: 0 });
    expect(s.holds).toEqual([
      { kind: 'SUBSIDY_OFFLINE', amount: 7000 },
      { kind: 'SELF_PAID', amount: 2000 },
    ]);
  });

  it('000 七: the online bucket never pays for offline services', () => {
    const s = priceOrder(huangpi, item(huangpi, 'HP_BATHING'), 1, {
      SUBSIDY_OFFLINE: 0,
      SUBSIDY_ONLINE: 3000,
      SELF_PAID: 0,
    });
    expect(s).toMatchObject({ amountFen: 6000, subsidyFen: 0, selfPaidFen: 6000, shortFen: 6000 });
  });

  it('001 三(三): hours come from the 240-minute bucket, worth at most 35 元 an hour', () => {
    const cleaning = yangcheng.serviceGuide.items.find((i) => i.mode === 'OFFLINE' && i.unit === 'PER_HOUR')!;
    const s = priceOrder(yangcheng, cleaning, 2, { SUBSIDY_HOURS: 240, SELF_PAID: 0 });
    expect(s).toMatchObject({
      amountFen: 7000,
      subsidyMinutes: 120,
      subsidyMinutesValueFen: 7000,
      selfPaidFen: 0,
      shortFen: 0,
    });
    expect(s.holds).toEqual([{ kind: 'SUBSIDY_HOURS', amount: 120 }]);
  });

  it(
    '001 三(三)/五(二)2: a provider price above the 35 元 cap is split; the charge for a shorter visit keeps the ' +
      'split',
    () => {
      const cleaning = yangcheng.serviceGuide.items.find((i) => i.mode === 'OFFLINE' && i.unit === 'PER_HOUR')!;
      const own = { ...cleaning, priceFen: 5000 };
      const s = priceOrder(yangcheng, own, 2, { SUBSIDY_HOURS: 240, SELF_PAID: 5000 });
      expect(s).toMatchObject({
        amountFen: 10000,
        subsidyMinutes: 120,
        subsidyMinutesValueFen: 7000,
        selfPaidFen: 3000,
        shortFen: 0,
      });
      // Below the cap the subsidy pays it all.
      expect(
        priceOrder(yangcheng, { ...cleaning, priceFen: 3000 }, 2, { SUBSIDY_HOURS: 240, SELF_PAID: 0 }),
      ).toMatchObject({ amountFen: 6000, subsidyMinutesValueFen: 6000, selfPaidFen: 0 });
      // 60 of 120 minutes: 50 元 charged, 60 subsidy minutes (35 元) and 15 元 self-paid.
      const holds = [
        { holdId: 'm', kind: 'SUBSIDY_HOURS' as const, unit: 'MINUTE' as const, amount: 120 },
        { holdId: 'f', kind: 'SELF_PAID' as const, unit: 'FEN' as const, amount: 3000 },
      ];
      const c = chargeForVisit(yangcheng, cleaning, { quantity: 2, amountFen: 10000 }, holds, 60);
      expect(c).toEqual({
        payableMinutes: 60,
        chargedFen: 5000,
        parts: [
          { holdId: 'm', amount: 60 },
          { holdId: 'f', amount: 1500 },
        ],
      });
    },
  );

  it("001 三(三): beyond the month's hours the elder pays, and is told how much is missing", () => {
    const cleaning = yangcheng.serviceGuide.items.find((i) => i.mode === 'OFFLINE' && i.unit === 'PER_HOUR')!;
    const s = priceOrder(yangcheng, cleaning, 3, { SUBSIDY_HOURS: 120, SELF_PAID: 1000 });
    expect(s).toMatchObject({
      amountFen: 10500,
      subsidyMinutes: 120,
      subsidyMinutesValueFen: 7000,
      selfPaidFen: 3500,
      shortFen: 2500,
    });
  });
});
