// What other areas may use of elders. Anything not exported here is the area's own.
export { mayReadAttachment } from './attachments.service.js';
export { assertElderInScope, elderScope } from './elders.service.js';
export { currentEnrolment, ENROLMENTS_NEWEST_FIRST } from './elders.loaders.js';
export { Elder, PolicyRef } from './elders.types.js';
export { IdNumberVault } from './id-crypto.js';
export { maskIdNumber, validateIdNumber, validateMobile } from './id-number.js';
