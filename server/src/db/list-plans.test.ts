// The lists clients page newest-first read an index in their own order: PostgreSQL walks the
// elder's (or user's, or provider's) rows by id and stops at the page, instead of walking the whole
// primary key backwards and filtering, or sorting every row. The SQL checked is what Prisma sends
// for the family's and the provider's real queries, captured at the driver; the planner is told to
// avoid sequential scans and sorts, so only an index that matches both the filter and the order
// yields a plan without a Sort node, whatever the table's size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 300_000);
afterAll(async () => s?.close());

/** The paged SELECTs on `table` a GraphQL request makes, as Prisma wrote them, with their arguments. */
async function pagedSelects(table: string, query: string, variables: Record<string, unknown>, token: string) {
  const seen: { sql: string; args: unknown[] }[] = [];
  s.db.stats.onStatement = (sql, args) => seen.push({ sql, args });
  try {
    const r = await s.gql(query, variables, token);
    expect(r.errors).toBeUndefined();
  } finally {
    delete s.db.stats.onStatement;
  }
  return seen.filter(
    (q) => q.sql.startsWith('SELECT') && q.sql.includes(`FROM "public"."${table}"`) && /ORDER BY .* DESC/.test(q.sql),
  );
}

async function plan(sql: string, args: unknown[]): Promise<string> {
  return s.db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    await tx.$executeRawUnsafe('SET LOCAL enable_sort = off');
    const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, ...args);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

async function expectIndexedPage(
  table: string,
  index: string,
  query: string,
  vars: Record<string, unknown>,
  who: string,
) {
  const selects = await pagedSelects(table, query, vars, await s.login(who));
  expect(selects.length).toBeGreaterThan(0);
  for (const q of selects) {
    const p = await plan(q.sql, q.args);
    expect(p, p).not.toMatch(/\bSort\b/);
    expect(p, p).toContain(`"${index}"`);
  }
}

describe('the plans of the lists paged newest-first', () => {
  it("a family's orders of its elder use (elderId, id)", async () => {
    const elderId = (await s.db.prisma.familyLink.findFirstOrThrow({ where: { user: { username: 'family' } } }))
      .elderId;
    await expectIndexedPage(
      'Order',
      'Order_elderId_id_idx',
      `query($e: ID!) { orders(filter: { elderId: $e }, first: 20) { edges { node { id } } } }`,
      { e: elderId },
      'family',
    );
  });

  it("a user's notices use (userId, id)", async () => {
    await expectIndexedPage(
      'Notice',
      'Notice_userId_id_idx',
      `{ notices(first: 20) { edges { node { id } } } }`,
      {},
      'family',
    );
  });

  it("a provider's orders use (providerId, id)", async () => {
    await expectIndexedPage(
      'Order',
      'Order_providerId_id_idx',
      `{ orders(filter: {}, first: 20) { edges { node { id } } } }`,
      {},
      'provider_admin',
    );
  });
});
