import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// npm workspaces leave a few Taro packages in this package's own node_modules; packages hoisted to
// the root import them too, so webpack looks here as well as in the parent folders.
const ownModules = path.resolve(__dirname, '../node_modules');
interface ModuleList {
  add(p: string): ModuleList;
}
const webpackChain = (chain: { resolve: { modules: ModuleList } }) => {
  chain.resolve.modules.add('node_modules').add(ownModules);
};

// One source for both targets: `taro build --type weapp` → dist/weapp (the WeChat package),
// `--type h5` → dist/h5 (served by the Yilian server at /h5/, same origin as /graphql).
export default defineConfig<'webpack5'>(async () => {
  const target = process.env.TARO_ENV ?? 'weapp';
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'yilian-miniprogram',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    plugins: [],
    defineConstants: {
      // The weapp needs an absolute URL (a legal domain in production); H5 uses its own origin.
      API_URL: JSON.stringify(
        process.env.YILIAN_API_URL ?? (target === 'h5' ? '/graphql' : 'http://127.0.0.1:4000/graphql'),
      ),
      DEMO_MODE: JSON.stringify(process.env.YILIAN_DEMO !== '0'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      // Keeps the main package small: vendor code is split once and shared by the pages.
      optimizeMainPackage: { enable: true },
      webpackChain,
    },
    h5: {
      webpackChain,
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  return config;
});
