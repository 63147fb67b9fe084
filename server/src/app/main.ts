import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp, type App } from './app.js';
import { loadConfig, REPO_ROOT, type Config } from '../common/config.js';
import { dieWithOneLine } from '../common/fatal.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { startScheduler } from './scheduler.js';
import { DEMO_PASSWORD, DEMO_ACCOUNTS } from '../seed/seed.js';
import { CONSOLE_DIST } from '../http/h5.route.js';

const logDir = path.join(process.env.YILIAN_DATA_DIR ?? path.join(REPO_ROOT, 'data'), 'logs');
let running = false;
const die = (err: unknown): never =>
  dieWithOneLine(err, { logDir, name: 'server', expected: err instanceof DataDirInUseError, running });
// After start too: a crash prints one line and leaves the rest in the log.
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

async function start(): Promise<{ config: Config; app: App; url: string }> {
  const config = loadConfig();
  // The demo includes last month finished, so the console and the exports have content on first start.
  const app = await buildApp(config, { demoMonth: true });
  const { url } = await app.http.listen(config.port, config.host);
  return { config, app, url };
}

const started = Date.now();
const { config, app, url } = await start().catch(die);
running = true;
const log = app.services.logger;
// Allowances, clearing and refunds: on schedule, and once now to catch up after downtime.
const scheduler = config.scheduler ? startScheduler(app.services, { catchUp: true }) : null;
log.info({ url, database: app.services.db.kind, ms: Date.now() - started }, 'yilian server listening');

console.log(`\n颐联服务已启动  ${url}`);
console.log(
  `数据库：${app.services.db.kind === 'pglite' ? `内置 PGlite (${config.pgliteDir})` : 'PostgreSQL (DATABASE_URL)'}`,
);
if (config.h5Dir && existsSync(config.h5Dir)) console.log(`小程序网页版（H5）：${url.replace(/\/graphql$/, '/h5/')}`);
if (existsSync(CONSOLE_DIST)) console.log(`监管平台（民政、街道、社区）：${url.replace(/\/graphql$/, '/console/')}`);
if (!config.production) {
  console.log(`管理查询台：${url.replace(/\/graphql$/, '/admin')}`);
  console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    scheduler?.stop();
    app.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
