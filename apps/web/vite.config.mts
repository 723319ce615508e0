import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The applicant's and staff's web, built into dist/ beside the api that serves it (apps/api/src/web-front-end.ts). */
export default defineConfig({
  root: here,
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${here}../../dist/apps/web/public`,
    emptyOutDir: true,
    sourcemap: true,
    // The site's CSP allows only its own scripts: no inline preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Designsystemet marks its modules 'use client' for server rendering, which a browser bundle has no use for.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
