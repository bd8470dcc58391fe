/**
 * The browser half of `npm run bench`, built by vite like an app and driven by puppeteer: the
 * engine figures in Chromium, the first paint of a dashboard at 100k, and the main thread's long
 * tasks while a 1M dashboard loads in the engine Worker and computes.
 */
import '../../src/index.ts';
import type { SourcePage, DataSource } from '../../src/adapters/data-source.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { binaryPages, engineBench, PAGE_SIZE, type EngineFigures } from '../engine-bench.ts';
import type { Conversation } from '../../src/core/schema/conversation.ts';
import { arrowBench, type ArrowFigures } from '../arrow-bench.ts';
import { toArrowIPC } from '../../src/core/wire/arrow/to-arrow-ipc.ts';
import { round } from '../measure.ts';
import type { TaskFigures } from '../trace-tasks.ts';
import { DAYS, END, RANGE, SEED } from '../bench-data.ts';
import { editorPreviewRun, type EditorPreviewFigures } from './editor-preview-bench.ts';
import { peersRun, type PeersFigures } from './peers-bench.ts';

export interface DashboardFigures {
  n: number;
  /** From the last page handed over to every tile drawn and a frame painted. */
  paintAfterDataMs: number;
  /** From setting the source to every tile drawn. */
  totalMs: number;
  longTasks: number;
  longestTaskMs: number;
  mode: 'worker' | 'main';
  /** With BENCH_TRACE: the measured load's main-thread tasks over 50 ms by wall and by CPU time (a loaded machine inflates the former). */
  traced?: TaskFigures;
}

const log = (line: string) => console.log(line);

/** A page as the bench hands it over: binary wire (ArrayBuffer), Apache Arrow IPC (Uint8Array), or records. */
type BenchPage = ArrayBuffer | Uint8Array | Conversation[];

/**
 * Pages as a server would send them, released one per turn: binary wire pages (ArrayBuffer),
 * Apache Arrow IPC streams (Uint8Array), or arrays of records.
 */
function pagedSource(pages: BenchPage[], total: number, lookups: ReturnType<typeof generateConversations>['lookups'], onLastPage: () => void): DataSource {
  return {
    async *load({ signal }) {
      for (const [index, page] of pages.entries()) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (signal.aborted) throw signal.reason;
        if (index === pages.length - 1) onLastPage();
        yield (page instanceof Uint8Array ? { arrow: page, total } : Array.isArray(page) ? { conversations: page, total } : { columns: page, total }) satisfies SourcePage;
      }
    },
    async lookups() {
      return lookups;
    },
  };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function dashboardRun(n: number, pages: BenchPage[], lookups: ReturnType<typeof generateConversations>['lookups']): Promise<DashboardFigures> {
  document.querySelector('conversation-dashboard')?.remove();
  const el = document.createElement('conversation-dashboard') as ConversationDashboard;
  el.setAttribute('locale', 'en');
  el.setAttribute('time-zone', 'Europe/Amsterdam');
  el.now = END;
  el.range = RANGE;
  document.body.append(el);
  await el.updateComplete;
  (globalThis as { gc?: () => void }).gc?.();
  await frame();

  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let dataArrived = 0;
  const start = performance.now();
  // Where a trace's measured part begins (bench/trace-long-tasks.ts).
  performance.mark('cr-bench-load');
  el.dataSource = pagedSource(pages, n, lookups, () => (dataArrived = performance.now()));
  const tiles = () => [...el.shadowRoot!.querySelectorAll<ReportTile>('report-tile')];
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const all = tiles();
    if (all.length > 0 && all.every((tile) => tile.shownResult)) break;
    if (performance.now() - start > 120_000) throw new Error('The dashboard did not finish in 2 minutes.');
  }
  await Promise.all(tiles().map((tile) => tile.updateComplete));
  await frame();
  await frame();
  const painted = performance.now();
  observer.disconnect();
  return {
    n,
    paintAfterDataMs: round(painted - dataArrived),
    totalMs: round(painted - start),
    longTasks: tasks.length,
    longestTaskMs: round(Math.max(0, ...tasks)),
    mode: el.data?.table === null ? 'worker' : 'main',
  };
}

async function run(config: { sizes: number[]; objectRuns: Record<number, number>; engineOnly?: boolean; arrowOnly?: boolean }) {
  const engine: EngineFigures[] = [];
  const arrow: ArrowFigures[] = [];
  const dashboards: DashboardFigures[] = [];
  for (const n of config.sizes) {
    log(`browser: N = ${n.toLocaleString('en')}: generating…`);
    let generated: ReturnType<typeof generateConversations> | null = generateConversations({ n, seed: SEED, end: END, days: DAYS });
    const { lookups } = generated;
    if (config.arrowOnly) {
      arrow.push(await arrowBench(generated.conversations, lookups, log));
      continue;
    }
    engine.push(
      await engineBench(generated.conversations, lookups, { range: RANGE, timeZone: 'Europe/Amsterdam' }, { objectRuns: config.objectRuns[n] ?? 1, log }),
    );
    if (config.engineOnly) continue;
    arrow.push(await arrowBench(generated.conversations, lookups, log));
    // The dashboard gets its data as one Apache Arrow stream, as from a server or DuckDB.
    const pages = [toArrowIPC(generated.conversations)];
    generated = null;
    dashboards.push(await dashboardFigures(n, pages, lookups));
  }
  return { engine, arrow, dashboards, userAgent: navigator.userAgent };
}

/**
 * The first load pays for modules, fonts and JIT; the second is the one measured. A driver that
 * exposed `benchTrace` (BENCH_TRACE) records a Chrome trace of both; the measured load starts at the last mark.
 */
async function dashboardFigures(n: number, pages: BenchPage[], lookups: ReturnType<typeof generateConversations>['lookups']): Promise<DashboardFigures> {
  log(`browser: N = ${n.toLocaleString('en')}: dashboard…`);
  const trace = (window as unknown as { benchTrace?: (phase: 'start' | 'stop', n: number) => Promise<void> }).benchTrace;
  // From before the warm-up: starting a trace takes a while, and a pause between the two loads would
  // let the first one's aftermath (its Worker ending, collections) settle before the measured one.
  await trace?.('start', n);
  await dashboardRun(n, pages.map((page) => page.slice(0)), lookups);
  const figures = await dashboardRun(n, pages, lookups);
  await trace?.('stop', n);
  return figures;
}

/** One Arrow stream (as from a server or DuckDB), binary wire pages or record pages of PAGE_SIZE. */
function benchPages(conversations: Conversation[], form: 'arrow' | 'wire' | 'objects'): BenchPage[] {
  if (form === 'wire') return binaryPages(conversations);
  if (form === 'arrow') return [toArrowIPC(conversations)];
  const pages: Conversation[][] = [];
  for (let start = 0; start < conversations.length; start += PAGE_SIZE) pages.push(conversations.slice(start, start + PAGE_SIZE));
  return pages;
}

/** Only the dashboard figures (BENCH_ONLY=dashboard): no engine or Arrow figures before them; `pages` as BENCH_DASHBOARD_PAGES says. */
async function runDashboards(config: { sizes: number[]; pages: 'arrow' | 'wire' | 'objects' }): Promise<DashboardFigures[]> {
  const dashboards: DashboardFigures[] = [];
  for (const n of config.sizes) {
    log(`browser: N = ${n.toLocaleString('en')}: generating…`);
    // The conversations are garbage by the time the dashboard loads, as in run().
    const { pages, lookups } = ((generated) => ({ pages: benchPages(generated.conversations, config.pages), lookups: generated.lookups }))(
      generateConversations({ n, seed: SEED, end: END, days: DAYS }),
    );
    dashboards.push(await dashboardFigures(n, pages, lookups));
  }
  return dashboards;
}

/** Diagnostics: one dashboard run with long-animation-frame attribution (which scripts made the long frames). */
async function diagnose(n: number) {
  const generated = generateConversations({ n, seed: SEED, end: END, days: DAYS });
  const pages = binaryPages(generated.conversations);
  await dashboardRun(n, pages.map((page) => page.slice(0)), generated.lookups);
  const frames: unknown[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { scripts?: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[]; blockingDuration?: number })[])
      frames.push({ duration: round(entry.duration), blocking: entry.blockingDuration, scripts: (entry.scripts ?? []).map((s) => `${s.invoker} ${s.sourceFunctionName} ${round(s.duration)}ms`) });
  });
  observer.observe({ type: 'long-animation-frame', buffered: false });
  const figures = await dashboardRun(n, pages, generated.lookups);
  observer.disconnect();
  return { figures, frames };
}

/** The editor's live preview: in the engine Worker at each N given (≥ 50 000), and on the main thread at each N below. */
async function runEditorPreview(config: { sizes: number[] }): Promise<EditorPreviewFigures[]> {
  const figures: EditorPreviewFigures[] = [];
  for (const n of config.sizes) {
    log(`browser: editor preview at N = ${n.toLocaleString('en')}…`);
    const generated = generateConversations({ n, seed: SEED, end: END, days: DAYS });
    const pages = binaryPages(generated.conversations);
    (globalThis as { gc?: () => void }).gc?.();
    figures.push(await editorPreviewRun(n, pages, generated.lookups));
  }
  return figures;
}

/** The six queries beside DuckDB-WASM and arquero, fed the same Arrow stream (peers-bench.ts). */
async function runPeers(config: { n: number; rounds: number }): Promise<PeersFigures> {
  const generated = generateConversations({ n: config.n, seed: SEED, end: END, days: DAYS });
  return peersRun(generated.conversations, generated.lookups, config.rounds, log);
}

(window as unknown as { runBench: typeof run }).runBench = run;
(window as unknown as { runPeers: typeof runPeers }).runPeers = runPeers;
(window as unknown as { runDashboards: typeof runDashboards }).runDashboards = runDashboards;
(window as unknown as { runEditorPreview: typeof runEditorPreview }).runEditorPreview = runEditorPreview;
(window as unknown as { diagnose: typeof diagnose }).diagnose = diagnose;
(window as unknown as { benchReady: boolean }).benchReady = true;
