// What other areas may use of agreements. Anything not exported here is the area's own.
export { agreementProgress } from './agreements.service.js';
