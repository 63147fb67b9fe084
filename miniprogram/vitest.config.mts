// Component tests: React under jsdom with Taro's H5 components, @tarojs/taro replaced by an
// in-memory stand-in (src/testing/taro.ts). End-to-end runs of both builds are in test/miniprogram.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const jsonDir = process.env.VITEST_JSON_DIR;

const target = process.env.TEST_TARO_ENV === 'weapp' ? 'weapp' : 'h5';

// The same sources compiled for each target (WeChat-only APIs are switched on TARO_ENV): `npm test`
// runs the suite as H5, then the *.weapp.test files as weapp (TEST_TARO_ENV=weapp).
export default defineConfig({
  define: {
    API_URL: JSON.stringify('http://yilian.test/graphql'),
    DEMO_MODE: 'true',
    'process.env.TARO_ENV': JSON.stringify(target),
    'process.env.TARO_PLATFORM': JSON.stringify('web'),
    'process.env.FRAMEWORK': JSON.stringify('react'),
    DEPRECATED_ADAPTER_COMPONENT: 'false',
    // Build-time switches Taro's runtime expects its bundler to define.
    ...Object.fromEntries(
      [
        'ENABLE_INNER_HTML',
        'ENABLE_ADJACENT_HTML',
        'ENABLE_SIZE_APIS',
        'ENABLE_TEMPLATE_CONTENT',
        'ENABLE_CLONE_NODE',
        'ENABLE_CONTAINS',
        'ENABLE_MUTATION_OBSERVER',
      ].map((k) => [k, 'true']),
    ),
  },
  resolve: {
    alias: [
      { find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' },
      { find: /^@tarojs\/taro$/, replacement: here('./src/testing/taro.ts') },
    ],
  },
  test: {
    environment: 'jsdom',
    include: target === 'weapp' ? ['src/**/*.weapp.test.{ts,tsx}'] : ['src/**/*.test.{ts,tsx}'],
    exclude: target === 'weapp' ? ['node_modules/**'] : ['src/**/*.weapp.test.{ts,tsx}', 'node_modules/**'],
    reporters: (jsonDir
      ? [
          'default',
          ['json', { outputFile: `${jsonDir}/miniprogram-${target}-${process.env.VITEST_BACKEND ?? 'pglite'}.json` }],
        ]
      : ['default']) as never,
    testTimeout: 20_000,
  },
});
