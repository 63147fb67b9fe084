import { workspaceConfig } from '../vitest.shared.js';

export default workspaceConfig('bot', { include: ['src/**/*.test.ts'], testTimeout: 10_000, hookTimeout: 10_000 });
