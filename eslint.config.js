// The linter the CI runs (`npm run lint`): ESLint's and typescript-eslint's recommended rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'output/', 'coverage/', 'test/fixtures/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // TypeScript finds undefined names; in the .mjs scripts Node's globals are meant.
      'no-undef': 'off',
      // Japanese text is written with the ideographic space (U+3000) in strings and templates.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
      // Control characters are matched on purpose: they are stripped from names and file names.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // A text is carried in both languages (src/model/i18n.ts) until it is printed: these rules find
    // one put into a string as an object ("[object Object]") instead of through say() or both``.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true, allowAny: true, allowNever: true, allowRegExp: true },
      ],
      '@typescript-eslint/restrict-plus-operands': ['error', { allowNumberAndString: true, allowAny: true, allowNullish: true, allowBoolean: true }],
    },
  },
);
