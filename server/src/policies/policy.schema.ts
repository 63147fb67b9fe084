// The policy document: a programme's rules as validated data, so code never names a county. Every
// rule cites the clause it encodes as "<document> <clause>", e.g. "000 七"; docs/GLOSSARY.md gives
// the official title and document number behind each of 000–004.
import { z } from 'zod';
import {
  FLAGS,
  ROLES_DECIDING,
  VISIT_EVIDENCE,
  CALL_KINDS,
  source,
  fen,
  minutes,
  day,
  code,
  regionCode,
  assumed,
  conditionSchema,
  categorySchema,
  bucketSchema,
  itemSchema,
} from './policy.parts.js';
import * as sections from './policy.sections.js';
import { facilitiesSchema } from './policy.facilities.js';
import * as framework from './policy.framework.js';
import { callsSchema } from './policy.calls.js';
import { oversightSchema } from './policy.oversight.js';
import * as supervision from './policy.supervision.js';
import { creditSchema } from './policy.credit.js';
import { goalsSchema, trainingSchema } from './policy.goals.js';

export {
  FLAGS,
  SELF_CARE,
  ROLES_DECIDING,
  TERMINATION_REASONS,
  VISIT_EVIDENCE,
  CALL_KINDS,
  conditionSchema,
  categorySchema,
} from './policy.parts.js';

export const policySchema = z
  .object({
    code,
    name: z.string().min(1),
    issuer: z.string().min(1),
    documentNumber: z.string().optional(),
    issuedOn: day,
    sourceFile: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
    region: z
      .object({
        code: regionCode,
        name: z.string().min(1),
        /** A box around the region, in degrees: an elder's home coordinates must lie inside it. */
        bounds: z
          .object({
            south: z.number().min(-90).max(90),
            north: z.number().min(-90).max(90),
            west: z.number().min(-180).max(180),
            east: z.number().min(-180).max(180),
            source,
            ...assumed,
          })
          .strict()
          .refine((b) => b.south < b.north && b.west < b.east, {
            message: 'bounds must have south < north and west < east',
          })
          .optional(),
      })
      .strict(),
    effective: z.object({ from: day, to: day.optional() }).strict(),
    eligibility: z
      .object({
        minAge: z.number().int().min(0),
        hukouInRegion: z.boolean(),
        livesInRegion: z.boolean(),
        residenceSource: source,
        categories: z.array(categorySchema).min(1),
        exclusions: z.array(z.object({ flag: z.enum(FLAGS), reason: z.string().min(1), source }).strict()).default([]),
        /** Elders outside every category may still buy services at their own cost (000 四 注). */
        othersMaySelfPay: z.boolean(),
      })
      .strict(),
    workflow: z
      .object({
        stages: z
          .array(
            z
              .object({
                stage: z.enum(['COMMUNITY_REVIEW', 'PUBLIC_NOTICE', 'STREET_REVIEW', 'DISTRICT_FILING']),
                role: z.enum(ROLES_DECIDING).optional(),
                days: z.number().int().positive().optional(),
                ...assumed,
              })
              .strict(),
          )
          .min(1),
        /** Stages for elders that officials screen from the registry rather than apply (001 七(一)). */
        screeningStages: z
          .array(z.enum(['COMMUNITY_REVIEW', 'PUBLIC_NOTICE', 'STREET_REVIEW', 'DISTRICT_FILING']))
          .optional(),
        source,
      })
      .strict()
      .refine(
        (w) => w.stages.every((s) => (s.stage === 'PUBLIC_NOTICE' ? s.days !== undefined : s.role !== undefined)),
        {
          message: 'review stages need a deciding role and the public notice a length in days',
        },
      ),
    allowance: z
      .object({
        /** The programme's stated monthly total in fen, when it states one; buckets must add up to it. */
        monthlyTotalFen: fen.optional(),
        /** Empty only where the project pays each agreed visit itself (visitAgreements.paidFrom). */
        buckets: z.array(bucketSchema),
        overagePaidByElder: z.boolean(),
        overageNote: z.string().optional(),
        /** The monthly time must be spread over at least this many visits (001 三(三) "要分次进行"). */
        minVisitsPerMonth: z.number().int().positive().optional(),
        /**
         * How the split is enforced at ordering: one visit may use at most the monthly time minus
         * (minVisitsPerMonth - 1) shortest visits of `minVisitMinutes`, so the rest needs another visit.
         */
        visitSplit: z
          .object({ minVisitMinutes: z.number().int().positive(), source, ...assumed })
          .strict()
          .optional(),
        clearing: z.array(
          z
            .object({
              on: z.enum(['ENROLMENT_ANNIVERSARY', 'DEATH', 'HUKOU_MOVED_OUT', 'MONTH_END', 'TERMINATION']),
              source,
            })
            .strict(),
        ),
        source,
      })
      .strict(),
    serviceGuide: z.object({ items: z.array(itemSchema).min(1) }).strict(),
    outreach: z.array(
      z
        .object({
          kind: z.enum(CALL_KINDS),
          name: z.string().min(1),
          cadence: z.enum(['WEEKLY', 'MONTHLY', 'BIRTHDAY', 'FESTIVALS', 'AFTER_SERVICE', 'ON_DEMAND']),
          festivals: z.array(z.string()).optional(),
          source,
          ...assumed,
        })
        .strict(),
    ),
    visits: z
      .object({
        /** Check-in is accepted from `earlyMinutes` before the booked time to `lateMinutes` after it. */
        checkInWindow: z.object({ earlyMinutes: minutes, lateMinutes: minutes, source, ...assumed }).strict(),
        /**
         * When a home visit may start, in minutes after local midnight (from inclusive, until inclusive);
         * items marked `anyHour` (night care) are exempt. Absent: the programme sets no hours.
         */
        bookingHours: z
          .object({
            fromMinute: minutes.max(1440),
            untilMinute: minutes.max(1440),
            source,
            ...assumed,
          })
          .strict()
          .refine((h) => h.fromMinute < h.untilMinute, { message: 'booking hours start before they end' })
          .optional(),
        /** What makes a visit payable: someone other than the provider vouching for it. */
        evidence: z.object({ accepted: z.array(z.enum(VISIT_EVIDENCE)).min(1), source, ...assumed }).strict(),
        /** Hourly items are charged by measured time, rounded up to this step, never above the booking. */
        hourlyChargeStepMinutes: z.number().int().positive(),
        hourlySource: source,
        ...assumed,
      })
      .strict(),
    timeLimits: z
      .object({
        followUpHours: z.number().int().positive().optional(),
        complaintHours: z.number().int().positive().optional(),
        complaintRevisitUntilSatisfied: z.boolean(),
        terminationEffective: z.enum(['NEXT_MONTH', 'IMMEDIATE']),
        source,
      })
      .strict(),
    missedContact: z
      .object({
        unansweredCalls: z.number().int().positive(),
        windowHours: z.number().int().positive(),
        noOrderDays: z.number().int().positive(),
        source,
        ...assumed,
      })
      .strict()
      .optional(),
    penalties: supervision.penaltiesSchema,
    caregivers: supervision.caregiversSchema,
    settlement: z
      .object({
        /** Statements are built per calendar month; `assumed` where the source only says periodic (001 七(三) 定期结算). */
        cycle: z.literal('MONTHLY'),
        cycleSource: source.optional(),
        ...assumed,
        basis: z.string().min(1),
        /**
         * The online platform's fee per elder served in the month (000 七: 线上服务按实际服务人数按月据实结算),
         * posted from the programme's budget to the platform's payable on approval, never into an elder's wallet.
         */
        platformFee: z
          .object({ fenPerServedElder: fen, served: z.string().min(1), source, ...assumed })
          .strict()
          .optional(),
        evaluationRequired: z.boolean(),
        failedEvaluationHolds: z.boolean(),
        documents: z.array(z.string()).default([]),
        source,
      })
      .strict(),
    exceptions: supervision.exceptionsSchema,
    terminationReasons: supervision.terminationReasonsSchema,
    /** The reviews a termination request passes, in order, before it takes effect (000 附件3). */
    terminationReview: supervision.terminationReviewSchema,
    /**
     * The programme that carries on after `effective.to`: applications approved too late to start in
     * this one enrol there.
     */
    successor: z
      .object({ code, source, ...assumed })
      .strict()
      .optional(),
    /** Optional sections (policy.sections.ts): phases, targets, care beds and home-visit agreements (004). */
    phases: sections.phasesSchema.optional(),
    dataEntry: sections.dataEntrySchema.optional(),
    targets: sections.targetsSchema.optional(),
    careBeds: sections.careBedsSchema.optional(),
    visitAgreements: sections.visitAgreementsSchema.optional(),
    /** Facilities and their grants (policy.facilities.ts; 003 二(一), 三(一); 000 八). */
    facilities: facilitiesSchema.optional(),
    /** A city framework's county rules, hours, wage and market prices (policy.framework.ts; 003 三(二)). */
    framework: framework.frameworkSchema.optional(),
    homeCareHours: framework.homeCareHoursSchema.optional(),
    marketPrices: framework.marketPricesSchema.optional(),
    vouchers: framework.vouchersSchema.optional(),
    /** Telephone lines and the online services that are calls, not bookings (policy.calls.ts; 000 四). */
    calls: callsSchema.optional(),
    /** Star ratings and the 10-minute service circle (policy.oversight.ts; 003 四(三), 二(二)2). */
    oversight: oversightSchema.optional(),
    /** Credit records, their score and its consequences (policy.credit.ts; 002 二(三)10). */
    credit: creditSchema.optional(),
    /** Targets with deadlines, their progress computed from records (policy.goals.ts; 002 二(二)4–7). */
    goals: goalsSchema.optional(),
    /** Family-carer training and its subsidy (policy.goals.ts; 002 二(二)6). */
    training: trainingSchema.optional(),
    zones: z
      .array(
        z
          .object({
            code,
            name: z.string().min(1),
            regionCodes: z.array(regionCode).min(1),
            townNames: z.array(z.string()).optional(),
            source,
            ...assumed,
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((doc, ctx) => {
    for (const p of framework.marketPriceProblems(doc)) ctx.addIssue({ code: 'custom', ...p });
    // 三(二): every county document stays within its framework's bounds.
    doc.framework?.counties.forEach((c, i) => {
      for (const message of framework.countyRulesProblems(doc, c))
        ctx.addIssue({ code: 'custom', path: ['framework', 'counties', i], message });
    });
    // A wallet needs a bucket unless the project pays each agreed visit from its funding (004 三(二), 五(五)).
    if (!doc.allowance.buckets.length && !doc.visitAgreements)
      ctx.addIssue({ code: 'custom', path: ['allowance', 'buckets'], message: 'a programme needs a bucket' });
    doc.allowance.buckets.forEach((b, i) => {
      if (b.amountFrom === 'HOME_CARE_HOURS' && (b.unit !== 'MINUTE' || !doc.homeCareHours))
        ctx.addIssue({
          code: 'custom',
          path: ['allowance', 'buckets', i, 'amountFrom'],
          message: 'HOME_CARE_HOURS needs a MINUTE bucket and the homeCareHours section',
        });
    });
    const dup = <T>(xs: T[]) => xs.find((x, i) => xs.indexOf(x) !== i);
    const itemDup = dup(doc.serviceGuide.items.map((i) => i.code));
    if (itemDup)
      ctx.addIssue({ code: 'custom', path: ['serviceGuide', 'items'], message: `duplicate item code ${itemDup}` });
    // 004 附件7 四: where the programme reports visits to the national system, every item carries one of
    // its content codes and follows one of its quality standards.
    if (doc.visitAgreements) {
      const codes = new Set(doc.visitAgreements.contentCodes.map((c) => c.code));
      for (const [i, item] of doc.serviceGuide.items.entries()) {
        if (!item.content || !codes.has(item.content.code))
          ctx.addIssue({
            code: 'custom',
            path: ['serviceGuide', 'items', i, 'content'],
            message: `${item.code} needs one of the programme's content codes`,
          });
        if (!item.standard || !doc.visitAgreements.standards.includes(item.standard))
          ctx.addIssue({
            code: 'custom',
            path: ['serviceGuide', 'items', i, 'standard'],
            message: `${item.code} needs one of the programme's quality standards`,
          });
      }
    }
    const catDup = dup(doc.eligibility.categories.map((c) => c.code));
    if (catDup)
      ctx.addIssue({ code: 'custom', path: ['eligibility', 'categories'], message: `duplicate category ${catDup}` });
    const kindDup = dup(doc.allowance.buckets.map((b) => b.accountKind));
    if (kindDup)
      ctx.addIssue({ code: 'custom', path: ['allowance', 'buckets'], message: `two buckets of kind ${kindDup}` });
    const town = dup(doc.zones.flatMap((z) => z.regionCodes));
    if (town) ctx.addIssue({ code: 'custom', path: ['zones'], message: `region ${town} is in two zones` });
    const zoneDup = dup(doc.zones.map((z) => z.code));
    if (zoneDup) ctx.addIssue({ code: 'custom', path: ['zones'], message: `duplicate zone ${zoneDup}` });
    if (doc.allowance.monthlyTotalFen !== undefined) {
      // The stated total covers the wallet's buckets and, where there is one, the platform's fee per
      // elder (000 七: 线上 30 元 + 线下 70 元).
      const sum =
        doc.allowance.buckets.filter((b) => b.unit === 'FEN').reduce((s, b) => s + b.amount, 0) +
        (doc.settlement.platformFee?.fenPerServedElder ?? 0);
      if (sum !== doc.allowance.monthlyTotalFen) {
        ctx.addIssue({
          code: 'custom',
          path: ['allowance'],
          message: `buckets add up to ${sum} fen, not the stated ${doc.allowance.monthlyTotalFen}`,
        });
      }
    }
    // A city's code ends in 00 (371000) and its districts share the first four digits (371002).
    const within = doc.region.code.replace(/(00)+$/, '');
    for (const z of doc.zones) {
      if (!z.regionCodes.every((c) => c.startsWith(within))) {
        ctx.addIssue({
          code: 'custom',
          path: ['zones', z.code],
          message: 'zone regions must lie within the programme region',
        });
      }
    }
  });

export type PolicyDocument = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
export type EligibilityCategory = z.infer<typeof categorySchema>;
export type EligibilityCondition = z.infer<typeof conditionSchema>;

/** Every problem of a refused document, each with its path, on one line. */
export const documentProblems = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** Validates a document; the error lists every problem with its path. */
export function parsePolicyDocument(input: unknown): PolicyDocument {
  const r = policySchema.safeParse(input);
  if (r.success) return r.data;
  throw new Error(`invalid policy document: ${documentProblems(r.error)}`);
}
