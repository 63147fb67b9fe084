// Prints the size of both builds and fails when the WeChat main package exceeds WeChat's 2 MB
// limit (the weapp package budget, CONTRIBUTING.md). H5 is reported as the bytes a browser
// downloads (gzip).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const files = (dir) =>
  readdirSync(dir).flatMap((n) =>
    statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : [path.join(dir, n)],
  );
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const LIMIT = 2 * 1024 * 1024;

// WeChat counts every file it uploads except the project config; no subpackages, so all is main.
const weapp = files(path.join(dist, 'weapp')).filter(
  (f) => !f.endsWith('project.config.json') && !f.endsWith('.LICENSE.txt'),
);
const weappBytes = weapp.reduce((n, f) => n + statSync(f).size, 0);
const h5 = files(path.join(dist, 'h5')).filter((f) => /\.(js|css|html)$/.test(f));
const h5Raw = h5.reduce((n, f) => n + statSync(f).size, 0);
const h5Gzip = h5.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);

console.log(
  `weapp main package: ${kb(weappBytes)} in ${weapp.length} files (limit ${kb(LIMIT)}, ${((weappBytes / LIMIT) * 100).toFixed(1)}% used)`,
);
console.log(`h5: ${kb(h5Raw)} raw, ${kb(h5Gzip)} gzipped in ${h5.length} files (js, css, html)`);
if (weappBytes > LIMIT) {
  console.error('weapp main package is over the 2 MB limit');
  process.exit(1);
}
