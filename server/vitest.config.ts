import { workspaceConfig } from '../vitest.shared.js';

export default workspaceConfig('server', {
  include: ['src/**/*.test.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // Files share a worker's module cache instead of importing the whole app again each: about a
  // quarter less CPU for the suite. Every file starts its own server on its own database, so no
  // state a test depends on lives in a module; fixtures that keep module variables reset them in
  // their beforeAll.
  isolate: false,
});
