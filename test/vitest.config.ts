import { workspaceConfig } from '../vitest.shared.js';

export default workspaceConfig('test', {
  include: ['**/*.test.ts'],
  exclude: ['node_modules/**', 'bench/**'],
  testTimeout: 120_000,
  hookTimeout: 180_000,
});
