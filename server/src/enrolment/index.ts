// What other areas may use of enrolment: requesting an enrolment's end for a listed reason (it is
// reviewed, or takes effect at once where the programme fast-tracks the reason), which enrolments
// still serve at a moment, and the facts the programme's rules read from the registry.
export { requestTermination, servingWhere, terminateEnrolment, type TerminationInput } from './enrolment.service.js';
export { elderFacts } from './eligibility.service.js';
export { TerminationReason } from './enrolment.types.js';
