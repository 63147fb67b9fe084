// WeChat Pay API v3 signing, verification and resource encryption (pay.weixin.qq.com/doc/v3:
// 签名生成 / 签名验证 / 回调报文解密 / JSAPI调起支付). node:crypto does the cryptography; these
// functions only build the protocol's exact messages, so the production client and the sandbox
// share every byte-level rule.
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

export type KeyLike = KeyObject | string;
const privateKey = (k: KeyLike) => (typeof k === 'string' ? createPrivateKey(k) : k);
const publicKey = (k: KeyLike) => (typeof k === 'string' ? createPublicKey(k) : k);

/** SHA256-RSA (PKCS#1 v1.5) over the message, base64: the only signature scheme of API v3. */
export const rsaSign = (message: string, key: KeyLike): string =>
  createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey(key), 'base64');
export const rsaVerify = (message: string | Buffer, signature: string, key: KeyLike): boolean => {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKey(key), signature, 'base64');
  } catch {
    return false;
  }
};

/** 32 upper-case hex characters, as WeChat's own examples use. */
export const nonceStr = (): string => randomBytes(16).toString('hex').toUpperCase();
export const unixSeconds = (d = new Date()): string => String(Math.floor(d.getTime() / 1000));

/** Request message: METHOD\nURL(path+query)\nTIMESTAMP\nNONCE\nBODY\n (GET bodies are empty). */
export const requestMessage = (
  method: string,
  urlPath: string,
  timestamp: string,
  nonce: string,
  body: string,
): string => `${method.toUpperCase()}\n${urlPath}\n${timestamp}\n${nonce}\n${body}\n`;

/** The Authorization header of a merchant request. */
export function buildAuthorization(o: {
  mchid: string;
  serialNo: string;
  privateKey: KeyLike;
  method: string;
  urlPath: string;
  body: string;
  nonce?: string;
  timestamp?: string;
}): string {
  const nonce = o.nonce ?? nonceStr();
  const timestamp = o.timestamp ?? unixSeconds();
  const signature = rsaSign(requestMessage(o.method, o.urlPath, timestamp, nonce, o.body), o.privateKey);
  return (
    `WECHATPAY2-SHA256-RSA2048 ` +
    `mchid="${o.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no=` +
    `"${o.serialNo}"`
  );
}

export interface JsapiPayParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** wx.requestPayment parameters: paySign over appId\ntimeStamp\nnonceStr\npackage\n. */
export function jsapiPayParams(o: {
  appId: string;
  prepayId: string;
  privateKey: KeyLike;
  nonce?: string;
  timestamp?: string;
}): JsapiPayParams {
  const timeStamp = o.timestamp ?? unixSeconds();
  const nonce = o.nonce ?? nonceStr();
  const pkg = `prepay_id=${o.prepayId}`;
  return {
    appId: o.appId,
    timeStamp,
    nonceStr: nonce,
    package: pkg,
    signType: 'RSA',
    paySign: rsaSign(`${o.appId}\n${timeStamp}\n${nonce}\n${pkg}\n`, o.privateKey),
  };
}

export type VerificationFailure =
  'MISSING_HEADERS' | 'SIGNATURE_PROBE' | 'UNKNOWN_SERIAL' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE' | 'BAD_RESOURCE';

/** A notification or response that must not be trusted; `reason` says which rule it broke. */
export class PaymentVerificationError extends Error {
  constructor(readonly reason: VerificationFailure) {
    super(`wechat pay verification failed: ${reason}`);
  }
}

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const v = key ? headers[key] : undefined;
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Verifies a platform signature over timestamp\nnonce\nbody\n using the exact raw body bytes.
 * Rejected: missing headers; WeChat's probe signatures (WECHATPAY/SIGNTEST/…, sent to check that
 * merchants really verify); an unknown certificate/public-key serial; a timestamp more than five
 * minutes away from now (replays); a signature that does not verify.
 */
export function verifySignedMessage(o: {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | string;
  platformKeys: ReadonlyMap<string, KeyLike>;
  now: Date;
  maxSkewSeconds?: number;
}): void {
  const signature = header(o.headers, 'Wechatpay-Signature');
  const timestamp = header(o.headers, 'Wechatpay-Timestamp');
  const nonce = header(o.headers, 'Wechatpay-Nonce');
  const serial = header(o.headers, 'Wechatpay-Serial');
  if (!signature || !timestamp || !nonce || !serial) throw new PaymentVerificationError('MISSING_HEADERS');
  if (signature.startsWith('WECHATPAY/SIGNTEST/')) throw new PaymentVerificationError('SIGNATURE_PROBE');
  const key = o.platformKeys.get(serial);
  if (!key) throw new PaymentVerificationError('UNKNOWN_SERIAL');
  const ts = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(o.now.getTime() / 1000 - ts) > (o.maxSkewSeconds ?? 300))
    throw new PaymentVerificationError('STALE_TIMESTAMP');
  const body = typeof o.rawBody === 'string' ? Buffer.from(o.rawBody, 'utf8') : o.rawBody;
  const message = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), body, Buffer.from('\n', 'utf8')]);
  if (!rsaVerify(message, signature, key)) throw new PaymentVerificationError('BAD_SIGNATURE');
}

export interface EncryptedResource {
  original_type?: string;
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
}

/** AES-256-GCM as WeChat uses it: base64(ciphertext ‖ 16-byte tag), key/nonce/aad as UTF-8. */
export function aeadDecrypt(ciphertextB64: string, key: string, nonce: string, aad: string): Buffer {
  try {
    const data = Buffer.from(ciphertextB64, 'base64');
    if (data.length < 16) throw new Error('short');
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), Buffer.from(nonce, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  } catch {
    throw new PaymentVerificationError('BAD_RESOURCE');
  }
}

/** AEAD_AES_256_GCM resource with the APIv3 key, parsed as JSON. */
export function decryptResource<T = unknown>(resource: EncryptedResource, apiV3Key: string): T {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new PaymentVerificationError('BAD_RESOURCE');
  const plain = aeadDecrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data ?? '');
  try {
    return JSON.parse(plain.toString('utf8')) as T;
  } catch {
    throw new PaymentVerificationError('BAD_RESOURCE');
  }
}

/** The platform side of decryptResource, for the sandbox. */
export function encryptResource(
  plain: unknown,
  apiV3Key: string,
  associatedData: string,
  originalType: string,
): EncryptedResource {
  const nonce = randomBytes(9).toString('base64url').slice(0, 12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: originalType,
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: body.toString('base64'),
    associated_data: associatedData,
    nonce,
  };
}
