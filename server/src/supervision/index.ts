// What other areas may use of supervision. Anything not exported here is the area's own.
export { StarRatings, SupervisionRecord } from './supervision.types.js';
export { namedEvaluations, type NamedEvaluation } from './evaluations.js';
