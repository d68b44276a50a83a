// Lint with types (typescript-eslint), plus house rules: no `any`, type-only imports, import
// boundaries between server and browser code (STYLE.md §9.5, §9.7).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserOnly = ['react', 'react-dom', 'react-dom/client', '**/renderer/**', '*.view.js', '*.view.tsx'];
const serverOnly = ['fastify', '@fastify/*', 'node:*', '**/server/**', 'tsx', 'tsx/*'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      '.cache/**',
      '.tmp/**',
      'lib/**',
      'examples/gapminder/data/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', 'scripts/*.mjs', 'bin/*.js', '.ci/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/renderer/**', 'src/**/*.view.tsx', 'src/**/*.browser.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: serverOnly, message: 'Browser code must not import server code or Node modules.' }] },
      ],
    },
  },
  {
    files: ['src/server/**', 'src/cli/**', 'src/shared/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: browserOnly, message: 'Server and shared code must not import the renderer, views or React.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...browserOnly, ...serverOnly],
              message: 'src/shared runs anywhere: no DOM, Node, React or Fastify.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'tests/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
