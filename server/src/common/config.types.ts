// The server's configuration as types only, so that modules below config.ts (sandbox.ts) can name it
// without importing the loader that calls them.
export interface Secrets {
  /** HS256 key for session tokens. */
  jwtSecret: string;
  /** AES-256-GCM key (32 bytes, base64) for ID numbers at rest. */
  idEncryptionKey: string;
  /** HMAC-SHA256 key (base64) for looking ID numbers up without decrypting them. */
  idHashKey: string;
  /** Seeds the sandbox WeChat code exchanger, so demo openids are stable across restarts. */
  wechatSandboxSecret: string;
}

/** A WeChat Pay merchant (the payments area's client takes it as it is). */
export interface WechatPayConfig {
  mchid: string;
  appId: string;
  /** Serial number of the merchant API certificate. */
  serialNo: string;
  privateKeyPem: string;
  apiV3Key: string;
  /** WeChat Pay platform public key(s) by serial (平台证书序列号 or 微信支付公钥 ID). */
  platformPublicKeys: Record<string, string>;
  baseUrl?: string;
}

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databaseUrl?: string;
  pgliteDir: string;
  redisUrl?: string;
  secrets: Secrets;
  /** Demo mode: sandboxes allowed, seeded data. Production only with an explicit YILIAN_DEMO=1. */
  demo: boolean;
  wechat?: { appId: string; appSecret: string };
  /** The SMS gateway for H5 login codes; without it codes go through the sandbox (demo only). */
  sms?: { url: string; token: string };
  tokenTtlSeconds: number;
  /** How long the account behind a verified token is reused before it is read again (0: read every request). */
  sessionCacheMs?: number;
  /** How long the service guide and service items are reused (0: read every request). */
  catalogueCacheMs?: number;
  seedElders: number;
  /** WeChat Pay merchant credentials; without them payments go through the sandbox gateway. */
  wechatPay?: WechatPayConfig;
  /** The address WeChat reaches this server at (notify_url); defaults to where it listens. */
  publicUrl?: string;
  /** The largest single self-paid top-up, in fen. */
  topUpMaxFen?: number;
  /** Run the scheduled jobs (allowances, clearing, refunds) in this process. */
  scheduler?: boolean;
  /** Folder for uploaded files (visit photos). */
  filesDir?: string;
  /** How far from the elder's address a caregiver may check in or out. */
  geofenceMeters?: number;
  /** Hours an alert may stay unacknowledged before it goes up to the street. */
  alertEscalationHours?: number;
  /** Subscribe-message template ids by notice kind (JSON in WECHAT_SUBSCRIBE_TEMPLATES). */
  subscribeTemplates?: Record<string, string>;
  /** The built H5 mini-program, served at /h5/ beside /graphql (same origin, so no CORS). */
  h5Dir?: string;
}
