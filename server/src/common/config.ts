import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databaseUrl?: string;
  pgliteDir: string;
  redisUrl?: string;
  secrets: Secrets;
  /** Demo mode: sandbox WeChat, seeded data, query page. Off in production. */
  demo: boolean;
  wechat?: { appId: string; appSecret: string };
  tokenTtlSeconds: number;
  seedElders: number;
}

function loadOrCreateSecrets(dataDir: string, production: boolean): Secrets {
  const fromEnv = {
    jwtSecret: process.env.JWT_SECRET,
    idEncryptionKey: process.env.ID_ENCRYPTION_KEY,
    idHashKey: process.env.ID_HASH_KEY,
    wechatSandboxSecret: process.env.WECHAT_SANDBOX_SECRET,
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
    wechatSandboxSecret: fromEnv.wechatSandboxSecret ?? stored.wechatSandboxSecret ?? randomBytes(32).toString('base64'),
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
    env.WECHAT_APP_ID && env.WECHAT_APP_SECRET ? { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET } : undefined;
  return {
    production,
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: env.PGLITE_DIR ?? path.join(dataDir, 'pglite'),
    redisUrl: env.REDIS_URL || undefined,
    secrets: loadOrCreateSecrets(dataDir, production),
    demo: !production && env.YILIAN_DEMO !== '0',
    wechat,
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 7 * 24 * 3600),
    seedElders: Number(env.SEED_ELDERS ?? 300),
  };
}
