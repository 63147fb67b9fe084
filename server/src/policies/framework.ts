// A city framework and its counties (003 三(二)): a county's rules must stay within the city's
// bounds, and the county's rules give an elder's monthly home-care time and what that time costs at
// the county's hourly minimum wage. Pure: no database, no clock (the caller passes the dates).
import { countyRulesProblems, countyRulesSchema, type CountyRules, type CountyRulesInput } from './policy.framework.js';
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
  const problems = countyRulesProblems(parent, c);
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

type SelfCare = 'SELF_CARE' | 'PARTIAL' | 'DISABLED';

/** The county document covering a region path ("410300/410323/…"), if the framework has one for it. */
export function countyFor(doc: PolicyDocument, regionPath: string): CountyRules | null {
  const codes = regionPath.split('/');
  return doc.framework?.counties.find((c) => codes.includes(c.regionCode)) ?? null;
}

/**
 * An elder's hours a day (三(二): 1-3 个小时 by self-care level): the county's document where there is
 * one, the framework's own levels otherwise; null when the programme sets no daily hours.
 */
export function hoursPerDayFor(doc: PolicyDocument, regionPath: string, selfCare: SelfCare): number | null {
  const county = countyFor(doc, regionPath);
  if (county) return county.homeCareHours.bySelfCare[selfCare];
  return doc.homeCareHours?.bySelfCare[selfCare] ?? null;
}

/** 三(二): hours a day × days in the month × 60, for an elder living at `regionPath`. */
export function homeCareMinutesFor(doc: PolicyDocument, regionPath: string, selfCare: SelfCare, month: string) {
  const hoursPerDay = hoursPerDayFor(doc, regionPath, selfCare);
  if (hoursPerDay === null) return null;
  const days = daysIn(month);
  return { hoursPerDay, days, minutes: hoursPerDay * days * 60 };
}

/** Every county's wage periods of the programme, flat (settlement values minutes with them in SQL). */
export const minimumWagePeriods = (doc: PolicyDocument) =>
  (doc.framework?.counties ?? []).flatMap((c) =>
    c.minimumWage.map((w) => ({ regionCode: w.regionCode, from: w.from, to: w.to ?? null, fenPerHour: w.fenPerHour })),
  );
