// One interface for WeChat Pay: the production client (HTTPS to api.mch.weixin.qq.com) and a
// sandbox that plays WeChat's part on a bare machine with its own key pairs, the same message
// formats and the same verification path.
import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import type { WechatPayConfig } from '../common/config.js';
import { noteSandbox } from '../common/sandbox.js';
import {
  buildAuthorization,
  decryptResource,
  encryptResource,
  jsapiPayParams,
  nonceStr,
  rsaSign,
  unixSeconds,
  verifySignedMessage,
  type EncryptedResource,
  type JsapiPayParams,
  type KeyLike,
} from './wechatpay.sign.js';

export type { JsapiPayParams, WechatPayConfig };

/** Where WeChat Pay posts its notifications (the notify_url of every prepay order). */
export const PAYMENT_NOTIFY_PATH = '/payments/wechat/notify';

/** The decrypted `transaction` resource of TRANSACTION.SUCCESS (field names as WeChat sends them). */
export interface TransactionResource {
  mchid: string;
  appid: string;
  out_trade_no: string;
  transaction_id: string;
  trade_type: string;
  trade_state: string;
  trade_state_desc?: string;
  success_time?: string;
  payer: { openid: string };
  amount: { total: number; payer_total?: number; currency?: string; payer_currency?: string };
}

export interface WechatPayNotification {
  id: string;
  create_time: string;
  event_type: string;
  resource_type: string;
  summary: string;
  resource: TransactionResource;
}

export interface CreateJsapiOrder {
  outTradeNo: string;
  description: string;
  amountFen: number;
  payerOpenid: string;
  notifyUrl: string;
  expiresAt?: Date;
}

export interface RefundRequest {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: number;
  totalFen: number;
  reason?: string;
  notifyUrl?: string;
}

export interface PaymentGateway {
  readonly mode: 'sandbox' | 'wechat';
  readonly merchantId: string;
  readonly appId: string;
  createJsapiOrder(o: CreateJsapiOrder): Promise<{ prepayId: string }>;
  /** Fresh wx.requestPayment parameters for a prepay id (signed with the merchant key). */
  payParams(prepayId: string): JsapiPayParams;
  refund(r: RefundRequest): Promise<{ refundId: string; status: 'SUCCESS' | 'PROCESSING' }>;
  /** Verifies the platform signature over the raw body and decrypts the resource. */
  parseNotification(
    headers: Record<string, string | string[] | undefined>,
    rawBody: Buffer | string,
    now: Date,
  ): WechatPayNotification;
}

function parseWith(
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer | string,
  now: Date,
  keys: ReadonlyMap<string, KeyLike>,
  apiV3Key: string,
): WechatPayNotification {
  verifySignedMessage({ headers, rawBody, platformKeys: keys, now });
  const envelope = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8')) as Omit<
    WechatPayNotification,
    'resource'
  > & { resource: EncryptedResource };
  return { ...envelope, resource: decryptResource<TransactionResource>(envelope.resource, apiV3Key) };
}

/** The production client. Not reachable from this network; its requests are checked with a fake fetch. */
export class WechatPayClient implements PaymentGateway {
  readonly mode = 'wechat' as const;
  private readonly keys: Map<string, KeyLike>;
  constructor(
    private readonly config: WechatPayConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.keys = new Map(Object.entries(config.platformPublicKeys));
  }
  get merchantId() {
    return this.config.mchid;
  }
  get appId() {
    return this.config.appId;
  }

  private async call<T>(method: 'POST' | 'GET', urlPath: string, payload?: unknown): Promise<T> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const res = await this.fetchImpl(`${this.config.baseUrl ?? 'https://api.mch.weixin.qq.com'}${urlPath}`, {
      method,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': 'yilian-server',
        authorization: buildAuthorization({
          mchid: this.config.mchid,
          serialNo: this.config.serialNo,
          privateKey: this.config.privateKeyPem,
          method,
          urlPath,
          body,
        }),
      },
      body: method === 'GET' ? undefined : body,
    });
    const text = await res.text();
    // Responses are signed like notifications; an unsigned or forged answer is not trusted.
    verifySignedMessage({
      headers: Object.fromEntries(res.headers.entries()),
      rawBody: text,
      platformKeys: this.keys,
      now: new Date(),
    });
    if (!res.ok) throw new Error(`wechat pay ${urlPath} ${res.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }

  async createJsapiOrder(o: CreateJsapiOrder) {
    const r = await this.call<{ prepay_id: string }>('POST', '/v3/pay/transactions/jsapi', {
      appid: this.config.appId,
      mchid: this.config.mchid,
      description: o.description,
      out_trade_no: o.outTradeNo,
      ...(o.expiresAt ? { time_expire: rfc3339(o.expiresAt) } : {}),
      notify_url: o.notifyUrl,
      amount: { total: o.amountFen, currency: 'CNY' },
      payer: { openid: o.payerOpenid },
    });
    return { prepayId: r.prepay_id };
  }

  payParams(prepayId: string) {
    return jsapiPayParams({ appId: this.config.appId, prepayId, privateKey: this.config.privateKeyPem });
  }

  async refund(r: RefundRequest) {
    const res = await this.call<{ refund_id: string; status: string }>('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: r.outTradeNo,
      out_refund_no: r.outRefundNo,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.notifyUrl ? { notify_url: r.notifyUrl } : {}),
      amount: { refund: r.refundFen, total: r.totalFen, currency: 'CNY' },
    });
    return {
      refundId: res.refund_id,
      status: res.status === 'SUCCESS' ? ('SUCCESS' as const) : ('PROCESSING' as const),
    };
  }

  parseNotification(headers: Record<string, string | string[] | undefined>, rawBody: Buffer | string, now: Date) {
    return parseWith(headers, rawBody, now, this.keys, this.config.apiV3Key);
  }
}

/** yyyy-MM-DDTHH:mm:ss+08:00, the time format WeChat Pay expects. */
export const rfc3339 = (d: Date): string => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

interface SandboxOrder extends CreateJsapiOrder {
  prepayId: string;
  paid?: { transactionId: string; at: Date };
}

/**
 * WeChat Pay's part for demo machines and tests: a merchant key pair (signs pay params, as the
 * merchant's real key would), a platform key pair (signs notifications, as WeChat does) and an
 * APIv3 key (encrypts resources). `pay` is what happens when the payer confirms in WeChat.
 */
export class SandboxPaymentGateway implements PaymentGateway {
  readonly mode = 'sandbox' as const;
  readonly merchantId = '1900000001';
  readonly appId = 'wxsandbox0000000001';
  readonly platformSerial = `SANDBOX${randomBytes(8).toString('hex').toUpperCase()}`;
  readonly merchant: { privateKey: KeyObject; publicKey: KeyObject };
  readonly platform: { privateKey: KeyObject; publicKey: KeyObject };
  readonly apiV3Key = randomBytes(16).toString('hex');
  private readonly orders = new Map<string, SandboxOrder>();
  readonly refunds: RefundRequest[] = [];

  constructor() {
    this.merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  }

  async createJsapiOrder(o: CreateJsapiOrder) {
    noteSandbox('WECHAT_PAY');
    const existing = this.orders.get(o.outTradeNo);
    if (existing) return { prepayId: existing.prepayId };
    const prepayId = `wx${unixSeconds()}${randomBytes(12).toString('hex')}`;
    this.orders.set(o.outTradeNo, { ...o, prepayId });
    return { prepayId };
  }

  payParams(prepayId: string) {
    noteSandbox('WECHAT_PAY');
    return jsapiPayParams({ appId: this.appId, prepayId, privateKey: this.merchant.privateKey });
  }

  async refund(r: RefundRequest) {
    noteSandbox('WECHAT_PAY');
    this.refunds.push(r);
    return { refundId: `50${randomBytes(14).toString('hex')}`, status: 'SUCCESS' as const };
  }

  parseNotification(headers: Record<string, string | string[] | undefined>, rawBody: Buffer | string, now: Date) {
    return parseWith(headers, rawBody, now, new Map([[this.platformSerial, this.platform.publicKey]]), this.apiV3Key);
  }

  /** The notification WeChat would send for a paid order, signed and encrypted; `at` dates it. */
  notificationFor(outTradeNo: string, at = new Date()): { url: string; headers: Record<string, string>; body: string } {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new Error(`sandbox: no order ${outTradeNo}`);
    order.paid ??= { transactionId: `4200${randomBytes(12).toString('hex')}`, at };
    const transaction: TransactionResource = {
      mchid: this.merchantId,
      appid: this.appId,
      out_trade_no: order.outTradeNo,
      transaction_id: order.paid.transactionId,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      success_time: rfc3339(order.paid.at),
      payer: { openid: order.payerOpenid },
      amount: { total: order.amountFen, payer_total: order.amountFen, currency: 'CNY', payer_currency: 'CNY' },
    };
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: rfc3339(at),
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: encryptResource(transaction, this.apiV3Key, 'transaction', 'transaction'),
    });
    return { url: order.notifyUrl, headers: this.sign(body, at), body };
  }

  /** Platform signature headers for a body, as WeChat sends them. */
  sign(body: string, at = new Date()): Record<string, string> {
    const timestamp = unixSeconds(at);
    const nonce = nonceStr();
    return {
      'content-type': 'application/json',
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-serial': this.platformSerial,
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
      'wechatpay-signature': rsaSign(`${timestamp}\n${nonce}\n${body}\n`, this.platform.privateKey),
    };
  }

  /** The payer confirms: WeChat posts the notification to the order's notify_url. */
  async pay(outTradeNo: string, at = new Date()): Promise<{ status: number; body: string }> {
    noteSandbox('WECHAT_PAY');
    const n = this.notificationFor(outTradeNo, at);
    const res = await fetch(n.url, { method: 'POST', headers: n.headers, body: n.body });
    return { status: res.status, body: await res.text() };
  }
}

export function createPaymentGateway(config?: WechatPayConfig): PaymentGateway {
  return config ? new WechatPayClient(config) : new SandboxPaymentGateway();
}
