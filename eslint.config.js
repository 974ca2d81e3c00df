import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersRule } from './scripts/lint/layers.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'appPackage/build/**', '.data/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Dependencies point one way (scripts/lint/layers.mjs); tests may wire anything.
    files: ['bot/src/**/*.ts'],
    ignores: ['bot/src/**/*.test.ts'],
    plugins: { chorus: { rules: { layers: layersRule } } },
    rules: { 'chorus/layers': 'error' },
  },
  {
    files: ['bot/src/domain/**/*.ts'],
    rules: {
      // The domain is pure: no I/O, no frameworks.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['restify', 'botbuilder*', 'pg', '@electric-sql/*', 'react', 'pino', 'node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:https', 'node:child_process', 'node:dgram', 'node:worker_threads', 'fs', 'net', 'http', 'https', 'child_process'],
          message: 'bot/src/domain is pure: no I/O, no frameworks',
        }],
      }],
    },
  },
  {
    files: ['tab/**/*.{ts,tsx}', 'bot/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
