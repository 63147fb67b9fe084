// What other areas may use of orders. Anything not exported here is the area's own.
export { orderInScope, orderScope } from './orders.service.js';
export { Order, ProviderRef } from './orders.types.js';
