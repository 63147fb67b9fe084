// Load from the bench's own process with autocannon; the servers are child processes. Each
// scenario runs ROUNDS interleaved rounds (Yilian, PostGraphile, bare, then again), so a drift in
// the machine (another job on the two cores) touches every server alike; the medians are reported.
import autocannon from 'autocannon';
import type { Child } from './child.js';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export interface Target {
  child: Child;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** A new body per request (placeOrder: a new idempotency key each time). */
  makeBody?: () => string;
  /**
   * Every timed answer is checked: a GraphQL error comes back as HTTP 200 and would flatter the
   * server that refuses fast. Reads must equal the answer checked before timing.
   */
  verify?: (body: string) => boolean;
}

export interface Round {
  rps: number;
  p99: number;
  /** Answered, and sent (those still in flight when the round ends reach the server too). */
  requests: number;
  sent: number;
  statements: number;
}

export interface Measured {
  rps: number;
  p99: number;
  /** Statements the server's driver sent during the rounds, per request sent. */
  statementsPerRequest: number;
  requests: number;
}

function options(t: Target) {
  const headers = { 'content-type': 'application/json', ...t.headers };
  return {
    url: t.child.url,
    connections: CONNECTIONS,
    verifyBody: t.verify,
    requests: [
      {
        method: t.method,
        path: t.path,
        headers,
        body: t.body,
        ...(t.makeBody ? { setupRequest: (req: { body?: string }) => ({ ...req, body: t.makeBody!() }) } : {}),
      },
    ],
  };
}

/** One timed round; refuses a round with errors, timeouts, non-2xx or wrong answers (they'd flatter it). */
export async function round(t: Target, seconds = SECONDS): Promise<Round> {
  if (!t.verify) throw new Error(`${t.child.name} ${t.path}: its answer was not checked before timing`);
  const before = await t.child.statements();
  const r = await autocannon({ ...options(t), duration: seconds });
  await new Promise((settle) => setTimeout(settle, 250)); // the last requests in flight finish at the server
  const statements = (await t.child.statements()) - before;
  if (r.errors || r.timeouts || r.non2xx || r.mismatches)
    throw new Error(
      `${t.child.name} ${t.path}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx,` +
        ` ${r.mismatches} wrong answers`,
    );
  return { rps: r.requests.average, p99: r.latency.p99, requests: r.requests.total, sent: r.requests.sent, statements };
}

/** A short run first, so JIT, caches and the pool are warm before anything is timed. */
export async function warm(t: Target): Promise<void> {
  await autocannon({ ...options(t), amount: 20 * CONNECTIONS });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** ROUNDS interleaved rounds of every target; the median req/s and p99 of each. */
export async function compare(targets: Target[]): Promise<Measured[]> {
  for (const t of targets) await warm(t);
  const rounds: Round[][] = targets.map(() => []);
  for (let i = 0; i < ROUNDS; i++) {
    for (const [k, t] of targets.entries()) rounds[k]!.push(await round(t));
  }
  return rounds.map((rs) => {
    const sum = (f: (r: Round) => number) => rs.reduce((n, r) => n + f(r), 0);
    return {
      rps: median(rs.map((r) => r.rps)),
      p99: median(rs.map((r) => r.p99)),
      statementsPerRequest: sum((r) => r.statements) / sum((r) => r.sent),
      requests: sum((r) => r.requests),
    };
  });
}
