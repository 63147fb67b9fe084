// Optional sections of the policy document for programmes that build family care beds, sign home-visit
// agreements and report against targets (first used by document 004). Every section is optional, so a
// programme without them validates as before; every figure cites its clause.
import { z } from 'zod';
import { FLAGS, source, fen, day, code, regionCode, assumed } from './policy.parts.js';

/** Where the source names a rule whose standard is not in the seed documents. */
const pending = { pendingSource: z.boolean().optional() };

/** The programme's phases (动员部署, 组织实施, 评估评价), in order. */
export const phasesSchema = z
  .array(z.object({ code, name: z.string().min(1), from: day.optional(), to: day, source, ...assumed }).strict())
  .min(1);

/** Targets per region (任务分配表): what counts toward each is said once, with its clause. */
export const targetsSchema = z
  .object({
    regions: z
      .array(
        z
          .object({
            regionCode,
            name: z.string().min(1),
            beds: z.number().int().nonnegative(),
            visits: z.number().int().nonnegative(),
            ...assumed,
          })
          .strict(),
      )
      .min(1),
    totals: z.object({ beds: z.number().int().nonnegative(), visits: z.number().int().nonnegative() }).strict(),
    /** A bed counts once its acceptance passes; a visit once it is confirmed. */
    bedCountsWhen: z.literal('ACCEPTED'),
    visitCountsWhen: z.literal('CONFIRMED'),
    source,
    countingSource: source,
    ...assumed,
  })
  .strict()
  .superRefine((t, ctx) => {
    const beds = t.regions.reduce((s, r) => s + r.beds, 0);
    const visits = t.regions.reduce((s, r) => s + r.visits, 0);
    if (beds !== t.totals.beds || visits !== t.totals.visits)
      ctx.addIssue({ code: 'custom', message: `regions add up to ${beds} beds and ${visits} visits, not the totals` });
  });

/** What a catalogue line is, for the money rules: adaptation, an aid (老年用品) or a smart device. */
export const BED_LINE_KINDS = ['ADAPTATION', 'AID', 'SMART'] as const;

export const careBedsSchema = z
  .object({
    /** The suggested catalogue (建议清单): the lines a design is drawn from. */
    catalogue: z
      .array(
        z
          .object({
            no: z.number().int().positive(),
            code,
            group: z.string().min(1),
            name: z.string().min(1),
            description: z.string().min(1),
            kind: z.enum(BED_LINE_KINDS),
            /** Every smart bed must have it (网络连接、紧急呼叫、活动监测). */
            required: z.boolean().default(false),
            source,
            ...assumed,
          })
          .strict(),
      )
      .min(1),
    requiredSource: source,
    /** Smart devices per household: a hard cap at design and at acceptance. */
    smartCapFen: fen,
    smartCapSource: source,
    /** The district's beds on average: a portfolio average, not a per-household cap. */
    averageCapFen: fen,
    averageCapSource: source,
    /** Where adaptation is already on record, only top-ups (补差) of what is missing. */
    repeatAdaptation: z.enum(['TOP_UP_ONLY']),
    repeatSource: source,
    /** Owned, or lived in for at least this many months (原则上 6 个月以上). */
    minResidenceMonths: z.number().int().positive(),
    housingSource: source,
    /** The builder's warranty. */
    warrantyMonths: z.number().int().positive(),
    warrantySource: source,
    /** The acceptance request is due by this day; a later one is refused or flagged. */
    acceptanceRequestBy: day,
    lateRequest: z.enum(['REFUSE', 'FLAG']),
    acceptanceSource: source,
    /** The acceptance agency may not be the design agency or the builder, nor related to them. */
    independentAcceptance: z.boolean(),
    independenceSource: source,
    /** Priority for beds, highest first: the queue sorts by the first flag an elder holds. */
    priority: z.array(z.enum(FLAGS)).min(1),
    prioritySource: source,
    /** Assessed disability levels the programme accepts, with the agency that assessed them. */
    disabilityLevels: z.array(z.object({ code, label: z.string().min(1) }).strict()).min(1),
    disabilitySource: source,
    /** The lottery fund's share of each bed's total, in percent. */
    lotterySharePercent: z.number().int().min(0).max(100),
    lotterySource: source,
    /** The mark every printed form and report carries. */
    fundMark: z.string().min(1),
    fundMarkSource: source,
    /** Hours to respond to a smart-bed device's alert (24 小时动态管理). */
    deviceResponseHours: z.number().int().positive(),
    deviceSource: source,
    ...assumed,
  })
  .strict()
  .superRefine((c, ctx) => {
    const nos = c.catalogue.map((l) => l.no);
    if (new Set(nos).size !== nos.length) ctx.addIssue({ code: 'custom', message: 'duplicate catalogue number' });
    if (c.smartCapFen > c.averageCapFen) ctx.addIssue({ code: 'custom', message: 'smart cap above the average' });
  });

/** Home-visit agreements (服务协议) and the visits they promise. */
export const visitAgreementsSchema = z
  .object({
    /** The shortest term for elders outside the exempt classes. */
    minTermMonths: z.number().int().positive(),
    /** Classes that follow another standard (A 类、B 类), not in the seed: their term is not checked. */
    exemptClasses: z.array(z.object({ code, label: z.string().min(1), ...pending, ...assumed }).strict()),
    termSource: source,
    /** At least this many confirmed visits to the same elder by `visitsBy` (inclusive, Asia/Shanghai). */
    minVisits: z.number().int().positive(),
    visitsBy: day,
    visitsSource: source,
    /** An elder whose care bed was accepted gets no project agreement. */
    excludesAcceptedBed: z.boolean(),
    exclusionSource: source,
    /** Content codes the national system takes for each visit, and the standard it follows. */
    contentCodes: z.array(z.object({ code, label: z.string().min(1) }).strict()).min(1),
    standards: z.array(z.string().min(1)).min(1),
    contentSource: source,
    /** Alert when the confirmed visits fall this far behind an even pace to the deadline. */
    paceAlertShortfall: z.number().int().positive(),
    /**
     * Who pays an agreed visit: the project's funding (PROJECT_FUNDING), at the agreement's price, to the
     * agreement's provider, once the visit is confirmed — never the elder's wallet.
     */
    paidFrom: z.literal('PROJECT_FUNDING'),
    paymentSource: source,
    /** The central lottery fund's share of each visit's amount (中央专项彩票公益金支持额度, 附件7 四). */
    lotterySharePercent: z.number().int().min(0).max(100),
    lotterySource: source,
    ...assumed,
  })
  .strict();

/** The first day records count (录入) for the programme's reports. */
export const dataEntrySchema = z.object({ from: day, source }).strict();

export type CareBedsPolicy = z.infer<typeof careBedsSchema>;
export type VisitAgreementsPolicy = z.infer<typeof visitAgreementsSchema>;
export type TargetsPolicy = z.infer<typeof targetsSchema>;
