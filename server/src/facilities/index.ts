// What other areas may use of facilities. Anything not exported here is the area's own.
export { Facility } from './facilities.types.js';
export { present as presentFacility } from './facilities.service.js';
export { inspectionsOf } from './inspections.service.js';
