// GET /h5/... : the H5 build of the mini-program, from the same origin as /graphql and /files.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;

/** Null when the folder has not been built (`npm run build`); /h5/ then answers 404 like any path. */
export function h5Handler(dir: string | undefined): StaticHandler | null {
  if (!dir || !existsSync(dir)) return null;
  // Hashed bundles are immutable; index.html must always be fresh so a deploy takes effect.
  const serve = sirv(dir, {
    etag: true,
    single: false,
    setHeaders: (res, pathname) =>
      res.setHeader(
        'cache-control',
        /\/(js|css|static)\//.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  return (req, res, pathname) => {
    if (pathname === '/h5') {
      res.writeHead(301, { location: '/h5/' });
      res.end();
      return true;
    }
    if (!pathname.startsWith('/h5/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    req.url = (req.url ?? '/').slice('/h5'.length) || '/';
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    });
    return true;
  };
}
