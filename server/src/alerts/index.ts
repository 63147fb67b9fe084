// What other areas may use of alerts. Anything not exported here is the area's own.
export type { AlertEvent } from './alert-bus.js';
export { raiseAlert } from './alerts.service.js';
export { Alert } from './alerts.types.js';
export { detectMissedContact } from './detectors.js';
