// What other areas may use of notices. Anything not exported here is the area's own.
export { elderAudience, notify } from './notices.service.js';
