// Child process: the Yilian server (buildApp, the full HTTP stack) on the bench's database. The
// statements are Yilian's own count at the Prisma driver adapter (db/statement-count.ts), BEGIN and
// COMMIT included. The configuration (with the secrets the seed encrypted with) comes from the parent.
import { buildApp } from '../../../server/src/app/app.js';
import type { Config } from '../../../server/src/common/config.js';
import { createLogger } from '../../../server/src/common/logger.js';
import { openDatabase } from '../../../server/src/db/database.js';
import { failChild, serveChild } from './child.js';

try {
  const config = JSON.parse(process.env.BENCH_CONFIG!) as Config;
  const db = await openDatabase({ kind: 'postgres', url: process.env.BENCH_DATABASE_URL! }, { migrate: false });
  const app = await buildApp(config, { db, logger: createLogger(), seed: false });
  const { url } = await app.http.listen(0);
  serveChild(Number(new URL(url).port), db.stats);
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
} catch (err) {
  failChild(err);
}
