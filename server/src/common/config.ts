import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config, Secrets, WechatPayConfig } from './config.types.js';
import { checkSandboxes } from './sandbox.js';

export type { Config, Secrets, WechatPayConfig } from './config.types.js';

/**
 * The repository's root: the nearest folder above this file that holds the schema. Found rather
 * than counted, because this file runs from server/src under tsx and from server/dist/server/src
 * when compiled (npm start).
 */
export const REPO_ROOT = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'schema', 'prisma', 'schema.prisma'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('颐联的代码目录不完整：找不到 schema/prisma/schema.prisma。');
    dir = up;
  }
  return dir;
})();

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
    sessionCacheMs: Number(env.SESSION_CACHE_MS ?? 10_000),
    catalogueCacheMs: Number(env.CATALOGUE_CACHE_MS ?? 30_000),
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
