// Layer boundaries live here as lint rules so a wrong import fails with a message
// that says where the code belongs instead.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'zlib', 'worker_threads', 'http', 'https', 'net']

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scoring/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...nodeBuiltins.map((name) => ({ name, message: 'scoring/ is pure domain logic: do file or process work in electron/cli or renderer/ and pass plain data in.' })),
          { name: 'electron', message: 'scoring/ must not know about Electron: put host work in electron/main and pass results in as data.' },
          { name: 'dexie', message: 'scoring/ must not touch storage: load data in renderer/src/store and pass plain objects to the engine.' },
          { name: 'react', message: 'scoring/ has no UI: put components in renderer/src/ui.' },
        ],
        patterns: [
          { group: ['node:*'], message: 'scoring/ is pure domain logic: do file or process work in electron/cli or renderer/ and pass plain data in.' },
          { group: ['**/renderer/**', '**/electron/**', '@contract/*'], message: 'scoring/ imports nothing outside itself: move shared types into scoring/ instead.' },
          { regex: '^(?!zod$|\\.{1,2}/|@scoring/)', message: 'scoring/ may import only zod and its own files: keep the engine free of platform libraries.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The renderer reaches the main process only through the host API: use the Host from renderer/src/host.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a sandbox without Node: ask the host (renderer/src/host) for file or process work.' })),
        ],
        patterns: [
          { group: ['node:*'], message: 'The renderer runs in a sandbox without Node: ask the host (renderer/src/host) for file or process work.' },
          { group: ['**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**'], message: 'The renderer may import only the typed contract (@contract/*) from electron/.' },
        ],
      }],
    },
  },
  {
    // Only the host folder may know which host it runs in.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    ignores: ['renderer/src/host/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'desktop', message: 'Only renderer/src/host knows the host: take the Host from useServices().host instead.' }],
      'no-restricted-globals': ['error', { name: 'desktop', message: 'Only renderer/src/host knows the host: take the Host from useServices().host instead.' }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/renderer/**', 'react', 'react-dom', 'dexie', 'pdfjs-dist*'], message: 'Keep the main process thin: UI, storage and PDF work belong to the renderer.' },
        ],
      }],
    },
  },
)
