import { adoptStyles, type CSSResult, type ReactiveElement } from 'lit';
import { loadChartModules } from '../../charts/chart-modules.ts';
import type { ChartType } from '../../core/schema/report-spec.ts';
import { onDemand, type OnDemand } from '../../core/on-demand.ts';

/**
 * The parts of a tile the default dashboard does not show before it paints, each loaded the first
 * time a tile shows it: the table view (the `table` chart type, or Actions → View as table), and a
 * heatmap's option and table, which come with the heatmap's ECharts parts.
 */
export const tableView = onDemand(() => import('./tile-table.ts'));

export const heatmapView = onDemand(() =>
  Promise.all([import('./tile-heatmap.ts'), loadChartModules({ series: [{ type: 'heatmap' }] })]).then(([module]) => module),
);

/** A part of a tile that loads on first use; a table view's brings its styles. */
export type TilePart = OnDemand<{ tableViewStyles?: CSSResult }>;

/** The part a tile's body needs for a chart type and view, or null (the charts and the KPI are always there). */
export function tilePartFor(type: ChartType | undefined, view: 'chart' | 'table'): TilePart | null {
  if (type === 'heatmap') return heatmapView;
  return type === 'table' || (view === 'table' && type !== 'kpi') ? tableView : null;
}

/**
 * One tile's use of the parts above: starts the load its body needs, tells whether the body can
 * be drawn or waits (or failed: Retry asks again), lets `updateComplete` wait for it, and adds the
 * table view's styles, which load with it, to the tile's shadow root.
 */
export class TilePartsController {
  readonly #host: ReactiveElement;
  readonly #needs: () => TilePart | null;
  #pending: { part: TilePart; load: Promise<void> } | null = null;
  #failed: { part: TilePart; error: unknown } | null = null;
  #styled = false;

  constructor(host: ReactiveElement, needs: () => TilePart | null) {
    this.#host = host;
    this.#needs = needs;
  }

  get #part(): TilePart | null {
    return this.#needs();
  }

  /** Called in the host's `willUpdate`. */
  update(): void {
    const part = this.#part;
    if (!part) return;
    if (!part.ready && this.#pending?.part !== part && this.#failed?.part !== part) this.#load(part);
    const styles = part.value?.tableViewStyles;
    if (styles) this.#addStyles(styles);
  }

  /** Whether the body can be drawn: `true`, `'loading'`, or the error of a part that did not arrive. */
  get state(): true | 'loading' | { error: unknown } {
    const part = this.#part;
    if (!part || part.ready) return true;
    return this.#failed?.part === part ? { error: this.#failed.error } : 'loading';
  }

  /** Forgets a failed load: the next update asks for the part again. */
  readonly retry = (): void => {
    this.#failed = null;
    this.#host.requestUpdate();
  };

  /** Waits for a part under way; resolves to whether there was one (the host then updates once more). */
  async settle(): Promise<boolean> {
    const pending = this.#pending;
    if (!pending) return false;
    await pending.load;
    return true;
  }

  #load(part: TilePart): void {
    this.#failed = null;
    const load: Promise<void> = part.load().then(
      () => {
        if (this.#pending?.load === load) this.#pending = null;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (this.#pending?.load !== load) return;
        this.#pending = null;
        this.#failed = { part, error };
        this.#host.requestUpdate();
      },
    );
    this.#pending = { part, load };
  }

  #addStyles(styles: CSSResult): void {
    const root = this.#host.shadowRoot;
    if (this.#styled || !root) return;
    this.#styled = true;
    // After the tile's own styles: the heatmap grid's rules override the table's.
    adoptStyles(root, [...(this.#host.constructor as typeof ReactiveElement).elementStyles, styles]);
  }
}
