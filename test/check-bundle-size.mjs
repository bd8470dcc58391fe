// Bundle budget of the library build in dist/ (run `vite build` first), gzipped:
//
// - first paint ("kit"): what the default dashboard downloads before it paints. A page that shows
//   it imports `conversation-reports/conversation-dashboard` (dist/elements/conversation-dashboard.js):
//   that file and every chunk it imports statically load before the element can render; that set,
//   ECharts included, is "first paint". What it imports with import() (the report editor, the
//   dialogs, the fr/nl catalogs, the sources behind markup attributes, the SVG renderer, the line
//   chart, the tooltip) and the engine Worker load only when used and are listed apart.
// - main entry: dist/conversation-reports.js and its static imports. It re-exports the engine, the
//   sources and the stores for hosts that use them, so it is reported, not budgeted.
// - conversation-reports/core: the engine alone (dist/core.js and its static imports).
// The one-file `conversation-reports.standalone.js` (everything inlined) is reported, not budgeted.
//
// An entry's size is its file plus every chunk it imports statically, gzipped (level 9) together,
// as a host's bundler inlines them into one file (what size-limit measures too).
//
// The build also writes dist/.vite/bundle-modules.json (vite.config.ts, `bundleModules`): the source
// modules of each chunk with their tree-shaken length. From it this script prints the biggest
// contributors to the first paint, and fails if a module of LAZY_ONLY is part of it.
//
//   node test/check-bundle-size.mjs [--dist dist] [--json] [--top N]
//
// An entry over its budget fails the check (and `npm test`); there is no flag to excuse it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const KIB = 1024;
/** The entry a page imports for the smallest first paint of the default dashboard. */
export const FIRST_PAINT_ENTRY = 'elements/conversation-dashboard.js';
export const MAIN_ENTRY = 'conversation-reports.js';
// kit = the first paint of the default dashboard: issue 18's target, ECharts included.
// core = conversation-reports/core, measured 37.5 KiB on 2026-12-07: the engine ≈ 23 (per-group
// summary tables and median selection are speed we chose), zod ≈ 11.5 (the schemas that validate
// at the boundary), schemas ≈ 2. The old 25 KiB predates both; 40 leaves ~2.5 KiB for growth and
// fails a bigger jump. 41 since the drill left the engine chunk (a third file: +0.5 KiB of import/export
// glue for core, 1.7 KiB less in the first paint).
export const BUDGETS = { kit: 250 * KIB, core: 41 * KIB };

/** Source modules that must never be in the first paint: they load with import() when used. */
export const LAZY_ONLY = [
  /^src\/i18n\/(?!en\/)[a-z]{2}(?:-[a-z]+)?\//,
  // English sections of the lazily-loaded elements' texts: each element's chunk brings its own (src/i18n/catalogs.ts catalogParts).
  /^src\/i18n\/en\/(?:report-editor|drill-dialog|csv-import|dashboards)\.ts$/,
  // A tile's table view, and a heatmap's option, model and table (with the heatmap's ECharts parts), load when a tile first shows one.
  /^src\/elements\/report-tile\/(?:tile-table|tile-table\.styles|tile-heatmap|heatmap-table)\.ts$/,
  /^src\/charts\/options\/(?:heatmap-option|heatmap-model|table-model)\.ts$/,
  // A chart's PNG framing loads with the first Export PNG (chart-view.ts toPngDataUrl).
  /^src\/charts\/chart-view\/png-frame\.ts$/,
  // The canvas renderer paints first; SVG, the heatmap's parts, the line chart and the scrolling
  // legend load when a chart asks for them, the tooltip on the first pointer or focus over a chart.
  // zrender/lib/svg/helper.js is shared with the canvas renderer; the tooltip's markup helpers and the
  // axis pointer's model helper are used by ECharts' core.
  /^src\/charts\/echarts-(?:svg|heatmap|line|tooltip|legend-scroll)\.ts$/,
  /^node_modules\/zrender\/lib\/svg\/(?!helper\.js)/,
  /^node_modules\/echarts\/lib\/chart\/line\//,
  /^node_modules\/echarts\/lib\/component\/tooltip\/Tooltip(?:View|Model|HTMLContent|RichContent)\.js$/,
  /^node_modules\/echarts\/lib\/component\/axisPointer\/(?!modelHelper\.js)/,
  /^node_modules\/echarts\/lib\/component\/legend\/(?:ScrollableLegend(?:View|Model)|scrollableLegendAction|installLegendScroll)\.js$/,
  // LabelLayout is not used at all (see src/charts/echarts.ts): axis labels thin out with core ECharts.
  /^node_modules\/echarts\/lib\/label\/(?:LabelManager|installLabelLayout)\.js$/,
  // The drill dialog loads on the first drill.
  /^src\/elements\/drill-dialog\//,
  // Apache Arrow reading (flechette) loads when the first Arrow page arrives (src/engine/report-engine.ts).
  /^node_modules\/@uwdata\/flechette\//,
  /^src\/core\/wire\/arrow\//,
  // The older columnar format's reader loads when the first columnar page arrives.
  /^src\/core\/wire\/wire-(?:format|encode|reading)\.ts$/,
  // <conversation-dashboard>: the stores (with their errors and the checks that throw them) load when
  // markup names one (markup-config-controller.ts);
  // a source declared in markup is set up, over HTTP helpers, on its first load (declarative-data-source.ts).
  /^src\/store\/(?:declarative-store|local-storage-dashboard-store|rest-dashboard-store|validate-dashboard|permissions|errors)\.ts$/,
  /^src\/adapters\/(?:declarative-source-setup|request-json|fetch-without-redirects|errors)\.ts$/,
  // The modal behaviour of the dashboard's report editor comes with the editor, and what an allowed
  // tile action does (save, toast, announce) with the first one (report-actions-controller.ts).
  /^src\/controllers\/modal-dialog-controller\.ts$/,
  /^src\/elements\/conversation-dashboard\/report-(?:actions-work|changes)\.ts$/,
  // The rejected-records panel is defined when a load rejects a record (load-status.ts).
  /^src\/elements\/data-quality\//,
  // The drill's rows load on the first drill (src/engine/report-engine.ts); core imports them (vite.config.ts).
  /^src\/core\/engine\/drill-(?:down|page|first-rows)\.ts$/,
  // Quantile measures' code (median, p90) loads before the first compute with one (src/engine/report-engine.ts);
  // the engine reaches it through quantile-registry.ts, which stays.
  /^src\/core\/engine\/quantile(?:-histogram|-install)?\.ts$/,
  // Business hours' clock and spans load before the first compute that counts in them (src/engine/report-engine.ts);
  // the engine reaches it through business-time-registry.ts, which stays, as does offset-segments.ts.
  /^src\/core\/time\/business-time(?:-install|-columns)?\.ts$/,
  // A tile's Actions menu (items, rendering, keys: MenuController) loads on its first open (tile-menu-button.ts).
  /^src\/elements\/report-tile\/tile-menu\.ts$/,
  /^src\/controllers\/menu-controller\.ts$/,
  // The dashboard's dialogs' markup loads when one can open: a store and a user, or the editor (dashboard-dialogs-part.ts).
  /^src\/elements\/conversation-dashboard\/dashboard-dialogs\.ts$/,
];

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;
// Vite writes `new URL("./assets/x.js", "" + import.meta.url)`, with a comment in between at times.
const WORKER_URL = /new URL\(\s*(?:\/\*[^*]*\*\/\s*)?["'`]([^"'`]+\.js)["'`]\s*,[^)]*import\.meta\.url\s*\)/g;

const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;

function graph(dist, entry) {
  const eager = new Set();
  const lazy = new Set();
  const workers = new Set();
  const visit = (file) => {
    if (eager.has(file)) return;
    eager.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const here = dirname(file);
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) visit(relative(dist, resolve(dist, here, spec)));
    for (const [, spec] of code.matchAll(DYNAMIC_IMPORT)) lazy.add(relative(dist, resolve(dist, here, spec)));
    // Vite writes worker URLs relative to the importing file, or to the output root.
    for (const [, spec] of code.matchAll(WORKER_URL)) {
      const candidates = [resolve(dist, here, spec), resolve(dist, spec)];
      const found = candidates.find((path) => existsSync(path));
      if (found) workers.add(relative(dist, found));
    }
  };
  visit(entry);
  for (const file of eager) lazy.delete(file);
  return { eager: [...eager], lazy: [...lazy], workers: [...workers] };
}

/** `files` of `dist` gzipped together (level 9), as a host's bundler inlines them into one file. */
export function gzippedSize(dist, files) {
  return gzipSize(Buffer.concat(files.map((file) => readFileSync(join(dist, file)))));
}

/** Gzipped sizes of the first paint (the dashboard element's entry), the main entry and the core, plus what loads lazily. */
export function bundleSizes(dist) {
  const kit = graph(dist, FIRST_PAINT_ENTRY);
  const main = graph(dist, MAIN_ENTRY);
  const core = graph(dist, 'core.js');
  const lazyFiles = kit.lazy.filter((file) => existsSync(join(dist, file)));
  const standalone = 'conversation-reports.standalone.js';
  return {
    standalone: existsSync(join(dist, standalone)) ? { bytes: gzippedSize(dist, [standalone]), files: [standalone] } : null,
    kit: { bytes: gzippedSize(dist, kit.eager), files: kit.eager },
    main: { bytes: gzippedSize(dist, main.eager), files: main.eager },
    core: { bytes: gzippedSize(dist, core.eager), files: core.eager },
    lazy: lazyFiles.map((file) => ({ file, bytes: gzippedSize(dist, [file]) })),
    workers: kit.workers.map((file) => ({ file, bytes: gzippedSize(dist, [file]) })),
  };
}

/** The package a node_modules path belongs to (`echarts`, `@lit/context`), else the source folder. */
function groupOf(module) {
  const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module);
  return inPackage ? inPackage[1] : dirname(module);
}

/**
 * The source modules in `files` (first paint by default) with their share of its gzip size: each
 * chunk's gzip size is split between its modules by tree-shaken length, then scaled to the gzip size
 * of the files together. An estimate (minification and compression differ per module), good for
 * ranking. Null when the build wrote no dist/.vite/bundle-modules.json.
 */
export function firstPaintModules(dist, files = bundleSizes(dist).kit.files) {
  const path = join(dist, '.vite', 'bundle-modules.json');
  if (!existsSync(path)) return null;
  const chunks = JSON.parse(readFileSync(path, 'utf8'));
  const shares = new Map();
  let separately = 0;
  for (const file of files) {
    const modules = Object.entries(chunks[file] ?? {});
    const gzip = gzippedSize(dist, [file]);
    separately += gzip;
    const length = modules.reduce((sum, [, rendered]) => sum + rendered, 0);
    for (const [module, rendered] of modules) shares.set(module, (shares.get(module) ?? 0) + (gzip * rendered) / length);
  }
  const scale = separately > 0 ? gzippedSize(dist, files) / separately : 1;
  return [...shares]
    .map(([module, bytes]) => ({ module, group: groupOf(module), bytes: bytes * scale }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** `modules` summed by package or source folder, biggest first. */
export function byGroup(modules) {
  const groups = new Map();
  for (const { group, bytes } of modules) groups.set(group, (groups.get(group) ?? 0) + bytes);
  return [...groups].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes);
}

const kib = (bytes) => `${(bytes / KIB).toFixed(1)} KiB`;

function main() {
  const args = process.argv.slice(2);
  const option = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
  const dist = resolve(option('--dist') ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
  const top = Number(option('--top') ?? 15);
  if (![FIRST_PAINT_ENTRY, MAIN_ENTRY, 'core.js'].every((file) => existsSync(join(dist, file)))) {
    console.error(`No library build in ${dist}: run \`npx vite build\` first.`);
    process.exit(1);
  }
  const sizes = bundleSizes(dist);
  const modules = firstPaintModules(dist, sizes.kit.files);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ ...sizes, firstPaint: modules && { byGroup: byGroup(modules), modules } }));
    return;
  }
  let failed = false;
  for (const [name, label] of [
    ['kit', `first paint of the default dashboard (${FIRST_PAINT_ENTRY} + static imports, ECharts included)`],
    ['core', 'conversation-reports/core'],
  ]) {
    const { bytes, files } = sizes[name];
    const over = bytes > BUDGETS[name];
    console.log(`${label}: ${kib(bytes)} gzip (budget ${kib(BUDGETS[name])}, ${files.length} files) ${over ? 'OVER BUDGET' : 'ok'}`);
    if (over) failed = true;
  }
  console.log(`main entry (${MAIN_ENTRY} + static imports: also the engine, sources and stores it exports): ${kib(sizes.main.bytes)} gzip (${sizes.main.files.length} files, not budgeted)`);
  if (modules) {
    console.log(`  first paint by package or source folder (estimated gzip share):`);
    for (const { group, bytes } of byGroup(modules).slice(0, top)) console.log(`    ${kib(bytes).padStart(10)}  ${group}`);
    console.log(`  first paint, biggest source modules:`);
    for (const { module, bytes } of modules.slice(0, top)) console.log(`    ${kib(bytes).padStart(10)}  ${module}`);
    const misplaced = modules.filter(({ module }) => LAZY_ONLY.some((pattern) => pattern.test(module)));
    for (const { module } of misplaced) console.log(`  LAZY-ONLY MODULE IN FIRST PAINT: ${module}`);
    if (misplaced.length > 0) failed = true;
  } else {
    console.log('  (no dist/.vite/bundle-modules.json: build with this repository\'s vite.config.ts for a breakdown)');
  }
  for (const { file, bytes } of sizes.lazy) console.log(`  lazy: ${file} ${kib(bytes)}`);
  for (const { file, bytes } of sizes.workers) console.log(`  worker: ${file} ${kib(bytes)}`);
  if (sizes.standalone) console.log(`standalone (one file, everything inlined): ${kib(sizes.standalone.bytes)} gzip`);
  if (failed) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
