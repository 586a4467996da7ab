// Lint: typescript-eslint's type-aware rules everywhere, plus the Lit and web-components rule
// sets on the browser code.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/', 'bench/results/', '.tmp/', 'custom-elements.json'].concat(
      // Fixture apps: checked by their own frameworks' tools in scripts/test-frameworks.mjs.
      ['test/frameworks/react/', 'test/frameworks/vue/', 'test/frameworks/svelte/', 'test/frameworks/node_modules/', 'test/frameworks/dist/'],
    ),
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', '.puppeteerrc.cjs', 'scripts/*.mjs', 'scripts/*/*.mjs', 'test/frameworks/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.ts', 'demo/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'demo/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['src/**/*.ts', 'demo/**/*.ts'],
    // LitElement always implements connectedCallback/disconnectedCallback: the guard is noise.
    rules: { 'wc/guard-super-call': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      // chai's `expect(x).to.be.true` style reads as an unused expression.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // @open-wc/semantic-dom-diff types chai's equal/eql as returning a Promise (for `.dom`);
      // they are synchronous. Every other promise in a test, `accessible()` included, must be awaited.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: '@open-wc/semantic-dom-diff', name: ['equal', 'eql', 'Equal'] }] },
      ],
    },
  },
);
