// ESLint (flat config, typescript-eslint). Beyond the TypeScript parse, it holds the server's
// boundary rules (docs/ARCHITECTURE.md, "Rules"):
//   1. common/ is the floor: it imports nothing under src/ outside common/.
//   2. Areas never value-import the composition root (app/), the HTTP edge (http/), cli/, seed/
//      or testing/; a type (`import type { Context } from '../app/context.js'`) is fine.
//   3. An area (and http/) reaches another area only through that area's index.ts.
//   4. Raw SQL ($queryRaw, $executeRaw and their Unsafe forms) lives only in *.store.ts.
// The composition layers (app/, cli/, seed/, testing/) and tests may reach into any area.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Folders under server/src that are not areas: the floor and the composition layers. */
const LAYERS = ['common', 'db', 'types', 'app', 'http', 'cli', 'testing', 'seed'];
const COMPOSITION = [
  'server/src/app/**',
  'server/src/cli/**',
  'server/src/seed/**',
  'server/src/testing/**',
  'server/src/**/*.test.ts',
  // Test-only setup shared by an area's test files.
  'server/src/**/*.fixtures.ts',
];
const TS = ['**/*.ts', '**/*.tsx', '**/*.mts'];

const upward = {
  regex: '^\\.\\./',
  message:
    'common/ 是底层：不得引用 common/ 以外的 src/ 代码。/ common/ is the floor: it imports nothing under src/ outside common/.',
};
const composition = {
  regex: '^(\\.\\./)+(app|http|cli|seed|testing)/',
  allowTypeImports: true,
  message:
    '业务区不得引用 app/、http/、cli/、seed/、testing/ 的值（类型可以）。/ Areas never value-import app/, http/, cli/, seed/ or testing/ (types are fine).',
};
const throughIndex = {
  regex: `^\\.\\./(?!(${LAYERS.join('|')})/)[a-z-]+/(?!index\\.js$).+`,
  message: '跨业务区只能通过对方的 index.ts 引用。/ Import another area through its index.ts (`../<area>/index.js`).',
};
// A file in an area's subfolder (policies/documents/) reaches other areas two levels up; `../` is its own area.
const throughIndexDeep = {
  ...throughIndex,
  regex: `^\\.\\./\\.\\./(?!(${LAYERS.join('|')})/)[a-z-]+/(?!index\\.js$).+`,
};
const rawSql = {
  selector: 'MemberExpression[property.name=/^\\$(queryRaw|executeRaw)(Unsafe)?$/]',
  message: '原生 SQL 只能写在 *.store.ts 中。/ Raw SQL lives only in *.store.ts.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '**/generated.ts',
      '**/generated*.ts',
      'schema/prisma/migrations/**',
      'miniprogram/dist*/**',
      'data/**',
      'test/.cache/**',
      'coverage/**',
    ],
  },
  {
    files: TS,
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-self-assign': 'error',
      'no-unreachable': 'error',
      'no-var': 'error',
      // Issue 15: no line over the formatter's width (printWidth 120 in .prettierrc.json). Prettier cannot break
      // strings, template literals or comments, so this catches what it leaves; only URLs are exempt.
      'max-len': ['error', { code: 120, tabWidth: 2, ignoreUrls: true }],
      '@typescript-eslint/no-restricted-imports': 'off',
    },
  },
  {
    files: ['miniprogram/**/*.ts', 'miniprogram/**/*.tsx', 'console/**/*.ts', 'console/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: COMPOSITION,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [composition, throughIndex] }],
      'no-restricted-syntax': ['error', rawSql],
    },
  },
  {
    files: ['server/src/*/*/**/*.ts'],
    ignores: [...COMPOSITION, 'server/src/common/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [composition, throughIndexDeep] }] },
  },
  {
    files: ['server/src/common/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [upward] }] },
  },
  {
    files: ['server/src/**/*.store.ts', 'server/src/db/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // http/ is the edge: it may use app/ (the per-request context), but reaches areas by their index.
    files: ['server/src/http/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [throughIndex] }] },
  },
);
