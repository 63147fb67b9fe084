// The H5 build served beside /graphql: caching, redirects and nothing outside the folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h5Handler, staticHandler } from './h5.route.js';

let server: Server;
let base: string;
beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'h5-'));
  const dir = path.join(root, 'h5');
  mkdirSync(path.join(dir, 'js'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>颐联</title>');
  writeFileSync(path.join(dir, 'js/app.1234abcd.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secrets.json'), '{"jwtSecret":"x"}');
  // The console's Vite build: index.html and hashed files under assets/.
  const consoleDir = path.join(root, 'console');
  mkdirSync(path.join(consoleDir, 'assets'), { recursive: true });
  writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><title>监管平台</title>');
  writeFileSync(path.join(consoleDir, 'assets/index-AbC123.js'), 'console.log(2)');
  const h5 = h5Handler(dir)!;
  const consoleApp = staticHandler('/console', consoleDir)!;
  server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (h5(req, res, pathname) || consoleApp(req, res, pathname)) return;
    res.writeHead(418);
    res.end('fell through');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('GET /h5/', () => {
  it('serves index.html uncached and hashed bundles as immutable', async () => {
    const page = await fetch(`${base}/h5/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('颐联');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const js = await fetch(`${base}/h5/js/app.1234abcd.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
  });

  it('redirects /h5 to /h5/, answers 404 for missing files and never serves outside the folder', async () => {
    const r = await fetch(`${base}/h5`, { redirect: 'manual' });
    expect([r.status, r.headers.get('location')]).toEqual([301, '/h5/']);
    expect((await fetch(`${base}/h5/js/nope.js`)).status).toBe(404);
    for (const p of ['/h5/../secrets.json', '/h5/%2e%2e/secrets.json', '/h5/..%2fsecrets.json']) {
      const res = await fetch(`${base}${p}`);
      expect(await res.text()).not.toContain('jwtSecret');
    }
  });

  it('leaves other paths and methods to the rest of the server', async () => {
    expect((await fetch(`${base}/graphql`)).status).toBe(418);
    expect((await fetch(`${base}/h5/`, { method: 'POST' })).status).toBe(418);
  });

  it('is off when the folder was never built', () => {
    expect(h5Handler(path.join(tmpdir(), 'never-built-h5'))).toBeNull();
  });
});

describe('GET /console/ (the same handler, another folder)', () => {
  it('serves the console uncached, its Vite assets as immutable, and redirects /console', async () => {
    const page = await fetch(`${base}/console/`);
    expect([page.status, page.headers.get('cache-control')]).toEqual([200, 'no-cache']);
    expect(await page.text()).toContain('监管平台');
    const js = await fetch(`${base}/console/assets/index-AbC123.js`);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const r = await fetch(`${base}/console`, { redirect: 'manual' });
    expect([r.status, r.headers.get('location')]).toEqual([301, '/console/']);
    expect((await fetch(`${base}/console/../secrets.json`)).status).not.toBe(200);
  });
});
