// ESLint: typescript-eslint's recommended type-checked rules over src, test and scripts.
// Formatting is Prettier's (`npm run lint` checks both); no rule here is about layout.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'bench-data/',
      'fuzz-failures/',
      'coverage/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Off: an async function without await is how an API here returns a promise that rejects rather than throws.
      '@typescript-eslint/require-await': 'off',
      // Off: the reader, the XML writer and the terminal strip or write control characters on purpose.
      'no-control-regex': 'off',
      // Chinese text uses the ideographic space (U+3000) on purpose; only code outside text is checked.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true },
      ],
    },
  },
  {
    // The CLI's own code (scripts and tests spread only arrays of a few items).
    files: ['src/**/*.ts'],
    rules: {
      // A data-sized array spread into a call's arguments overflows the stack (18 000 schools did, in Math.max):
      // append() and maxOf() / minOf() in src/common/lookup.ts loop instead.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message:
            'Spread into Math.max/min overflows the stack on a large array: use maxOf() / minOf() (src/common/lookup.ts).',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement',
          message:
            'Spread into push/unshift overflows the stack on a large array: use append() (src/common/lookup.ts).',
        },
      ],
    },
  },
  {
    // Tests read the JSON reports (JSON.parse: any) and assert on them; typing each parse would only restate
    // the JSON contract, which test/json-schema.test.ts checks against the schema.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (the bin launcher, build, bench and identity scripts): not in tsconfig, no types.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // CommonJS (the fuzz harness's --require probe): require is how it imports.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
