import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// CI asks for a JSON report (see .ci/run) to print "N passed, N failed".
const jsonReport = process.env.VITEST_JSON_REPORT;

// The app is a static page: no server, no network calls. `base: './'` lets the built
// files open from any folder. The `test` block configures Vitest (`npm test`).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // FC_SEED / FC_PATH replay a failing property test (test/support/fast-check.ts).
    setupFiles: ['test/support/fast-check.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests build the app once per file and each starts a Chromium: run files in forks.
    pool: 'forks',
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
  },
});
