// LUOYANG_2013 (document 003) as data: the city framework, its county rules within its bounds, the
// daily home-care hours by self-care level and their value at the county's hourly minimum wage.
import { describe, expect, it } from 'vitest';
import {
  CountyRulesRefused,
  homeCareMinutesFor,
  monthlyHomeCareMinutes,
  parseCountyRules,
  valueAtMinimumWage,
} from './framework.js';
import { parsePolicyDocument, type PolicyDocument } from './policy.schema.js';
import { luoyang2013 } from './documents/luoyang-2013.js';
import { LUOYANG_COUNTY_INPUTS } from './documents/luoyang-2013.counties.js';
import type { CountyRulesInput } from './policy.framework.js';

const doc: PolicyDocument = parsePolicyDocument(luoyang2013);
const luoyangCounties = doc.framework!.counties;
const xinan = LUOYANG_COUNTY_INPUTS[1]!;
const county = (over: Partial<CountyRulesInput>) => ({ ...xinan, ...over }) as CountyRulesInput;
const refused = (input: CountyRulesInput) => {
  try {
    parseCountyRules(doc, input);
  } catch (e) {
    if (e instanceof CountyRulesRefused) return e.problems.join('; ');
    throw e;
  }
  return null;
};

describe('LUOYANG_2013, the city framework (003)', () => {
  it('lists the eligible categories of 二(二)1 and records both readings of the model-worker clause', () => {
    expect(doc.eligibility.categories.map((c) => c.code)).toEqual([
      'LY_URBAN_THREE_NO',
      'LY_FAMILY_PLANNING_HARDSHIP',
      'LY_LOW_INCOME_DEPENDENT',
      'LY_MODEL_WORKER',
      'LY_ENTITLED_HARDSHIP',
      'LY_OTHER_HARDSHIP',
    ]);
    const reading = doc.framework!.readings[0]!;
    expect(reading.options.map((o) => o.code)).toEqual(['READING_A', 'READING_B']);
    expect(reading).toMatchObject({ chosen: 'READING_A', source: '003 二(二)1' });
    // Reading A: a provincial model worker qualifies without a hardship flag.
    const mw = doc.eligibility.categories.find((c) => c.code === 'LY_MODEL_WORKER')!;
    expect(mw.conditions[0]!.flagsAll).toEqual(['PROVINCIAL_MODEL_WORKER']);
  });

  it('offers the nine services of 二(二)1, each priced below its market price (三(二))', () => {
    expect(doc.serviceGuide.items.map((i) => i.name)).toEqual([
      '助餐',
      '助洁',
      '助浴',
      '助医',
      '助行',
      '助购',
      '文化娱乐',
      '精神慰藉',
      '法律维权',
    ]);
    const dear = structuredClone(luoyang2013) as any;
    dear.serviceGuide.items[0].priceFen = 2000; // 助餐 at its market price
    expect(() => parsePolicyDocument(dear)).toThrow(/LY_MEAL is not below its market price/);
  });

  it('holds 1/2/3 hours a day by self-care level within [1, 3] (三(二), levels assumed)', () => {
    expect(doc.homeCareHours).toMatchObject({ min: 1, max: 3, bySelfCare: { SELF_CARE: 1, PARTIAL: 2, DISABLED: 3 } });
    expect(doc.homeCareHours!.assumed).toBe(true);
  });
});

describe('county rules within the framework (三(二))', () => {
  it('loads the county rules of the seed, each validated against the city', () => {
    expect(luoyangCounties.map((c) => c.regionCode)).toEqual(['410302', '410323']);
  });

  it('refuses a county outside its parent’s bounds: 4 hours, a price at the market, another city’s region', () => {
    expect(
      refused(
        county({ homeCareHours: { bySelfCare: { SELF_CARE: 1, PARTIAL: 2, DISABLED: 4 }, source: '003 三(二)' } }),
      ),
    ).toMatch(/DISABLED: 4 h is outside the framework's \[1, 3\]/);
    expect(refused(county({ prices: [{ code: 'LY_CLEANING', priceFen: 3000 }] }))).toMatch(
      /not below the market's 3000/,
    );
    expect(refused(county({ regionCode: '420116', minimumWage: [] }))).toMatch(/not a county of LUOYANG_2013/);
    expect(refused(county({ readings: { MODEL_WORKER_HARDSHIP: 'READING_C' } }))).toMatch(/no option READING_C/);
  });

  it('refuses a minimum-wage table with overlapping periods', () => {
    const overlapping = county({
      minimumWage: [
        { regionCode: '410323', from: '2026-01-01', to: '2026-06-30', fenPerHour: 1500, source: '003 三(二)' },
        { regionCode: '410323', from: '2026-06-01', fenPerHour: 1700, source: '003 三(二)' },
      ],
    });
    expect(refused(overlapping)).toMatch(/overlaps period 0 of region 410323/);
  });
});

describe('hours and their value (三(二): 每天 1-3 个小时, 参照小时最低工资标准核算)', () => {
  const wages = parseCountyRules(
    doc,
    county({
      minimumWage: [
        { regionCode: '410323', from: '2026-01-01', to: '2026-10-31', fenPerHour: 1500, source: '003 三(二)' },
        { regionCode: '410323', from: '2026-11-01', fenPerHour: 1700, source: '003 三(二)' },
      ],
    }),
  );

  it('a 失能 elder gets 3 h × 30 days = 90 h in a 30-day month, valued at the wage in force on the visit date', () => {
    const m = monthlyHomeCareMinutes(wages, 'DISABLED', '2026-11');
    expect(m).toEqual({ hoursPerDay: 3, days: 30, minutes: 90 * 60 });
    expect(valueAtMinimumWage(wages, '2026-11-18', m.minutes)).toMatchObject({ fenPerHour: 1700, fen: 90 * 1700 });
    expect(valueAtMinimumWage(wages, '2026-10-31', m.minutes)).toMatchObject({ fenPerHour: 1500, fen: 90 * 1500 });
  });

  it('counts the days of the month: 自理 1 h × 31 in January, 半失能 2 h × 28 in February', () => {
    expect(monthlyHomeCareMinutes(wages, 'SELF_CARE', '2026-01').minutes).toBe(31 * 60);
    expect(monthlyHomeCareMinutes(wages, 'PARTIAL', '2026-02').minutes).toBe(2 * 28 * 60);
  });

  it('says the wage is pendingSource where the seed gives no figure, and values nothing', () => {
    expect(valueAtMinimumWage(luoyangCounties[1]!, '2026-11-18', 60)).toEqual({
      fenPerHour: null,
      reason: 'PENDING_SOURCE',
      source: '003 三(二)',
      fen: null,
    });
  });
});

describe('the county documents inside the city document (三(二))', () => {
  it('refuses the whole programme when one county steps outside the framework', () => {
    const bad = structuredClone(luoyang2013) as any;
    bad.framework.counties[0].homeCareHours.bySelfCare.DISABLED = 4;
    expect(() => parsePolicyDocument(bad)).toThrow(/DISABLED: 4 h is outside the framework's \[1, 3\]/);
    const twice = structuredClone(luoyang2013) as any;
    twice.framework.counties.push(twice.framework.counties[0]);
    expect(() => parsePolicyDocument(twice)).toThrow(/two documents for 410302/);
  });

  it("reads an elder's month from the county covering the community, else the framework's levels", () => {
    const own = structuredClone(luoyang2013) as any;
    own.framework.counties[1].homeCareHours.bySelfCare = { SELF_CARE: 1, PARTIAL: 2, DISABLED: 2 };
    const d = parsePolicyDocument(own);
    expect(homeCareMinutesFor(d, '410300/410323/410323100/410323100001', 'DISABLED', '2026-11')).toEqual({
      hoursPerDay: 2,
      days: 30,
      minutes: 2 * 30 * 60,
    });
    expect(homeCareMinutesFor(d, '410300/410302/410302001/410302001001', 'DISABLED', '2026-11')!.minutes).toBe(5400);
    expect(homeCareMinutesFor(d, '410300/410399', 'PARTIAL', '2026-02')!.minutes).toBe(2 * 28 * 60);
  });
});
