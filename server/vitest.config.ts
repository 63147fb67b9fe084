import { workspaceConfig } from '../vitest.shared.js';

export default workspaceConfig('server', { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 });
