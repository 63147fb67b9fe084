// What other areas may use of enrolment: ending an enrolment for a listed reason, and the facts the
// programme's rules read from the registry.
export { terminateEnrolment } from './enrolment.service.js';
export { elderFacts } from './eligibility.service.js';
export { TerminationReason } from './enrolment.types.js';
