import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { foldedSpec } from '../../charts/options/fold-for-drawing.ts';
import type { DashboardData } from '../../controllers/dashboard-data.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';

/** What the tile computes from: unset while it has nothing to compute (a host's result, no data yet). */
export interface ComputeInput {
  data: DashboardData | undefined;
  spec: ReportSpec | null;
}

type ComputeArgs = [data: DashboardData | undefined, spec: ReportSpec | null, attempt: number];

/** Data a report can be computed from: loaded, or still loading with a table already there. */
function computable(data: DashboardData | undefined): DashboardData | undefined {
  if (!data || data.state === 'idle') return undefined;
  return data.table || data.state === 'ready' ? data : undefined;
}

/**
 * A tile's result computed from the dashboard's data, as a `@lit/task`: the args are the data (by
 * its `version`), the spec and the Retry count; a newer run aborts the older one and a stale one is
 * dropped. The shown result stays while a new one is computed; an abort is no error.
 */
export class TileCompute {
  readonly #host: ReactiveControllerHost;
  readonly #task: Task<ComputeArgs, ReportResult>;
  #attempt = 0;
  /** Removed from the page mid-run (which aborted it): run again when back. */
  #interrupted = false;

  constructor(host: ReactiveControllerHost, input: () => ComputeInput) {
    this.#host = host;
    this.#task = new Task<ComputeArgs, ReportResult>(host, {
      args: () => {
        const { data, spec } = input();
        return [computable(data), spec, this.#attempt];
      },
      argsEqual: ([data, spec, attempt], [nextData, nextSpec, nextAttempt]) =>
        data?.version === nextData?.version && (data === undefined) === (nextData === undefined) && spec === nextSpec && attempt === nextAttempt,
      task: async ([data, spec], { signal }) => {
        if (!data || !spec) return initialState;
        try {
          return await data.compute(spec, signal);
        } catch (error) {
          if (signal.aborted) return initialState;
          throw error;
        }
      },
    });
    host.addController({
      hostConnected: () => {
        if (!this.#interrupted) return;
        this.#interrupted = false;
        void this.#task.run();
      },
      hostDisconnected: () => {
        this.#interrupted = this.#task.status === TaskStatus.PENDING;
        this.#task.abort();
      },
    });
  }

  /** The last computed result (kept while the next one is computed); null after an error. */
  get result(): ReportResult | null {
    return this.#task.status === TaskStatus.ERROR ? null : (this.#task.value ?? null);
  }

  /** Why the last run failed, or undefined. */
  get error(): unknown {
    return this.#task.status === TaskStatus.ERROR ? (this.#task.error ?? new Error('Unknown error')) : undefined;
  }

  /** Computes again (Retry after a compute error). */
  retry(): void {
    this.#attempt++;
    this.#host.requestUpdate();
  }
}

/** A fold the engine computed: `folded` is the spec it computed, for `source` shown under `spec`. */
export interface EngineFold {
  spec: ReportSpec;
  source: ReportResult;
  folded: ReportSpec;
  result: ReportResult;
}

type FoldArgs = [data: DashboardData | undefined, spec: ReportSpec | undefined, source: ReportResult | undefined];

/**
 * Past a readable number of categories a chart draws the top ones and Other. A measure that cannot
 * be summed (a median) needs the engine for an exact Other: asked here as a task of its own, keyed
 * by the shown result and the spec.
 */
export class EngineFoldTask {
  readonly #task: Task<FoldArgs, EngineFold | undefined>;

  constructor(host: ReactiveControllerHost, request: () => { data: DashboardData; spec: ReportSpec; source: ReportResult } | null) {
    this.#task = new Task<FoldArgs, EngineFold | undefined>(host, {
      args: () => {
        const wanted = request();
        return wanted ? [wanted.data, wanted.spec, wanted.source] : [undefined, undefined, undefined];
      },
      // The data object is new on every dashboard change; the shown result tells when it matters.
      argsEqual: ([, spec, source], [, nextSpec, nextSource]) => spec === nextSpec && source === nextSource,
      task: async ([data, spec, source], { signal }) => {
        if (!data || !spec || !source) return initialState;
        const folded = foldedSpec(spec);
        return { spec, source, folded, result: await data.compute(folded, signal) };
      },
    });
  }

  /** The engine's fold of `source` shown under `spec`, once it has arrived. */
  resultFor(spec: ReportSpec, source: ReportResult | null): EngineFold | null {
    const value = this.#task.status === TaskStatus.ERROR ? undefined : this.#task.value;
    return value && value.spec === spec && value.source === source ? value : null;
  }
}
