/**
 * The editor's live preview (issue 6: "updates within a frame or two at 100k conversations"): the
 * time from a change of the spec in `<report-editor>` to the preview's chart drawn with the new
 * result, in a `<conversation-dashboard>` whose table is in the engine Worker (100k) or in the page
 * (below the 50 000 threshold). Runs in the bench page, production build.
 */
import type { DataSource, SourcePage } from '../../src/adapters/data-source.ts';
import type { Lookups } from '../../src/core/schema/conversation.ts';
import type { DashboardUser } from '../../src/core/schema/dashboard.ts';
import type { ReportSpec } from '../../src/core/schema/report-spec.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportEditor } from '../../src/elements/report-editor/report-editor.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { MemoryDashboardStore } from '../../src/store/memory-dashboard-store.ts';
import { figure, type Figure } from '../measure.ts';
import { END, RANGE } from '../bench-data.ts';

export interface EditorPreviewFigures {
  n: number;
  mode: 'worker' | 'main';
  /** The page asked for reduced motion: the preview's chart then draws without animation. */
  reducedMotion: boolean;
  /**
   * A reader's edit (the date property in the Data tab, cycling createdAt → closedAt →
   * firstResponseAt) → the preview's chart drawn with the new result (ECharts `setOption` done and
   * its canvas painted; the browser shows it at the next frame).
   */
  edit: Figure;
  /**
   * The same edits → the start of the frame that puts the drawn chart on screen (drawn inside a
   * frame's rendering steps: that frame; else the next one). Never less than `edit`.
   */
  editShown: Figure;
  /** Frames begun from the edit to the one that shows the new chart: 1 = the very next frame. */
  editFrames: Figure;
  /** The same edits → the chart's animation finished (ECharts `finished`): when the chart stops moving. */
  editSettled: Figure;
  /**
   * A new spec given to the editor with a filter value never asked before (`assigneeId is X`, another
   * X each run): the engine selects its rows cold → chart drawn.
   */
  newFilter: Figure;
  /**
   * Where the time of the edits goes (medians, ms): `request` edit → compute request posted to the
   * Worker; `engine` posted → answer back (Worker mode only); `render` answer (main thread: the edit)
   * → ECharts `setOption` called (the editor's and tile's Lit updates, the option built);
   * `setOption` the ECharts call itself, drawing included.
   */
  phases: { request: number | null; engine: number | null; render: number; setOption: number };
  runs: number;
}

/** Times the page-wide hooks saw during one change. */
interface Marks {
  sent: number;
  replied: number;
  setOptionStart: number;
  setOptionEnd: number;
}

const marks: Marks = { sent: 0, replied: 0, setOptionStart: 0, setOptionEnd: 0 };
const watched = new WeakSet<Worker>();

/**
 * Notes when compute requests leave for the engine Worker and when its answers arrive. Installed
 * before the dashboard makes its Worker: the arrival is noted before the engine's own listener
 * runs (the preview is drawn in the microtasks right after that listener).
 */
function hookWorkers(): () => void {
  const post = Worker.prototype.postMessage;
  const listen = Worker.prototype.addEventListener;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    if ((message as { type?: string }).type === 'compute') marks.sent = performance.now();
    return (post as (...args: unknown[]) => void).call(this, message, ...rest);
  };
  Worker.prototype.addEventListener = function (this: Worker, type: string, listener: unknown, ...rest: unknown[]) {
    if (type === 'message' && !watched.has(this)) {
      watched.add(this);
      listen.call(this, 'message', (event: Event) => {
        if ((event as MessageEvent<{ type?: string }>).data?.type === 'computed') marks.replied = performance.now();
      });
    }
    return (listen as (...args: unknown[]) => void).call(this, type, listener, ...rest);
  } as typeof Worker.prototype.addEventListener;
  return () => {
    Worker.prototype.postMessage = post;
    Worker.prototype.addEventListener = listen;
  };
}

/**
 * Counts frames: a requestAnimationFrame loop notes each frame's start, and whether the page is
 * still in that frame's rendering steps (from its first rAF callback to the next task). Something
 * drawn inside them is on screen in that frame; anything else at the next one.
 */
class FrameClock {
  frame = 0;
  inFrame = false;
  readonly starts: number[] = [];
  #running = true;
  constructor() {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (this.inFrame = false);
    const tick = (time: number) => {
      if (!this.#running) return;
      this.frame++;
      this.starts[this.frame] = time;
      this.inFrame = true;
      channel.port2.postMessage(null);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }
  stop(): void {
    this.#running = false;
  }
  /** Resolves with the start time of the frame that shows what was drawn at this moment. */
  presenting(): Promise<{ frame: number; start: number }> {
    if (this.inFrame) return Promise.resolve({ frame: this.frame, start: this.starts[this.frame]! });
    return new Promise((resolve) => requestAnimationFrame((time) => resolve({ frame: this.frame, start: time })));
  }
}

/** Notes when the preview's ECharts instance is given an option, and when that call returns. */
function hookChart(tile: ReportTile): void {
  const chart = tile.chart as (ReturnType<() => ReportTile['chart']> & { __benchHooked?: boolean }) | undefined;
  if (!chart || chart.__benchHooked) return;
  chart.__benchHooked = true;
  const setOption = chart.setOption;
  chart.setOption = function (this: unknown, ...args: unknown[]) {
    marks.setOptionStart = performance.now();
    const result = (setOption as (...a: unknown[]) => unknown).apply(this, args);
    marks.setOptionEnd = performance.now();
    return result;
  } as typeof chart.setOption;
}

const median = (values: number[]) => (values.length === 0 ? null : figure(values).median);

const owner: DashboardUser = { id: 'bench', teamIds: [], canEdit: true };
const DATE_PROPERTIES = ['closedAt', 'firstResponseAt', 'createdAt'] as const;

function source(pages: ArrayBuffer[], total: number, lookups: Lookups): DataSource {
  return {
    async *load({ signal }) {
      for (const page of pages) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (signal.aborted) throw signal.reason;
        yield { columns: page.slice(0), total } satisfies SourcePage;
      }
    },
    async lookups() {
      return lookups;
    },
  };
}

async function until(check: () => unknown, what: string, timeout = 120_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`editor preview bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A task at a time unrelated to the frames, as a reader's input would come. */
const pause = (i: number) => new Promise((resolve) => setTimeout(resolve, 20 + ((i * 7) % 17)));

/**
 * Applies `change`, then resolves with the time to the first chart render that shows a spec
 * `matches` accepts with the editor's current result, and the time to the chart's `finished`.
 */
function timeChange(
  editor: ReportEditor,
  tile: ReportTile,
  clock: FrameClock,
  change: () => void,
  matches: (spec: ReportSpec) => boolean,
): Promise<{ drawn: number; settled: number; frames: number; shown: number; marks: Marks; start: number }> {
  hookChart(tile);
  const chart = tile.chart;
  if (!chart) return Promise.reject(new Error('editor preview bench: the preview has no chart'));
  return new Promise((resolve, reject) => {
    let drawn = 0;
    let presented: Promise<{ frame: number; start: number }> | null = null;
    const timer = setTimeout(() => {
      done();
      reject(new Error('editor preview bench: the preview did not update in 30 s'));
    }, 30_000);
    const shown = () => tile.spec !== null && matches(tile.spec) && tile.shownResult !== null && tile.shownResult === editor.previewResult;
    const onRendered = () => {
      if (!drawn && shown()) {
        drawn = performance.now() - start;
        presented = clock.presenting();
      }
    };
    const onFinished = () => {
      if (!drawn || editor.previewUpdating) return;
      done();
      const settled = performance.now() - start;
      // Without animation `finished` fires inside setOption: the marks are read once it has returned.
      void presented!.then(({ frame, start: frameStart }) =>
        resolve({ drawn, settled, frames: frame - startFrame, shown: Math.max(drawn, frameStart - start), marks: { ...marks }, start }),
      );
    };
    const done = () => {
      clearTimeout(timer);
      chart.off('rendered', onRendered);
      chart.off('finished', onFinished);
    };
    chart.on('rendered', onRendered);
    chart.on('finished', onFinished);
    Object.assign(marks, { sent: 0, replied: 0, setOptionStart: 0, setOptionEnd: 0 });
    const startFrame = clock.frame;
    const start = performance.now();
    change();
  });
}

export async function editorPreviewRun(n: number, pages: ArrayBuffer[], lookups: Lookups, runs = 15, warmup = 3): Promise<EditorPreviewFigures> {
  document.querySelector('conversation-dashboard')?.remove();
  const unhook = hookWorkers();
  const el = document.createElement('conversation-dashboard') as ConversationDashboard;
  el.setAttribute('locale', 'en');
  el.setAttribute('time-zone', 'Europe/Amsterdam');
  el.now = END;
  el.range = RANGE;
  el.store = new MemoryDashboardStore();
  el.user = owner;
  document.body.append(el);
  el.dataSource = source(pages, n, lookups);
  const root = el.shadowRoot!;
  const tiles = () => [...root.querySelectorAll<ReportTile>('report-tile')];
  await until(() => tiles().length > 0 && tiles().every((tile) => tile.shownResult), 'the dashboard');
  const mode = el.data?.table === null ? 'worker' : 'main';

  // Actions → Edit on the first report (chat volume by assignee, a bar chart).
  const first = tiles()[0]!;
  first.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
  await first.updateComplete;
  first.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
  await until(() => root.querySelector('report-editor'), 'the editor');
  const editor = root.querySelector<ReportEditor>('report-editor')!;
  const preview = () => editor.shadowRoot!.querySelector<ReportTile>('report-tile');
  await until(() => editor.previewResult && !editor.previewUpdating && preview()?.chart, 'the first preview');
  const original = editor.draftSpec!;

  // ——— Edits in the Data tab: the date property ———
  editor.shadowRoot!.querySelector<HTMLButtonElement>('#tab-data')!.click();
  await editor.updateComplete;
  const clock = new FrameClock();
  const drawn: number[] = [];
  const settled: number[] = [];
  const frames: number[] = [];
  const shown: number[] = [];
  const phases = { request: [] as number[], engine: [] as number[], render: [] as number[], setOption: [] as number[] };
  for (let i = 0; i < warmup + runs; i++) {
    await pause(i);
    const next = DATE_PROPERTIES[i % DATE_PROPERTIES.length]!;
    const select = editor.shadowRoot!.querySelector<HTMLSelectElement>('#date-property')!;
    const times = await timeChange(
      editor,
      preview()!,
      clock,
      () => {
        select.value = next;
        select.dispatchEvent(new Event('change'));
      },
      (spec) => spec.dateProperty === next,
    );
    if (i >= warmup) {
      drawn.push(times.drawn);
      settled.push(times.settled);
      frames.push(times.frames);
      shown.push(times.shown);
      const m = times.marks;
      if (m.sent && m.replied) {
        phases.request.push(m.sent - times.start);
        phases.engine.push(m.replied - m.sent);
      }
      phases.render.push(m.setOptionStart - (m.replied || times.start));
      phases.setOption.push(m.setOptionEnd - m.setOptionStart);
    }
  }

  // ——— A new spec with a filter value not seen before ———
  const assignees = lookups.assignees.map((a) => a.id);
  const cold: number[] = [];
  for (let i = 0; i < Math.min(warmup + runs, assignees.length); i++) {
    await pause(i);
    const value = assignees[i]!;
    const spec: ReportSpec = { ...original, dimension: 'inboxId', filters: [...original.filters, { property: 'assigneeId', operator: 'is', value }] };
    const times = await timeChange(
      editor,
      preview()!,
      clock,
      () => (editor.spec = spec),
      (shown) => shown.filters.some((f) => f.property === 'assigneeId' && f.value === value),
    );
    if (i >= warmup) cold.push(times.drawn);
  }

  clock.stop();
  unhook();
  el.remove();
  return {
    n,
    mode,
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    edit: figure(drawn),
    editShown: figure(shown),
    editFrames: figure(frames),
    editSettled: figure(settled),
    newFilter: figure(cold),
    phases: { request: median(phases.request), engine: median(phases.engine), render: median(phases.render)!, setOption: median(phases.setOption)! },
    runs,
  };
}
