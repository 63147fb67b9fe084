import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSandboxes } from './sandbox.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

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

function wechatPayFromEnv(env: NodeJS.ProcessEnv): WechatPayConfig | undefined {
  if (!env.WECHATPAY_MCHID) return undefined;
  const need = [
    'WECHAT_APP_ID',
    'WECHATPAY_SERIAL_NO',
    'WECHATPAY_PRIVATE_KEY_FILE',
    'WECHATPAY_APIV3_KEY',
    'WECHATPAY_PLATFORM_SERIAL',
    'WECHATPAY_PLATFORM_PUBLIC_KEY_FILE',
  ];
  const missing = need.filter((k) => !env[k]);
  if (missing.length) throw new Error(`WECHATPAY_MCHID is set; also set ${missing.join(', ')}`);
  return {
    mchid: env.WECHATPAY_MCHID,
    appId: env.WECHAT_APP_ID!,
    serialNo: env.WECHATPAY_SERIAL_NO!,
    privateKeyPem: readFileSync(env.WECHATPAY_PRIVATE_KEY_FILE!, 'utf8'),
    apiV3Key: env.WECHATPAY_APIV3_KEY!,
    platformPublicKeys: {
      [env.WECHATPAY_PLATFORM_SERIAL!]: readFileSync(env.WECHATPAY_PLATFORM_PUBLIC_KEY_FILE!, 'utf8'),
    },
  };
}

function smsFromEnv(env: NodeJS.ProcessEnv): Config['sms'] {
  if (!env.SMS_GATEWAY_URL) return undefined;
  if (!env.SMS_GATEWAY_TOKEN) throw new Error('SMS_GATEWAY_URL is set; also set SMS_GATEWAY_TOKEN');
  return { url: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN };
}

function loadOrCreateSecrets(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): Secrets {
  const fromEnv = {
    jwtSecret: env.JWT_SECRET,
    idEncryptionKey: env.ID_ENCRYPTION_KEY,
    idHashKey: env.ID_HASH_KEY,
    wechatSandboxSecret: env.WECHAT_SANDBOX_SECRET,
  };
  if (production) {
    const missing = Object.entries(fromEnv).filter(([k, v]) => !v && k !== 'wechatSandboxSecret');
    if (missing.length) {
      throw new Error(`production mode needs JWT_SECRET, ID_ENCRYPTION_KEY and ID_HASH_KEY to be set`);
    }
  }
  // Outside production the keys live beside the embedded database, so a restart can still decrypt
  // what it stored; they are generated once, never committed.
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets: Secrets = {
    jwtSecret: fromEnv.jwtSecret ?? stored.jwtSecret ?? randomBytes(32).toString('base64'),
    idEncryptionKey: fromEnv.idEncryptionKey ?? stored.idEncryptionKey ?? randomBytes(32).toString('base64'),
    idHashKey: fromEnv.idHashKey ?? stored.idHashKey ?? randomBytes(32).toString('base64'),
    wechatSandboxSecret:
      fromEnv.wechatSandboxSecret ?? stored.wechatSandboxSecret ?? randomBytes(32).toString('base64'),
  };
  if (!production && JSON.stringify(stored) !== JSON.stringify(secrets)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = env.YILIAN_DATA_DIR ?? path.join(REPO_ROOT, 'data');
  const wechat =
    env.WECHAT_APP_ID && env.WECHAT_APP_SECRET
      ? { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET }
      : undefined;
  const config: Config = {
    production,
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: env.PGLITE_DIR ?? path.join(dataDir, 'pglite'),
    redisUrl: env.REDIS_URL || undefined,
    secrets: loadOrCreateSecrets(env, dataDir, production),
    // Production is never a demo by default: sandboxes there need YILIAN_DEMO=1 said out loud.
    demo: production ? env.YILIAN_DEMO === '1' : env.YILIAN_DEMO !== '0',
    wechat,
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 7 * 24 * 3600),
    seedElders: Number(env.SEED_ELDERS ?? 300),
    sms: smsFromEnv(env),
    wechatPay: wechatPayFromEnv(env),
    publicUrl: env.PUBLIC_URL || undefined,
    topUpMaxFen: Number(env.TOP_UP_MAX_FEN ?? 200_000),
    scheduler: env.YILIAN_SCHEDULER !== '0',
    filesDir: env.FILES_DIR ?? path.join(dataDir, 'files'),
    geofenceMeters: Number(env.GEOFENCE_METERS ?? 300),
    alertEscalationHours: Number(env.ALERT_ESCALATION_HOURS ?? 4),
    h5Dir: env.H5_DIR ?? path.join(REPO_ROOT, 'miniprogram/dist/h5'),
    subscribeTemplates: env.WECHAT_SUBSCRIBE_TEMPLATES
      ? (JSON.parse(env.WECHAT_SUBSCRIBE_TEMPLATES) as Record<string, string>)
      : undefined,
  };
  checkSandboxes(config);
  return config;
}
