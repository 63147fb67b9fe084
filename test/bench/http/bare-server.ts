// Child process: the baseline. node:http and the pg driver, one statement per request, JSON out.
// GET /guide?p=, GET /elders?n=&region=, GET /dashboard?id=&user=&n=, POST /orders {key, scheduledAt}.
import { createServer, type IncomingMessage } from 'node:http';
import { countingPool, failChild, listenChild } from './child.js';
import { DASHBOARD_SQL, ELDERS_SQL, GUIDE_SQL, PLACE_ORDER_SQL, type BareOrderParams } from './bare-sql.js';

async function readJson(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
}

try {
  const { pool, stats } = countingPool(process.env.BENCH_DATABASE_URL!, Number(process.env.PG_POOL_MAX ?? 10));
  const order = JSON.parse(process.env.BENCH_BARE_ORDER!) as BareOrderParams;
  const routes: Record<string, (u: URL, req: IncomingMessage) => Promise<unknown>> = {
    '/guide': async (u) => ({ data: { serviceGuide: (await pool.query(GUIDE_SQL, [u.searchParams.get('p')])).rows } }),
    '/elders': async (u) => {
      const r = await pool.query(ELDERS_SQL, [Number(u.searchParams.get('n')), `${u.searchParams.get('region')}/%`]);
      return { data: { elders: r.rows[0].body } };
    },
    '/dashboard': async (u) => {
      const { id, user, n } = Object.fromEntries(u.searchParams);
      return { data: (await pool.query(DASHBOARD_SQL, [id, user, Number(n)])).rows[0]?.body ?? { elder: null } };
    },
    '/orders': async (_u, req) => {
      const body = await readJson(req);
      const o = order;
      const r = await pool.query(PLACE_ORDER_SQL, [
        o.accountId,
        o.amountFen,
        o.elderId,
        o.enrolmentId,
        o.serviceItemId,
        o.providerId,
        body.scheduledAt,
        o.placedById,
        body.key,
      ]);
      if (r.rowCount !== 1) throw new Error('insufficient balance');
      return { data: { placeOrder: { id: r.rows[0].id } } };
    },
  };
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://bare');
    const route = routes[u.pathname];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    route(u, req).then(
      (body) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      },
      (err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      },
    );
  });
  await listenChild(server, stats, () => pool.end());
} catch (err) {
  failChild(err);
}
