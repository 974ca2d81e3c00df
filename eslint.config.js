import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'appPackage/build/**', '.data/**', 'coverage/**'] },
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
    files: ['bot/src/domain/**/*.ts'],
    rules: {
      // The domain is pure; it may share the API's types (type-only imports) but no code.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['restify', 'botbuilder*', 'pg', '@electric-sql/*', 'react', 'pino'], message: 'bot/src/domain is pure' },
          { group: ['**/storage/**', '**/http/**', '**/teams/**'], allowTypeImports: true, message: 'bot/src/domain is pure' },
        ],
      }],
    },
  },
  {
    files: ['tab/**/*.{ts,tsx}', 'bot/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
