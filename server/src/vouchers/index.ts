// What other areas may use of vouchers (补贴券, 003 三(二)). Anything not exported here is the area's own.
export { writeVouchers } from './vouchers.service.js';
