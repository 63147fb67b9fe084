// Sections of the policy document on supervision and endings: the visit-exception thresholds, the
// termination reasons with their effective dates, the reviews a termination passes, the penalties on a
// provider and what its caregivers must hold. Kept apart from policy.schema.ts, which composes them.
import { z } from 'zod';
import { ROLES_DECIDING, TERMINATION_REASONS, assumed, code, source } from './policy.parts.js';

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

/** Suspension and termination of a provider, and the rectification it is given first. */
export const penaltiesSchema = z
  .object({
    /** Verified complaints with the provider at fault, within the service period, before suspension. */
    verifiedComplaintsForSuspension: z.number().int().positive().optional(),
    suspensionActions: z.array(z.string()).default([]),
    suspensionGrounds: z.array(z.string()).default([]),
    /**
     * Grounds on which the purchaser terminates a provider's contract, each with its clause;
     * `code` is what a termination names.
     */
    contractTerminationGrounds: z
      .array(z.object({ code, label: z.string().min(1), source, ...assumed }).strict())
      .default([]),
    /** Days a provider is given to rectify after an interview (约谈 → 整改 → 核查). */
    rectificationDays: z.number().int().positive(),
    rectificationSource: source,
    ...assumed,
    source,
  })
  .strict();

/** What a caregiver must hold to be sent on a visit, and how early the provider is told a certificate runs out. */
export const caregiversSchema = z
  .object({
    certificates: z
      .array(
        z
          .object({
            /** HEALTH, or SKILL:<name> (matched against the caregiver's certificates). */
            kind: z.string().regex(/^(HEALTH|SKILL:\S+)$/),
            label: z.string().min(1),
            /** Items of these modes need it; absent means every item. */
            forModes: z.array(z.enum(['ONLINE', 'OFFLINE'])).optional(),
            source,
            ...assumed,
          })
          .strict(),
      )
      .default([]),
    expiryNoticeDays: z.number().int().positive(),
    expirySource: source,
    ...assumed,
  })
  .strict();
