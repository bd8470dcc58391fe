// Bundle budget of the library build in dist/ (run `vite build` first): what a page downloads
// when it imports the kit (ECharts included) and `conversation-reports/core`, gzipped.
// The one-file `conversation-reports.standalone.js` (everything inlined) is reported, not budgeted.
//
// An entry's size is its file plus every chunk it imports statically, gzipped (level 9) together,
// as a host's bundler inlines them into one file (what size-limit measures too). Chunks loaded with
// import() (the report editor) and the engine Worker are listed apart: they load only when used.
//
//   node test/check-bundle-size.mjs [--dist dist] [--json] [--allow-kit-over-budget] [--allow-core-over-budget]
//
// --allow-kit-over-budget / --allow-core-over-budget turn that entry over its budget into a loud
// warning instead of a failure (README, "Install and packaging", says why each is used).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const KIB = 1024;
export const BUDGETS = { kit: 220 * KIB, core: 25 * KIB };

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

function sizeOf(dist, files) {
  return gzipSize(Buffer.concat(files.map((file) => readFileSync(join(dist, file)))));
}

/** Gzipped sizes of the kit and the core, plus what loads lazily. */
export function bundleSizes(dist) {
  const kit = graph(dist, 'conversation-reports.js');
  const core = graph(dist, 'core.js');
  const lazyFiles = kit.lazy.filter((file) => existsSync(join(dist, file)));
  const standalone = 'conversation-reports.standalone.js';
  return {
    standalone: existsSync(join(dist, standalone)) ? { bytes: sizeOf(dist, [standalone]), files: [standalone] } : null,
    kit: { bytes: sizeOf(dist, kit.eager), files: kit.eager },
    core: { bytes: sizeOf(dist, core.eager), files: core.eager },
    lazy: lazyFiles.map((file) => ({ file, bytes: sizeOf(dist, [file]) })),
    workers: kit.workers.map((file) => ({ file, bytes: sizeOf(dist, [file]) })),
  };
}

const kib = (bytes) => `${(bytes / KIB).toFixed(1)} KiB`;

function main() {
  const args = process.argv.slice(2);
  const distArg = args.indexOf('--dist');
  const dist = resolve(distArg >= 0 ? args[distArg + 1] : join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
  if (!existsSync(join(dist, 'conversation-reports.js')) || !existsSync(join(dist, 'core.js'))) {
    console.error(`No library build in ${dist}: run \`npx vite build\` first.`);
    process.exit(1);
  }
  const sizes = bundleSizes(dist);
  if (args.includes('--json')) {
    console.log(JSON.stringify(sizes));
    return;
  }
  const allowed = new Set(['kit', 'core'].filter((name) => args.includes(`--allow-${name}-over-budget`)));
  let failed = false;
  for (const [name, label] of [
    ['kit', 'kit with ECharts (conversation-reports)'],
    ['core', 'conversation-reports/core'],
  ]) {
    const { bytes, files } = sizes[name];
    const over = bytes > BUDGETS[name];
    const excused = over && allowed.has(name);
    const status = !over ? 'ok' : excused ? `OVER BUDGET (allowed by --allow-${name}-over-budget)` : 'OVER BUDGET';
    console.log(`${label}: ${kib(bytes)} gzip (budget ${kib(BUDGETS[name])}, ${files.length} files) ${status}`);
    if (over && !excused) failed = true;
  }
  for (const { file, bytes } of sizes.lazy) console.log(`  lazy: ${file} ${kib(bytes)}`);
  for (const { file, bytes } of sizes.workers) console.log(`  worker: ${file} ${kib(bytes)}`);
  if (sizes.standalone) console.log(`standalone (one file, everything inlined): ${kib(sizes.standalone.bytes)} gzip`);
  if (failed) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
