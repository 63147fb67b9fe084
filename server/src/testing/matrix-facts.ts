// Facts the authorization matrix reads from the database: what the scope rules look at for each elder and
// order, and a fingerprint of every table, so that a refused request can be shown to have changed nothing.
import type { Target } from '../auth/permissions.js';
import type { TestServer } from './harness.js';

/** What the scope rules look at, for every elder at once (one query, so list checks stay cheap). */
export async function elderFactsAll(s: TestServer): Promise<Map<string, Target>> {
  const rows = await s.db.prisma.elder.findMany({
    include: { community: true, family: true, orders: { include: { caregiver: true } } },
  });
  const bots = await s.db.prisma.botRoomBinding.findMany();
  return new Map(
    rows.map((e) => [
      e.id,
      {
        regionPath: e.community.path,
        elderId: e.id,
        familyUserIds: e.family.map((f) => f.userId),
        payerUserIds: e.family.filter((f) => f.isPayer).map((f) => f.userId),
        providerIds: [...new Set(e.orders.map((o) => o.providerId))],
        caregiverUserIds: [...new Set(e.orders.map((o) => o.caregiver?.userId ?? null))],
        botUserIds: bots.filter((b) => b.communityId === e.communityId).map((b) => b.botUserId),
      },
    ]),
  );
}

/** An order's facts: its elder's, narrowed to the order's own provider and caregiver. */
export async function orderFacts(s: TestServer, elders: Map<string, Target>, orderId: string): Promise<Target> {
  const o = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { caregiver: true } });
  return { ...elders.get(o.elderId)!, providerIds: [o.providerId], caregiverUserIds: [o.caregiver?.userId ?? null] };
}

/** Every table's row count and content hash: a refused request must leave all of them as they were. */
export async function fingerprint(s: TestServer): Promise<Record<string, string>> {
  const p = s.db.prisma;
  const tables = await p.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND
      table_type = 'BASE TABLE' ORDER BY 1`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await p.$queryRawUnsafe<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name}" t`,
    );
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}
