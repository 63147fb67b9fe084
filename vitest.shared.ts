// Shared vitest settings for every workspace.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export function workspaceConfig(
  pkg: string,
  test: { include: string[]; exclude?: string[]; testTimeout: number; hookTimeout: number; isolate?: boolean },
) {
  // CI collects a JSON report per package and backend to print one closing count.
  const jsonDir = process.env.VITEST_JSON_DIR;
  const reporters = jsonDir
    ? ['default', ['json', { outputFile: `${jsonDir}/${pkg}-${process.env.VITEST_BACKEND ?? 'pglite'}.json` }]]
    : ['default'];
  return defineConfig({
    // One copy of graphql, or type-graphql and Apollo see "another module or realm".
    resolve: { alias: { graphql: require.resolve('graphql').replace(/index\.js$/, 'index.mjs') } },
    test: {
      ...test,
      reporters: reporters as never,
      pool: 'forks',
      // Each test file gets its own database; two cores, keep the fan-out small.
      maxWorkers: 2,
    },
  });
}
