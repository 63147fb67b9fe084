// An embedded data folder belongs to one process. A second process on a folder in use (another
// server, `ledger:check`, `migrate deploy`) refuses at once with one line that names the holder,
// and writes nothing; the first server keeps serving, and the folder opens cleanly afterwards. A
// lock left by a server killed with SIGKILL is taken over by the next start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SERVER = path.resolve(import.meta.dirname, '../../server');
const dirs: string[] = [];
const children: ChildProcess[] = [];

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, dataDir: string, args: string[] = []): Run {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    YILIAN_DATA_DIR: dataDir,
    PORT: '0',
    SEED_ELDERS: '40',
    YILIAN_SCHEDULER: '0',
  };
  delete env.DATABASE_URL; // the embedded default is what this is about
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: SERVER,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function serving(r: Run): Promise<string> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const m = /颐联服务已启动\s+(http:\/\/\S+)/.exec(r.output());
    if (m) return m[1]!;
    if (r.child.exitCode !== null) throw new Error(`server exited:\n${r.output()}`);
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`server did not start:\n${r.output()}`);
}

const guide = async (url: string) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ serviceGuide(policyCode: "HUANGPI_2020") { code } }' }),
  });
  return {
    status: res.status,
    items: ((await res.json()) as { data?: { serviceGuide: unknown[] } }).data?.serviceGuide.length ?? 0,
  };
};

/** A second process on the folder in use: refused quickly, with one line naming the holder. */
async function expectRefused(script: string, dataDir: string, holderPid: number, args: string[] = []) {
  const startedAt = Date.now();
  const second = run(script, dataDir, args);
  const code = await second.exited;
  expect(code).not.toBe(0);
  const out = second.output().trim();
  expect(out).toContain(`pid ${holderPid}`);
  expect(out).toMatch(/正被 .* 使用：请先停止该进程，或设置 DATABASE_URL 改用 PostgreSQL。/);
  expect(out).toMatch(/is in use by pid \d+/);
  // One line, not a dump of bundled source.
  expect(out.split('\n')).toHaveLength(1);
  expect(out.length).toBeLessThan(600);
  expect(Date.now() - startedAt).toBeLessThan(30_000);
}

function freshDir() {
  const d = mkdtempSync(path.join(tmpdir(), 'yilian-lock-'));
  dirs.push(d);
  return d;
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// About the embedded folder alone: the PostgreSQL pass of the suite would repeat it unchanged. Each test starts
// several server processes one after another (tsx, migrations), which on a loaded 2-core machine passed 120 s.
describe.skipIf(!!process.env.DATABASE_URL)('one process per embedded data folder', { timeout: 300_000 }, () => {
  it(
    'refuses a second server, ledger:check and migrate on a folder in use; the first keeps serving; ' +
      'afterwards the folder opens cleanly',
    async () => {
      const dataDir = freshDir();
      const first = run('src/app/main.ts', dataDir);
      const url = await serving(first);
      const before = await guide(url);
      expect(before).toMatchObject({ status: 200 });
      expect(before.items).toBeGreaterThan(0);

      await expectRefused('src/app/main.ts', dataDir, first.child.pid!);
      await expectRefused('src/cli/ledger-check.ts', dataDir, first.child.pid!);
      await expectRefused('src/cli/migrate.ts', dataDir, first.child.pid!, ['deploy']);

      // The first server never noticed.
      expect(await guide(url)).toEqual(before);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      const check = run('src/cli/ledger-check.ts', dataDir);
      expect(await check.exited).toBe(0);
      expect(check.output()).toMatch(/ledger: \d+ accounts, \d+ transactions, 0 violations/);
      const again = run('src/app/main.ts', dataDir);
      expect(await guide(await serving(again))).toEqual(before);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    },
  );

  it(
    'a start that fails (a damaged folder) prints one line with the log file, and the log holds the whole ' + 'error',
    async () => {
      const dataDir = freshDir();
      mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
      writeFileSync(path.join(dataDir, 'pglite', 'PG_VERSION'), 'not a version\n');
      const r = run('src/app/main.ts', dataDir);
      expect(await r.exited).toBe(1);
      const out = r.output().trim();
      const log = path.join(dataDir, 'logs', 'server-error.log');
      expect(out.split('\n')).toHaveLength(1);
      expect(out).toContain('启动失败');
      expect(out).toContain(log);
      expect(readFileSync(log, 'utf8')).toMatch(/\n\s+at /); // the stack went to the file
    },
  );

  it('takes over the lock of a server killed with SIGKILL, and the folder is intact', async () => {
    const dataDir = freshDir();
    const first = run('src/app/main.ts', dataDir);
    const before = await guide(await serving(first));
    first.child.kill('SIGKILL');
    await first.exited;

    const next = run('src/app/main.ts', dataDir);
    const url = await serving(next);
    expect(await guide(url)).toEqual(before);
    // The new holder is protected like the first was.
    await expectRefused('src/cli/ledger-check.ts', dataDir, next.child.pid!);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);

    const check = run('src/cli/ledger-check.ts', dataDir);
    expect(await check.exited).toBe(0);
    expect(check.output()).toMatch(/0 violations/);
  });
});
