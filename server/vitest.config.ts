import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// CI collects a JSON report per package and backend to print one closing count.
const jsonDir = process.env.VITEST_JSON_DIR;
const reporters = jsonDir ? ['default', ['json', { outputFile: `${jsonDir}/server-${process.env.VITEST_BACKEND ?? 'pglite'}.json` }]] : ['default'];

const require = createRequire(import.meta.url);

export default defineConfig({
  // One copy of graphql, or type-graphql and Apollo see "another module or realm" (STACK.md).
  resolve: { alias: { graphql: require.resolve('graphql').replace(/index\.js$/, 'index.mjs') } },
  test: {
    reporters: reporters as never,
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // PGlite and PostgreSQL databases are created per file; two cores, keep the fan-out small.
    maxWorkers: 2,
  },
});
