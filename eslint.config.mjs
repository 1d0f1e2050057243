// ESLint flat config: Next's rules (core web vitals, React hooks, jsx-a11y, import) and
// typescript-eslint's recommended rules. `npm run lint`; CI runs it.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_previous` and friends: server actions take (state, formData) and often ignore the state.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
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
