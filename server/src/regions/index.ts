// What other areas may use of regions. Anything not exported here is the area's own.
export { pathAndAncestors, pathWithin, subtreeOf, type RegionRow } from './regions.service.js';
export { Region } from './regions.types.js';
