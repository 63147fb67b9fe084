// What other areas may use of facilities. Anything not exported here is the area's own.
export { Facility } from './facilities.types.js';
