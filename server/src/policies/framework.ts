// A city framework and its counties (003 三(二)): a county's rules must stay within the city's
// bounds, and the county's rules give an elder's monthly home-care time and what that time costs at
// the county's hourly minimum wage. Pure: no database, no clock (the caller passes the dates).
import { countyRulesSchema, type CountyRules, type CountyRulesInput } from './policy.framework.js';
import { documentProblems, type PolicyDocument } from './policy.schema.js';

export class CountyRulesRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`county rules outside the framework: ${problems.join('; ')}`);
  }
}

/** Validates a county's rules against its parent; throws CountyRulesRefused listing every problem. */
export function parseCountyRules(parent: PolicyDocument, input: CountyRulesInput): CountyRules {
  const parsed = countyRulesSchema.safeParse(input);
  if (!parsed.success) throw new CountyRulesRefused([documentProblems(parsed.error)]);
  const c = parsed.data;
  const problems: string[] = [];
  if (c.parentCode !== parent.code) problems.push(`parent is ${parent.code}, not ${c.parentCode}`);
  const districts = parent.facilities?.funding.districts.map((d) => d.regionCode) ?? [];
  if (!districts.includes(c.regionCode)) problems.push(`region ${c.regionCode} is not a county of ${parent.code}`);
  const bounds = parent.homeCareHours;
  if (!bounds) problems.push(`${parent.code} sets no home-care hours`);
  else
    for (const [level, h] of Object.entries(c.homeCareHours.bySelfCare))
      if (h < bounds.min || h > bounds.max)
        problems.push(`homeCareHours.${level}: ${h} h is outside the framework's [${bounds.min}, ${bounds.max}]`);
  const market = new Map(parent.marketPrices?.items.map((i) => [i.code, i.marketFen]) ?? []);
  for (const p of c.prices) {
    const m = market.get(p.code);
    if (m === undefined) problems.push(`prices.${p.code}: not an item of the framework`);
    else if (p.priceFen >= m) problems.push(`prices.${p.code}: ${p.priceFen} fen is not below the market's ${m}`);
  }
  for (const r of parent.framework?.readings ?? []) {
    const chosen = c.readings[r.code];
    if (chosen && !r.options.some((o) => o.code === chosen)) problems.push(`readings.${r.code}: no option ${chosen}`);
  }
  if (c.minimumWage.some((w) => w.regionCode !== c.regionCode))
    problems.push('minimumWage: every period must be the county’s own');
  if (problems.length) throw new CountyRulesRefused(problems);
  return c;
}

const daysIn = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** 三(二): hours a day by self-care level × days in the month × 60 minutes. */
export function monthlyHomeCareMinutes(
  county: CountyRules,
  selfCare: 'SELF_CARE' | 'PARTIAL' | 'DISABLED',
  month: string,
): { hoursPerDay: number; days: number; minutes: number } {
  const hoursPerDay = county.homeCareHours.bySelfCare[selfCare];
  const days = daysIn(month);
  return { hoursPerDay, days, minutes: hoursPerDay * days * 60 };
}

/** The county's hourly minimum wage in force on a day (YYYY-MM-DD), or why there is none. */
export function wageInForce(county: CountyRules, on: string) {
  const row = county.minimumWage.find((w) => w.from <= on && (!w.to || on <= w.to));
  if (!row) return { fenPerHour: null, reason: 'NO_PERIOD' as const, source: null };
  if (row.fenPerHour === null) return { fenPerHour: null, reason: 'PENDING_SOURCE' as const, source: row.source };
  return { fenPerHour: row.fenPerHour, reason: null, source: row.source };
}

/** 参照本辖区小时最低工资标准核算购买服务工时费用: minutes valued at the wage in force on the visit's day. */
export function valueAtMinimumWage(county: CountyRules, visitDay: string, minutes: number) {
  const w = wageInForce(county, visitDay);
  return { ...w, fen: w.fenPerHour === null ? null : Math.round((w.fenPerHour * minutes) / 60) };
}
