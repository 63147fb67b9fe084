// The elders list filtered by programme category on the server (the officials' console, issue 24),
// not one page filtered in the browser: every elder of the category in the caller's area and no
// other, counted here from the enrolments directly; a malformed code is refused at the edge.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
const t: Record<string, string> = {};
const ELDERS = `query($f: ElderFilter, $n: Int, $a: String) { elders(filter: $f, first: $n, after: $a) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id enrolment { category status } } } } }`;
type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; enrolment: { category: string; status: string } | null } }[];
};

beforeAll(async () => {
  s = await startTestServer();
  for (const u of ['district_admin', 'street_officer']) t[u] = await s.login(u);
}, 240_000);
afterAll(async () => s?.close());

async function all(who: string, filter: Record<string, unknown>) {
  const ids: Page['edges'] = [];
  let after: string | null = null;
  let total = 0;
  do {
    const r: { data?: { elders: Page } | null; errors?: unknown } = await s.gql<{ elders: Page }>(
      ELDERS,
      { f: filter, n: 100, a: after },
      t[who],
    );
    expect(r.errors).toBeUndefined();
    ids.push(...r.data!.elders.edges);
    total = r.data!.elders.totalCount;
    after = r.data!.elders.pageInfo.hasNextPage ? r.data!.elders.pageInfo.endCursor : null;
  } while (after);
  return { rows: ids, total };
}

/** The elders of the caller's area whose current enrolment (active, else the latest) is in the category. */
async function expected(who: string, category: string) {
  const user = await s.db.prisma.user.findUniqueOrThrow({ where: { username: who }, include: { region: true } });
  const elders = await s.db.prisma.elder.findMany({
    where: { community: { path: { startsWith: user.region!.path } } },
    include: { enrolments: { orderBy: [{ startedOn: 'desc' }, { id: 'desc' }] } },
  });
  return elders
    .filter((e) => (e.enrolments.find((x) => x.status === 'ACTIVE') ?? e.enrolments[0])?.category === category)
    .map((e) => e.id)
    .sort();
}

describe('elders(filter: { category })', () => {
  it('lists every elder of the category in the area, across pages, and only those', async () => {
    const categories = await s.db.prisma.enrolment.groupBy({ by: ['category'], _count: true });
    const common = categories.sort((a, b) => b._count - a._count)[0]!.category;
    for (const who of ['district_admin', 'street_officer']) {
      const want = await expected(who, common);
      expect(want.length, `${who} has elders of ${common}`).toBeGreaterThan(0);
      const got = await all(who, { category: common });
      expect(got.total).toBe(want.length);
      expect(got.rows.map((r) => r.node.id).sort()).toEqual(want);
      expect(got.rows.every((r) => r.node.enrolment?.category === common)).toBe(true);
    }
    // Fewer than the whole area, so the filter did something.
    expect((await all('district_admin', { category: common })).total).toBeLessThan(
      (await all('district_admin', {})).total,
    );
    // A well-formed code no programme uses: nobody.
    expect((await all('district_admin', { category: 'NO_SUCH_CATEGORY' })).total).toBe(0);
  });

  it('refuses a malformed code with the field named in Chinese', async () => {
    for (const bad of ['hp low income', '低保', 'HP-LOW', 'X']) {
      const r = await s.gql(ELDERS, { f: { category: bad }, n: 10 }, t.district_admin);
      expect(r.errors?.[0]?.extensions?.code, bad).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/服务对象类别/);
    }
  });
});
