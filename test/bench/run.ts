// npm run bench, first part: Yilian's HTTP stack against PostGraphile 4 and a bare node:http + pg
// handler (one SQL statement per request), each server in its own child process on one seeded
// PostgreSQL database, load from this process with autocannon. Figures are ratios on this machine.
// Scenarios (issue 22): the public service guide, the family dashboard, the officials' elders page,
// and placeOrder; then how the dashboard and the elders page cost as they grow.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startChild, type Child } from './http/child.js';
import { compare, CONNECTIONS, round, ROUNDS, SECONDS, type Measured, type Target } from './http/load.js';
import { growth, table, type Row } from './http/report.js';
import { seedWorld } from './http/seed.js';
import { DASHBOARD, ELDERS, GUIDE, LOGIN, PG_DASHBOARD, PG_ELDERS, PG_GUIDE, PLACE_ORDER } from './http/queries.js';
import { DEMO_PASSWORD } from '../../server/src/seed/seed.js';

if (!process.env.DATABASE_URL) {
  console.log(
    'HTTP bench skipped: it needs DATABASE_URL (PostgreSQL). Its three servers run in processes of their own on ' +
      'one database, and an embedded PGlite database belongs to one process.',
  );
  process.exit(0);
}

const world = await seedWorld();
const env = { BENCH_DATABASE_URL: world.url, PG_POOL_MAX: process.env.PG_POOL_MAX ?? '10' };
const children: Child[] = [];
const start = async (name: string, file: string, extra: Record<string, string> = {}) => {
  const c = await startChild(name, file, { ...env, ...extra });
  children.push(c);
  return c;
};

try {
  // Yilian runs from server/dist as in production; the build is skipped when nothing changed.
  execFileSync(process.execPath, [fileURLToPath(new URL('../../server/scripts/build.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
  const yilian = await start('Yilian', './yilian-server.mjs', { BENCH_CONFIG: JSON.stringify(world.config) });
  const graphile = await start('PostGraphile', './postgraphile-server.ts');
  const bare = await start('bare', './bare-server.ts', { BENCH_BARE_ORDER: JSON.stringify(world.bareOrder) });

  const gqlTarget = (child: Child, query: string, variables: object, token?: string): Target => ({
    child,
    method: 'POST',
    path: '/graphql',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: JSON.stringify({ query, variables }),
  });
  /** One request of a target, its JSON answer, refused on any GraphQL error. */
  const once = async (t: Target): Promise<any> => {
    const res = await fetch(t.child.url + t.path, {
      method: t.method,
      headers: { 'content-type': 'application/json', ...t.headers },
      body: t.method === 'POST' ? (t.makeBody?.() ?? t.body) : undefined,
    });
    const text = await res.text();
    const json = JSON.parse(text) as { data?: any; errors?: unknown[] };
    if (!res.ok || json.errors || !json.data) throw new Error(`${t.child.name} ${t.path}: ${text}`);
    // A read must answer the same under load as here.
    if (!t.makeBody) t.verify = (body) => body === text;
    return json.data;
  };
  const login = async (u: string) =>
    (await once(gqlTarget(yilian, LOGIN, { u, p: DEMO_PASSWORD }))).passwordLogin.token as string;
  const family = await login('family');
  const official = await login('district_admin');
  const region = '420116'; // district_admin's district, the scope the bare elders SQL applies

  const same = (what: string, a: string[], b: string[]) => {
    if (a.join() !== b.join()) throw new Error(`${what}: the servers disagree\n${a.join()}\n${b.join()}`);
  };
  const rows: Row[] = [];

  // The public service guide.
  const guide = {
    y: gqlTarget(yilian, GUIDE, { p: 'HUANGPI_2020' }),
    pg: gqlTarget(graphile, PG_GUIDE, { p: 'HUANGPI_2020' }),
    bare: { child: bare, method: 'GET', path: '/guide?p=HUANGPI_2020' } as Target,
  };
  const guideCodes = ((await once(guide.y)).serviceGuide as { code: string }[]).map((s) => s.code);
  same(
    'guide',
    guideCodes,
    (await once(guide.pg)).allPolicies.nodes[0].serviceItemsByPolicyId.nodes.map((s: any) => s.code),
  );
  same(
    'guide',
    guideCodes,
    (await once(guide.bare)).serviceGuide.map((s: any) => s.code),
  );
  const [gy, gpg, gb] = await compare([guide.y, guide.pg, guide.bare]);
  rows.push({
    scenario: 'service guide',
    yilian: gy!,
    postgraphile: gpg,
    bare: gb!,
    against: 'PostGraphile',
    minRatio: 1,
  });

  // The family dashboard: elder, wallet, 20 orders with service, provider and caregiver.
  const dash = (n: number) => ({
    y: gqlTarget(yilian, DASHBOARD, { e: world.elderId, n }, family),
    pg: gqlTarget(graphile, PG_DASHBOARD, { e: world.elderId, n }),
    bare: { child: bare, method: 'GET', path: `/dashboard?id=${world.elderId}&user=${world.familyUserId}&n=${n}` },
  });
  const d20 = dash(20) as Record<'y' | 'pg' | 'bare', Target>;
  const dashIds = (await once(d20.y)).elder.orders.edges.map((e: any) => e.node.id) as string[];
  if (dashIds.length !== 20) throw new Error(`dashboard: ${dashIds.length} orders, not 20`);
  same(
    'dashboard',
    dashIds,
    (await once(d20.pg)).elderById.ordersByElderId.nodes.map((o: any) => o.id),
  );
  same(
    'dashboard',
    dashIds,
    (await once(d20.bare)).elder.orders.edges.map((e: any) => e.node.id),
  );
  const [dy, dpg, db] = await compare([d20.y, d20.pg, d20.bare]);
  rows.push({
    scenario: 'family dashboard (20 orders)',
    yilian: dy!,
    postgraphile: dpg,
    bare: db!,
    against: 'PostGraphile',
    minRatio: 1,
    maxStatements: 2,
  });

  // The officials' elders page: first 50 with community, enrolment and wallet.
  const elders = (n: number) => ({
    y: gqlTarget(yilian, ELDERS, { n }, official),
    pg: gqlTarget(graphile, PG_ELDERS, { n }),
    bare: { child: bare, method: 'GET', path: `/elders?n=${n}&region=${region}` } as Target,
  });
  const e50 = elders(50);
  const viaApi = (await once(e50.y)).elders;
  const viaSql = (await once(e50.bare)).elders;
  same(
    'elders page',
    [viaApi.totalCount, ...viaApi.edges.map((e: any) => e.node.id)],
    [viaSql.totalCount, ...viaSql.edges.map((e: any) => e.node.id)],
  );
  if ((await once(e50.pg)).allElders.nodes.length !== 50) throw new Error('PostGraphile: not 50 elders');
  const [ey, epg, eb] = await compare([e50.y, e50.pg, e50.bare]);
  rows.push({
    scenario: 'elders page (50)',
    yilian: ey!,
    postgraphile: epg,
    bare: eb!,
    against: 'bare',
    minRatio: 0.5,
  });

  // How they grow: one round each, Yilian only.
  const grow = async (targets: Target[]) => {
    const out: Measured[] = [];
    for (const t of targets) {
      await once(t);
      const r = await round(t);
      out.push({ rps: r.rps, p99: r.p99, statementsPerRequest: r.statements / r.sent, requests: r.requests });
    }
    return out;
  };
  const dashSizes = [5, 20, 50];
  const dashGrowth = await grow(dashSizes.map((n) => dash(n).y));
  const elderSizes = [10, 50, 100];
  const elderGrowth = await grow(elderSizes.map((n) => elders(n).y));

  // placeOrder, last: it adds orders. Every request a new idempotency key, the same valid time.
  const keys = { y: 0, bare: 0 };
  const placeY: Target = {
    ...gqlTarget(yilian, PLACE_ORDER, {}, family),
    makeBody: () =>
      JSON.stringify({
        query: PLACE_ORDER,
        variables: {
          i: {
            elderId: world.elderId,
            serviceCode: 'HP_HAIRCUT',
            quantity: 1,
            scheduledAt: world.scheduledAt,
            idempotencyKey: `bench-y-${keys.y++}`,
          },
        },
      }),
  };
  const placed = (body: string) => body.startsWith('{"data":{"placeOrder":{"id":"') && !body.includes('"errors"');
  placeY.verify = placed;
  const placeBare: Target = {
    child: bare,
    method: 'POST',
    path: '/orders',
    makeBody: () => JSON.stringify({ key: `bench-b-${keys.bare++}`, scheduledAt: world.scheduledAt }),
    verify: placed,
  };
  await once(placeY);
  await once(placeBare);
  const [py, pb] = await compare([placeY, placeBare]);
  // A GraphQL refusal is an HTTP 200: count the orders each side actually wrote.
  for (const [prefix, m, sent] of [
    ['bench-y-', py!, keys.y],
    ['bench-b-', pb!, keys.bare],
  ] as const) {
    const written = await world.db.prisma.order.count({ where: { idempotencyKey: { startsWith: prefix } } });
    if (written < m.requests || written > sent)
      throw new Error(`${prefix}: ${written} orders for ${m.requests} answers`);
  }
  rows.push({
    scenario: 'placeOrder',
    yilian: py!,
    bare: pb!,
    against: 'bare',
    minRatio: 0.33,
    maxStatements: 6,
  });

  console.log(
    `\nYilian HTTP bench: PostgreSQL, ${world.counts.elders} elders, ${world.counts.orders} orders` +
      ` (${world.counts.otherOrders} of other elders); ${ROUNDS} interleaved rounds of ${SECONDS} s at` +
      ` ${CONNECTIONS} connections per server and scenario, medians; Node ${process.version}.`,
  );
  console.log(table(rows));
  console.log(
    growth(
      'dashboard by orders on the page',
      dashSizes.map((size, i) => ({ size, m: dashGrowth[i]! })),
    ),
  );
  console.log(
    growth(
      'elders page by page size',
      elderSizes.map((size, i) => ({ size, m: elderGrowth[i]! })),
    ),
  );
  console.log(
    "Statements: counted at each server's own driver in its child process and read over IPC after each round," +
      ' divided by the requests sent (BEGIN and COMMIT included): Yilian by its Prisma driver-adapter counter' +
      ' (server/src/db/statement-count.ts), PostGraphile and bare by a counter on their pg Pool clients.' +
      ' PostGraphile runs without authorization (no scope: its elders page is the first 50 of all elders) and' +
      ' has no placeOrder here; the bare server authenticates nobody and is given the price, item and provider.',
  );
} finally {
  for (const c of children) await c.stop();
  await world.db.close();
}
