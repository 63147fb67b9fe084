// npm run bench (part 3): alert fan-out. 1,000 graphql-ws subscribers on one server receive each
// alert raised; latency from publish to receipt (p50/p99) and drops, in-process and through Redis,
// against a bare `ws` broadcast of the same JSON to 1,000 raw sockets in this process.
import { PassThrough } from 'node:stream';
import type { Client } from 'graphql-ws';
import WebSocket, { WebSocketServer } from 'ws';
import { buildApp } from '../../server/src/app/app.js';
import { createLogger } from '../../server/src/common/logger.js';
import { raiseAlert } from '../../server/src/alerts/alerts.service.js';
import { freshDatabase, testConfig } from '../../server/src/testing/harness.js';
import { subscribeAs } from '../../server/src/testing/ws-client.js';
import { DEMO_PASSWORD } from '../../server/src/seed/seed.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const ALERTS = Number(process.env.BENCH_ALERTS ?? 20);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};

async function yilian(redisUrl?: string) {
  const db = await freshDatabase();
  const app = await buildApp(testConfig({ seedElders: 60, redisUrl }), {
    db,
    logger: createLogger(new PassThrough()),
    seed: true,
  });
  const { url } = await app.http.listen(0);
  const login = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u:String!,$p:String!){ passwordLogin(username:$u,password:$p){ token } }',
      variables: { u: 'district_admin', p: DEMO_PASSWORD },
    }),
  });
  const token = ((await login.json()) as { data: { passwordLogin: { token: string } } }).data.passwordLogin.token;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  const clients: Client[] = [];
  await Promise.all(
    Array.from({ length: SUBSCRIBERS }, async () => {
      await subscribeAs<{ alertRaised: { id: string } }>(
        clients,
        url,
        token,
        { query: 'subscription { alertRaised { id kind } }' },
        {
          next: (m) => {
            const t = sentAt.get(m.data!.alertRaised.id);
            if (t !== undefined) latencies.push(performance.now() - t);
            received += 1;
          },
        },
      );
    }),
  );
  await new Promise((r) => setTimeout(r, 1000));
  // Elders the subscribers (district_admin of 黄陂区) may see: scope filtering is not a drop.
  const elders = await db.prisma.elder.findMany({
    where: { status: 'ENROLLED', community: { path: { startsWith: '420116/' } } },
    take: ALERTS,
  });
  for (const e of elders) {
    const event = await raiseAlert(db.prisma, { elderId: e.id, kind: 'LOW_BALANCE', at: new Date() });
    sentAt.set(event!.id, performance.now());
    app.services.alertBus.publish(event!);
    await new Promise((r) => setTimeout(r, 50));
  }
  const expected = elders.length * SUBSCRIBERS;
  const deadline = Date.now() + 15_000;
  while (received < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const c of clients) await c.dispose();
  await app.close();
  await db.close();
  return { p50: pct(latencies, 50), p99: pct(latencies, 99), received, expected };
}

async function bareBroadcast() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const port = (wss.address() as { port: number }).port;
  const latencies: number[] = [];
  let received = 0;
  const sockets = await Promise.all(
    Array.from(
      { length: SUBSCRIBERS },
      () =>
        new Promise<WebSocket>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}`);
          ws.on('message', (raw) => {
            latencies.push(performance.now() - (JSON.parse(raw.toString()) as { t: number }).t);
            received += 1;
          });
          ws.on('open', () => resolve(ws));
        }),
    ),
  );
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 0; i < ALERTS; i++) {
    const payload = JSON.stringify({
      t: performance.now(),
      type: 'next',
      payload: { data: { alertRaised: { id: `a${i}`, kind: 'LOW_BALANCE' } } },
    });
    for (const c of wss.clients) c.send(payload);
    await new Promise((r) => setTimeout(r, 50));
  }
  const deadline = Date.now() + 10_000;
  while (received < ALERTS * SUBSCRIBERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const s of sockets) s.close();
  wss.close();
  return { p50: pct(latencies, 50), p99: pct(latencies, 99), received, expected: ALERTS * SUBSCRIBERS };
}

// A warm-up round first, so neither measured side pays for the JIT and the first connections.
await yilian();
const base = await bareBroadcast();
const local = await yilian();
const redis = await yilian(REDIS_URL);
console.log(`\nAlert fan-out — ${SUBSCRIBERS} subscribers, ${ALERTS} alerts, one process`);
console.log(['scenario', 'p50 ms', 'p99 ms', 'delivered / expected', 'p50 ratio to bare ws'].join(' | '));
for (const [name, r] of [
  ['bare ws broadcast (baseline)', base],
  ['alertRaised, in-process bus', local],
  ['alertRaised, through Redis', redis],
] as const) {
  console.log(
    [name, r.p50.toFixed(1), r.p99.toFixed(1), `${r.received} / ${r.expected}`, (r.p50 / base.p50).toFixed(2)].join(
      ' | ',
    ),
  );
}
