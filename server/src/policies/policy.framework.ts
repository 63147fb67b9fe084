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
    source,
  })
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
