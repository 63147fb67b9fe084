// The optional `facilities` section of the policy document (issue 20): the places where care
// happens (日间照料中心, 服务站点, 幸福食堂, 助餐点) and the grants that keep them running. A programme
// without facilities leaves it out and validates as before; every figure cites its clause.
import { z } from 'zod';
import { source, fen, code, regionCode, assumed } from './policy.parts.js';

export const FACILITY_KINDS = [
  'DAY_CARE_CENTRE',
  'SERVICE_STATION',
  'CANTEEN',
  'MEAL_POINT',
  'STREET_HUB',
  'COMPLEX',
] as const;
export const FUND_SOURCES = ['CITY_FINANCE', 'DISTRICT_FINANCE', 'COUNTY_FINANCE', 'LOTTERY_FUND', 'DONATION'] as const;

const kinds = z.array(z.enum(FACILITY_KINDS)).min(1);

/**
 * Minimum floor area by the community's elder count (003 二(一)2): a tier applies up to
 * `maxElders` (inclusive); the last tier has no upper bound. Minimums, so a facility below its
 * tier is flagged, never refused.
 */
const areaTiersSchema = z
  .object({
    kinds,
    tiers: z
      .array(
        z
          .object({
            tier: z.number().int().positive(),
            maxElders: z.number().int().positive().optional(),
            minAreaM2: z.number().int().positive(),
          })
          .strict(),
      )
      .min(1),
    /** New estates follow a national standard the seed does not hold (建标143-2010). */
    newEstates: z
      .object({ standard: z.string().min(1), pendingSource: z.literal(true), source })
      .strict()
      .optional(),
    source,
    ...assumed,
  })
  .strict()
  .superRefine((t, ctx) => {
    t.tiers.forEach((tier, i) => {
      const last = i === t.tiers.length - 1;
      if (last !== (tier.maxElders === undefined))
        ctx.addIssue({ code: 'custom', path: ['tiers', i], message: 'only the last tier is open-ended' });
      const prev = t.tiers[i - 1];
      if (prev && (tier.maxElders ?? Infinity) <= prev.maxElders! && !last)
        ctx.addIssue({ code: 'custom', path: ['tiers', i], message: 'tiers ascend by elder count' });
      if (prev && tier.minAreaM2 < prev.minAreaM2)
        ctx.addIssue({ code: 'custom', path: ['tiers', i], message: 'a larger tier needs at least as much area' });
    });
  });

/**
 * Who pays a grant: each district of the programme has a class (URBAN_DISTRICT, COUNTY, …), and each
 * class a list of shares adding up to 100%.
 * PROGRAMME_REGION is the programme's own region (the city of a city framework), FACILITY_DISTRICT
 * the district or county the facility lies in (003 三(一): 市、区两级财政各负担 50%; 各县（市）…
 * 所需资金由同级财政解决).
 */
const fundingSchema = z
  .object({
    districts: z.array(z.object({ regionCode, name: z.string().min(1), class: code }).strict()).min(1),
    shares: z
      .array(
        z
          .object({
            class: code,
            payer: z.enum(['PROGRAMME_REGION', 'FACILITY_DISTRICT']),
            fundSource: z.enum(FUND_SOURCES),
            percent: z.number().int().min(1).max(100),
          })
          .strict(),
      )
      .min(1),
    source,
  })
  .strict()
  .superRefine((f, ctx) => {
    for (const cls of new Set(f.districts.map((d) => d.class))) {
      const sum = f.shares.filter((s) => s.class === cls).reduce((n, s) => n + s.percent, 0);
      if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['shares'], message: `${cls} shares add up to ${sum}%` });
    }
  });

export const facilitiesSchema = z
  .object({
    areaTiers: areaTiersSchema.optional(),
    funding: fundingSchema,
    /** 一次性开办补助: a range by scale, after acceptance and some months of operation, clawed back if service stops. */
    startupGrant: z
      .object({
        kinds,
        minFen: fen,
        maxFen: fen,
        minOperatingMonths: z.number().int().nonnegative(),
        clawbackWithinMonths: z.number().int().positive(),
        source,
        ...assumed,
      })
      .strict()
      .refine((g) => g.minFen <= g.maxFen, { message: 'minFen above maxFen' })
      .optional(),
    /** 运行补贴: per square metre of the contracted service area, per month of operation. */
    operatingSubsidy: z
      .object({
        kinds,
        fenPerM2Month: fen,
        /** A month operated in part is paid for its operating days (PRO_RATA_DAYS). */
        partMonth: z.object({ rule: z.literal('PRO_RATA_DAYS'), source, ...assumed }).strict(),
        source,
      })
      .strict()
      .optional(),
    /** A flat yearly grant per facility (000 八: 每个幸福食堂每年补助 18 万元), paid in instalments. */
    annualGrant: z
      .object({
        kinds,
        fenPerYear: fen,
        /** Monthly instalments are accrued like the operating subsidy; 12 divides the year evenly. */
        instalmentsPerYear: z.literal(12),
        instalmentSource: source,
        ...assumed,
        source,
      })
      .strict()
      .refine((g) => g.fenPerYear % 12 === 0, { message: 'a yearly grant must split into whole fen per month' })
      .optional(),
    /**
     * 老年助餐运营补助 (002 二(二)7: 综合考虑助餐服务人次和质量、老年人满意度等情况): for a month of meals served at
     * a canteen or meal point, meals × `fenPerMeal` × the quality score (the month's latest food-safety
     * inspection, 0–100, at least `minQualityScore`) / 100 × the elders' average satisfaction (1–5) / 5,
     * rounded down to the fen; a month without ratings counts satisfaction as full. The source names the
     * factors but no figures: the figures are `pendingSource`.
     */
    mealSubsidy: z
      .object({
        kinds,
        fenPerMeal: fen,
        minQualityScore: z.number().int().min(0).max(100),
        pendingSource: z.boolean().optional(),
        source,
        ...assumed,
      })
      .strict()
      .optional(),
    /**
     * A centre's own services at three prices (003 二(一)3: 无偿、低偿、有偿相结合): free for elders with
     * the government's home-care subsidy (an active enrolment in the programme), the lower price for
     * low-income elders (any of `lowIncomeFlags`), the market price for others.
     */
    centrePricing: z
      .object({
        kinds,
        lowIncomeFlags: z.array(code).min(1),
        lowIncomeSource: source,
        source,
        ...assumed,
      })
      .strict()
      .optional(),
  })
  .strict();

export type FacilitiesSection = z.infer<typeof facilitiesSchema>;
