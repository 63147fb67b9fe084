// Prints the size of both builds and fails when the WeChat main package exceeds its budget. The
// staff pages (issue 23) are a subpackage that families never download, so the main package is
// held to 1 MB (half of WeChat's 2 MB limit, leaving room for the families' pages) and each
// subpackage to WeChat's 2 MB. H5 is reported as the bytes a browser downloads (gzip).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const files = (dir) =>
  readdirSync(dir).flatMap((n) =>
    statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : [path.join(dir, n)],
  );
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const MAIN_LIMIT = 1024 * 1024;
const SUB_LIMIT = 2 * 1024 * 1024;

// WeChat counts every file it uploads except the project config; a subpackage is its root folder.
const weappDir = path.join(dist, 'weapp');
const roots = (JSON.parse(readFileSync(path.join(weappDir, 'app.json'), 'utf8')).subPackages ?? []).map((p) => p.root);
const weapp = files(weappDir).filter((f) => !f.endsWith('project.config.json') && !f.endsWith('.LICENSE.txt'));
const rootOf = (f) => roots.find((r) => path.relative(weappDir, f).split(path.sep)[0] === r.replace(/\/$/, ''));
const bytes = (list) => list.reduce((n, f) => n + statSync(f).size, 0);
const main = weapp.filter((f) => !rootOf(f));
const weappBytes = bytes(main);
const subs = roots.map((r) => ({ root: r, bytes: bytes(weapp.filter((f) => rootOf(f) === r)) }));
// A weapp-only build (the weapp tests) has no H5 folder yet.
const h5 = (existsSync(path.join(dist, 'h5')) ? files(path.join(dist, 'h5')) : []).filter((f) =>
  /\.(js|css|html)$/.test(f),
);
const h5Raw = h5.reduce((n, f) => n + statSync(f).size, 0);
const h5Gzip = h5.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);

const used = ((weappBytes / MAIN_LIMIT) * 100).toFixed(1);
console.log(`weapp main package: ${kb(weappBytes)} in ${main.length} files (budget ${kb(MAIN_LIMIT)}, ${used}% used)`);
for (const sub of subs) console.log(`weapp subpackage ${sub.root}/: ${kb(sub.bytes)} (limit ${kb(SUB_LIMIT)})`);
console.log(`h5: ${kb(h5Raw)} raw, ${kb(h5Gzip)} gzipped in ${h5.length} files (js, css, html)`);
if (weappBytes > MAIN_LIMIT) {
  console.error('weapp main package is over its 1 MB budget: move pages families do not need into a subpackage');
  process.exit(1);
}
const over = subs.filter((sub) => sub.bytes > SUB_LIMIT);
if (over.length) {
  console.error(`weapp subpackage over WeChat's 2 MB limit: ${over.map((sub) => sub.root).join(', ')}`);
  process.exit(1);
}
