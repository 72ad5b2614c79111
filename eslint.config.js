// Lint rules. The important one: src/core stays framework-free and deterministic
// (../shared/STYLE.md, "Architecture: one core, thin adapters"). test/eslint.config.test.ts
// lints imports at every depth through these rules, so a pattern that stops matching fails there.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-single/**', 'dist-lms/**', 'node_modules/**', 'scratch/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          // `**/ui` is the folder itself at any depth ('../ui', '../../../ui'); `**/ui/**` a file in it.
          { group: ['**/ui', '**/ui/**', '**/cli', '**/cli/**'], message: 'src/core must not import the ui or cli adapters.' },
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xstate/react'], message: 'src/core is framework-free: no React.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'process'], message: 'src/core must not use Node APIs: I/O belongs to src/cli.' },
        ],
      }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'src/core is deterministic: use the seeded streams in rng.ts.' },
        { object: 'Date', property: 'now', message: 'src/core owns no clock: the engine owns simulated time.' },
        { object: 'performance', property: 'now', message: 'src/core owns no clock.' },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core must not touch the Node process.' }],
    },
  },
  {
    files: ['src/cli/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui', '**/ui/**'], message: 'cli and ui never import each other.' }] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli', '**/cli/**', 'node:*'], message: 'cli and ui never import each other; the browser has no Node.' }] }],
    },
  },
);
