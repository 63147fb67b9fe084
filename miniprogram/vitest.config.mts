// Component tests: React under jsdom with Taro's H5 components, @tarojs/taro replaced by an
// in-memory stand-in (STACK.md, Mini-program). End-to-end runs of both builds are in test/miniprogram.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const jsonDir = process.env.VITEST_JSON_DIR;

export default defineConfig({
  define: {
    API_URL: JSON.stringify('http://yilian.test/graphql'),
    DEMO_MODE: 'true',
    'process.env.TARO_ENV': JSON.stringify('h5'),
    'process.env.TARO_PLATFORM': JSON.stringify('web'),
    'process.env.FRAMEWORK': JSON.stringify('react'),
    DEPRECATED_ADAPTER_COMPONENT: 'false',
    // Build-time switches Taro's runtime expects its bundler to define.
    ...Object.fromEntries(['ENABLE_INNER_HTML', 'ENABLE_ADJACENT_HTML', 'ENABLE_SIZE_APIS', 'ENABLE_TEMPLATE_CONTENT', 'ENABLE_CLONE_NODE', 'ENABLE_CONTAINS', 'ENABLE_MUTATION_OBSERVER'].map((k) => [k, 'true'])),
  },
  resolve: {
    alias: [
      { find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' },
      { find: /^@tarojs\/taro$/, replacement: here('./src/testing/taro.ts') },
    ],
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: (jsonDir ? ['default', ['json', { outputFile: `${jsonDir}/miniprogram-${process.env.VITEST_BACKEND ?? 'pglite'}.json` }]] : ['default']) as never,
    testTimeout: 20_000,
  },
});
