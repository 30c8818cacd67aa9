// ESLint flat config. The restricted-import blocks enforce the architecture in STYLE.md:
// core is framework-free; only src/engine may import web-llm; only src/storage may import idb.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const WEB_LLM = {
  group: ['@mlc-ai/web-llm', '@mlc-ai/web-llm/*'],
  message: 'Only src/engine may import web-llm.',
};
const IDB = { group: ['idb', 'idb/*'], message: 'Only src/storage may import idb.' };

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-test', 'coverage', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: {
        ...globals.browser,
        ...globals.node,
        __SCRIPTED_ENGINE__: 'readonly',
        __IS_BUILT_APP__: 'readonly',
        __APP_VERSION__: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [WEB_LLM] }] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/storage/**', 'src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [WEB_LLM, IDB] }] },
  },
  {
    files: ['src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [IDB] }] },
  },
  {
    files: ['src/core/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'src/core is framework-free: no svelte.' },
            {
              group: ['chart.js', 'chart.js/*'],
              message: 'src/core is framework-free: no chart.js.',
            },
            {
              group: ['**/ui/**', '**/storage/**', '**/engine/**'],
              message: 'src/core must not depend on ui, storage or engine.',
            },
            WEB_LLM,
            IDB,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
      ],
    },
  },
);
