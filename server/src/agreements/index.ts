// What other areas may use of agreements. Anything not exported here is the area's own.
export { agreementProgress, detectBehindPace } from './agreements.service.js';
export { VISIT_REPORTS, writeVisitReport, type VisitReport } from './agreements.reports.js';
