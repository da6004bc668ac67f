// Zero warnings allowed (npm run lint uses --max-warnings 0).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'bench/results/', 'resources/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The domain core is pure: no Electron, HTTP, SQLite or Node I/O. Adapters wrap it.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'os', 'child_process', 'crypto', 'worker_threads'], message: 'The core does no I/O: use a port.' },
            { group: ['electron', 'sqlite3', 'ws', 'pino*', 'zod', 'react*', 'node-thermal-printer', '@napi-rs/*'], message: 'The core imports no framework or adapter library.' },
            { group: ['../store/*', '../server/*', '../print/*', '../../store/*', '../../server/*', '../../print/*', '../main*', '../preload/*', '../windows/*'], message: 'Imports point inward: adapters import the core, never the reverse.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', 'fetch', 'setTimeout', 'setInterval'],
      // "now" comes from the Clock port so tests control time.
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Use the Clock port.' }],
    },
  },
);
