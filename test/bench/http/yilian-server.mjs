// Child process: the Yilian server as production runs it (`npm start`): the compiled JavaScript in
// server/dist on plain node, with no TypeScript loader in the process, whose hooks would see every
// dynamic import on the request path. The full HTTP stack (buildApp) on the bench's database; the
// statements are Yilian's own count at the Prisma driver adapter (db/statement-count.ts), BEGIN
// and COMMIT included. The configuration (with the secrets the seed encrypted with) comes from the
// parent, which builds server/dist first. Plain JavaScript, since no TypeScript loader runs here.
import { buildApp } from '../../../server/dist/server/src/app/app.js';
import { createLogger } from '../../../server/dist/server/src/common/logger.js';
import { openDatabase } from '../../../server/dist/server/src/db/database.js';

try {
  const config = JSON.parse(process.env.BENCH_CONFIG);
  const db = await openDatabase({ kind: 'postgres', url: process.env.BENCH_DATABASE_URL }, { migrate: false });
  const app = await buildApp(config, { db, logger: createLogger(), seed: false });
  const { url } = await app.http.listen(0);
  // The protocol of child.ts's serveChild: ready with the port, then statement counts on request.
  process.on('message', (m) => m?.type === 'stats' && process.send({ type: 'stats', statements: db.stats.statements }));
  process.send({ type: 'ready', port: Number(new URL(url).port) });
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
} catch (err) {
  process.send?.({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
}
