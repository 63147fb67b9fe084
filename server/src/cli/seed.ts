// `npm run seed -w server`: migrates the configured database (PGlite folder or DATABASE_URL),
// brings the region tree and the programmes up to date and seeds the demo data when the database
// has no users yet (SEED_ELDERS elders). A seeded database is left as it is.
import path from 'node:path';
import { prepareData, buildServices } from '../app/app.js';
import { loadConfig } from '../common/config.js';
import { dieWithOneLine } from '../common/fatal.js';
import { createLogger } from '../common/logger.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { databaseTarget, openDatabase } from '../db/database.js';

const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    // A configuration the server would refuse (production without its secrets): one line, no stack.
    console.error(err instanceof Error ? err.message : String(err));
    return process.exit(2);
  }
})();
if (config.production && !config.demo) {
  // The demo accounts share one known password: never on a production database.
  console.error(
    '生产环境（NODE_ENV=production）不写入演示数据。/ No demo data in production (set YILIAN_DEMO=1 for a demo machine).',
  );
  process.exit(2);
}
const logDir = path.join(path.dirname(config.pgliteDir), 'logs');
const db = await openDatabase(databaseTarget(config)).catch((err: unknown) =>
  dieWithOneLine(err, { logDir, name: 'seed', expected: err instanceof DataDirInUseError, exitCode: 2 }),
);
try {
  const services = buildServices(config, db, createLogger());
  const { seeded } = await prepareData(services, { seed: true });
  const elders = await db.prisma.elder.count();
  console.log(
    seeded
      ? `seeded: ${elders} elders and the demo accounts`
      : `database already has users (${elders} elders): not seeded`,
  );
  await services.alertBus.close();
} finally {
  await db.close();
}
