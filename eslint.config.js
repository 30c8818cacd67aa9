// ESLint flat config. The restricted-import blocks enforce the architecture in STYLE.md:
// core is framework-free; only src/engine may import web-llm; only src/storage may import idb;
// only src/ui/components/charts may import chart.js; engine and storage never import ui (nor
// each other); ui/state never imports components or views.
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
const CHART_JS = {
  group: ['chart.js', 'chart.js/*'],
  message: 'Only src/ui/components/charts may import chart.js.',
};

// A folder is matched both as a path segment ('../ui/state/x') and bare ('../../storage',
// which resolves to its index.ts): '**/storage/**' alone misses the bare form.
function folders(...names) {
  return names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);
}

const LAYER_MESSAGE =
  'engine and storage depend only on core (see STYLE.md, dependency direction).';

/** One no-restricted-imports rule; each files block below states its layer's whole list. */
function restrict(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-test', 'build', 'coverage', 'test-results'] },
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
  // Flat config: a later block's rule replaces an earlier one for the files both match, so the
  // blocks go from general to specific and each lists every pattern its layer must avoid.
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    rules: restrict(WEB_LLM, IDB, CHART_JS),
  },
  {
    files: ['src/ui/components/charts/**'],
    rules: restrict(WEB_LLM, IDB),
  },
  {
    files: ['src/ui/state/**'],
    rules: restrict(WEB_LLM, IDB, CHART_JS, {
      group: folders('components', 'views'),
      // A type carries no code: state may name a view's id type, never load a view.
      allowTypeImports: true,
      message:
        'ui/state holds runes classes and worker clients: it must not import components or views.',
    }),
  },
  {
    files: ['src/engine/**'],
    rules: restrict(IDB, CHART_JS, { group: folders('ui', 'storage'), message: LAYER_MESSAGE }),
  },
  {
    files: ['src/storage/**'],
    rules: restrict(WEB_LLM, CHART_JS, { group: folders('ui', 'engine'), message: LAYER_MESSAGE }),
  },
  {
    files: ['src/core/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      ...restrict(
        { group: ['svelte', 'svelte/*'], message: 'src/core is framework-free: no svelte.' },
        { group: ['chart.js', 'chart.js/*'], message: 'src/core is framework-free: no chart.js.' },
        {
          group: folders('ui', 'storage', 'engine', 'workers'),
          message: 'src/core must not depend on ui, storage, engine or workers.',
        },
        WEB_LLM,
        IDB,
      ),
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
