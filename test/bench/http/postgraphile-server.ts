// Child process: PostGraphile 4 over the same database, default inflection, the generated schema
// only. It has no authorization here: every row is readable by every caller, which Yilian's scope
// checks are not, so its figures are a ceiling for a generated API rather than a like-for-like.
import { createServer } from 'node:http';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { countingPool, failChild, listenChild } from './child.js';

// PostGraphile 4 needs graphql 15 and the workspace has 16 at its root, so npm nests a copy of 15
// under postgraphile and another under graphile-build-pg, and graphql refuses types from "another
// module". In this process only the graphile packages load graphql: point all of them at one copy.
const graphqlDir = path.dirname(
  createRequire(createRequire(import.meta.url).resolve('postgraphile')).resolve('graphql/package.json'),
);
const cjs = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = cjs._resolveFilename;
cjs._resolveFilename = function (request, ...rest) {
  const one = request === 'graphql' || request.startsWith('graphql/') ? graphqlDir + request.slice(7) : request;
  return resolveFilename.call(this, one, ...rest);
};

try {
  const { postgraphile } = await import('postgraphile');
  const { pool, stats } = countingPool(process.env.BENCH_DATABASE_URL!, Number(process.env.PG_POOL_MAX ?? 10));
  const handler = postgraphile(pool, 'public', {
    graphqlRoute: '/graphql',
    disableQueryLog: true,
    dynamicJson: true,
    ignoreRBAC: true,
    setofFunctionsContainNulls: false,
    retryOnInitFail: false,
    watchPg: false,
  });
  const server = createServer(handler);
  await listenChild(server, stats, () => pool.end());
} catch (err) {
  failChild(err);
}
