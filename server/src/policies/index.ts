// What other areas may use of policies. Anything not exported here is the area's own.
export { evaluateEligibility } from './eligibility.js';
export type { ElderFacts, EligibilityVerdict } from './eligibility.js';
export { VISIT_EVIDENCE } from './policy.schema.js';
export type { PolicyDocument } from './policy.schema.js';
export { POLICY_STAMP, loadPolicy, policyDocument, policyDocumentOf } from './policy.store.js';
export type { StoredPolicy } from './policy.store.js';
export {
  checkVisitMaximum,
  checkVisitSplit,
  maxMinutesPerVisit,
  maxQuantityPerVisit,
  type VisitMaximumVerdict,
  type VisitSplitVerdict,
} from './visit-split.js';
export { areaTier, type AreaTierVerdict } from './area-tier.js';
export { FACILITY_KINDS, FUND_SOURCES, type FacilitiesSection } from './policy.facilities.js';
export { CALL_KINDS } from './policy.parts.js';
export {
  HELP_PURPOSES,
  HOTLINE_LEVELS,
  type HelpPurpose,
  type CallsPolicy,
  type HotlineLevel,
} from './policy.calls.js';
export type { OversightPolicy } from './policy.oversight.js';
export { CREDIT_KINDS, CREDIT_SUBJECTS, MANUAL_CREDIT_KINDS, type CreditPolicy } from './policy.credit.js';
export {
  bookingHoursFor,
  checkBookingHours,
  type BookingHours,
  type BookingHoursVerdict,
  type BookingSlot,
} from './booking-hours.js';
export {
  countyFor,
  homeCareMinutesFor,
  hoursPerDayFor,
  minimumWagePeriods,
  valueAtMinimumWage,
  wageInForce,
} from './framework.js';
