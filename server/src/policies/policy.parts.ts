// The building blocks of the policy document's schema (policy.schema.ts): the enumerations, the
// primitive fields (a clause citation, fen, minutes, dates, codes) and the eligibility and
// service-guide sub-schemas.
import { z } from 'zod';

export const FLAGS = [
  'LOW_INCOME', // 低保
  'EXTREME_POVERTY', // 特困（原五保、三无）
  'SCATTERED_SUPPORT', // 分散供养
  'LOST_ONLY_CHILD', // 失独
  'ONLY_CHILD_DISABLED_GRADE_2_PLUS', // 独生子女二级以上残疾
  'DISABILITY_GRADE_1_2', // 一、二级残疾
  'LONG_TERM_CARE_INSURANCE', // 享受长期护理保险
  'LOW_INCOME_MARGINAL', // 低保边缘家庭
  'ECONOMIC_HARDSHIP', // 区市认定的其他经济困难
  // 003 二(二)1 (Luoyang): the facts its categories need.
  'URBAN_RESIDENT', // 城镇（户籍）
  'ONLY_CHILD_PARENT', // 独生子女父母
  'TWO_DAUGHTERS_PARENT', // 计生双女父母
  'NO_CHILD_CARER', // 无子女照顾
  'PROVINCIAL_MODEL_WORKER', // 省级以上老劳动模范
  'PRIORITY_ENTITLED', // 重点优抚对象
] as const;
export const SELF_CARE = ['SELF_CARE', 'PARTIAL', 'DISABLED'] as const;
export const ROLES_DECIDING = ['COMMUNITY_WORKER', 'STREET_OFFICER', 'DISTRICT_ADMIN'] as const;
export const TERMINATION_REASONS = [
  'MOVED_HUKOU',
  'DIED',
  'MISSING',
  'NO_LONGER_ELIGIBLE',
  'GAVE_UP',
  'CASHED_OUT',
] as const;
/** Who may vouch for a visit other than the provider (see VisitEvidence in the Prisma schema). */
export const VISIT_EVIDENCE = [
  'ELDER_APP',
  'FAMILY_APP',
  'ELDER_SIGNOFF_CODE',
  'FOLLOW_UP_CALL',
  'ELDER_SIGNATURE',
] as const;
export const CALL_KINDS = [
  'PHONE_CARE',
  'PSYCHOLOGICAL_COMFORT',
  'BIRTHDAY',
  'MEDICATION',
  'FESTIVAL',
  'SAFETY',
  'FOLLOW_UP',
] as const;

export const source = z.string().regex(/^\d{3} \S+/, 'source must cite "<file> <clause>", e.g. "000 七"');
export const fen = z.number().int('money is integer fen').nonnegative();
export const minutes = z.number().int('time is integer minutes').nonnegative();
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'codes are UPPER_SNAKE_CASE');
export const regionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'region codes are 6, 9 or 12 digits');
/** Where the source is silent and we chose a default, we say so. */
export const assumed = { assumed: z.boolean().optional(), note: z.string().optional() };

/** One way into a category; a category is met when any of its conditions is. */
export const conditionSchema = z
  .object({
    minAge: z.number().int().min(0),
    maxAge: z.number().int().optional(),
    /** All of these flags are required. */
    flagsAll: z.array(z.enum(FLAGS)).default([]),
    selfCareIn: z.array(z.enum(SELF_CARE)).optional(),
    /** A professional agency's capability assessment must be on file (001 七(一)). */
    requiresAssessment: z.boolean().default(false),
    /** How elders come in this way: they apply, or officials screen the registry (001 七(一)). */
    intake: z.enum(['APPLICATION', 'REGISTRY_SCREENING']).default('APPLICATION'),
  })
  .strict()
  .refine((c) => c.maxAge === undefined || c.maxAge >= c.minAge, { message: 'maxAge below minAge' });

export const categorySchema = z
  .object({
    code,
    name: z.string().min(1),
    conditions: z.array(conditionSchema).min(1),
    /** The category applies only to elders who match no other category ("除以上四类", 000 四). */
    onlyIfNoOtherCategory: z.boolean().default(false),
    source,
  })
  .strict();

export const bucketSchema = z
  .object({
    accountKind: z.enum(['SUBSIDY_ONLINE', 'SUBSIDY_OFFLINE', 'SUBSIDY_HOURS']),
    unit: z.enum(['FEN', 'MINUTE']),
    /** Credited each month, in the bucket's unit. */
    amount: z.number().int('allowances are integers').positive(),
    /**
     * HOME_CARE_HOURS: each elder's month is the daily hours of their self-care level (the county's
     * document, else the framework's homeCareHours) × days in the month × 60 (003 三(二)); `amount`
     * is then only the floor shown before an elder's level is known.
     */
    amountFrom: z.literal('HOME_CARE_HOURS').optional(),
    /** For time buckets: the most the programme pays per hour of service. */
    maxRateFenPerHour: fen.optional(),
    /** NONE: what is unused lapses at month end. UNTIL_CLEARING: kept until a clearing event. */
    rollover: z.enum(['NONE', 'UNTIL_CLEARING']),
    /** Which service modes the bucket pays for. */
    pays: z.array(z.enum(['ONLINE', 'OFFLINE'])).min(1),
    /** What the bucket pays for in the programme's own words, shown to families on each subsidy line (issue 25). */
    paysFor: z.string().min(1).optional(),
    source,
    /** The source names the support but gives no amount: `amount` is a demo figure (002 三(二)). */
    pendingSource: z.boolean().optional(),
    ...assumed,
  })
  .strict()
  .refine((b) => (b.accountKind === 'SUBSIDY_HOURS') === (b.unit === 'MINUTE'), {
    message: 'the hours bucket is kept in MINUTE and money buckets in FEN',
  });

/** A window a visit may start in, minutes after local midnight, both ends inclusive. */
export const slotSchema = z
  .object({ label: z.string().min(1), fromMinute: minutes.max(1440), untilMinute: minutes.max(1440) })
  .strict()
  .refine((s) => s.fromMinute < s.untilMinute, { message: 'a slot starts before it ends' });

export const itemSchema = z
  .object({
    code,
    name: z.string().min(1),
    category: z.string().min(1),
    mode: z.enum(['ONLINE', 'OFFLINE']),
    unit: z.enum(['PER_MEAL', 'PER_VISIT', 'PER_HOUR', 'PER_60_MIN', 'PER_MONTH', 'ON_DEMAND']),
    unitMinutes: minutes.optional(),
    /** null where the programme sets no per-item price (covered by a bucket as a whole). */
    priceFen: fen.nullable(),
    /** The price is the programme's ceiling, not a list price (001 三(三)). */
    priceIsCap: z.boolean().default(false),
    description: z.string().min(1),
    standard: z.string().optional(),
    /**
     * The national system's service content (金民 服务内容, 004 附件7 四) this item is reported as: one of
     * the programme's `visitAgreements.contentCodes`; `detail` names the service when the code is 其他.
     */
    content: z
      .object({ code, detail: z.string().min(1).optional(), source, ...assumed })
      .strict()
      .optional(),
    /**
     * Where the visit is verified: at the elder's home (home code and home geofence, 000 六·流程2) or
     * at a facility such as a canteen (its own code and geofence, 000 六·流程3 集中服务).
     */
    verifiedAt: z.enum(['HOME', 'FACILITY']).default('HOME'),
    /** May start at any hour, night included (outside the programme's `visits.bookingHours`). */
    anyHour: z.boolean().default(false),
    /**
     * What one visit of this item may be (issue 25): the windows it may start in, narrower than the
     * programme's hours (a lunch at lunchtime), and the most units one visit may book.
     */
    perVisit: z
      .object({
        slots: z.array(slotSchema).min(1).optional(),
        maxQuantity: z.number().int().positive().optional(),
        source,
        ...assumed,
      })
      .strict()
      .optional(),
    source,
  })
  .strict()
  .refine((i) => !['PER_HOUR', 'PER_60_MIN'].includes(i.unit) || i.unitMinutes === 60, {
    message: 'hourly items buy 60 minutes a unit',
  });
