// The mini-program's builds the end-to-end tests run: rebuilt (as `npm run build:<target>` would)
// when missing or older than the sources, so a test never runs a stale or absent build.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const MINIPROGRAM_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../miniprogram');

export type Target = 'weapp' | 'h5';
export const distDir = (target: Target) => path.join(MINIPROGRAM_DIR, 'dist', target);
const entry = (target: Target) => path.join(distDir(target), target === 'weapp' ? 'app.js' : 'index.html');

/** The newest modification time among the files a build is made from. */
function newestSource(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'config', 'package.json', 'babel.config.js', 'project.config.json', 'tsconfig.json']) {
    const full = path.join(MINIPROGRAM_DIR, p);
    if (existsSync(full)) visit(full);
  }
  return newest;
}

const fresh = (target: Target) => existsSync(entry(target)) && statSync(entry(target)).mtimeMs >= newestSource();

/**
 * Several test files run at once and each wants the build: one builds while the others wait, so
 * two builds never write the same dist folder. The lock is a directory (mkdir is atomic); one
 * left behind by a killed run is taken over after the build's own timeout.
 */
async function withBuildLock<T>(target: Target, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(MINIPROGRAM_DIR, `.build-${target}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 330_000) rmSync(lock, { recursive: true });
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Returns whether it had to build. */
export async function ensureBuild(target: Target): Promise<boolean> {
  if (fresh(target)) return false;
  return withBuildLock(target, () => build(target));
}

async function build(target: Target): Promise<boolean> {
  // Another file may have built it while this one waited for the lock.
  if (fresh(target)) return false;
  const built = entry(target);
  // Vitest sets NODE_ENV=test; the build must see the environment `npm run build` sees.
  const env = { ...process.env };
  delete env.NODE_ENV;
  await promisify(execFile)('npx', ['taro', 'build', '--type', target], {
    cwd: MINIPROGRAM_DIR,
    env,
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!existsSync(built)) throw new Error(`taro build --type ${target} produced no ${built}`);
  return true;
}
