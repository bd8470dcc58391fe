import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import '../report-tile/report-tile.ts';
import type { DashboardData } from '../../controllers/dashboard-data.ts';
import { computeReport } from '../../core/engine/compute-report.ts';
import { installQuantiles } from '../../core/engine/quantile-install.ts';
import { installBusinessTime } from '../../core/time/business-time-install.ts';
import type { PropertyInfo } from '../../core/table/properties.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ConversationTable } from '../../core/table/table.ts';
import type { ReportContext, ReportResult } from '../../core/types.ts';
import { computeErrorText } from '../report-tile/tile-states.ts';
import type { TileText } from '../report-tile/tile-text.ts';
import type { Draft } from './editor-draft.ts';
import type { Translate } from './editor-types.ts';

// The preview computes in this thread, at once, whatever the draft asks for (a median, business hours too).
installQuantiles();
installBusinessTime();

/** Why the preview has no result, kept as it came until it is rendered in the reader's language. */
export type PreviewError =
  /** The dashboard's data could not be loaded; its message, as the dashboard gives it. */
  | { kind: 'load'; message: string }
  /** Computing threw: an Error, or one of the engine's typed errors (MissingBusinessHoursError…). */
  | { kind: 'compute'; error: unknown };

export interface Preview {
  /** The spec the result was computed for, as the tile shows it. */
  spec: ReportSpec;
  result: ReportResult | null;
  error: PreviewError | null;
}

/** What the preview is computed from, read from the editor when a run starts. */
export interface PreviewInputs {
  draft: Draft | null;
  /** The table in this page; when null the dashboard's engine (`data`) computes. */
  table: ConversationTable | null;
  data: DashboardData | undefined;
  /** The context to compute in, and the one the host set explicitly (the dashboard cannot honour another). */
  context: ReportContext;
  explicitContext: ReportContext | undefined;
  catalog: readonly PropertyInfo[];
  locale: string;
  /** The draft's spec, invalid criteria left out. */
  build(): ReportSpec;
  untitled: string;
}

/** The preview's error in the reader's words, worded at each render: another locale, or its catalog arriving, re-words it. */
function errorText(text: TileText, error: PreviewError, spec: ReportSpec): string {
  return error.kind === 'load' ? text.t('dashboard.loadError', { message: error.message }) : computeErrorText(text, error.error, spec);
}

/** Two contexts are the same when they ask the same question (the dashboard hands out a new object each time). */
function contextKey(context: ReportContext): string {
  return JSON.stringify([context.range.from, context.range.to, context.timeZone, context.compare ?? null]);
}

/** Never settles unless aborted; rejects then. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** The next frame; a hidden tab gets no frames, so a timer stands in for them there. */
function nextFrame(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (abort: boolean) => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (abort) reject(signal.reason);
      else resolve();
    };
    const onAbort = () => finish(true);
    const frame = requestAnimationFrame(() => finish(false));
    const timer = setTimeout(() => finish(false), 100);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The live preview as a `Task` whose args are everything the result depends on. The task's rule
 * decides staleness: new args abort the run in progress, and only the latest run's value is kept.
 *
 * On the main thread a run first waits for a frame, so fast edits cost one computation per frame.
 * Off the main thread (engine Worker or push-down source) one request is out at a time: a run
 * waits for the request before it, so edits made meanwhile collapse into one request for the latest.
 */
export class EditorPreview implements ReactiveController {
  readonly #inputs: () => PreviewInputs;
  readonly #task: Task<unknown[], Preview | null>;
  /** Cancels the request out to the dashboard's engine; only leaving the page does, not a newer edit. */
  #requests = new AbortController();
  /** The request out to the dashboard's engine, settled either way. */
  #outstanding: Promise<void> = Promise.resolve();
  #disconnected = false;

  constructor(host: ReactiveControllerHost, inputs: () => PreviewInputs) {
    this.#inputs = inputs;
    host.addController(this);
    this.#task = new Task(host, {
      args: () => {
        const { draft, table, data, context, catalog, locale } = inputs();
        // Without a table here, the dashboard's data changes state (loading → ready) and version, not table.
        const remote = table ? null : data;
        return [draft, table, contextKey(context), catalog, locale, remote?.state, remote?.version, remote?.error];
      },
      task: (_args, { signal }) => this.#run(signal),
    });
  }

  /** What the preview shows: the last result, or a loading placeholder before the first one. */
  get preview(): Preview | null {
    const value = this.#task.value;
    if (value !== undefined) return value;
    if (!this.busy) return null;
    const { spec } = this.#titled();
    return { spec, result: null, error: null };
  }

  /** A preview newer than the one shown is being computed off the main thread. */
  get busy(): boolean {
    return this.#task.status === TaskStatus.PENDING && this.#remoteWork(this.#inputs()) !== null;
  }

  hostConnected(): void {
    if (!this.#disconnected) return;
    // A run cut short while detached is done again on return.
    this.#disconnected = false;
    this.#requests = new AbortController();
    void this.#task.run();
  }

  hostDisconnected(): void {
    this.#disconnected = true;
    this.#requests.abort();
    this.#task.abort();
  }

  /** The tile's Retry: the dashboard reloads its data after a load error, else the preview is computed again. */
  retry(): void {
    const { table, data } = this.#inputs();
    if (!table && data?.state === 'error') data.retry();
    else void this.#task.run();
  }

  /** The preview section: a `<report-tile>` showing the last result (loading until the first one), or why there is none. */
  render(t: Translate, locale: string, timeZone: string): TemplateResult {
    const { preview, busy } = this;
    const error = preview?.error ? errorText({ t, locale, timeZone }, preview.error, preview.spec) : null;
    return html`<section class="preview" aria-labelledby="preview-heading" aria-busy=${busy ? 'true' : 'false'}>
      <h3 id="preview-heading" class="visually-hidden">${t('editor.preview')}</h3>
      ${preview
        ? html`<report-tile
            part="preview"
            no-animation
            .spec=${preview.spec}
            .result=${preview.result}
            .error=${error}
            .loading=${busy && !preview.result && !error}
            .locale=${locale}
            .timeZone=${timeZone}
            @report-retry=${this.#onRetry}
          ></report-tile>`
        : nothing}
    </section>`;
  }

  readonly #onRetry = (event: Event): void => {
    event.stopPropagation();
    this.retry();
  };

  #titled(): { built: ReportSpec; spec: ReportSpec } {
    const inputs = this.#inputs();
    const built = inputs.build();
    return { built, spec: built.title ? built : { ...built, title: inputs.untitled } };
  }

  /** The dashboard's data when it will compute this preview (loading or ready, same context), else null. */
  #remoteWork(inputs: PreviewInputs): DashboardData | null {
    const { table, data, explicitContext } = inputs;
    if (table || !data) return null;
    if (data.state !== 'loading' && data.state !== 'ready') return null;
    if (explicitContext && contextKey(explicitContext) !== contextKey(data.context)) return null;
    return data;
  }

  async #run(signal: AbortSignal): Promise<Preview | null | typeof initialState> {
    let spec: ReportSpec | undefined;
    try {
      if (this.#inputs().table) await nextFrame(signal);
      const inputs = this.#inputs();
      if (!inputs.draft) return null;
      const titled = this.#titled();
      spec = titled.spec;
      const { table, data, explicitContext } = inputs;
      if (table) return { spec, result: computeReport(table, titled.built, inputs.context), error: null };
      // The dashboard computes in its own context; a different one given here it cannot honour.
      if (!data || data.state === 'idle' || (explicitContext && contextKey(explicitContext) !== contextKey(data.context)))
        return { spec, result: null, error: null };
      if (data.state === 'error') return { spec, result: null, error: { kind: 'load', message: data.error ?? '' } };
      // Still loading: ready data brings new args, which abort this run and start the one that asks.
      if (data.state === 'loading') await untilAborted(signal);
      await this.#outstanding;
      signal.throwIfAborted();
      return { spec, result: await this.#request(data, titled.built), error: null };
    } catch (error) {
      // Superseded (its value would be dropped anyway) or detached: the shown preview stays.
      if (signal.aborted || this.#requests.signal.aborted || !spec) return initialState;
      return { spec, result: null, error: { kind: 'compute', error } };
    }
  }

  #request(data: DashboardData, spec: ReportSpec): Promise<ReportResult> {
    let request: Promise<ReportResult>;
    try {
      request = data.compute(spec, this.#requests.signal);
    } catch (error) {
      request = Promise.reject(error);
    }
    this.#outstanding = request.then(
      () => undefined,
      () => undefined,
    );
    return request;
  }
}
