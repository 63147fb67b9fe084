// The optional `goals` section of the policy document (issue 21, first used by document 002): the
// programme's targets with their deadlines. Each row says what is measured (a metric the evaluator in
// server/src/goals/ computes from records), the target, its unit, the deadline and the clause; progress
// is never stored or typed in. Every figure cites its clause; where the source is silent, `assumed`.
import { z } from 'zod';
import { source, day, code, regionCode, assumed, fen } from './policy.parts.js';
import { FACILITY_KINDS } from './policy.facilities.js';

/**
 * What a target counts, each computed from records:
 * - FACILITIES_ACCEPTED: facilities of `kinds` accepted (ACCEPTED, OPERATING or SUSPENDED) in each unit; a unit
 *   meets it at `target`.
 * - FACILITY_COVERAGE: the share of communities with an accepted facility of `kinds`.
 * - FACILITIES_GRADED: the share of accepted facilities of `kinds` whose latest inspection carries a grade.
 * - GRADING_PASS_RATE: the share of accepted facilities of `kinds` whose latest grade is one of `passGrades`.
 * - ADVISOR_COVERAGE: the share of communities with a serving 养老顾问 on record.
 * - MEAL_COVERAGE: the share of communities with an accepted canteen or meal point in the community or its street.
 * - HEALTH_MANAGEMENT_SHARE: the share of registered elders aged `minAge`+ under health management.
 * - ELDERS_TRAINED: distinct people who attended a training session of `trainingKind`.
 */
export const GOAL_METRICS = [
  'FACILITIES_ACCEPTED',
  'FACILITY_COVERAGE',
  'FACILITIES_GRADED',
  'GRADING_PASS_RATE',
  'ADVISOR_COVERAGE',
  'MEAL_COVERAGE',
  'HEALTH_MANAGEMENT_SHARE',
  'ELDERS_TRAINED',
] as const;
export const TRAINING_KINDS = ['SMART_TECH', 'FAMILY_CARER', 'ANTI_FRAUD'] as const;

const goalSchema = z
  .object({
    code,
    name: z.string().min(1),
    metric: z.enum(GOAL_METRICS),
    /** A count (per unit for FACILITIES_ACCEPTED, in total for ELDERS_TRAINED) or a percentage. */
    target: z.number().int().positive(),
    unit: z.enum(['COUNT', 'PERCENT']),
    /** Progress is shown for each unit at this level (district, street or community). */
    per: z.enum(['DISTRICT', 'STREET', 'COMMUNITY']),
    /** Only these streets count (the five named streets, the central and eastern built-up area). */
    streets: z.array(regionCode).min(1).optional(),
    /** These streets do not count (the other streets of a row that names some). */
    exceptStreets: z.array(regionCode).min(1).optional(),
    kinds: z.array(z.enum(FACILITY_KINDS)).min(1).optional(),
    passGrades: z.array(z.string().min(1)).min(1).optional(),
    minAge: z.number().int().positive().optional(),
    trainingKind: z.enum(TRAINING_KINDS).optional(),
    /** The last day that counts (inclusive, Asia/Shanghai). */
    deadline: day,
    source,
    ...assumed,
  })
  .strict()
  .superRefine((g, ctx) => {
    const needs: Partial<Record<(typeof GOAL_METRICS)[number], (keyof typeof g)[]>> = {
      FACILITIES_ACCEPTED: ['kinds'],
      FACILITY_COVERAGE: ['kinds'],
      FACILITIES_GRADED: ['kinds'],
      GRADING_PASS_RATE: ['kinds', 'passGrades'],
      HEALTH_MANAGEMENT_SHARE: ['minAge'],
      ELDERS_TRAINED: ['trainingKind'],
    };
    for (const k of needs[g.metric] ?? [])
      if (g[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `${g.metric} needs ${k}` });
    if ((g.unit === 'PERCENT') !== !['FACILITIES_ACCEPTED', 'ELDERS_TRAINED'].includes(g.metric))
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `${g.metric} is not measured in ${g.unit}` });
    if (g.unit === 'PERCENT' && g.target > 100)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'a share cannot exceed 100%' });
  });

export const goalsSchema = z
  .object({
    items: z.array(goalSchema).min(1),
    /**
     * When a target is at risk: not yet met and behind an even pace from `paceFrom` to its deadline by
     * more than `shortfallPercent` points of the target (see goals/goals.rules.ts).
     */
    atRisk: z
      .object({ paceFrom: day, shortfallPercent: z.number().int().min(0).max(100), source, ...assumed })
      .strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const codes = s.items.map((i) => i.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) ctx.addIssue({ code: 'custom', path: ['items'], message: `duplicate goal ${dup}` });
  });

/**
 * Family-carer training (002 二(二)6: 开展失能失智老年人家庭照护者技能培训，按规定给予补贴): the subsidy per
 * trainee who completes a course; null with `pendingSource` while the standard (按规定) is not in the seed.
 */
export const trainingSchema = z
  .object({
    carerSubsidy: z
      .object({ fenPerTrainee: fen.nullable(), pendingSource: z.boolean().optional(), source, ...assumed })
      .strict(),
  })
  .strict();

export type GoalsPolicy = z.infer<typeof goalsSchema>;
export type GoalPolicy = GoalsPolicy['items'][number];
