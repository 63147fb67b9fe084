// auditLog: the district reads what accounts of its area did, newest first, filtered; another
// district's entries stay out; other roles are refused; bad filters change nothing and name the field.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
const t: Record<string, string> = {};
const Q = `query($f: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at action entity entityId actorName actorRole detail } }
  } }`;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
// A fixed app clock: the month is the test's own, not the machine's.
const now = new Date('2026-11-20T10:00:00+08:00');

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  for (const u of ['district_admin', 'yc_admin', 'street_officer', 'worker']) t[u] = await s.login(u);
  // One action each by Huangpi's and Yangcheng's district (000 七: generating the month's statement).
  for (const [u, month] of [
    ['district_admin', '2026-09'],
    ['district_admin', '2026-10'],
    ['yc_admin', '2026-10'],
  ]) {
    const r = await s.gql(`mutation($m: String!) { runSettlement(month: $m) { id } }`, { m: month }, t[u!]);
    expect(r.errors).toBeUndefined();
  }
});
afterAll(() => s?.close());

describe('auditLog', () => {
  it('shows the district its own area’s entries with who did it, and not the other district’s', async () => {
    const r = await s.gql<any>(Q, { f: { entity: 'Settlement' } }, t.district_admin);
    expect(r.errors).toBeUndefined();
    const rows = r.data.auditLog.edges.map((e: any) => e.node);
    const admin = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'district_admin' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((x: any) => x.actorName))).toEqual(new Set([admin.displayName]));
    expect(rows[0].actorRole).toBe('DISTRICT_ADMIN');
    const yc = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_admin' } });
    const theirs = await s.db.prisma.auditLog.count({ where: { actorId: yc.id, entity: 'Settlement' } });
    expect(theirs).toBeGreaterThan(0);
    expect(r.data.auditLog.totalCount).toBe(
      await s.db.prisma.auditLog.count({ where: { actorId: admin.id, entity: 'Settlement' } }),
    );
  });

  it('pages newest first and filters by action and time', async () => {
    const all = await s.gql<any>(Q, { first: 100 }, t.district_admin);
    const ats = all.data.auditLog.edges.map((e: any) => e.node.id);
    expect(ats.length).toBeGreaterThan(1);
    expect([...ats].sort().reverse()).toEqual(ats);
    const built = await s.gql<any>(Q, { f: { action: 'SETTLEMENT_BUILT' } }, t.district_admin);
    const actions = new Set(built.data.auditLog.edges.map((e: any) => e.node.action));
    expect(actions).toEqual(new Set(['SETTLEMENT_BUILT']));
    const months = built.data.auditLog.edges.map((e: any) => JSON.parse(e.node.detail).month).sort();
    expect(new Set(months)).toEqual(new Set(['2026-09', '2026-10']));
    const one = await s.gql<any>(Q, { first: 1 }, t.district_admin);
    const next = await s.gql<any>(Q, { first: 1, after: one.data.auditLog.pageInfo.endCursor }, t.district_admin);
    expect(next.data.auditLog.edges[0].node.id).toBe(ats[1]);
    const future = await s.gql<any>(Q, { f: { since: '2030-01-01T00:00:00Z' } }, t.district_admin);
    expect(future.data.auditLog.totalCount).toBe(0);
  });

  it('refuses street officers and workers with the row’s message', async () => {
    for (const u of ['street_officer', 'worker']) {
      const r = await s.gql(Q, {}, t[u]);
      expect(code(r)).toBe('FORBIDDEN');
      expect(r.errors![0].message).toBe('审计日志由区（县）民政部门查看。');
    }
    expect(code(await s.gql(Q, {}))).toBe('UNAUTHENTICATED');
  });

  it('answers a malformed filter with BAD_USER_INPUT naming the field', async () => {
    const bad = await s.gql<any>(Q, { f: { action: 'DROP TABLE;' } }, t.district_admin);
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const backwards = await s.gql<any>(
      Q,
      { f: { since: '2026-11-02T00:00:00Z', until: '2026-11-01T00:00:00Z' } },
      t.district_admin,
    );
    expect(code(backwards)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(backwards.errors)).toContain('until');
  });
});
