// Sections of the policy document on supervision and endings: the visit-exception thresholds, the
// termination reasons with their effective dates, and the reviews a termination passes. Kept apart from
// policy.schema.ts, which composes them, so that file stays readable.
import { z } from 'zod';
import { ROLES_DECIDING, TERMINATION_REASONS, assumed, source } from './policy.parts.js';

/**
 * Visits officials should look at (异常工单); every threshold is the programme's or marked assumed.
 * A visit far shorter than booked is charged by measured time and listed, and holds the
 * provider's month until an official resolves it.
 */
export const exceptionsSchema = z
  .object({
    /** SHORT_VISIT: an hourly visit whose measured time is below this share of the booking (percent). */
    shortVisitPercent: z.number().int().min(1).max(99),
    /** QUICK_SAME_POINT: check-in and check-out within this many metres and minutes of each other. */
    samePointMeters: z.number().int().positive(),
    samePointMinutes: z.number().int().positive(),
    /**
     * LOCATION_REPEATED: one caregiver's check-ins identical to the metre on at least this many
     * visits in a month.
     */
    repeatedLocationVisits: z.number().int().min(2),
    source,
    ...assumed,
  })
  .strict()
  .default({
    shortVisitPercent: 50,
    samePointMeters: 10,
    samePointMinutes: 10,
    repeatedLocationVisits: 5,
    source: '000 七',
    assumed: true,
    note: '原文只要求据实结算，异常阈值为假定值',
  });

/** Why a service ends, and from when each reason takes effect. */
export const terminationReasonsSchema = z
  .array(
    z
      .object({
        reason: z.enum(TERMINATION_REASONS),
        label: z.string().min(1),
        effective: z.enum(['NEXT_MONTH', 'IMMEDIATE']),
        /** Takes effect when filed, without the review stages (a death or hukou move is a fact on record). */
        fastTrack: z.boolean().default(false),
        source,
        ...assumed,
      })
      .strict(),
  )
  .min(1);

/** The reviews a termination request passes, in order, before it takes effect (000 附件3). */
export const terminationReviewSchema = z
  .object({
    stages: z
      .array(z.object({ stage: z.enum(['COMMUNITY_REVIEW', 'STREET_REVIEW']), role: z.enum(ROLES_DECIDING) }).strict())
      .min(1),
    source,
    ...assumed,
  })
  .strict();
