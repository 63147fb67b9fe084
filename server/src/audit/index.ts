// What other areas may use of audit. Anything not exported here is the area's own.
export { audit } from './audit.service.js';
