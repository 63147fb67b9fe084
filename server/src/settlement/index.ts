// What other areas may use of settlement. Anything not exported here is the area's own.
export { exportContext, writeSettlementXlsx, writeVisitsCsv, writeVisitsXlsx } from './exports.js';
export { statsForRegions, type RegionStats } from './dashboard.service.js';
export { monthWindow } from './settlement.service.js';
