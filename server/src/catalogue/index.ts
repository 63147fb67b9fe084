// What other areas may use of catalogue. Anything not exported here is the area's own.
export { ServiceItem } from './catalogue.types.js';
export { CatalogueCache } from './catalogue.cache.js';
