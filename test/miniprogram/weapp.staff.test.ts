// The caregiver's visit list as WeChat runs it: the weapp build's staff subpackage
// (staff/caregiver/index, issue 23) in miniprogram-simulate against a real server, signed in as
// the demo caregiver. The page shows the caregiver's visits from today on, in the order they are
// done, with the address, and 打开工单 opens the visit page; what it should list is asked of the
// server, not written here. The main package stays within its budget with the staff pages outside it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/common/config.js';
import { startTestServer, type TestServer } from '../../server/src/testing/harness.js';
import { ensureBuild } from './build.js';
import { bootWeapp, waitFor, type OpenPage, type Weapp } from './weapp/simulator.js';
import { shanghaiMinute, todayInShanghai } from '../../server/src/common/calendar.js';

interface Visit {
  id: string;
  status: string;
  scheduledAt: string;
  service: { name: string };
  elder: { name: string; address: string };
}

let s: TestServer;
let weapp: Weapp;
let visits: Visit[];
const open: OpenPage[] = [];
const hhmm = (iso: string) => shanghaiMinute(new Date(iso)).slice(11);

beforeAll(async () => {
  const [server] = await Promise.all([startTestServer(), ensureBuild('weapp')]);
  s = server;
  const family = await s.login('family');
  const link = await s.db.prisma.familyLink.findFirstOrThrow({
    where: { user: { username: 'family' } },
    orderBy: { createdAt: 'asc' },
  });
  const cg = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });
  const admin = await s.login('provider_admin');
  // Two visits tomorrow, booked out of order (the later one first), assigned to the demo caregiver.
  const base = new Date(s.app.services.clock().getTime() + 8 * 3600_000 + 86_400_000);
  for (const [hh, key] of [
    [15, 'late'],
    [9, 'early'],
  ] as const) {
    const at = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), hh) - 8 * 3600_000);
    const placed = await s.gql<{ placeOrder: { id: string } }>(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
      {
        i: {
          elderId: link.elderId,
          serviceCode: 'HP_NAIL_CARE',
          quantity: 1,
          scheduledAt: at.toISOString(),
          idempotencyKey: `weapp-staff-${key}`,
        },
      },
      family,
    );
    expect(placed.errors).toBeUndefined();
    const assigned = await s.gql(
      `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { id } }`,
      { o: placed.data!.placeOrder.id, c: cg.id },
      admin,
    );
    expect(assigned.errors).toBeUndefined();
  }
  const token = await s.login('caregiver');
  // Today on the app's clock, from Shanghai midnight, as the caregiver's page asks for it.
  const midnight = new Date(`${todayInShanghai(s.app.services.clock())}T00:00:00+08:00`);
  const mine = await s.gql<{ orders: { edges: { node: Visit }[] } }>(
    `query($from: DateTime!) { orders(filter: { status: [ASSIGNED, IN_SERVICE, COMPLETED], from: $from }, first: 50) {
      edges { node { id status scheduledAt service { name } elder { name address } } } } }`,
    { from: midnight.toISOString() },
    token,
  );
  visits = mine.data!.orders.edges.map((e) => e.node);
  const user = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'caregiver' } });
  weapp = bootWeapp(s.url, {
    'yilian.state.v1': JSON.stringify({
      token,
      user: { id: user.id, role: user.role, displayName: user.displayName },
      elderId: null,
      largeFont: null,
    }),
  });
});
afterAll(async () => {
  for (const page of open) page.close();
  await s?.close();
});

describe('weapp staff subpackage: the caregiver’s visit list (staff/caregiver/index)', () => {
  it('lists the caregiver’s visits from the server in the order they are done, with the address', async () => {
    expect(visits.length).toBeGreaterThanOrEqual(2);
    const page = await weapp.open('staff/caregiver/index');
    open.push(page);
    // In service first, then waiting visits by booked time, then those waiting for the elder's sign-off.
    const rank = (st: string) => (st === 'IN_SERVICE' ? 0 : st === 'ASSIGNED' ? 1 : 2);
    const expected = [...visits]
      .sort((a, b) => rank(a.status) - rank(b.status) || a.scheduledAt.localeCompare(b.scheduledAt))
      .map((v) => `${hhmm(v.scheduledAt)} ${v.elder.name} · ${v.service.name}`);
    await waitFor(
      () => JSON.stringify(page.texts('.visit-title')) === JSON.stringify(expected),
      () => `expected ${JSON.stringify(expected)}; the page shows: ${page.text()}`,
    );
    expect(page.texts('.visit-address')).toEqual(
      [...visits]
        .sort((a, b) => rank(a.status) - rank(b.status) || a.scheduledAt.localeCompare(b.scheduledAt))
        .map((v) => v.elder.address),
    );
    expect(weapp.navigations.filter((n) => n.api === 'reLaunch')).toEqual([]);

    const before = weapp.navigations.length;
    page.tap(page.root.querySelector('.open-visit')!);
    await waitFor(
      () => weapp.navigations.length > before,
      () => 'no navigation after tapping 打开工单',
    );
    const url = new URL(weapp.navigations[before]!.url!, 'wxapp://app');
    expect(url.pathname).toBe('/staff/caregiver/visit/index');
    const first = [...visits].sort(
      (a, b) => rank(a.status) - rank(b.status) || a.scheduledAt.localeCompare(b.scheduledAt),
    )[0]!;
    expect(url.searchParams.get('id')).toBe(first.id);
  });

  it('keeps the main package within its budget, the staff pages in their own subpackage', () => {
    const out = execFileSync('node', [path.join(REPO_ROOT, 'miniprogram/scripts/size.mjs')], { encoding: 'utf8' });
    const main = /weapp main package: ([\d.]+) KB/.exec(out)!;
    expect(Number(main[1])).toBeLessThan(1024);
    expect(out).toMatch(/weapp subpackage staff\/: [\d.]+ KB/);
  });
});
