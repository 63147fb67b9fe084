// The README's first command as a new user runs it: `npm start` on an empty data folder migrates,
// seeds and serves; a plain HTTP POST (what curl sends) then gets Huangpi's priced service guide.
// It also builds the officials' console and the mini-program's H5 when missing or stale, prints
// their addresses, and serves both, with last month finished in the demo (issues 24, 25).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess;
let output = '';
let url = '';
const dataDir = mkdtempSync(path.join(tmpdir(), 'yilian-start-'));

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, YILIAN_DATA_DIR: dataDir, PORT: '0', SEED_ELDERS: '50' };
  if (process.env.DATABASE_URL) delete env.DATABASE_URL; // this test is about the bare-machine default
  child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  await new Promise<void>((resolve, reject) => {
    // A fresh clone builds the console (seconds) and the H5 (a minute or two on a busy machine) first.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 420_000);
    const poll = setInterval(() => {
      const m = /颐联服务已启动\s+(http:\/\/\S+)/.exec(output);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        url = m[1];
        resolve();
      }
      if (child.exitCode !== null) {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`server exited:\n${output}`));
      }
    }, 200);
  });
}, 450_000);

/**
 * Ctrl-C in a terminal: SIGTERM to npm and the server under it (its own process group). npm alone
 * does not pass the signal on, and the server would go on holding the folder.
 */
const stop = (c: ChildProcess) => process.kill(-c.pid!, 'SIGTERM');

/** The server under npm has closed the embedded folder: its lock's holder record is gone. */
async function folderReleased() {
  const holder = path.join(dataDir, 'pglite.holder.json');
  // Shutdown waits for a running scheduler job (the catch-up at start); a busy machine needs longer.
  const deadline = Date.now() + 240_000;
  while (existsSync(holder) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(existsSync(holder), `the server still holds the data folder; its output:\n${output}`).toBe(false);
}

afterAll(async () => {
  if (child && child.exitCode === null) {
    // The group may already be gone (npm exited after the server): nothing left to stop then.
    try {
      stop(child);
      await new Promise((r) => child.once('exit', r));
    } catch {
      /* ESRCH */
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on a bare machine', () => {
  it('serves serviceGuide(policyCode: HUANGPI_2020) with its priced items over plain HTTP', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serviceGuide(policyCode: "HUANGPI_2020") { code name unit priceFen mode } }' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: { serviceGuide: { name: string; priceFen: number | null; mode: string }[] };
    };
    const priced = body.data.serviceGuide.filter((i) => i.priceFen !== null);
    // 000 四: the offline guide prices 14 items, e.g. 助浴 60 元/次 and 理疗护理 50 元/小时.
    expect(priced.length).toBe(14);
    expect(priced.find((i) => i.name.includes('助浴'))?.priceFen).toBe(6000);
    expect(priced.find((i) => i.name.includes('理疗'))?.priceFen).toBe(5000);
  });

  it('runs the server as compiled JavaScript on node, with no TypeScript loader in the process (issue 22)', () => {
    // Every process npm started for us, by its command line (the group is the child's own).
    const ps = spawnSync('ps', ['-o', 'args=', '-g', String(child.pid)], { encoding: 'utf8' }).stdout.split('\n');
    const server = ps.filter((args) => /^node\b/.test(args) && args.includes('app/main'));
    expect(server.length, ps.join('\n')).toBe(1);
    expect(server[0]).toMatch(/server\/src\/app\/main\.js\b/);
    expect(ps.filter((args) => /\btsx\b/.test(args))).toEqual([]);
  });

  it('prints the admin page and demo accounts, and serves the admin page without a CDN', async () => {
    expect(output).toMatch(/管理查询台：http/);
    expect(output).toMatch(/演示账号/);
    const page = await (await fetch(url.replace(/graphql$/, 'admin'))).text();
    expect(page).toContain('/admin/assets/graphiql.min.js');
    expect(page).not.toMatch(/https?:\/\/(unpkg|cdn|jsdelivr)/);
    const asset = await fetch(url.replace(/graphql$/, 'admin/assets/graphiql.min.js'));
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(100_000);
  });

  it('prints the console and H5 addresses and serves both built apps from the same origin', async () => {
    const origin = url.replace(/\/graphql$/, '');
    expect(output).toContain(`监管平台（民政、街道、社区）：${origin}/console/`);
    expect(output).toContain(`小程序网页版（H5）：${origin}/h5/`);
    const consolePage = await fetch(`${origin}/console/`);
    expect(consolePage.status).toBe(200);
    const html = await consolePage.text();
    expect(html).toContain('居家养老服务监管平台');
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${origin}${script}`)).status).toBe(200);
    expect((await fetch(`${origin}/h5/`)).status).toBe(200);
  });

  it('seeds last month finished: visits, a complaint, an exception and a statement to approve (issue 24)', async () => {
    const call = async (query: string, token?: string) =>
      (
        (await (
          await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query }),
          })
        ).json()) as { data: any }
      ).data;
    const token = (await call('mutation { passwordLogin(username: "district_admin", password: "demo1234") { token } }'))
      .passwordLogin.token as string;
    const now = new Date(Date.now() + 8 * 3600_000);
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const d = await call(
      `{ dashboard(month: "${last}") { stats { visits complaints } }
         visitExceptions(filter: { month: "${last}" }) { totalCount }
         settlements(month: "${last}") { status heldReason } }`,
      token,
    );
    expect(d.dashboard.stats.visits).toBeGreaterThan(0);
    expect(d.dashboard.stats.complaints).toBeGreaterThan(0);
    expect(d.visitExceptions.totalCount).toBeGreaterThan(0);
    // 000 七: the open exception holds the statement until the district resolves it.
    expect(d.settlements.map((x: { status: string }) => x.status)).toEqual(['HELD']);
  });

  it('restarts on the same data folder without seeding twice', async () => {
    const login = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { passwordLogin(username: "district_admin", password: "demo1234") { token } }',
      }),
    });
    const token = ((await login.json()) as { data: { passwordLogin: { token: string } } }).data.passwordLogin.token;
    const count = async (u: string) =>
      (
        (await (
          await fetch(u, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: '{ elders(first: 1) { totalCount } }' }),
          })
        ).json()) as { data: { elders: { totalCount: number } } }
      ).data.elders.totalCount;
    const before = await count(url);
    stop(child);
    await new Promise((r) => child.once('exit', r));
    // npm may exit before the server under it has closed the folder; a new start before then is
    // refused (one process per data folder), so wait for the server to let go.
    await folderReleased();
    output = '';
    const env: NodeJS.ProcessEnv = { ...process.env, YILIAN_DATA_DIR: dataDir, PORT: '0', SEED_ELDERS: '50' };
    delete env.DATABASE_URL;
    child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const again = await new Promise<string>((resolve, reject) => {
      // A source edited since the first start (the H5's, the console's) is rebuilt first here too.
      const t = setTimeout(() => reject(new Error(output)), 420_000);
      const p = setInterval(() => {
        const m = /颐联服务已启动\s+(http:\/\/\S+)/.exec(output);
        if (m) {
          clearInterval(p);
          clearTimeout(t);
          resolve(m[1]);
        }
      }, 200);
    });
    // The token still works: the JWT key persisted in the data folder across the restart.
    expect(await count(again)).toBe(before);
  }, 720_000);
});
