import { workspaceConfig } from '../vitest.shared.js';

export default workspaceConfig('test', {
  include: ['**/*.test.ts'],
  exclude: ['node_modules/**', 'bench/**'],
  testTimeout: 120_000,
  // An H5 or console file may wait on a build another file holds the lock for (115–157 s on a loaded
  // 2-core machine) before its own server starts.
  hookTimeout: 420_000,
});
