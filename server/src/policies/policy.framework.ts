// Optional sections for a city framework whose counties set the details (003 三(二): 各县（市、区）…
// 于今年 9 月底前出台…具体操作办法): daily home-care hours by self-care level, the hour valued at the
// county's hourly minimum wage, prices below the market, and the county documents that must stay
// within the city's bounds. Every section is optional, so other programmes validate as before.
import { z } from 'zod';
import { SELF_CARE, source, fen, day, code, regionCode, assumed } from './policy.parts.js';

const hours = z.number().int().min(0).max(24);

/** Hours a day by self-care level, within the framework's bounds (三(二): 每天提供 1-3 个小时). */
export const homeCareHoursSchema = z
  .object({
    min: hours,
    max: hours,
    bySelfCare: z.object({ SELF_CARE: hours, PARTIAL: hours, DISABLED: hours }).strict(),
    source,
    ...assumed,
  })
  .strict()
  .superRefine((h, ctx) => {
    for (const level of SELF_CARE)
      if (h.bySelfCare[level] < h.min || h.bySelfCare[level] > h.max)
        ctx.addIssue({ code: 'custom', path: ['bySelfCare', level], message: `outside [${h.min}, ${h.max}] hours` });
  });

/** The county's hourly minimum wage (小时最低工资标准) by period; periods of one region never overlap. */
export const minimumWageSchema = z
  .array(
    z
      .object({
        regionCode,
        from: day,
        to: day.optional(),
        fenPerHour: fen.nullable(),
        source,
        pendingSource: z.boolean().optional(),
        ...assumed,
      })
      .strict()
      .refine((p) => p.fenPerHour !== null || p.pendingSource === true, {
        message: 'a period without a figure must be marked pendingSource',
      })
      .refine((p) => !p.to || p.from <= p.to, { message: 'a period ends before it starts' }),
  )
  .superRefine((rows, ctx) => {
    const end = (p: { to?: string }) => p.to ?? '9999-12-31';
    rows.forEach((a, i) =>
      rows.forEach((b, j) => {
        if (j <= i || a.regionCode !== b.regionCode) return;
        if (a.from <= end(b) && b.from <= end(a))
          ctx.addIssue({ code: 'custom', path: [j], message: `overlaps period ${i} of region ${a.regionCode}` });
      }),
    );
  });

/** Market prices of the guide's items: the programme's price must be below each (三(二): 低于市场价格). */
export const marketPricesSchema = z
  .object({ items: z.array(z.object({ code, marketFen: fen }).strict()).min(1), source, ...assumed })
  .strict();

/** A county's own rules under a city framework: validated against the parent (framework.ts). */
export const countyRulesSchema = z
  .object({
    parentCode: code,
    regionCode,
    name: z.string().min(1),
    issuedOn: day,
    homeCareHours: z.object({ bySelfCare: homeCareHoursSchema.shape.bySelfCare, source, ...assumed }).strict(),
    /** The reading of each of the parent's ambiguous clauses the county takes. */
    readings: z.record(z.string(), code).default({}),
    /** The county's price for some guide items, each below the parent's market price. */
    prices: z.array(z.object({ code, priceFen: fen }).strict()).default([]),
    minimumWage: minimumWageSchema,
    source,
  })
  .strict();

export type CountyRules = z.infer<typeof countyRulesSchema>;
export type CountyRulesInput = z.input<typeof countyRulesSchema>;

/** What a framework leaves to its counties, and by when (三(二)). */
export const frameworkSchema = z
  .object({
    countiesDecideBy: day,
    /** Two readings of an ambiguous clause, and the one the framework takes. */
    readings: z
      .array(
        z
          .object({
            code,
            question: z.string().min(1),
            options: z.array(z.object({ code, text: z.string().min(1) }).strict()).min(2),
            chosen: code,
            source,
            note: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    /** The county documents (三(二)), each checked against this framework (countyRulesProblems). */
    counties: z.array(countyRulesSchema).default([]),
    source,
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.counties.forEach((c, i) => {
      if (seen.has(c.regionCode))
        ctx.addIssue({ code: 'custom', path: ['counties', i], message: `two documents for ${c.regionCode}` });
      seen.add(c.regionCode);
    });
  });

/**
 * 补贴券 (三(二): 政府可通过发放补贴券或购买服务时间等形式): a month's book of vouchers per enrolled
 * elder, one per day of the month, each worth one day's hours (homeCareHours); a verified visit
 * redeems one. Valid in the month of issue; rollover is not stated (NONE, assumed).
 */
export const vouchersSchema = z
  .object({
    /** MINUTE: the day's hours; FEN: the day's hours at the county's minimum wage on the issue day. */
    unit: z.enum(['MINUTE', 'FEN']),
    perMonth: z.literal('ONE_PER_DAY'),
    validity: z.literal('ISSUE_MONTH'),
    rollover: z.literal('NONE'),
    /** Printed before the serial, so a scanned code names its programme. */
    serialPrefix: z.string().regex(/^[A-Z]{2,4}$/),
    source,
    ...assumed,
  })
  .strict();

/** What a county's rules break of its framework's bounds (三(二)); empty when it stays within them. */
export function countyRulesProblems(
  parent: {
    code: string;
    facilities?: { funding: { districts: { regionCode: string }[] } };
    homeCareHours?: { min: number; max: number };
    marketPrices?: { items: { code: string; marketFen: number }[] };
    framework?: { readings: { code: string; options: { code: string }[] }[] };
  },
  c: CountyRules,
): string[] {
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
  return problems;
}

/** The guide's prices checked against the market prices (三(二)); one problem per item at or above it. */
export function marketPriceProblems(doc: {
  serviceGuide: { items: { code: string; priceFen: number | null }[] };
  marketPrices?: z.infer<typeof marketPricesSchema>;
}): { path: (string | number)[]; message: string }[] {
  if (!doc.marketPrices) return [];
  const market = new Map(doc.marketPrices.items.map((i) => [i.code, i.marketFen]));
  return doc.serviceGuide.items.flatMap((item, i) => {
    const m = market.get(item.code);
    if (m === undefined) return [{ path: ['marketPrices', 'items'], message: `no market price for ${item.code}` }];
    if (item.priceFen !== null && item.priceFen >= m)
      return [{ path: ['serviceGuide', 'items', i], message: `${item.code} is not below its market price ${m}` }];
    return [];
  });
}
