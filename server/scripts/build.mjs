// Compiles the server for `npm start`: every source file under server/src (tests and test helpers
// left out) and the generated Prisma client, transpiled one file to one file by esbuild, the
// same transform tsx applies at run time, into server/dist with the repository's layout kept
// (server/dist/server/src, server/dist/schema/generated), so relative imports still meet.
// Production then runs plain JavaScript on node with no TypeScript loader in the process.
// Skipped when the output is newer than every source (a second start costs nothing).
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'server', 'dist');
const STAMP = path.join(OUT, '.built');
const SOURCES = [path.join(ROOT, 'server', 'src'), path.join(ROOT, 'schema', 'generated')];

function files(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'testing') files(p, out);
    } else if (/\.(ts|mts)$/.test(name) && !/\.(test|fixtures)\.ts$|\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

const entryPoints = SOURCES.flatMap((d) => files(d));
const newest = Math.max(...entryPoints.map((f) => statSync(f).mtimeMs));
if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= newest && !process.argv.includes('--force')) process.exit(0);

const started = Date.now();
rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints,
  outbase: ROOT,
  outdir: OUT,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  tsconfig: path.join(ROOT, 'server', 'tsconfig.json'),
  logLevel: 'warning',
});
writeFileSync(STAMP, new Date().toISOString());
console.log(`服务器已编译（${entryPoints.length} 个文件，${Date.now() - started} ms）`);
