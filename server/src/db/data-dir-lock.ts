// An embedded PGlite folder belongs to one process. PGlite has no postmaster to stop a second
// writer, and two processes writing one folder corrupt it (a server and `ledger:check`, say), so
// every process that opens a folder (server, CLI, bench) takes this lock first and refuses at once,
// without writing, when another live process holds it.
//
// proper-lockfile gives the atomic create (mkdir) and the safe removal of a stale lock. Beside the
// lock we keep who holds it (pid, its start time, host, command), so a refusal can say which
// process to stop, and a lock left by a killed process is taken over on the next start instead of
// waiting for it to go stale.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';

export interface LockHolder {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not taken for the holder. */
  startTicks: number | null;
  host: string;
  command: string;
  since: string;
}

export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `pid ${holder.pid}${holder.host !== os.hostname() ? `@${holder.host}` : ''}（${holder.command}）`
      : '另一个进程';
    const whoEn = holder
      ? `pid ${holder.pid}${holder.host !== os.hostname() ? ` on ${holder.host}` : ''} (${holder.command})`
      : 'another process';
    super(
      `数据目录 ${dir} 正被 ${who} 使用：请先停止该进程，或设置 DATABASE_URL 改用 PostgreSQL。` +
        ` / The data folder ${dir} is in use by ${whoEn}: stop it first, or point DATABASE_URL at PostgreSQL.`,
    );
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

// Our own lock's mtime is refreshed every UPDATE_MS. A process that finds the holder alive refuses
// whatever the mtime says; the mtime only decides when a dead holder's lock may be removed.
const STALE_MS = 30_000;
const UPDATE_MS = 5_000;
// A dead holder's lock is removed once it is this old (proper-lockfile's minimum): by then the
// holder's last refresh is certainly over.
const DEAD_HOLDER_STALE_MS = 2_000;
const TAKEOVER_WAIT_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startTicks(pid: number): number | null {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so count from ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return null;
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/** Whether the recorded holder still runs. A holder on another host is taken to be alive. */
export function holderAlive(h: LockHolder): boolean {
  if (h.host !== os.hostname()) return true;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const ticks = startTicks(h.pid);
  return h.startTicks === null || ticks === null || ticks === h.startTicks;
}

/**
 * Takes the folder's lock for this process, or throws DataDirInUseError when a live process holds
 * it. A lock whose holder has died is taken over (within a few seconds of the death).
 */
export async function lockDataDir(
  dir: string,
  opts: { onCompromised?: (err: Error) => void } = {},
): Promise<DataDirLock> {
  const abs = path.resolve(dir);
  mkdirSync(abs, { recursive: true });
  const lockPath = `${abs}.lock`;
  const holderPath = `${abs}.holder.json`;
  const me: LockHolder = {
    pid: process.pid,
    startTicks: startTicks(process.pid),
    host: os.hostname(),
    command: path.basename(process.argv[1] ?? process.argv0),
    since: new Date().toISOString(),
  };
  const base = {
    lockfilePath: lockPath,
    realpath: false,
    // A refresh that comes late (a long synchronous PGlite statement) is not a takeover: others
    // check that we are alive before they touch the lock. Report it, keep serving.
    onCompromised: opts.onCompromised ?? (() => {}),
  };
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  for (;;) {
    let release: (() => Promise<void>) | undefined;
    try {
      release = await lockfile.lock(abs, { ...base, stale: STALE_MS, update: UPDATE_MS });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
      const holder = readHolder(holderPath);
      // No holder recorded yet: another process is between taking the lock and writing its name.
      if (!holder || holderAlive(holder)) throw new DataDirInUseError(dir, holder);
      try {
        release = await lockfile.lock(abs, { ...base, stale: DEAD_HOLDER_STALE_MS, update: 1_000 });
      } catch (again) {
        if ((again as NodeJS.ErrnoException).code !== 'ELOCKED') throw again;
        if (Date.now() > deadline) throw new DataDirInUseError(dir, readHolder(holderPath));
        await sleep(250);
        continue;
      }
    }
    writeFileSync(holderPath, JSON.stringify(me), { mode: 0o600 });
    const held = release;
    return {
      release: async () => {
        if (readHolder(holderPath)?.pid === me.pid) rmSync(holderPath, { force: true });
        await held().catch(() => {});
      },
    };
  }
}

/** Opens a PGlite folder for this process alone: the lock first, then PGlite; close() frees both. */
export async function openPgliteFolder(dir: string): Promise<{ pglite: PGlite; close(): Promise<void> }> {
  const lock = await lockDataDir(dir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dir);
  } catch (err) {
    await lock.release();
    throw err;
  }
  return {
    pglite,
    close: async () => {
      try {
        await pglite.close();
      } finally {
        await lock.release();
      }
    },
  };
}
