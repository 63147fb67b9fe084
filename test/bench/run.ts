// npm run bench: the Yilian server through its full HTTP stack against a bare node:http handler
// serving the same data from one hand-written SQL query, both measured in this one process on the
// same database, so the figures are ratios, not absolute claims about the machine.
import { createServer } from 'node:http';
import { buildApp } from '../../server/src/app/app.js';
import { createLogger } from '../../server/src/common/logger.js';
import { freshDatabase, testConfig } from '../../server/src/testing/harness.js';
import { DEMO_PASSWORD } from '../../server/src/seed/seed.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ELDERS = Number(process.env.BENCH_ELDERS ?? 500);

const GUIDE_QUERY = `query($p:String!){ serviceGuide(policyCode:$p){ code name category mode unit priceFen description
  } }`;
const ELDERS_QUERY = `query($n:Int!){ elders(first:$n){ totalCount edges { node { id name age idNumberMasked
  community { code name } enrolment { policy { code } category status startedOn }
  wallet { accounts { kind unit balance held } } } } } }`;

const GUIDE_SQL = `SELECT s.code, s.name, s.category, s.mode, s.unit, s."priceFen", s.description
  FROM "ServiceItem" s JOIN "Policy" p ON p.id = s."policyId"
  WHERE p.code = $1 AND s.active ORDER BY s."sortOrder", s.code`;

// One statement for the page, the total and every nested object, scoped to the caller's district
// as the API scopes it: the floor any ORM stack pays over.
const ELDERS_SQL = `WITH page AS (
    SELECT e.* FROM "Elder" e JOIN "Region" c ON c.id = e."communityId"
    WHERE c.path LIKE $2 ORDER BY e.id LIMIT $1
  )
  SELECT json_build_object(
    'totalCount', (SELECT count(*) FROM "Elder" e JOIN "Region" c ON c.id = e."communityId" WHERE c.path LIKE $2),
    'edges', coalesce(json_agg(json_build_object('node', json_build_object(
      'id', page.id, 'name', page.name,
      'age', date_part('year', age((now() AT TIME ZONE 'Asia/Shanghai')::date, page."birthDate"))::int,
      'idNumberMasked', page."idNumberMasked",
      'community', json_build_object('code', r.code, 'name', r.name),
      'enrolment', (SELECT json_build_object('policy', json_build_object('code', p.code), 'category', en.category,
                      'status', en.status, 'startedOn', to_char(en."startedOn", 'YYYY-MM-DD'))
                    FROM "Enrolment" en JOIN "Policy" p ON p.id = en."policyId"
                    WHERE en."elderId" = page.id ORDER BY (en.status = 'ACTIVE') DESC, en."startedOn" DESC LIMIT 1),
      'wallet', json_build_object('accounts', coalesce((SELECT json_agg(json_build_object('kind', a.kind, 'unit',
        a.unit,
                      'balance', a.balance, 'held', a.held) ORDER BY a.kind)
                    FROM "LedgerAccount" a WHERE a."elderId" = page.id), '[]'::json))
    )) ORDER BY page.id), '[]'::json)
  ) AS body
  FROM page JOIN "Region" r ON r.id = page."communityId"`;

async function load(send: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 20; i++) await send(); // warm-up
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) await send();
    }),
  );
  return REQUESTS / ((performance.now() - started) / 1000);
}

const db = await freshDatabase();
const app = await buildApp(testConfig({ seedElders: ELDERS }), { db, logger: createLogger(), seed: true });
const { url } = await app.http.listen(0);

async function post(body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { data?: any; errors?: unknown[] };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

const token = (
  await post({
    query: 'mutation($u:String!,$p:String!){ passwordLogin(username:$u,password:$p){ token } }',
    variables: { u: 'district_admin', p: DEMO_PASSWORD },
  })
).passwordLogin.token as string;

// The baseline: node:http + the same driver, one SQL statement, JSON out. No auth, no GraphQL.
const query = async (sql: string, params: unknown[]) => {
  const r = await app.services.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params);
  return r;
};
const bareRoutes = new Map<string, (u: URL) => Promise<unknown>>([
  ['/guide', (u) => query(GUIDE_SQL, [u.searchParams.get('p')]).then((rows) => ({ data: { serviceGuide: rows } }))],
  [
    '/elders',
    (u) =>
      query(ELDERS_SQL, [Number(u.searchParams.get('n')), `${u.searchParams.get('region')}/%`]).then((rows) => ({
        data: { elders: rows[0].body },
      })),
  ],
]);
const bare = createServer((req, res) => {
  const u = new URL(req.url ?? '/', 'http://x');
  const run = bareRoutes.get(u.pathname)!(u);
  run.then(
    (body) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
    },
    (err) => {
      res.writeHead(500);
      res.end(String(err));
    },
  );
});
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;
const getBare = async (path: string) => {
  const res = await fetch(bareUrl + path);
  if (!res.ok) throw new Error(await res.text());
  await res.json();
};

// Same data from both sides, or the comparison means nothing.
const viaApi = await post({ query: ELDERS_QUERY, variables: { n: 50 } }, token);
const viaSql = (await (await fetch(`${bareUrl}/elders?n=50&region=420116`)).json()) as { data: { elders: any } };
const total = viaApi.elders.totalCount;
const ids = (c: { edges: { node: { id: string } }[] }) => c.edges.map((e) => e.node.id).join();
if (ids(viaApi.elders) !== ids(viaSql.data.elders) || total !== Number(viaSql.data.elders.totalCount)) {
  throw new Error('baseline and API disagree on the elders page');
}

async function statementsPer(fn: () => Promise<unknown>): Promise<number> {
  const before = app.services.db.stats.statements;
  await fn();
  return app.services.db.stats.statements - before;
}

const rows: string[][] = [];
const guideApi = await load(async () => void (await post({ query: GUIDE_QUERY, variables: { p: 'HUANGPI_2020' } })));
const guideBare = await load(() => getBare('/guide?p=HUANGPI_2020'));
rows.push([
  'serviceGuide(HUANGPI_2020)',
  guideApi.toFixed(0),
  guideBare.toFixed(0),
  (guideApi / guideBare).toFixed(2),
  String(await statementsPer(() => post({ query: GUIDE_QUERY, variables: { p: 'HUANGPI_2020' } }))),
]);
const eldersApi = await load(async () => void (await post({ query: ELDERS_QUERY, variables: { n: 50 } }, token)));
const eldersBare = await load(() => getBare('/elders?n=50&region=420116'));
rows.push([
  'elders(first: 50) + wallet + community',
  eldersApi.toFixed(0),
  eldersBare.toFixed(0),
  (eldersApi / eldersBare).toFixed(2),
  String(await statementsPer(() => post({ query: ELDERS_QUERY, variables: { n: 50 } }, token))),
]);

// The family dashboard: an elder with the wallet and the last 20 orders with provider, visit and
// rating. The demo seed has no orders, so 40 visits are written for the family's first elder.
const familyToken = (
  await post({
    query: 'mutation($u:String!,$p:String!){ passwordLogin(username:$u,password:$p){ token } }',
    variables: { u: 'family', p: DEMO_PASSWORD },
  })
).passwordLogin.token as string;
const prisma = app.services.db.prisma;
const link = await prisma.familyLink.findFirstOrThrow({
  where: { user: { username: 'family' } },
  orderBy: { createdAt: 'asc' },
});
const enrolment = await prisma.enrolment.findFirstOrThrow({ where: { elderId: link.elderId, status: 'ACTIVE' } });
const zone = await prisma.serviceZone.findFirstOrThrow({
  where: { policyId: enrolment.policyId, providerId: { not: null } },
  include: { provider: { include: { caregivers: true } } },
});
const items = await prisma.serviceItem.findMany({ where: { policyId: enrolment.policyId, mode: 'OFFLINE' } });
for (let i = 0; i < 40; i++) {
  const at = new Date(Date.now() - (40 - i) * 86_400_000);
  const cg = zone.provider!.caregivers[i % zone.provider!.caregivers.length]!;
  await prisma.order.create({
    data: {
      elderId: link.elderId,
      enrolmentId: enrolment.id,
      serviceItemId: items[i % items.length]!.id,
      providerId: zone.providerId,
      caregiverId: cg.id,
      quantity: 1,
      scheduledAt: at,
      channel: 'MINIPROGRAM',
      placedById: link.userId,
      status: 'CONFIRMED',
      amountFen: 3000,
      subsidyFen: 3000,
      idempotencyKey: `bench-${i}`,
      requestHash: 'h',
      visit: {
        create: {
          caregiverId: cg.id,
          checkInAt: at,
          checkOutAt: new Date(at.getTime() + 3_600_000),
          durationMinutes: 60,
        },
      },
      ...(i % 3 ? { rating: { create: { stars: 4 + (i % 2), comment: '很好', byUserId: link.userId } } } : {}),
    },
  });
}
const DASHBOARD_QUERY = `query($id: ID!) { elder(id: $id) { id name wallet { accounts { kind unit balance held
  available } }
  orders(first: 20) { totalCount edges { node { id status scheduledAt amountFen subsidyFen selfPaidFen service { code
    name }
  provider { name } visit { checkInAt checkOutAt durationMinutes } rating { stars comment } } } } } }`;
// The floor: one statement, the same objects, the same family-link check the API makes.
const DASHBOARD_SQL = `SELECT json_build_object('elder', json_build_object('id', e.id, 'name', e.name,
    'wallet', json_build_object('accounts', coalesce((SELECT json_agg(json_build_object('kind', a.kind, 'unit',
      a.unit, 'balance', a.balance,
        'held', a.held, 'available', a.balance - a.held) ORDER BY a.kind) FROM "LedgerAccount" a WHERE a."elderId" =
          e.id
        AND a.kind IN ('SUBSIDY_ONLINE','SUBSIDY_OFFLINE','SUBSIDY_HOURS','SELF_PAID')), '[]'::json)),
    'orders', json_build_object('totalCount', (SELECT count(*) FROM "Order" o WHERE o."elderId" = e.id),
      'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', o.id, 'status', o.status,
        'scheduledAt', o."scheduledAt",
          'amountFen', o."amountFen", 'subsidyFen', o."subsidyFen", 'selfPaidFen', o."selfPaidFen",
          'service', json_build_object('code', s.code, 'name', s.name), 'provider', json_build_object('name', p.name),
          'visit', CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('checkInAt', v."checkInAt", 'checkOutAt',
            v."checkOutAt", 'durationMinutes', v."durationMinutes") END,
          'rating', CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('stars', r.stars, 'comment', r.comment)
            END)) ORDER BY o.id DESC)
        FROM (SELECT * FROM "Order" WHERE "elderId" = e.id ORDER BY id DESC LIMIT 20) o
        JOIN "ServiceItem" s ON s.id = o."serviceItemId" LEFT JOIN "Provider" p ON p.id = o."providerId"
        LEFT JOIN "Visit" v ON v."orderId" = o.id LEFT JOIN "Rating" r ON r."orderId" = o.id), '[]'::json)))) AS body
  FROM "Elder" e WHERE e.id = $1 AND EXISTS (SELECT 1 FROM "FamilyLink" f WHERE f."elderId" = e.id AND f."userId" =
    $2)`;
bareRoutes.set('/dashboard', (u) =>
  query(DASHBOARD_SQL, [u.searchParams.get('id'), link.userId]).then((r) => ({ data: r[0]!.body })),
);
const dashApi = await post({ query: DASHBOARD_QUERY, variables: { id: link.elderId } }, familyToken);
const dashSql = (await (await fetch(`${bareUrl}/dashboard?id=${link.elderId}`)).json()) as { data: { elder: any } };
if (ids(dashApi.elder.orders) !== ids(dashSql.data.elder.orders) || dashApi.elder.orders.edges.length !== 20)
  throw new Error('baseline and API disagree on the dashboard');
const dashboardApi = await load(
  async () => void (await post({ query: DASHBOARD_QUERY, variables: { id: link.elderId } }, familyToken)),
);
const dashboardBare = await load(() => getBare(`/dashboard?id=${link.elderId}`));
rows.push([
  'family dashboard: elder + wallet + 20 orders (provider, visit, rating)',
  dashboardApi.toFixed(0),
  dashboardBare.toFixed(0),
  (dashboardApi / dashboardBare).toFixed(2),
  String(await statementsPer(() => post({ query: DASHBOARD_QUERY, variables: { id: link.elderId } }, familyToken))),
]);

const perPage: string[] = [];
for (const n of [1, 10, 50, 100]) {
  perPage.push(`first=${n}: ${await statementsPer(() => post({ query: ELDERS_QUERY, variables: { n } }, token))}`);
}

console.log(
  `\nYilian bench — ${db.backend}, ${total} elders visible to district_admin, ${REQUESTS} requests ×` +
    ` ${CONCURRENCY} concurrent per side`,
);
console.log(['scenario', 'yilian req/s', 'bare SQL req/s', 'ratio', 'SQL statements/request'].join(' | '));
for (const r of rows) console.log(r.join(' | '));
console.log(`SQL statements per elders request by page size (must not grow): ${perPage.join(', ')}`);
console.log('(statements include the token holder look-up; the bare handler does no authentication.)');

bare.close();
await app.close();
await db.close();
