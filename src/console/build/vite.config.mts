/**
 * Vite builds the console (src/console/app) into dist/console, served by the hub at
 * /console. Everything it needs is bundled: no CDN, nothing fetched at run time.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const CONSOLE_BASE = '/console/';

export default defineConfig({
  root: fileURLToPath(new URL('../app', import.meta.url)),
  base: CONSOLE_BASE,
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // ECharts alone is ~0.5 MB minified; the console is one page for an office, not a site.
    chunkSizeWarningLimit: 2000,
  },
});
