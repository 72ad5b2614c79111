import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is a static page: no server, no network calls. `base: './'` lets the built
// files open from any folder.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
