// What other areas may use of goals. Anything not exported here is the area's own.
export { programmeInScope } from './goals.service.js';
export { evaluate, loadFacts } from './goals.metrics.js';
