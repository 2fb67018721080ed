// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'coverage/**', 'test-results/**', '.sma-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine is pure: no I/O, no clock, no randomness, no schema library.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/engine is pure: no Node built-ins.' },
            { group: ['zod', 'zod/*'], message: 'src/engine receives validated plain values; schemas live in src/io.' },
            {
              group: [
                '**/store/**',
                '**/server/**',
                '**/cli/**',
                '**/io/**',
                'fastify',
                'pg',
                'better-sqlite3',
                'kysely',
                'react',
                'react-dom',
                'piscina',
              ],
              message: 'src/engine imports nothing from the store, server, CLI, io or UI.',
            },
          ],
          paths: ['fs', 'path', 'os', 'worker_threads', 'child_process', 'http', 'crypto'],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Clocks are inputs to the engine.' },
        { name: 'process', message: 'src/engine is pure.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded Rng passed in.' },
      ],
    },
  },
  {
    // The CLI and the web app are the engine's first users: they take it through its entry point (src/index.ts, the
    // package's `sma-lab`), so what they need is public, documented and in the package (docs/library.md).
    files: ['src/cli/**/*.ts', 'web/src/**/*.ts', 'web/src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**'],
              message: 'Import the engine from its entry point (src/index.ts); export what is missing there.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
