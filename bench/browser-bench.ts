/**
 * Builds the bench page with vite (production build, as an app would ship), serves it next to the
 * library build in dist/, and drives headless Chromium through puppeteer-core. Never downloads a
 * browser: it uses CHROME_PATH or /usr/bin/chromium, like the tests.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Page } from 'puppeteer-core';
import { build } from 'vite';
import type { EngineFigures } from './engine-bench.ts';
import type { ArrowFigures } from './arrow-bench.ts';
import type { DashboardFigures } from './browser/bench-page.ts';
import type { EditorPreviewFigures } from './browser/editor-preview-bench.ts';
import type { PeersFigures } from './browser/peers-bench.ts';
import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';
import { FIRST_PAINT_PAGE, firstPaintFetched, type FirstPaintFetched } from '../test/first-paint-fetched.ts';
import { mainThread, taskFigures, type TaskFigures, type TraceEvent } from './trace-tasks.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface BrowserFigures {
  engine: EngineFigures[];
  /** Ingest from one Arrow IPC stream and the memory the table keeps (issue 18). */
  arrow: ArrowFigures[];
  dashboards: DashboardFigures[];
  userAgent: string;
  /** The library build (dist/) loads its engine Worker and computes a 60k dashboard there. */
  libraryWorker: { mode: string; tiles: number; error?: string };
  /** What the default dashboard from dist/ really fetched before its first paint (null: skipped). */
  firstPaintFetched: FirstPaintFetched | null;
  /** The report editor's live preview, Worker mode (≥ 50 000) and main-thread mode (below). */
  editorPreview: EditorPreviewFigures[];
  /** The six queries beside DuckDB-WASM and arquero in one page, at the largest N (null: skipped). */
  peers: PeersFigures | null;
}

export interface BrowserBenchOptions {
  /** Sizes at which the editor's preview is timed (default 100 000 in the Worker, 40 000 on the main thread). */
  editorSizes?: number[];
  /** Only the editor's preview (no engine figures, dashboards or library check). */
  editorOnly?: boolean;
  /** Only the peers (six queries beside DuckDB-WASM and arquero). */
  peersOnly?: boolean;
  /** Only the engine figures (no peers, library check, Arrow, dashboards or editor). */
  engineOnly?: boolean;
  /** Only the Arrow ingest figures (`arrow`), at each size. */
  arrowOnly?: boolean;
  /** Only the dashboards (first paint, long tasks while loading), at each size. */
  dashboardOnly?: boolean;
  /** Where to write a Chrome trace of each measured dashboard load (`<trace>-<n>.json`); none when unset. */
  trace?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

/** A page that uses the library build exactly as a host page would, with enough data for the Worker. */
const LIB_CHECK = `<!doctype html><meta charset="utf-8"><title>lib check</title>
<script>window.process = { env: { NODE_ENV: 'production' } };</script>
<conversation-dashboard locale="en" time-zone="UTC"></conversation-dashboard>
<script type="module">
  import { ArrayDataSource } from '/dist/conversation-reports.js';
  import { generateConversations } from '/dist/sample.js';
  const end = Date.UTC(2026, 10, 20);
  const { conversations, lookups } = generateConversations({ n: 60000, seed: 1, end, days: 60 });
  const el = document.querySelector('conversation-dashboard');
  el.now = end;
  el.range = { from: end - 60 * 86400000, to: end };
  el.dataSource = new ArrayDataSource(conversations, { lookups, pageSize: 20000, format: 'binary' });
  const started = performance.now();
  const check = () => {
    const tiles = [...el.shadowRoot.querySelectorAll('report-tile')];
    if (tiles.length && tiles.every((t) => t.shownResult)) window.libCheck = { mode: el.data.table === null ? 'worker' : 'main', tiles: tiles.length };
    else if (el.data?.state === 'error') window.libCheck = { mode: 'error', tiles: 0, error: el.data.error };
    else if (performance.now() - started > 60000) window.libCheck = { mode: 'timeout', tiles: 0 };
    else setTimeout(check, 50);
  };
  check();
</script>`;

function serve(directories: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/lib-check.html' || url.pathname === '/first-paint.html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(url.pathname === '/lib-check.html' ? LIB_CHECK : FIRST_PAINT_PAGE);
      return;
    }
    const prefix = Object.keys(directories).find((p) => url.pathname.startsWith(p)) ?? '/';
    const base = directories[prefix]!;
    const path = normalize(join(base, decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html'));
    try {
      if (!path.startsWith(base) || !statSync(path).isFile()) throw new Error('not found');
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolveServer) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolveServer({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

/** The main thread's timeline, JS samples included: enough to tell which functions make a long task. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'toplevel', 'blink.user_timing'];

async function dashboardsOnly(page: Page, origin: string, sizes: number[], trace: string | undefined): Promise<Omit<BrowserFigures, 'userAgent'>> {
  const traced = new Map<number, TaskFigures>();
  if (trace)
    await page.exposeFunction('benchTrace', async (phase: 'start' | 'stop', n: number) => {
      if (phase === 'start') await page.tracing.start({ path: `${trace}-${n}.json`, categories: TRACE_CATEGORIES });
      else {
        const bytes = await page.tracing.stop();
        const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { traceEvents: TraceEvent[] };
        traced.set(n, taskFigures(mainThread(parsed.traceEvents).tasks));
      }
    });
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction('window.benchReady === true', { timeout: 60_000 });
  const dashboards = (await page.evaluate(
    (config) => (window as unknown as { runDashboards: (c: unknown) => Promise<unknown> }).runDashboards(config),
    { sizes, pages: process.env.BENCH_DASHBOARD_PAGES ?? 'arrow' },
  )) as DashboardFigures[];
  for (const figures of dashboards) if (traced.has(figures.n)) figures.traced = traced.get(figures.n)!;
  return { engine: [], arrow: [], dashboards, libraryWorker: { mode: 'skipped', tiles: 0 }, firstPaintFetched: await firstPaintFetched(page, origin, resolve(root, 'dist')), editorPreview: [], peers: null };
}

export async function browserBench(sizes: number[], log: (line: string) => void, options: BrowserBenchOptions = {}): Promise<BrowserFigures> {
  const editorSizes = options.editorSizes ?? [100_000, 40_000];
  const outDir = mkdtempSync(join(tmpdir(), 'cr-bench-page-'));
  log('browser: building the bench page (vite, production)…');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: resolve(root, 'bench/browser'),
    base: './',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    worker: { format: 'es' },
    // A trace names functions: unminified then.
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: !options.trace, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
  });
  const { server, origin } = await serve({ '/dist/': resolve(root, 'dist') + '/', '/': outDir + '/' });
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    // gc() between phases: a collection of the previous phase's garbage is not the dashboard's long task.
    args: [...chromiumArgs, '--js-flags=--expose-gc'],
    protocolTimeout: 900_000,
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1300, height: 1000 });
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('browser:') || text.startsWith('  ')) log(text);
    });
    page.on('pageerror', (error) => log(`browser: page error: ${error instanceof Error ? error.message : String(error)}`));

    if (options.dashboardOnly) return { ...(await dashboardsOnly(page, origin, sizes, options.trace)), userAgent: await browser.userAgent() };
    let peers: PeersFigures | null = null;
    if (!options.editorOnly && !options.engineOnly && !options.arrowOnly) {
      // A fresh page of its own: the peers' heaps (DuckDB's worker, arquero's tables) stay out of the other figures.
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction('window.benchReady === true', { timeout: 60_000 });
      peers = (await page.evaluate(
        (config) => (window as unknown as { runPeers: (c: unknown) => Promise<unknown> }).runPeers(config),
        { n: Math.max(...sizes), rounds: Number(process.env.BENCH_PEER_ROUNDS ?? 3) },
      )) as PeersFigures;
      if (options.peersOnly) return { engine: [], arrow: [], dashboards: [], userAgent: await browser.userAgent(), libraryWorker: { mode: 'skipped', tiles: 0 }, firstPaintFetched: null, editorPreview: [], peers };
    }
    let libraryWorker: BrowserFigures['libraryWorker'] = { mode: 'skipped', tiles: 0 };
    let firstPaint: FirstPaintFetched | null = null;
    if (!options.editorOnly && !options.engineOnly && !options.arrowOnly) {
      log('browser: what the default dashboard from dist/ fetches before it paints…');
      firstPaint = await firstPaintFetched(page, origin, resolve(root, 'dist'));
      log('browser: library build (dist/) with its engine Worker…');
      await page.goto(`${origin}/lib-check.html`);
      await page.waitForFunction('window.libCheck', { timeout: 90_000 });
      libraryWorker = (await page.evaluate('window.libCheck')) as BrowserFigures['libraryWorker'];
    }

    await page.goto(`${origin}/index.html`);
    await page.waitForFunction('window.benchReady === true', { timeout: 60_000 });
    let result: Omit<BrowserFigures, 'libraryWorker' | 'firstPaintFetched' | 'editorPreview' | 'peers'> = { engine: [], arrow: [], dashboards: [], userAgent: await browser.userAgent() };
    if (!options.editorOnly) {
      const objectRuns = Object.fromEntries(sizes.map((n) => [n, n > 200_000 ? 1 : 3]));
      result = (await page.evaluate(
        (config) => (window as unknown as { runBench: (c: unknown) => Promise<unknown> }).runBench(config),
        { sizes, objectRuns, engineOnly: options.engineOnly ?? false, arrowOnly: options.arrowOnly ?? false },
      )) as typeof result;
    }
    if (options.engineOnly || options.arrowOnly) return { ...result, libraryWorker, firstPaintFetched: firstPaint, editorPreview: [], peers };
    // A fresh page: the editor's figures do not inherit the heap of the runs above.
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction('window.benchReady === true', { timeout: 60_000 });
    const runEditor = (sizes: number[]) =>
      page.evaluate(
        (config) => (window as unknown as { runEditorPreview: (c: unknown) => Promise<unknown> }).runEditorPreview(config),
        { sizes },
      ) as Promise<EditorPreviewFigures[]>;
    const editorPreview = await runEditor(editorSizes);
    // Once more at the first size for a reader who asked for reduced motion: the chart then draws without animation.
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    editorPreview.push(...(await runEditor(editorSizes.slice(0, 1))));
    await page.emulateMediaFeatures([]);
    return { ...result, libraryWorker, firstPaintFetched: firstPaint, editorPreview, peers };
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
