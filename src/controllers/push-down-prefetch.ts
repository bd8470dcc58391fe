import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { ReportContext, ReportResult } from '../core/types.ts';

/**
 * A push-down source's refresh, made atomic: every report of the dashboard is computed in the
 * background first; only when all are in does the dashboard ask its tiles to recompute, and they
 * get these results at once (no second query, no pending state). When one fails, nothing changes
 * on screen: the tiles keep their numbers and the refresh backs off.
 */
export class PushDownPrefetch {
  #results = new Map<ReportSpec, { key: string; result: ReportResult }>();
  #abort: AbortController | null = null;

  /** Computes every spec; resolves once all are in (kept for {@link take}); rejects with the first failure. */
  async run(specs: readonly ReportSpec[], context: ReportContext, compute: (spec: ReportSpec, signal: AbortSignal) => Promise<ReportResult>): Promise<void> {
    this.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const key = JSON.stringify(context);
    try {
      const results = await Promise.all(specs.map((spec) => compute(spec, abort.signal)));
      if (abort.signal.aborted) throw new DOMException('The refresh was replaced.', 'AbortError');
      this.#results = new Map(specs.map((spec, index) => [spec, { key, result: results[index]! }]));
    } catch (error) {
      // One failed: the others are not needed any more.
      abort.abort();
      throw error;
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  /** The prefetched result of `spec` in `context`, once (later computes ask the source again). */
  take(spec: ReportSpec, context: ReportContext): ReportResult | undefined {
    const hit = this.#results.get(spec);
    if (!hit || hit.key !== JSON.stringify(context)) return undefined;
    this.#results.delete(spec);
    return hit.result;
  }

  abort(): void {
    this.#abort?.abort(new DOMException('The refresh was replaced or its element removed.', 'AbortError'));
    this.#abort = null;
  }
}
