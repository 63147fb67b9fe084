import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// CI collects a JSON report per package and backend to print one closing count.
const jsonDir = process.env.VITEST_JSON_DIR;
const reporters = jsonDir ? ['default', ['json', { outputFile: `${jsonDir}/test-${process.env.VITEST_BACKEND ?? 'pglite'}.json` }]] : ['default'];

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: { alias: { graphql: require.resolve('graphql').replace(/index\.js$/, 'index.mjs') } },
  test: {
    reporters: reporters as never, include: ['**/*.test.ts'], exclude: ['node_modules/**', 'bench/**'], testTimeout: 120_000, hookTimeout: 180_000, pool: 'forks', maxWorkers: 2 },
});
