import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * `npm start` serves the demo (root `demo/`); `vite build` builds the library into `dist/`:
 * - `conversation-reports.js`: the kit (elements, engine, sources, stores), ECharts included;
 * - `core.js`: `conversation-reports/core`, the engine alone (no DOM, no lit, no ECharts);
 * - `wire.js`: `conversation-reports/wire`, the columnar wire format: build, read, ingest pages;
 * - shared code in `chunks/`; what the kit imports with `import()` (the report editor) and the
 *   engine Worker (`new Worker(new URL(…, import.meta.url))`) become chunks of their own, loaded
 *   only when used. `test/check-bundle-size.mjs` checks the sizes after a build.
 */
export default defineConfig({
  root: resolve(here, 'demo'),
  server: { port: 5173, strictPort: false },
  // Relative URLs in the build: the Worker is found next to the library file wherever it is served
  // from, not at the site root ("/assets/…"), which only works for an app deployed at "/".
  base: './',
  // ECharts/zrender read process.env.NODE_ENV; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  worker: {
    // A module Worker may share chunks with the page and import them; a classic one may not.
    format: 'es',
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    minify: true,
    target: 'es2022',
    lib: {
      entry: {
        'conversation-reports': resolve(here, 'src/index.ts'),
        core: resolve(here, 'src/core/index.ts'),
        wire: resolve(here, 'src/core/wire.ts'),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        // Library mode minifies identifiers but keeps whitespace unless told otherwise.
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
