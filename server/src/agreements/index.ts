// What other areas may use of agreements. Anything not exported here is the area's own.
export { agreementProgress, detectBehindPace } from './agreements.service.js';
export { agreementForVisit, payAgreementVisit, type AgreementVisit } from './agreements.visits.service.js';
export { VISIT_REPORTS, writeVisitReport, type VisitReport } from './agreements.reports.js';
export { BULLETIN_REPORTS, bulletinHtml, writeBulletin, type BulletinReport } from './agreements.bulletin.js';
