/**
 * `npm run bench`: the figures of issue 4 at N = 100 000 and 1 000 000.
 *
 * - Chromium (headless, the tests' browser): ingest, all twelve reports, re-filter, drill, scan
 *   limit, first dashboard paint at 100k, long tasks while a 1M dashboard loads and computes.
 * - Node: the same engine figures, the table's bytes per conversation, and the six queries in our
 *   engine against a naive array-of-objects program, arquero and DuckDB, answers checked equal.
 * - The library build: gzip sizes of the kit (ECharts included) and of `conversation-reports/core`.
 *
 * Prints readable tables, then, as its last line, one JSON object with every figure. Top-level
 * figures are medians at the largest N, from Chromium; `stats` holds median/min/max per runtime
 * and N. Environment: BENCH_SIZES=100000,1000000 · BENCH_SKIP_BROWSER=1 · BENCH_SKIP_BASELINES=1 ·
 * BENCH_EDITOR_SIZES=100000,40000 (the editor's live preview: Worker mode from 50 000, main thread
 * below) · BENCH_ONLY=editor (only the editor's preview figures: no Node part, no library build).
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { computeReports, createTable, templateList } from '../src/core/index.ts';
import { generateConversations } from '../src/sample/generate-conversations.ts';
import { bundleSizes, BUDGETS, KIB } from '../test/check-bundle-size.mjs';
import { sixQueriesBench, type SixQueryFigures } from './baselines-bench.ts';
import { DAYS, END, RANGE, SEED, TIME_ZONE } from './bench-data.ts';
import { browserBench, type BrowserFigures } from './browser-bench.ts';
import { businessHoursBench, type BusinessHoursFigures } from './business-hours-bench.ts';
import { engineBench, type EngineFigures } from './engine-bench.ts';
import { pushDownBench, type PushDownFigures } from './push-down-bench.ts';
import { round, type Figure } from './measure.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const skipBrowser = process.env.BENCH_SKIP_BROWSER === '1';
const skipBaselines = process.env.BENCH_SKIP_BASELINES === '1';
const editorOnly = process.env.BENCH_ONLY === 'editor';
// BENCH_ONLY=peers: the six queries beside DuckDB-WASM and arquero in Chromium, nothing else (a few minutes at 1M).
const peersOnly = process.env.BENCH_ONLY === 'peers';
// BENCH_ONLY=engine: the engine figures in Chromium alone (ingest, reports, re-filter, drill, scan limit), about a minute at 1M.
const engineOnly = process.env.BENCH_ONLY === 'engine';
// BENCH_ONLY=dashboard: first paint and long tasks of the dashboard at each size, nothing else (about a minute);
// BENCH_TRACE=name also writes a Chrome trace of each measured load to name-<n>.json (open it in DevTools' Performance panel).
const dashboardOnly = process.env.BENCH_ONLY === 'dashboard';
// BENCH_ONLY=arrow: Arrow IPC ingest in Chromium alone (the host's path, memory kept), at each size.
const arrowOnly = process.env.BENCH_ONLY === 'arrow';
const editorSizes = (process.env.BENCH_EDITOR_SIZES ?? '100000,40000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const log = (line: string) => process.stderr.write(`${line}\n`);
const context = { range: RANGE, timeZone: TIME_ZONE };
const started = performance.now();

function freeMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

// ——— Node ———
const node: { engine: EngineFigures; sixQueries: SixQueryFigures | null; businessHours: BusinessHoursFigures }[] = [];
for (const n of editorOnly || peersOnly || engineOnly || dashboardOnly || arrowOnly ? [] : sizes) {
  log(`node: N = ${n.toLocaleString('en')}: generating…`);
  const { conversations, lookups } = generateConversations({ n, seed: SEED, end: END, days: DAYS });
  const engine = await engineBench(conversations, lookups, context, { objectRuns: n > 200_000 ? 2 : 3, log });
  let sixQueries: SixQueryFigures | null = null;
  const table = createTable(conversations, lookups);
  const businessHours = await businessHoursBench(table, context, log);
  if (!skipBaselines) {
    computeReports(table, templateList[0]!.reports, context);
    sixQueries = await sixQueriesBench(conversations, table, context, log);
  }
  node.push({ engine, sixQueries, businessHours });
  freeMemory();
}

// ——— Push-down through the server handler (DuckDB file) ———
// BENCH_PUSHDOWN_N (default 10 000 000) sets its size; BENCH_SKIP_PUSHDOWN=1 leaves it out.
let pushDownFigures: PushDownFigures | null = null;
if (!editorOnly && !peersOnly && !engineOnly && !dashboardOnly && !arrowOnly && process.env.BENCH_SKIP_PUSHDOWN !== '1') {
  pushDownFigures = await pushDownBench(Number(process.env.BENCH_PUSHDOWN_N ?? 10_000_000), log);
  freeMemory();
}

// ——— Bundle ———
let bundle: ReturnType<typeof bundleSizes> | null = null;
// BENCH_SKIP_BUNDLE=1 with BENCH_SKIP_BROWSER=1: the Node engine figures alone, without a vite build.
const skipBundle = process.env.BENCH_SKIP_BUNDLE === '1' && skipBrowser;
if (!editorOnly && !peersOnly && !engineOnly && !dashboardOnly && !arrowOnly && !skipBundle) {
  log('bundle: vite build…');
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  bundle = bundleSizes(`${root}dist`);
}

// ——— Chromium ———
let browser: BrowserFigures | null = null;
if (!skipBrowser || editorOnly || peersOnly || engineOnly || dashboardOnly || arrowOnly)
  browser = await browserBench(sizes, log, { editorSizes, editorOnly, peersOnly, engineOnly, dashboardOnly, arrowOnly, ...(process.env.BENCH_TRACE ? { trace: process.env.BENCH_TRACE } : {}) });
if (arrowOnly) {
  for (const a of browser?.arrow ?? [])
    console.log(`Arrow in Chromium, N = ${a.n.toLocaleString('en')}: ${(a.arrowBytes / 2 ** 20).toFixed(1)} MiB, ingest ${a.ingest.median} ms (${a.ingest.min}–${a.ingest.max}), kept ${a.keptRatio}× the input`);
  console.log(JSON.stringify({ arrow: browser?.arrow ?? [], userAgent: browser?.userAgent ?? null }));
  process.exit(0);
}

/** The peers' line of the report and their part of the JSON. */
const peerLines = (peers: BrowserFigures['peers']): string[] => {
  if (!peers) return [];
  const pad = (text: string, width: number) => text.padEnd(width);
  const names = Object.keys(peers.engine.perQuery) as (keyof typeof peers.engine.perQuery)[];
  const rows = [
    ['this kit', peers.engine],
    ['DuckDB-WASM', peers.duckdbWasm],
    ['arquero', peers.arquero],
  ] as const;
  return [
    '',
    `Six queries in one Chromium page at N = ${peers.n.toLocaleString('en')}, same Arrow stream (${(peers.arrowBytes / 2 ** 20).toFixed(1)} MiB) — median ms; ratio = theirs / ours`,
    pad('engine', 13) + pad('ingest', 10) + names.map((name) => pad(name, 26)).join('') + pad('total', 10) + 'ratio  equal',
    ...rows.map(
      ([label, f]) =>
        pad(label, 13) +
        pad(`${f.ingest.median.toFixed(0)}${f.ingestRatio === 1 ? '' : ` ${f.ingestRatio}×`}`, 10) +
        names.map((name) => pad(f.perQuery[name].median.toFixed(1), 26)).join('') +
        pad(f.totalMs.toFixed(1), 10) +
        pad(`${f.ratio}×`, 7) +
        (label === 'this kit' ? '' : f.differences.length === 0 ? 'yes' : `NO: ${f.differences.join('; ')}`),
    ),
    `  floor (one fused pass over the 7 columns the six read): ${peers.floorMs.toFixed(1)} ms; ours / floor ${peers.engineVsFloor}×`,
  ];
};
if (peersOnly) {
  console.log(peerLines(browser?.peers ?? null).join('\n'));
  console.log(JSON.stringify({ peers: browser?.peers ?? null, userAgent: browser?.userAgent ?? null }));
  process.exit(0);
}

/** The dashboards' lines: first paint and long tasks at each size. */
const dashboardLines = (dashboards: BrowserFigures['dashboards']): string[] => [
  '',
  'Dashboard in Chromium (chat overview, production build, data as one Apache Arrow stream)',
  ...dashboards.map(
    (d) =>
      `  N = ${d.n.toLocaleString('en')} (${d.mode}): first full paint ${d.paintAfterDataMs.toFixed(0)} ms after the data arrived, ${d.totalMs.toFixed(0)} ms in all; ` +
      `${d.longTasks} main-thread tasks over 50 ms, longest ${d.longestTaskMs.toFixed(0)} ms` +
      (d.traced
        ? `; traced: ${d.traced.over50Wall} over 50 ms by wall time (longest ${d.traced.longestWallMs}), ${d.traced.over50Cpu} by CPU time (longest ${d.traced.longestCpuMs})`
        : ''),
  ),
];
const longTasksOf = (dashboards: BrowserFigures['dashboards']) =>
  dashboards.length ? (({ longTasks, longestTaskMs, totalMs, mode }) => ({ count: longTasks, longestMs: longestTaskMs, loadAndComputeMs: totalMs, mode }))(dashboards.at(-1)!) : null;
/** The line on what the default dashboard from dist/ fetched before it painted, and its JSON. */
const firstPaintLines = (fetched: BrowserFigures['firstPaintFetched'] | undefined): string[] =>
  fetched
    ? [
        `  default dashboard from dist/, fetched before its first paint: ${(fetched.bytes / KIB).toFixed(1)} KiB gzip in ${fetched.files.length} files (${fetched.tiles} tiles${fetched.error ? `, ${fetched.error}` : ''}); ` +
          `beyond the entry's static imports: ${fetched.beyondStatic.join(', ') || 'none'}`,
      ]
    : [];
const firstPaintJson = (fetched: BrowserFigures['firstPaintFetched'] | undefined) => (fetched ? { ...fetched, kib: round(fetched.bytes / KIB, 1) } : null);
if (dashboardOnly) {
  const dashboards = browser?.dashboards ?? [];
  console.log([...dashboardLines(dashboards), ...firstPaintLines(browser?.firstPaintFetched), `  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`].join('\n'));
  console.log(JSON.stringify({ paint100kMs: dashboards.find((d) => d.n === 100_000)?.paintAfterDataMs ?? null, longTasks1M: longTasksOf(dashboards), dashboards, firstPaintFetched: firstPaintJson(browser?.firstPaintFetched), loadAverage: loadavg(), userAgent: browser?.userAgent ?? null }));
  process.exit(0);
}

// ——— Report ———
const ms = (figure: Figure) => `${figure.median.toFixed(1)} (${figure.min.toFixed(1)}–${figure.max.toFixed(1)})`;
const pad = (text: string, width: number) => text.padEnd(width);
const lines: string[] = [];
const engineTable = (title: string, list: EngineFigures[]) => {
  lines.push('', `${title} — ms, median (min–max)`);
  lines.push(pad('N', 11) + ['ingest wire', 'ingest objects', 'all 12 reports', 'all 12 (warm)', 're-filter', 're-filter (cold)', 'drill largest', 'drill rows only', 'scan limit', 'reports/scan'].map((h) => pad(h, 21)).join(''));
  for (const f of list)
    lines.push(
      pad(f.n.toLocaleString('en'), 11) +
        [ms(f.ingest), ms(f.ingestObjects), ms(f.allReports), ms(f.allReportsWarm), ms(f.refilter), ms(f.refilterCold), `${ms(f.drill)} ${f.drillRows}r`, ms(f.drillSelect), ms(f.scanLimit), `${round(f.allReports.median / f.scanLimit.median, 1)}×`]
          .map((c) => pad(c, 21))
          .join(''),
    );
};
if (browser && !editorOnly) engineTable('Engine in Chromium', browser.engine);
if (!editorOnly && !engineOnly) engineTable('Engine in Node', node.map((entry) => entry.engine));
if (!editorOnly && !engineOnly) {
  lines.push('', 'Business hours and SLAs (Node) — twelve templates + team performance (schedule, per-inbox zone, SLA in business hours) vs twelve + six plain twins; ms, median (min–max)');
  for (const { businessHours: b } of node)
    lines.push(
      `  N = ${b.n.toLocaleString('en')}: cold plain ${ms(b.plain)}, business ${ms(b.business)} → ${b.ratio}× (CPU ${b.plainCpu.median.toFixed(0)} vs ${b.businessCpu.median.toFixed(0)} → ${b.ratioCpu}×); warm ${ms(b.plainWarm)} vs ${ms(b.businessWarm)} → ${b.ratioWarm}×`,
    );
}
if (!editorOnly && !engineOnly) lines.push('', `Table memory: ${node.map((e) => `${e.engine.bytesPerConversation} bytes/conversation at ${e.engine.n.toLocaleString('en')} (+ ${e.engine.textBytesPerConversation} of drill-only text)`).join('; ')}`);
for (const { engine, sixQueries } of node) {
  if (!sixQueries) continue;
  lines.push('', `Six queries at N = ${engine.n.toLocaleString('en')} (Node) — median ms per query; ratio = their total / ours`);
  const names = Object.keys(sixQueries.engine.perQuery) as (keyof SixQueryFigures['engine']['perQuery'])[];
  lines.push(pad('engine', 10) + names.map((name) => pad(name, 26)).join('') + pad('total', 10) + 'ratio  equal');
  for (const key of ['engine', 'duckdb', 'arquero', 'naive'] as const) {
    const entry = sixQueries[key];
    const ratio = 'ratio' in entry ? `${entry.ratio}×` : '1×';
    const equal = 'differences' in entry ? (entry.differences.length === 0 ? 'yes' : `NO: ${entry.differences.join('; ')}`) : '';
    lines.push(pad(key, 10) + names.map((name) => pad(entry.perQuery[name].median.toFixed(1), 26)).join('') + pad(entry.totalMs.toFixed(1), 10) + pad(ratio, 7) + equal);
  }
}
if (browser && browser.editorPreview.length > 0) {
  lines.push('', 'Report editor live preview in Chromium (a dashboard tile opened in the editor; production build) — ms, median (min–max)');
  lines.push(pad('N', 11) + pad('mode', 8) + ['edit → chart drawn', 'edit → on screen', 'frames', 'edit → animation done', 'new filter → drawn', 'runs'].map((h) => pad(h, 24)).join(''));
  for (const f of browser.editorPreview)
    lines.push(
      pad(f.n.toLocaleString('en'), 11) +
        pad(f.mode + (f.reducedMotion ? '*' : ''), 8) +
        [ms(f.edit), ms(f.editShown), `${f.editFrames.median} (${f.editFrames.min}–${f.editFrames.max})`, ms(f.editSettled), ms(f.newFilter), String(f.runs)].map((c) => pad(c, 24)).join(''),
    );
  for (const f of browser.editorPreview) {
    const p = f.phases;
    lines.push(
      `  N = ${f.n.toLocaleString('en')} (${f.mode}${f.reducedMotion ? ', reduced motion' : ''}), where an edit's time goes (medians): ` +
        [p.request === null ? null : `to the Worker ${p.request.toFixed(1)}`, p.engine === null ? null : `engine round trip ${p.engine.toFixed(1)}`, `${f.mode === 'main' ? 'edit' : 'answer'} → setOption ${p.render.toFixed(1)}`, `setOption ${p.setOption.toFixed(1)}`]
          .filter(Boolean)
          .join(' · '),
    );
  }
  lines.push(
    '  edit: the date property changed in the Data tab; a frame is 16.7 ms; frames: 1 = on screen at the very next frame. New filter: a spec whose filter value the engine has not selected before.',
    '  * the page asked for reduced motion: the preview draws without animation.',
  );
}
if (browser && !editorOnly && browser.arrow.length > 0) {
  lines.push('', 'Apache Arrow in Chromium (one IPC stream, the kit\'s zero-copy form) — ingest ms, median (min–max); memory the table keeps');
  for (const a of browser.arrow)
    lines.push(
      `  N = ${a.n.toLocaleString('en')}: Arrow ${(a.arrowBytes / 2 ** 20).toFixed(1)} MiB, ingest ${ms(a.ingest)}, kept ${(a.keptBytes / 2 ** 20).toFixed(1)} MiB = ${a.keptRatio}× the input`,
    );
}
if (browser && !editorOnly) {
  lines.push(...dashboardLines(browser.dashboards));
  lines.push(...firstPaintLines(browser.firstPaintFetched));
  lines.push(`  library build: ${browser.libraryWorker.mode === 'worker' ? 'engine Worker loaded from dist/ and computed' : `engine Worker NOT used (${browser.libraryWorker.mode}${browser.libraryWorker.error ? `: ${browser.libraryWorker.error}` : ''})`}`);
}
if (browser) lines.push(...peerLines(browser.peers));
if (bundle)
  lines.push(
  '',
  `Bundle (gzip): kit with ECharts ${(bundle.kit.bytes / KIB).toFixed(1)} KiB (budget ${BUDGETS.kit / KIB}), conversation-reports/core ${(bundle.core.bytes / KIB).toFixed(1)} KiB (budget ${BUDGETS.core / KIB}); ` +
    `lazy: ${bundle.lazy.map((l) => `${l.file} ${(l.bytes / KIB).toFixed(1)} KiB`).join(', ') || 'none'}; worker ${bundle.workers.map((w) => `${(w.bytes / KIB).toFixed(1)} KiB`).join(', ')}`,
  );
if (pushDownFigures)
  lines.push(
    '',
    `Push-down through createReportHandler, DuckDB, N = ${pushDownFigures.n.toLocaleString('en')}: the twelve at once ${ms(pushDownFigures.allReportsMs)} ms; first drill page ${ms(pushDownFigures.drillFirstPageMs)} ms`,
    ...Object.entries(pushDownFigures.perReportMs).map(([id, f]) => `  ${pad(id, 34)} ${ms(f)} ms`),
  );
lines.push(`Took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
console.log(lines.join('\n'));

// ——— The JSON line ———
/** The editor's preview figures: the top-level ones at 100k in the Worker (or the largest Worker N) and below 50k on the main thread. */
const editorFigures = (list: BrowserFigures['editorPreview']) => {
  const animated = list.filter((f) => !f.reducedMotion);
  const worker = animated.find((f) => f.mode === 'worker' && f.n === 100_000) ?? animated.filter((f) => f.mode === 'worker').at(-1);
  const main = animated.find((f) => f.mode === 'main');
  return {
    editorPreviewMs: worker?.edit.median ?? null,
    editorPreviewMainMs: main?.edit.median ?? null,
    editorPreviewFrames: worker?.editFrames.median ?? null,
    editorPreview: list.map((f) => ({
      n: f.n,
      mode: f.mode,
      reducedMotion: f.reducedMotion,
      editMs: f.edit,
      editShownMs: f.editShown,
      editFrames: f.editFrames,
      editSettledMs: f.editSettled,
      newFilterMs: f.newFilter,
      phasesMs: f.phases,
    })),
  };
};
if (editorOnly) {
  console.log(JSON.stringify({ ...editorFigures(browser?.editorPreview ?? []), userAgent: browser?.userAgent ?? null }));
  process.exit(0);
}
const primary = (browser?.engine ?? node.map((entry) => entry.engine)).at(-1)!;
const largest = node.at(-1)!;
const baselineSummary = (figures: SixQueryFigures | null) =>
  figures && {
    engineMs: figures.engine.totalMs,
    duckdbMs: figures.duckdb.totalMs,
    arqueroMs: figures.arquero.totalMs,
    naiveMs: figures.naive.totalMs,
    vsDuckdb: figures.duckdb.ratio,
    vsArquero: figures.arquero.ratio,
    vsNaive: figures.naive.ratio,
    equal: figures.equal,
    perQuery: Object.fromEntries(
      (['engine', 'duckdb', 'arquero', 'naive'] as const).map((key) => [key, Object.fromEntries(Object.entries(figures[key].perQuery).map(([q, f]) => [q, f.median]))]),
    ),
  };
const figuresOf = (f: EngineFigures) => ({
  ingestMs: f.ingest,
  ingestObjectsMs: f.ingestObjects,
  allReportsMs: f.allReports,
  allReportsWarmMs: f.allReportsWarm,
  refilterMs: f.refilter,
  refilterColdMs: f.refilterCold,
  drillMs: f.drill,
  drillSelectMs: f.drillSelect,
  drillPageMs: f.drillPage,
  drillRows: f.drillRows,
  scanLimitMs: f.scanLimit,
});
if (engineOnly) {
  const f = primary;
  console.log(
    JSON.stringify({
      n: f.n,
      runtime: 'chromium',
      allReportsMs: f.allReports.median,
      refilterMs: f.refilter.median,
      refilterColdMs: f.refilterCold.median,
      drillPageMs: f.drillPage.median,
      scanLimitMs: f.scanLimit.median,
      allReportsPerScan: round(f.allReports.median / f.scanLimit.median, 2),
      stats: { chromium: Object.fromEntries((browser?.engine ?? []).map((e) => [e.n, figuresOf(e)])) },
      userAgent: browser?.userAgent ?? null,
    }),
  );
  process.exit(0);
}
const pushDown = pushDownFigures && {
  n: pushDownFigures.n,
  allReportsMs: pushDownFigures.allReportsMs.median,
  drillFirstPageMs: pushDownFigures.drillFirstPageMs.median,
  perReportMs: Object.fromEntries(Object.entries(pushDownFigures.perReportMs).map(([id, f]) => [id, f.median])),
  generateMs: pushDownFigures.generateMs,
  stats: pushDownFigures,
};
const summary = {
  n: primary.n,
  runtime: browser ? 'chromium' : 'node',
  ingestMs: primary.ingest.median,
  allReportsMs: primary.allReports.median,
  refilterMs: primary.refilter.median,
  // Issue 18: the twelve narrowed to one assignee with a cleared cache (refilterMs keeps the unfiltered twelve's cache).
  refilterColdMs: primary.refilterCold.median,
  drillMs: primary.drill.median,
  drillSelectMs: primary.drillSelect.median,
  // Issue 14: the first drill page (50 rows) at the largest N, in the runtime above (the Worker runs the same code).
  drillPageMs: primary.drillPage.median,
  pushDown,
  scanLimitMs: primary.scanLimit.median,
  allReportsPerScan: round(primary.allReports.median / primary.scanLimit.median, 2),
  baselines: { n: largest.engine.n, ...baselineSummary(largest.sixQueries), byN: Object.fromEntries(node.map((e) => [e.engine.n, baselineSummary(e.sixQueries)])) },
  bytesPerConversation: largest.engine.bytesPerConversation,
  textBytesPerConversation: largest.engine.textBytesPerConversation,
  // Issue 20: templates + team performance in business hours over templates + plain twins, cold, at the largest N (Node).
  businessHours: {
    n: largest.businessHours.n,
    ratio: largest.businessHours.ratio,
    ratioCpu: largest.businessHours.ratioCpu,
    ratioWarm: largest.businessHours.ratioWarm,
    plainMs: largest.businessHours.plain.median,
    businessMs: largest.businessHours.business.median,
    byN: Object.fromEntries(node.map((e) => [e.engine.n, e.businessHours])),
  },
  ingestObjectsMs: primary.ingestObjects.median,
  paint100kMs: browser?.dashboards.find((d) => d.n === 100_000)?.paintAfterDataMs ?? null,
  // Issue 18: Arrow IPC at the largest N in Chromium: ingest, and memory kept over the input's size.
  arrow: browser?.arrow.length
    ? (({ n, ingest, arrowBytes, keptBytes, keptRatio }) => ({ n, ingestMs: ingest.median, arrowBytes, keptBytes, keptRatio, byN: Object.fromEntries(browser!.arrow.map((a) => [a.n, a])) }))(
        browser.arrow.at(-1)!,
      )
    : null,
  longTasks1M: browser ? longTasksOf(browser.dashboards) : null,
  dashboards: browser?.dashboards ?? null,
  libraryWorker: browser?.libraryWorker ?? null,
  // Issue 18: the first-paint JavaScript as a browser fetched it (the budget's check counts the entry's static imports).
  firstPaintFetched: firstPaintJson(browser?.firstPaintFetched),
  peers: browser?.peers ?? null,
  ...editorFigures(browser?.editorPreview ?? []),
  bundle: bundle && { kitGzipKiB: round(bundle.kit.bytes / KIB, 1), coreGzipKiB: round(bundle.core.bytes / KIB, 1), lazy: bundle.lazy, workers: bundle.workers },
  stats: {
    chromium: browser ? Object.fromEntries(browser.engine.map((f) => [f.n, figuresOf(f)])) : null,
    node: Object.fromEntries(node.map((e) => [e.engine.n, { ...figuresOf(e.engine), bytesPerConversation: e.engine.bytesPerConversation }])),
  },
  userAgent: browser?.userAgent ?? null,
};
console.log(JSON.stringify(summary));
