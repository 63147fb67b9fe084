// alertRaised over graphql-ws across two server instances through the real Redis on this machine:
// an alert raised through one instance reaches a subscriber on the other, only within scope.
import { PassThrough } from 'node:stream';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app/app.js';
import { createLogger } from '../common/logger.js';
import { startTestServer, testConfig, type TestServer } from '../testing/harness.js';
import { subscribeAs } from '../testing/ws-client.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let a: TestServer;
let b: App;
let bUrl: string;
const clients: Client[] = [];

beforeAll(async () => {
  a = await startTestServer({ redisUrl: REDIS_URL });
  // The second instance: same database, same keys, its own process-level state and Redis clients.
  b = await buildApp(testConfig({ redisUrl: REDIS_URL, secrets: a.app.services.config.secrets }), {
    db: a.db,
    logger: createLogger(new PassThrough()),
    seed: false,
  });
  bUrl = (await b.http.listen(0)).url.replace(/^http/, 'ws');
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await b?.close();
  await a?.close();
});

type Received = { alertRaised: { kind: string; reason: string; elder: { id: string }; community: { code: string } } };

/** Subscribes on instance B and collects what arrives; resolves once the subscription is live. */
async function subscribe(token: string, communityCode?: string) {
  const received: Received[] = [];
  const errors: unknown[] = [];
  await subscribeAs<Received>(
    clients,
    bUrl,
    token,
    {
      query: `subscription($c: String) { alertRaised(communityCode: $c) { kind reason elder { id } community { code
          } } }`,
      variables: { c: communityCode ?? null },
    },
    { next: (m) => (m.data ? received.push(m.data) : errors.push(m.errors)), error: (e) => errors.push(e) },
  );
  // The server registers the Redis subscription right after the socket opens.
  await new Promise((r) => setTimeout(r, 300));
  return { received, errors };
}

const waitFor = async (cond: () => boolean, ms = 5000) => {
  const start = Date.now();
  while (!cond() && Date.now() - start < ms) await new Promise((r) => setTimeout(r, 25));
};

describe('alertRaised across instances (Redis)', () => {
  it(
    'delivers an alert raised through instance A to a subscriber on instance B, and not to another ' + 'community',
    async () => {
      const worker = await a.login('worker');
      const worker2 = await a.login('worker2');
      const workerUser = await a.db.prisma.user.findUniqueOrThrow({
        where: { username: 'worker' },
        include: { region: true },
      });
      const mine = await subscribe(worker, workerUser.region!.code);
      const other = await subscribe(worker2);
      const since = new Date();

      const link = await a.db.prisma.familyLink.findFirstOrThrow({ where: { user: { username: 'family' } } });
      const filed = await a.gql(
        `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`,
        { i: { elderId: link.elderId, content: '护理员态度不好，说话很冲' } },
        await a.login('family'),
      );
      expect(filed.errors).toBeUndefined();

      await waitFor(() => mine.received.length > 0);
      expect(mine.received).toEqual([
        {
          alertRaised: {
            kind: 'COMPLAINT',
            reason: '收到投诉',
            elder: { id: link.elderId },
            community: { code: workerUser.region!.code },
          },
        },
      ]);
      await new Promise((r) => setTimeout(r, 300));
      expect(other.received).toEqual([]);
      expect(mine.errors).toEqual([]);

      // A subscriber that was away catches up with alerts(since).
      const caught = await a.gql<{ alerts: { edges: { node: { kind: string } }[] } }>(
        `query($s: DateTime!) { alerts(first: 10, filter: { since: $s }) { edges { node { kind } } } }`,
        { s: since.toISOString() },
        worker,
      );
      expect(caught.data!.alerts.edges.map((e) => e.node.kind)).toEqual(['COMPLAINT']);
    },
  );

  it('without Redis an instance hears only its own alerts (the control: the path above is Redis)', async () => {
    const c = await buildApp(testConfig({ secrets: a.app.services.config.secrets }), {
      db: a.db,
      logger: createLogger(new PassThrough()),
      seed: false,
    });
    try {
      const cUrl = (await c.http.listen(0)).url.replace(/^http/, 'ws');
      const received: unknown[] = [];
      await subscribeAs(
        clients,
        cUrl,
        await a.login('worker'),
        { query: `subscription { alertRaised { kind } }` },
        {
          next: (m) => received.push(m),
        },
      );
      await new Promise((r) => setTimeout(r, 300));
      const elder = await a.db.prisma.familyLink.findFirstOrThrow({
        where: { user: { username: 'family' } },
        orderBy: { createdAt: 'desc' },
      });
      await a.gql(
        `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`,
        { i: { elderId: elder.elderId, content: '送餐晚了四十分钟' } },
        await a.login('family'),
      );
      await new Promise((r) => setTimeout(r, 800));
      // An alert was raised (through A, which publishes to Redis), and C did not hear it.
      expect(
        await a.db.prisma.alert.count({ where: { elderId: elder.elderId, kind: 'COMPLAINT', status: 'RAISED' } }),
      ).toBe(1);
      expect(received).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it('refuses subscribers whose role gets no alerts', async () => {
    const family = await subscribe(await a.login('family'));
    await waitFor(() => family.errors.length > 0, 2000);
    expect(JSON.stringify(family.errors)).toContain('FORBIDDEN');
  });
});
