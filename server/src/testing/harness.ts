// Test harness: a real server on a real database per test file. PGlite by default; with
// DATABASE_URL set, a fresh PostgreSQL database created beside it and dropped afterwards.
import { randomBytes } from 'node:crypto';
import { buildApp, type App } from '../app/app.js';
import type { Config } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import type { Database } from '../db/database.js';
import { freshDatabase } from './database.js';

export { freshDatabase };
import { DEMO_PASSWORD } from '../seed/seed.js';
import { PassThrough } from 'node:stream';

export const testSecrets = () => ({
  jwtSecret: randomBytes(32).toString('base64'),
  idEncryptionKey: randomBytes(32).toString('base64'),
  idHashKey: randomBytes(32).toString('base64'),
  wechatSandboxSecret: randomBytes(32).toString('base64'),
});

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    production: false,
    port: 0,
    host: '127.0.0.1',
    pgliteDir: '',
    secrets: testSecrets(),
    demo: true,
    tokenTtlSeconds: 3600,
    seedElders: 60,
    ...overrides,
  };
}

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: string[] }[];
  status: number;
}

export interface TestServer {
  app: App;
  db: Database & { backend: string };
  url: string;
  /** Everything the server logged, for leak checks. */
  logs: () => string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /**
   * The app clock from the first statement on, so the demo seed (enrolment start dates, this
   * month's allowances) lives on the test's own calendar. Tests that depend on the calendar pass
   * one; a test may still swap `app.services.clock` later.
   */
  clock?: () => Date;
  /** Seed last month as a finished month (visits, a complaint, an exception, an evaluation, a statement). */
  demoMonth?: boolean;
}

export async function startTestServer(
  overrides: Partial<Config> = {},
  opts: TestServerOptions = {},
): Promise<TestServer> {
  const db = await freshDatabase();
  const config = testConfig(overrides);
  const sink = new PassThrough();
  let logText = '';
  sink.on('data', (c: Buffer) => (logText += c.toString()));
  const logger = createLogger(sink);
  logger.level = 'info';
  const app = await buildApp(config, { db, logger, seed: true, clock: opts.clock, demoMonth: opts.demoMonth });
  const { url } = await app.http.listen(0);
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    logText += `\n[response] ${text}`;
    return { ...(JSON.parse(text) as object), status: res.status } as GqlResult<T>;
  };
  return {
    app,
    db,
    url,
    logs: () => logText,
    gql,
    async login(username, password = DEMO_PASSWORD) {
      const r = await gql<{ passwordLogin: { token: string } }>(
        'mutation($u:String!,$p:String!){ passwordLogin(username:$u,password:$p){ token } }',
        { u: username, p: password },
      );
      if (!r.data?.passwordLogin) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
      return r.data.passwordLogin.token;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
