// The bench's one database: the harness's fresh database and the demo seed (as the tests start
// theirs), then what the demo lacks for these scenarios: a family elder with a full page of
// assigned orders, money for a long run of placeOrder, and OTHER_ORDERS orders of other elders
// (set-based, one INSERT … SELECT generate_series) so that a list without its index would show.
import pg from 'pg';
import { buildApp } from '../../../server/src/app/app.js';
import type { Config } from '../../../server/src/common/config.js';
import { todayInShanghai } from '../../../server/src/common/calendar.js';
import { createLogger } from '../../../server/src/common/logger.js';
import { freshDatabase, testConfig } from '../../../server/src/testing/harness.js';
import { DEMO_PASSWORD } from '../../../server/src/seed/seed.js';
import { elderAccount, moneyTx, platformAccount, post } from '../../../server/src/wallet/ledger.service.js';
import type { BareOrderParams } from './bare-sql.js';
import { LOGIN, PLACE_ORDER } from './queries.js';

const ELDERS = Number(process.env.BENCH_ELDERS ?? 500);
const OTHER_ORDERS = Number(process.env.BENCH_OTHER_ORDERS ?? 100_000);
/** Orders on the family elder's page: enough for the largest page the growth table asks for. */
const FAMILY_ORDERS = 60;

export interface World {
  db: Awaited<ReturnType<typeof freshDatabase>>;
  url: string;
  config: Config;
  familyUserId: string;
  elderId: string;
  /** A valid time for placeOrder: 10:00 Asia/Shanghai the day after tomorrow (within booking hours). */
  scheduledAt: string;
  bareOrder: BareOrderParams;
  counts: { elders: number; orders: number; otherOrders: number };
}

async function gql(url: string, query: string, variables: object, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: any; errors?: unknown[] };
  if (json.errors || !json.data) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

export async function seedWorld(): Promise<World> {
  const db = await freshDatabase();
  const config = testConfig({ seedElders: ELDERS });
  const app = await buildApp(config, { db, logger: createLogger(), seed: true });
  const { url: gqlUrl } = await app.http.listen(0);
  const prisma = db.prisma;
  try {
    const family = await prisma.user.findUniqueOrThrow({
      where: { username: 'family' },
      include: { familyLinks: { orderBy: { createdAt: 'asc' }, take: 1 } },
    });
    const elderId = family.familyLinks[0]!.elderId;
    const token = (await gql(gqlUrl, LOGIN, { u: 'family', p: DEMO_PASSWORD })).passwordLogin.token as string;
    const day = Date.parse(`${todayInShanghai(new Date())}T10:00:00+08:00`) + 2 * 86_400_000;
    const scheduledAt = new Date(day).toISOString();
    // One real order through the API (proves the input valid), then copies of it, assigned.
    const placed = (
      await gql(
        gqlUrl,
        PLACE_ORDER,
        { i: { elderId, serviceCode: 'HP_HAIRCUT', quantity: 1, scheduledAt, idempotencyKey: 'bench-seed-order' } },
        token,
      )
    ).placeOrder as { id: string };
    const { id: _id, idempotencyKey, ...like } = await prisma.order.findUniqueOrThrow({ where: { id: placed.id } });
    const caregivers = await prisma.caregiver.findMany({ where: { providerId: like.providerId! }, take: 5 });
    await prisma.order.createMany({
      data: Array.from({ length: FAMILY_ORDERS - 1 }, (_, i) => ({
        ...like,
        status: 'ASSIGNED' as const,
        caregiverId: caregivers[i % caregivers.length]!.id,
        idempotencyKey: `${idempotencyKey}-copy-${i}`,
      })),
    });
    // Enough self-paid money that no run of placeOrder meets INSUFFICIENT_BALANCE (and within
    // GraphQL's 32-bit Int): a top-up on the ledger like WeChat Pay's, so its invariants still hold.
    const selfPaid = await moneyTx(prisma, async (tx) => {
      const wallet = await elderAccount(tx, elderId, 'SELF_PAID', 'FEN');
      const gateway = await platformAccount(tx, 'PAYMENT_GATEWAY', 'FEN');
      const amount = 2_000_000_000n;
      await post(tx, {
        kind: 'TOP_UP',
        idempotencyKey: 'bench-funding',
        request: { elderId, amount: amount.toString() },
        elderId,
        memo: 'bench',
        at: new Date(),
        entries: [
          { accountId: gateway.id, amount: -amount },
          { accountId: wallet.id, amount },
        ],
      });
      return wallet;
    });
    const [{ current_database: name }] =
      await prisma.$queryRawUnsafe<{ current_database: string }[]>('SELECT current_database()');
    const target = new URL(process.env.DATABASE_URL!);
    target.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    try {
      const familyElders = (await prisma.familyLink.findMany({ where: { userId: family.id } })).map((l) => l.elderId);
      await client.query(
        `INSERT INTO "Order" (id, "elderId", "serviceItemId", "providerId", "caregiverId", quantity, "scheduledAt",
           channel, "placedById", status, "amountFen", "subsidyFen", "selfPaidFen", "idempotencyKey", "requestHash",
           "createdAt", "updatedAt")
         SELECT gen_random_uuid()::text, el.a[1 + g % cardinality(el.a)], t."serviceItemId", t."providerId",
           t."caregiverId", 1, t."scheduledAt" - (g % 400) * interval '1 day', t.channel, t."placedById",
           (ARRAY['PLACED', 'ASSIGNED', 'CONFIRMED', 'CONFIRMED', 'CANCELLED'])[1 + g % 5]::"OrderStatus",
           t."amountFen", t."subsidyFen", t."selfPaidFen", 'bench-other-' || g, 'bench', now(), now()
         FROM generate_series(1, $1::int) g,
           (SELECT * FROM "Order" WHERE "idempotencyKey" = $2) t,
           (SELECT array_agg(id ORDER BY id) AS a FROM "Elder" WHERE NOT (id = ANY($3::text[]))) el`,
        [OTHER_ORDERS, `${idempotencyKey}-copy-0`, familyElders],
      );
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
    return {
      db,
      url: target.toString(),
      config,
      familyUserId: family.id,
      elderId,
      scheduledAt,
      bareOrder: {
        accountId: selfPaid.id,
        amountFen: like.amountFen,
        elderId,
        enrolmentId: like.enrolmentId!,
        serviceItemId: like.serviceItemId,
        providerId: like.providerId!,
        placedById: family.id,
      },
      counts: {
        elders: await prisma.elder.count(),
        orders: await prisma.order.count(),
        otherOrders: OTHER_ORDERS,
      },
    };
  } finally {
    await app.close();
  }
}
