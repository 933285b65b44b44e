// `npm run lint` = `eslint . --max-warnings 0`: any warning fails the check.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importBoundaries from './tools/eslint/import-boundaries.js';

export default defineConfig(
  globalIgnores([
    'out/',
    'dist/',
    'node_modules/',
    'data/',
    'coverage/',
    'playwright-report/',
    'test-results/',
    '.test-data/',
    'src-server/db/migrations/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    plugins: { boundaries: importBoundaries },
    files: ['src-*/**/*.{ts,tsx}'],
    rules: { 'boundaries/import-directions': 'error' },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: { 'boundaries/server-layers': 'error' },
  },
  // Globals per runtime: the shared root runs anywhere, so it gets none beyond the language's own.
  {
    files: [
      'src-server/**',
      'src-main/**',
      'scripts/**',
      'tools/**',
      'tests/**',
      'bench/**',
      '*.{js,ts,mjs}',
    ],
    languageOptions: { globals: globals.node },
  },
  { files: ['src-preload/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['src-renderer/**', 'tests/e2e/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
);
