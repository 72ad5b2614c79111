import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { LMS_PACKAGE_DIR, SINGLE_FILE_DIR, SITE_POLICY, contentSecurityPolicy, inlineWorkers } from './tools/hosting.js';

const ROOT = dirname(fileURLToPath(import.meta.url));

// CI asks for a JSON report (see .ci/run) to print "N passed, N failed".
const jsonReport = process.env.VITEST_JSON_REPORT;

// The app is a static page: no server, no network calls. Two builds (README "For a trainer"):
// - `npm run build` (mode production): a site in dist/ that works from any folder of any web
//   server (`base: './'`: every URL in it is relative) and, after the first visit, offline (a
//   service worker precaches every file, vite-plugin-pwa).
// - `npm run build:single` (mode single): one HTML file, dist-single/index.html, with every
//   script, style and worker inside it, for a page opened from a folder or an e-mail attachment.
// - `npm run build:lms` (mode lms, tools/lms.ts): the single file, set to report to an LMS
//   (SCORM 1.2) with the trainer's options, zipped as a SCORM package.
// All carry a strict Content-Security-Policy (tools/hosting.ts); `vite preview` sends it too.
// Both servers listen on 127.0.0.1 only, unless asked otherwise: `npm run dev -- --host` or
// `npm run preview -- --host` listen on every address (see the README).
// The `test` block configures Vitest (`npm test`).
/**
 * The LMS package's options (src/ui/training/lms/config.ts), as tools/lms.ts checked them and put
 * them in SPA_LMS_CONFIG. Only `npm run build:lms` builds mode lms.
 */
function lmsConfig(): { xapiEndpoint?: string } {
  const text = process.env.SPA_LMS_CONFIG;
  if (!text) throw new Error('mode "lms" is built by `npm run build:lms`, which checks the trainer\'s options first (tools/lms.ts)');
  return JSON.parse(text) as { xapiEndpoint?: string };
}

export default defineConfig(({ mode }) => {
  const lms = mode === 'lms' ? lmsConfig() : null;
  const single = mode === 'single' || lms !== null;
  return {
    base: './',
    plugins: [
      react(),
      ...(single
        ? [inlineWorkers(ROOT), viteSingleFile()]
        : [
            VitePWA({
              registerType: 'autoUpdate',
              // A <script src="registerSW.js">: no inline script, so the policy stays strict.
              injectRegister: 'script',
              includeAssets: ['icon.svg'],
              manifest: {
                name: 'Front door simulator: Kingston SPA 2013 and 2015',
                short_name: 'Front door',
                description: "A simulator of a children's services single point of access, 2013 and 2015.",
                lang: 'en-GB',
                start_url: './',
                scope: './',
                display: 'standalone',
                background_color: '#ffffff',
                theme_color: '#0b0c0c',
                icons: [
                  { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
                  { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
                  { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
                ],
              },
              workbox: {
                // Every file of the site, the layout engine's (about 1.6 MB) included.
                globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
                maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
                navigateFallback: 'index.html',
                cleanupOutdatedCaches: true,
                // A new version takes over at once, and the first visit's page is served offline
                // too (vite-plugin-pwa sets these itself only with injectRegister 'auto').
                skipWaiting: true,
                clientsClaim: true,
              },
            }),
          ]),
      contentSecurityPolicy(single, lms?.xapiEndpoint),
    ],
    publicDir: single ? false : 'public',
    build: lms ? { outDir: LMS_PACKAGE_DIR(ROOT) } : single ? { outDir: SINGLE_FILE_DIR(ROOT) } : {},
    // The LMS package's settings (src/ui/training/lms/config.ts); null in every other build.
    define: { __SPA_LMS__: JSON.stringify(lms) },
    // A page opened from a file has an opaque origin, and Chromium will not start a module
    // worker there (not even from a blob: URL the page made): the single file's workers are classic.
    worker: { format: single ? 'iife' : 'es' },
    preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': SITE_POLICY } },
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
  };
});
