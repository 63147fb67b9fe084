// What other areas may use of payments. Anything not exported here is the area's own.
export { PAYMENT_NOTIFY_PATH, SandboxPaymentGateway } from './payment.gateway.js';
export type { PaymentGateway, WechatPayNotification } from './payment.gateway.js';
export { PaymentVerificationError } from './wechatpay.sign.js';
