// `npm start` serves two built web apps: the officials' console at /console (Vite) and the
// mini-program's H5 at /h5/ (Taro). A fresh clone has neither; a pulled change leaves one stale.
// This builds each one that is missing or older than its sources, with a progress line, so the
// README's `npm install && npm start` is all a new user types. A directory lock (the same one
// test/miniprogram/build.ts takes) keeps two processes from writing one dist folder at once.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const BUILDS = {
  console: {
    title: '监管平台（/console）',
    dir: path.join(ROOT, 'console'),
    entry: 'dist/index.html',
    sources: ['src', 'index.html', 'vite.config.ts', 'package.json'],
    command: ['npx', 'vite', 'build'],
    lock: '.build-console.lock',
    timeout: 170_000,
  },
  h5: {
    title: '小程序网页版（/h5/）',
    dir: path.join(ROOT, 'miniprogram'),
    entry: 'dist/h5/index.html',
    sources: ['src', 'config', 'package.json', 'babel.config.js', 'project.config.json', 'tsconfig.json'],
    command: ['npx', 'taro', 'build', '--type', 'h5'],
    lock: '.build-h5.lock',
    timeout: 300_000,
  },
};

function newest(dir, sources) {
  let max = 0;
  const visit = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else max = Math.max(max, st.mtimeMs);
  };
  for (const s of sources) if (existsSync(path.join(dir, s))) visit(path.join(dir, s));
  return max;
}

export function isFresh(b) {
  const entry = path.join(b.dir, b.entry);
  return existsSync(entry) && statSync(entry).mtimeMs >= newest(b.dir, b.sources);
}

async function withLock(b, fn) {
  const lock = path.join(b.dir, b.lock);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // One left behind by a killed build is taken over after the build's own timeout.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > b.timeout + 30_000)
        rmSync(lock, { recursive: true });
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds `name` if missing or stale; returns whether it built. */
export async function ensureBuilt(name, log = console.log) {
  const b = BUILDS[name];
  if (isFresh(b)) return false;
  return withLock(b, async () => {
    if (isFresh(b)) return false; // another process built it while this one waited
    const started = Date.now();
    log(`正在构建${b.title}：首次启动或源码有更新，请稍候……`);
    // Vitest sets NODE_ENV=test; a build must see the environment `npm run build` sees.
    const env = { ...process.env };
    delete env.NODE_ENV;
    const [cmd, ...args] = b.command;
    await promisify(execFile)(cmd, args, { cwd: b.dir, env, timeout: b.timeout, maxBuffer: 64 * 1024 * 1024 });
    if (!existsSync(path.join(b.dir, b.entry))) throw new Error(`${b.command.join(' ')} produced no ${b.entry}`);
    log(`${b.title}构建完成（${Math.round((Date.now() - started) / 1000)} 秒）`);
    return true;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BUILDS);
  for (const name of names) {
    try {
      await ensureBuilt(name);
    } catch (err) {
      // The API still starts; the page that failed to build answers 404 until `npm run build`.
      console.error(`${BUILDS[name].title}构建失败，服务照常启动：${String(err.message ?? err).split('\n')[0]}`);
    }
  }
}
