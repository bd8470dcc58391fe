import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const src = (path: string): string => resolve(here, 'src', path);

/**
 * `npm start` serves the demo (root `demo/`); `vite build` builds the package into `dist/`:
 * - `conversation-reports.js` (`.`): registers every element; the engine, light sources, stores;
 * - `core.js` (`./core`): the engine alone (no DOM, no lit, no ECharts); `wire.js` (`./wire`);
 * - `adapters.js`, `store.js`, `sample.js`: every data source, the stores, the sample generator;
 * - `elements/<name>.js`: one element each (`./conversation-dashboard`, `./report-tile`, …);
 * - shared code in `chunks/`; what the kit imports with `import()` (report editor, `<csv-import>`,
 *   the sources behind markup attributes) and the engine Worker (`new Worker(new URL(…,
 *   import.meta.url))`) become chunks of their own, loaded only when used;
 * - `conversation-reports.standalone.js`: everything in one file for a plain `<script>` (below);
 * - `server.js` (`./server`): `createReportHandler` for Node (below);
 * - `types/`: the declarations (`tsc -p tsconfig.build.json`).
 * `test/check-bundle-size.mjs` checks the sizes after a build.
 */
const entries: Record<string, string> = {
  'conversation-reports': src('index.ts'),
  core: src('core/index.ts'),
  wire: src('core/wire/index.ts'),
  adapters: src('entries/adapters.ts'),
  store: src('store/index.ts'),
  sample: src('entries/sample.ts'),
  'elements/conversation-dashboard': src('entries/conversation-dashboard.ts'),
  'elements/report-tile': src('entries/report-tile.ts'),
  'elements/drill-dialog': src('entries/drill-dialog.ts'),
  'elements/report-editor': src('entries/report-editor.ts'),
  'elements/csv-import': src('entries/csv-import.ts'),
};

/** The source files `src/core/index.ts` reaches through value (not `import type`) imports. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [statement, spec] of code.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+\.ts)'/gms)) {
      if (/^(?:import|export)\s+type\s/.test(statement)) continue;
      visit(resolve(dirname(file), spec!).replace(/\\/g, '/'));
    }
  };
  visit(entry.replace(/\\/g, '/'));
  return seen;
}
const coreEntry = src('core/index.ts').replace(/\\/g, '/');
const coreModules = staticGraph(coreEntry);
/** Engine parts the default dashboard does not use before it paints: the drill, the quantiles, the business clock (not their registries). */
const lazyEngineModule = /[\\/]src[\\/]core[\\/](?:engine[\\/](?:drill-[a-z-]+|quantile(?:-histogram|-install)?)|time[\\/]business-time(?:-install|-columns)?)\.ts$/;
/**
 * The engine chunk: core's modules and zod, the lazy parts left out. Not core's entry module either:
 * a group takes in what its modules import, and the entry imports the lazy parts. Those then go in
 * core.js itself, which the page's engine loads with import() for them.
 */
function inEngineChunk(id: string): boolean {
  const path = id.replace(/\\/g, '/');
  if (/[\\/]node_modules[\\/]zod[\\/]/.test(id)) return true;
  return coreModules.has(path) && path !== coreEntry && !lazyEngineModule.test(path);
}

// ECharts/zrender read process.env.NODE_ENV; a browser has no `process`.
const define = { 'process.env.NODE_ENV': JSON.stringify('production') };

/**
 * The standalone file computes on the page's main thread: a Worker would be a second file (or a
 * `blob:` URL, which a strict `worker-src 'self'` forbids). The engine already falls back to the
 * main thread where `createEngineWorker()` gives null.
 */
const mainThreadEngine: Plugin = {
  name: 'conversation-reports:main-thread-engine',
  enforce: 'pre',
  load(id) {
    if (id.replace(/\\/g, '/').endsWith('/src/worker/create-engine-worker.ts')) {
      return 'export function createEngineWorker() { return null; }\n';
    }
    return undefined;
  },
};

const unused = (what: string) => `throw new Error('conversation-reports: ECharts ${what} is not part of this build');`;
/** A module whose default export is a class that throws when made. */
const unusedClass = (name: string, what: string) => `export default class ${name} { constructor() { ${unused(what)} } }\n`;
/**
 * Modules `echarts/core` imports that the kit's charts never run, replaced by stand-ins (10 KiB of
 * the first paint): the time and log scales (its axes are category and value axes), the built-in
 * "dark" theme (charts get a theme object read from CSS), the Chinese texts of ECharts' own parts
 * (the kit shows none of them: English stands in), the loading spinner, dataset transforms (data
 * is in the series), `alignTicks` (one value axis), the legacy `pieselectchanged` events and
 * actions (no slice is selectable) and the renaming of ECharts 2-5 option names (the kit's options
 * and themes use current names: current-option-form.browser.test.ts), and the zrender shapes only
 * the `graphic` component and custom series make (ellipse, ring, Bezier curve, arc, incremental,
 * radial gradient class; the kit registers neither). A stand-in that runs anyway throws, naming
 * the part, except those ECharts runs for every chart, which do what the kit needs of them
 * (nothing; `series` made an array). Tests, served module by module, and `npm start` run the real
 * ones.
 */
const echartsStandIns: Record<string, string> = {
  'echarts/lib/scale/Time.js': `${unusedClass('TimeScale', 'time axis')}export function calcNiceForTimeScale() { ${unused('time axis')} }\n`,
  'echarts/lib/scale/Log.js': unusedClass('LogScale', 'log axis'),
  'echarts/lib/theme/dark.js': 'export default {};\n',
  'echarts/lib/i18n/langZH.js': "export { default } from './langEN.js';\n",
  'echarts/lib/loading/default.js': `export default function showLoading() { ${unused('loading spinner')} }\n`,
  'echarts/lib/data/helper/transform.js': `export function applyDataTransform() { ${unused('dataset transform')} }\nexport function registerExternalTransform() { ${unused('dataset transform')} }\n`,
  'echarts/lib/coord/axisAlignTicks.js': `export function scaleCalcAlign() { ${unused('alignTicks')} }\n`,
  'echarts/lib/legacy/dataSelectAction.js': 'export function createLegacyDataSelectAction() {}\nexport function handleLegacySelectEvents() {}\n',
  'echarts/lib/preprocessor/backwardCompat.js': "import { normalizeToArray } from '../util/model.js';\nexport default function globalBackwardCompat(option) { option.series = normalizeToArray(option.series); }\n",
  'zrender/lib/graphic/IncrementalDisplayable.js': unusedClass('IncrementalDisplayable', 'incremental rendering'),
  'zrender/lib/graphic/shape/Ellipse.js': unusedClass('Ellipse', 'ellipse shape'),
  'zrender/lib/graphic/shape/Ring.js': unusedClass('Ring', 'ring shape'),
  'zrender/lib/graphic/shape/BezierCurve.js': unusedClass('BezierCurve', 'Bezier curve shape'),
  'zrender/lib/graphic/shape/Arc.js': unusedClass('Arc', 'arc shape'),
  'zrender/lib/graphic/RadialGradient.js': unusedClass('RadialGradient', 'RadialGradient class'),
};
const echartsUnused: Plugin = {
  name: 'conversation-reports:echarts-unused',
  apply: 'build',
  enforce: 'pre',
  load(id) {
    const module = /\/node_modules\/((?:echarts|zrender)\/lib\/.+)$/.exec(id.replace(/\\/g, '/'))?.[1];
    return module !== undefined && Object.hasOwn(echartsStandIns, module) ? echartsStandIns[module] : undefined;
  },
};

/** Whole-file minification with esbuild (test/browser/built-bundle.browser.test.ts runs the result). */
const esbuildMinify: Plugin = {
  name: 'conversation-reports:esbuild-minify',
  async generateBundle(_options, bundle) {
    const { transform } = await import('esbuild');
    for (const output of Object.values(bundle)) {
      if (output.type !== 'chunk') continue;
      output.code = (await transform(output.code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' })).code;
    }
  },
};

const standaloneConfig: InlineConfig = {
  configFile: false,
  root: here,
  logLevel: 'warn',
  base: './',
  define,
  plugins: [mainThreadEngine, echartsUnused, esbuildMinify],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: false,
    copyPublicDir: false,
    // esbuild minifies this file (below): rolldown's minifier (vite 8.3) breaks papaparse when
    // everything is in one chunk ("reading 'skipEmptyLines'" on csv-src).
    minify: false,
    target: 'es2022',
    lib: {
      entry: { 'conversation-reports.standalone': src('entries/standalone.ts') },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: { codeSplitting: false },
    },
  },
};

/**
 * `server.js` (`./server`): the Node-side half of the SQL push-down, built for Node (node: built-ins
 * and the package's dependencies stay imports), one file with the compiler and the engine parts it needs.
 */
const serverConfig: InlineConfig = {
  configFile: false,
  root: here,
  logLevel: 'warn',
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: false,
    copyPublicDir: false,
    ssr: src('server/index.ts'),
    target: 'node20',
    minify: false,
    rolldownOptions: {
      output: { entryFileNames: 'server.js', codeSplitting: false },
    },
  },
};

/**
 * `dist/.vite/bundle-modules.json`: for each chunk of the package build, the source modules in it
 * and their tree-shaken length, so `test/check-bundle-size.mjs` can say which modules make the
 * first paint heavy. Written beside vite's own manifest directory; no module reads it at run time.
 */
const bundleModules: Plugin = {
  name: 'conversation-reports:bundle-modules',
  apply: 'build',
  generateBundle(_options, bundle) {
    const chunks: Record<string, Record<string, number>> = {};
    for (const output of Object.values(bundle)) {
      if (output.type !== 'chunk') continue;
      const modules: Record<string, number> = {};
      for (const [id, info] of Object.entries(output.modules)) {
        if (info.renderedLength > 0) modules[relative(here, id.replace(/^\0/, '')).replace(/\\/g, '/')] = info.renderedLength;
      }
      chunks[output.fileName] = modules;
    }
    this.emitFile({ type: 'asset', fileName: '.vite/bundle-modules.json', source: JSON.stringify(chunks) });
  },
};

/** After the package build: the one-file standalone build, the server build, then the type declarations. */
const standaloneAndTypes: Plugin = {
  name: 'conversation-reports:standalone-and-types',
  apply: 'build',
  async closeBundle() {
    await build(standaloneConfig);
    await build(serverConfig);
    if (process.env.CR_SKIP_TYPES) return;
    const tsc = resolve(here, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', resolve(here, 'tsconfig.build.json')], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error('Declaration emit (tsc -p tsconfig.build.json) failed.');
  },
};

export default defineConfig({
  root: resolve(here, 'demo'),
  server: { port: 5173, strictPort: false },
  // Relative URLs in the build: the Worker is found next to the library file wherever it is served
  // from, not at the site root ("/assets/…"), which only works for an app deployed at "/".
  base: './',
  define,
  plugins: [echartsUnused, bundleModules, standaloneAndTypes],
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
      entry: entries,
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        // Library mode minifies identifiers but keeps whitespace unless told otherwise.
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The engine and zod in one shared chunk: `conversation-reports/core` is then two files, not
        // seven (each split adds import/export glue to what a page downloads).
        codeSplitting: {
          groups: [{ name: 'engine', test: inEngineChunk }],
        },
      },
    },
  },
});
