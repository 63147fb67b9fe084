// GET /h5/... (the mini-program's H5 build) and GET /console/... (the officials' web console):
// built single-page apps served from the same origin as /graphql, /files and /exports, so neither
// needs CORS or an API address.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { REPO_ROOT } from '../common/config.js';

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;

/** The console's Vite build (`npm run build -w console`; `npm start` builds it when missing or stale). */
export const CONSOLE_DIST = path.join(REPO_ROOT, 'console', 'dist');

/**
 * A built app under `prefix` ('/h5', '/console'). Null when the folder has not been built; the
 * prefix then answers 404 like any path. Hashed bundles (Taro's js/ css/ static/, Vite's assets/)
 * are immutable; index.html must always be fresh so a deploy takes effect.
 */
export function staticHandler(prefix: string, dir: string | undefined): StaticHandler | null {
  if (!dir || !existsSync(dir)) return null;
  const serve = sirv(dir, {
    etag: true,
    single: false,
    setHeaders: (res, pathname) =>
      res.setHeader(
        'cache-control',
        /\/(js|css|static|assets)\//.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  return (req, res, pathname) => {
    if (pathname === prefix) {
      res.writeHead(301, { location: `${prefix}/` });
      res.end();
      return true;
    }
    if (!pathname.startsWith(`${prefix}/`) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    req.url = (req.url ?? '/').slice(prefix.length) || '/';
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    });
    return true;
  };
}

/** Null when the folder has not been built (`npm run build`); /h5/ then answers 404 like any path. */
export const h5Handler = (dir: string | undefined) => staticHandler('/h5', dir);
