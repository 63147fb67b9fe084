// WeChat Pay API v3 cryptography: request signing (Authorization), wx.requestPayment signing,
// verification of WeChat's signed responses and notifications, and AEAD_AES_256_GCM resources.
// Rules follow WeChat Pay's v3 docs (签名生成 / 签名验证 / 回调报文解密 / 小程序调起支付).
//
// Library decision: node:crypto directly, not `wechatpay-axios-plugin` (0.9.6, the npm package's
// repository is TheNorthMemory/wechatpay-axios-plugin, not the wechatpay-apiv3 org). It installs
// without install scripts and its CommonJS named exports load from ESM on Node 20, but:
//  - importing it loads its axios client: 56 packages (axios 1.x, form-data, follow-redirects,
//    https-proxy-agent, and yargs pulled in as a required peer) for helpers that are one
//    node:crypto call each (`Rsa.sign` = createSign('sha256WithRSAEncryption'), `AesGcm.decrypt` =
//    createDecipheriv('aes-256-gcm') with the tag cut off the end);
//  - types exist only for the package root, so avoiding axios by deep-importing lib/rsa.js and
//    lib/aes.js would lose them;
//  - `Formatter.authorization` orders the fields differently from the documented example we emit
//    and it does not check key/tag lengths; we would wrap every call anyway.
// Its AES-GCM test vector is reused as a known answer in wechatpay.v3.test.ts.
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, randomBytes, randomInt, sign, verify, KeyObject } from 'node:crypto';

/** The only v3 signature scheme for RSA merchants: SHA256 with RSA (PKCS#1 v1.5), 2048-bit keys. */
export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';
/** WeChat sends deliberately broken signatures with this prefix to check merchants really verify. */
export const SIGNATURE_PROBE_PREFIX = 'WECHATPAY/SIGNTEST/';
/** The docs allow five minutes between a signed timestamp and the verifier's clock. */
export const DEFAULT_MAX_SKEW_SECONDS = 300;
export const RESOURCE_ALGORITHM = 'AEAD_AES_256_GCM';

/** A KeyObject or PEM text (PKCS#8 / PKCS#1 private key; SPKI public key or X.509 certificate). */
export type KeyInput = KeyObject | string;

export const toPrivateKey = (k: KeyInput): KeyObject => (k instanceof KeyObject ? k : createPrivateKey(k));
/** Platform certificates (平台证书) and WeChat Pay public keys (微信支付公钥) both load here. */
export const toPublicKey = (k: KeyInput): KeyObject => (k instanceof KeyObject ? (k.type === 'private' ? createPublicKey(k) : k) : createPublicKey(k));

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Random [0-9A-Za-z] string (crypto RNG, unbiased). */
export const randomAlnum = (length: number): string => Array.from({ length }, () => ALNUM[randomInt(ALNUM.length)]).join('');

/** 32 upper-case hex characters, the shape of the docs' nonce_str example (593BEC0C…). */
export const generateNonce = (): string => randomBytes(16).toString('hex').toUpperCase();
/** Unix time in whole seconds as a string: milliseconds are rejected by WeChat (timestamp mismatch). */
export const unixTimestamp = (at: Date = new Date()): string => String(Math.floor(at.getTime() / 1000));

// ---------------------------------------------------------------------------------------------
// Signing (merchant side)
// ---------------------------------------------------------------------------------------------

/** base64(SHA256withRSA(message)), PKCS#1 v1.5 padding (node's default for RSA keys). */
export function signSha256WithRsa(message: string | Buffer, privateKey: KeyInput): string {
  return sign('sha256', typeof message === 'string' ? Buffer.from(message, 'utf8') : message, toPrivateKey(privateKey)).toString('base64');
}

/** False (never throws) for a signature that is not base64 or does not verify. */
export function verifySha256WithRsa(message: string | Buffer, signatureBase64: string, publicKey: KeyInput): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false;
  try {
    return verify('sha256', typeof message === 'string' ? Buffer.from(message, 'utf8') : message, toPublicKey(publicKey), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Request signature message: five lines, each ending in \n, the last included:
 * HTTP method, URL path with its query string (no scheme/host), timestamp, nonce, body
 * (the exact JSON sent; empty for GET).
 */
export function requestSignatureMessage(method: string, urlPath: string, timestamp: string, nonce: string, body: string): string {
  return `${method.toUpperCase()}\n${urlPath}\n${timestamp}\n${nonce}\n${body}\n`;
}

export interface AuthorizationInput {
  mchid: string;
  /** Serial number of the merchant API certificate whose private key signs. */
  serialNo: string;
  privateKey: KeyInput;
  method: string;
  /** Path plus query string, e.g. `/v3/pay/transactions/jsapi` or `/v3/x?mchid=1`. */
  urlPath: string;
  body: string;
  nonce?: string;
  timestamp?: string;
}

/** `Authorization` header of a merchant request; field order as in the docs' example (order is free). */
export function buildAuthorization(o: AuthorizationInput): string {
  if (!o.urlPath.startsWith('/')) throw new Error(`urlPath must be the absolute path without host: ${o.urlPath}`);
  const nonce = o.nonce ?? generateNonce();
  const timestamp = o.timestamp ?? unixTimestamp();
  const signature = signSha256WithRsa(requestSignatureMessage(o.method, o.urlPath, timestamp, nonce, o.body), o.privateKey);
  return `${AUTH_SCHEMA} mchid="${o.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${o.serialNo}"`;
}

export interface ParsedAuthorization {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

/** Reads an Authorization header back (any field order); null when it is not a v3 RSA header. */
export function parseAuthorization(header: string): ParsedAuthorization | null {
  if (!header.startsWith(`${AUTH_SCHEMA} `)) return null;
  const fields: Record<string, string> = {};
  for (const m of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[m[1]!] = m[2]!;
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

/** What wx.requestPayment (mini-program) / WeixinJSBridge (JSAPI) take. */
export interface JsapiPayParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** paySign = SHA256withRSA over `appId\ntimeStamp\nnonceStr\npackage\n` with the merchant key. */
export function jsapiPayParams(o: { appId: string; prepayId: string; privateKey: KeyInput; nonce?: string; timestamp?: string }): JsapiPayParams {
  const timeStamp = o.timestamp ?? unixTimestamp();
  const nonceStr = o.nonce ?? generateNonce();
  const pkg = `prepay_id=${o.prepayId}`;
  const paySign = signSha256WithRsa(`${o.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`, o.privateKey);
  return { appId: o.appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
}

// ---------------------------------------------------------------------------------------------
// Verification (WeChat's responses and notifications)
// ---------------------------------------------------------------------------------------------

export type PaymentVerificationReason = 'MISSING_HEADERS' | 'SIGNATURE_PROBE' | 'UNKNOWN_SERIAL' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE' | 'BAD_RESOURCE';

/** A response or notification that must not be trusted; `reason` names the rule it broke. */
export class PaymentVerificationError extends Error {
  override readonly name = 'PaymentVerificationError';
  constructor(
    readonly reason: PaymentVerificationReason,
    readonly detail?: string,
  ) {
    super(`WeChat Pay verification failed: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}

export type HeaderSource = Record<string, string | string[] | undefined> | Headers;

/** Case-insensitive header read; a header repeated with several values is treated as absent. */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const [k, v] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (k.toLowerCase() !== lower || v === undefined) continue;
    values.push(...(Array.isArray(v) ? v : [v]));
  }
  return values.length === 1 ? values[0] : undefined;
}

/** The three-line message WeChat signs: `timestamp\nnonce\nbody\n`, body as the exact bytes received. */
export function responseSignatureMessage(timestamp: string, nonce: string, rawBody: Buffer | string): Buffer {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), body, Buffer.from('\n', 'utf8')]);
}

export interface VerifyNotificationInput {
  headers: HeaderSource;
  rawBody: Buffer | string;
  /** Platform certificate serial / WeChat Pay public key ID (PUB_KEY_ID_…) → public key. */
  platformKeys: ReadonlyMap<string, KeyInput>;
  now: Date;
  maxSkewSeconds?: number;
}

export interface VerifiedSignature {
  serial: string;
  timestamp: number;
  nonce: string;
}

/**
 * Verifies Wechatpay-* headers over a notification or API response (the same rule for both).
 * Order of checks: headers present; WeChat's SIGNTEST probes refused before any key lookup (they
 * must fail, and must not be mistaken for a rotated key); the serial must name a key we hold; the
 * timestamp must be within maxSkewSeconds of `now` (replays of old messages); then the RSA
 * signature over the raw body bytes (re-serialised JSON would not verify).
 */
export function verifyNotification(o: VerifyNotificationInput): VerifiedSignature {
  const signature = headerValue(o.headers, 'Wechatpay-Signature');
  const timestamp = headerValue(o.headers, 'Wechatpay-Timestamp');
  const nonce = headerValue(o.headers, 'Wechatpay-Nonce');
  const serial = headerValue(o.headers, 'Wechatpay-Serial');
  if (!signature || !timestamp || !nonce || !serial) throw new PaymentVerificationError('MISSING_HEADERS');
  if (signature.startsWith(SIGNATURE_PROBE_PREFIX)) throw new PaymentVerificationError('SIGNATURE_PROBE');
  const key = o.platformKeys.get(serial);
  if (!key) throw new PaymentVerificationError('UNKNOWN_SERIAL', serial);
  const ts = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  const skew = Math.abs(o.now.getTime() / 1000 - ts);
  if (!(skew <= (o.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS))) throw new PaymentVerificationError('STALE_TIMESTAMP', timestamp);
  // Absent type means the RSA scheme; SM2 (国密) merchants get WECHATPAY2-SM2-WITH-SM3, which our RSA keys cannot check.
  const type = headerValue(o.headers, 'Wechatpay-Signature-Type');
  if (type !== undefined && type !== AUTH_SCHEMA) throw new PaymentVerificationError('BAD_SIGNATURE', `signature type ${type}`);
  if (!verifySha256WithRsa(responseSignatureMessage(timestamp, nonce, o.rawBody), signature, key)) throw new PaymentVerificationError('BAD_SIGNATURE');
  return { serial, timestamp: ts, nonce };
}

// ---------------------------------------------------------------------------------------------
// AEAD_AES_256_GCM resources (notifications, encrypted API fields)
// ---------------------------------------------------------------------------------------------

export interface EncryptedResource {
  original_type?: string;
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
}

const TAG_BYTES = 16;

function apiV3KeyBytes(apiV3Key: string | Buffer): Buffer {
  const key = typeof apiV3Key === 'string' ? Buffer.from(apiV3Key, 'utf8') : apiV3Key;
  // A wrong-length key is our configuration error, not a forged message: a plain Error, so the
  // notify endpoint answers 5xx and WeChat redelivers once the key is fixed.
  if (key.length !== 32) throw new Error(`APIv3 key must be 32 bytes, got ${key.length}`);
  return key;
}

/** AES-256-GCM, output base64(ciphertext ‖ 16-byte tag) as WeChat sends it. */
export function aeadAes256GcmEncrypt(plaintext: string | Buffer, apiV3Key: string | Buffer, nonce: string, associatedData: string): string {
  const cipher = createCipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(nonce, 'utf8'), { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

/** Inverse of aeadAes256GcmEncrypt; the last 16 bytes are the tag. Throws BAD_RESOURCE on any failure. */
export function aeadAes256GcmDecrypt(ciphertextBase64: string, apiV3Key: string | Buffer, nonce: string, associatedData: string): Buffer {
  const key = apiV3KeyBytes(apiV3Key);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(ciphertextBase64)) throw new PaymentVerificationError('BAD_RESOURCE', 'ciphertext is not base64');
  const data = Buffer.from(ciphertextBase64, 'base64');
  if (data.length < TAG_BYTES || !nonce) throw new PaymentVerificationError('BAD_RESOURCE', 'ciphertext or nonce too short');
  try {
    // authTagLength pins the tag to 16 bytes, so a truncated tag cannot weaken the check.
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'utf8'), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new PaymentVerificationError('BAD_RESOURCE', 'authentication tag mismatch');
  }
}

/**
 * Decrypts a notification `resource` with the APIv3 key and parses its JSON. The docs fix the key
 * at 32 bytes and the nonce at 12; associated_data may be absent or "" (then the AAD is empty).
 */
export function decryptResource<T = unknown>(resource: EncryptedResource, apiV3Key: string | Buffer): T {
  if (resource?.algorithm !== RESOURCE_ALGORITHM) throw new PaymentVerificationError('BAD_RESOURCE', `algorithm ${String(resource?.algorithm)}`);
  if (typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string') throw new PaymentVerificationError('BAD_RESOURCE', 'ciphertext/nonce missing');
  const plain = aeadAes256GcmDecrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data ?? '');
  try {
    return JSON.parse(plain.toString('utf8')) as T;
  } catch {
    throw new PaymentVerificationError('BAD_RESOURCE', 'plaintext is not JSON');
  }
}

/** WeChat's side of decryptResource (for the sandbox): fresh 12-character nonce per resource. */
export function encryptResource(plaintext: unknown, apiV3Key: string | Buffer, associatedData: string, opts: { originalType?: string; nonce?: string } = {}): EncryptedResource {
  const nonce = opts.nonce ?? randomAlnum(12);
  return {
    original_type: opts.originalType ?? associatedData,
    algorithm: RESOURCE_ALGORITHM,
    ciphertext: aeadAes256GcmEncrypt(JSON.stringify(plaintext), apiV3Key, nonce, associatedData),
    associated_data: associatedData,
    nonce,
  };
}
