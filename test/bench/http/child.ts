// The servers under test each run in a child process of their own, so the load generator (in the
// bench's process) and the three servers never share an event loop. A child says it is listening
// with { type: 'ready', port } and answers { type: 'stats' } with the statements its database
// driver has sent so far, counted in the child itself (the parent cannot see a child's driver).
import { fork, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export interface StatementCounter {
  statements: number;
}

type Message =
  { type: 'ready'; port: number } | { type: 'stats'; statements: number } | { type: 'failed'; error: string };

/** In a child: report readiness and answer the parent's statement-count requests. */
export function serveChild(port: number, stats: StatementCounter): void {
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'stats') process.send!({ type: 'stats', statements: stats.statements } satisfies Message);
  });
  process.send!({ type: 'ready', port } satisfies Message);
}

/** In a child: listen on a free port, report it, and on SIGTERM close the server and then `release`. */
export async function listenChild(server: Server, stats: StatementCounter, release: () => Promise<unknown>) {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  serveChild((server.address() as { port: number }).port, stats);
  process.on('SIGTERM', () => {
    server.close();
    void release().finally(() => process.exit(0));
  });
}

/** In a child: a start that fails is told to the parent, which stops the bench with it. */
export function failChild(err: unknown): never {
  process.send?.({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
}

/**
 * A pg Pool whose every client counts the statements it sends (BEGIN and COMMIT included, as
 * Yilian's driver-adapter counter does), so the three servers are counted at the same place.
 */
export function countingPool(connectionString: string, max: number): { pool: pg.Pool; stats: StatementCounter } {
  const stats: StatementCounter = { statements: 0 };
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      stats.statements += 1;
      return query(...args);
    };
  });
  return { pool, stats };
}

export interface Child {
  name: string;
  url: string;
  statements(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts `file` (next to this one) and waits until it listens: a `.ts` file under tsx, a `.mjs`
 * file on plain node (Yilian's compiled server, as `npm start` runs it).
 */
export function startChild(name: string, file: string, env: Record<string, string>): Promise<Child> {
  const proc: ChildProcess = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    execArgv: file.endsWith('.mjs') ? [] : ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: { resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
    proc.on('message', (m: Message) => {
      if (m.type === 'failed') reject(new Error(`${name} failed to start:\n${m.error}`));
      if (m.type === 'stats') waiting.shift()?.resolve(m.statements);
      if (m.type !== 'ready') return;
      proc.removeAllListeners('exit');
      // A server that dies mid-run stops the bench rather than leaving it waiting for a count.
      proc.once('exit', (code) => {
        for (const w of waiting.splice(0)) w.reject(new Error(`${name} exited (${code}) during the bench`));
      });
      resolve({
        name,
        url: `http://127.0.0.1:${m.port}`,
        statements: () =>
          new Promise<number>((resolve, reject) => {
            if (proc.exitCode !== null) return reject(new Error(`${name} exited (${proc.exitCode})`));
            waiting.push({ resolve, reject });
            proc.send({ type: 'stats' });
          }),
        stop: () =>
          new Promise<void>((r) => {
            if (proc.exitCode !== null) return r();
            proc.once('exit', () => r());
            proc.kill('SIGTERM');
          }),
      });
    });
  });
}
