// ESLint flat config: Next's rules (core web vitals, React hooks, jsx-a11y, import),
// typescript-eslint's recommended rules everywhere and its type-aware ones on the product's code.
// `npm run lint` (then knip); CI runs it.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_previous` and friends: server actions take (state, formData) and often ignore the state.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import/no-duplicates': 'error',
    },
  },
  {
    // Type-aware rules, with the types of tsconfig.json (projectService): a promise nobody awaits
    // or handles, a promise where a callback must return nothing, and the like.
    files: ['{app,components,db,emails,lib,scripts}/**/*.{ts,tsx}', '*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Tests and benchmarks: the promise rules only. The rest of recommendedTypeChecked mostly
    // objects to `any` rows of raw SQL and to `expect(...)` idioms there, which would be noise.
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Playwright's fixtures call a parameter `use`, which the hooks rule takes for React's.
    files: ['tests/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    '.data/**',
    '.test-output/**',
    'test-results/**',
    'playwright-report/**',
    'bench/peer-*/**',
    'bench/bare-page/**',
  ]),
]);
