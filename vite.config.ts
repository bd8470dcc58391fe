import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// `npm start` serves the demo; `vite build` builds the library (one self-contained ESM file).
export default defineConfig({
  root: resolve(here, 'demo'),
  server: { port: 5173, strictPort: false },
  // ECharts/zrender read process.env.NODE_ENV; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    minify: true,
    lib: {
      entry: resolve(here, 'src/index.ts'),
      formats: ['es'],
      fileName: () => 'conversation-reports.js',
    },
  },
});
