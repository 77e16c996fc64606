import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages, built into the jar the gateway serves: /console/ (agents) and /status/ (customers).
// `npm run dev` serves them on :5173 and sends /api to a running ./sori.
export default defineConfig({
  root: resolve(import.meta.dirname, 'web'),
  base: '/',
  build: {
    outDir: resolve(import.meta.dirname, 'target/classes/META-INF/resources'),
    emptyOutDir: true,
    // one folder under /console/ for both pages' hashed files
    assetsDir: 'console/assets',
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      input: {
        console: resolve(import.meta.dirname, 'web/console/index.html'),
        status: resolve(import.meta.dirname, 'web/status/index.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
