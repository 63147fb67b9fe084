// What other areas may use of providers: which provider takes an elder's orders and at what price,
// whether a caregiver may be sent, whether a provider settles, and the complaint suspension.
export { assertTakesOrders, providerForCommunity, providerSettles } from './providers.service.js';
export {
  assertCaregiverAssignable,
  certifiedFor,
  notifyExpiringCertificates,
  publishLapsedCertificates,
} from './caregivers.service.js';
export { suspendForComplaints } from './sanctions.service.js';
