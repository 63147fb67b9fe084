// The credit system as data (002 二(三)10 完善信用监管机制，建立覆盖服务主体、从业人员和服务对象的养老服务行业
// 信用管理体系). The source asks for credit records of providers, staff and recipients but gives no points,
// thresholds or lists: every figure here is the programme's own choice, marked `assumed`.
import { z } from 'zod';
import { source, assumed } from './policy.parts.js';

export const CREDIT_SUBJECTS = ['PROVIDER', 'CAREGIVER', 'ELDER'] as const;
/** Events the platform records itself from what it already knows. */
export const AUTOMATIC_CREDIT_KINDS = [
  'COMPLAINT_AT_FAULT',
  'SLA_BREACH',
  'FALSE_RECORD',
  'CASH_OUT',
  'CERTIFICATE_LAPSED',
] as const;
/**
 * Events an official records, with evidence. An extra charge (违规额外收费) is money paid outside the ledger, so the
 * platform cannot see it: an official records it once verified.
 */
export const MANUAL_CREDIT_KINDS = ['COMMENDATION', 'INSPECTION_FINDING', 'EXTRA_CHARGE'] as const;
export const CREDIT_KINDS = [...AUTOMATIC_CREDIT_KINDS, ...MANUAL_CREDIT_KINDS] as const;

const score = z.number().int().min(0).max(200);

export const creditSchema = z
  .object({
    /** Every subject starts here; active events within the window add their points. */
    base: score,
    /** Only events within this many months before the reading count. */
    windowMonths: z.number().int().min(1).max(60),
    events: z
      .array(
        z
          .object({
            kind: z.enum(CREDIT_KINDS),
            label: z.string().min(1),
            /** Signed: a commendation adds, a finding takes off. */
            points: z.number().int().min(-100).max(100),
            subjects: z.array(z.enum(CREDIT_SUBJECTS)).min(1),
            source,
            ...assumed,
          })
          .strict(),
      )
      .min(1)
      .refine((es) => new Set(es.map((e) => e.kind)).size === es.length, { message: 'one rule per credit kind' }),
    /**
     * Dispatch (派单): a caregiver below `lowerBelow` is suggested after every caregiver at or above it; below
     * `barredBelow` they are not suggested and cannot be assigned.
     */
    dispatch: z.object({ lowerBelow: score, barredBelow: score, source, ...assumed }).strict(),
    /** A provider whose score is below this has its monthly statement held (暂缓结算). */
    settlementHoldBelow: score,
    settlementSource: source,
    /** The public lists of providers (红名单 / 黑名单). */
    publicList: z.object({ redAtLeast: score, blackBelow: score, source, ...assumed }).strict(),
    /** An appeal must be filed within this many days of the event. */
    appealDays: z.number().int().min(1).max(365),
    appealSource: source,
    source,
    ...assumed,
  })
  .strict()
  .refine((c) => c.dispatch.barredBelow <= c.dispatch.lowerBelow, {
    message: 'a caregiver is barred from dispatch only below where dispatch is lowered',
  })
  .refine((c) => c.publicList.blackBelow < c.publicList.redAtLeast, {
    message: 'the black list lies below the red list',
  });

export type CreditPolicy = z.infer<typeof creditSchema>;
export type CreditKind = (typeof CREDIT_KINDS)[number];
export type CreditSubjectKind = (typeof CREDIT_SUBJECTS)[number];
