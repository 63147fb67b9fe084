// What other areas may use of canteens. Anything not exported here is the area's own.
export { canteenQrToken, canteensForElder, checkInSite, checkOutSite, verificationSite } from './canteens.service.js';
export type { SiteConfig, VerificationSite } from './canteens.service.js';
export { mealMonth } from './meals.service.js';
