import { LitElement, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import type { GroupKey } from '../../core/types.ts';
import { init } from '../echarts.ts';
import { chartModulesGeneration, loadChartModules, loadRenderer, loadTooltip, needsChartModules, rendererReady, tooltipReady } from '../chart-modules.ts';
import type { ECElementEvent, ECharts, EChartsCoreOption } from '../echarts.ts';
import { TOOLTIP_SWATCHES } from '../options/chart-option.ts';
import { pointAt } from '../options/series-data.ts';
import { readChartTheme, toEChartsTheme, type ChartTheme } from '../theme.ts';
import { chartName, withAccessibleName } from './chart-name.ts';
import { chartPoints, gridMove } from './chart-points.ts';
import { chartViewStyles } from './chart-view.styles.ts';
import type { ChartImageFrame } from './png-frame.ts';
import { resizeInTurn } from './resize-in-turn.ts';
import { ChartPointClickEvent } from '../../events/chart-point-click-event.ts';

export type { ChartImageFrame } from './png-frame.ts';

export const CHART_VIEW_TAG = 'cr-chart-view';

/** What an option is built for: the page's colours, whether to animate, the chart's width. */
export interface ChartFrame {
  theme: ChartTheme;
  /** The reader prefers reduced motion, or the host asked for none (`no-animation`). */
  reducedMotion: boolean;
  /** The chart's width in 40 px steps (a resize within a step builds nothing new); undefined until measured. */
  width: number | undefined;
}

/** Builds the option for a frame; called again when the theme, the motion preference or the width step changes. */
export type ChartOptionBuilder = (frame: ChartFrame) => EChartsCoreOption;

function isGroupKey(value: unknown): value is GroupKey {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * @summary Draws one ECharts option and owns everything about its ECharts instance: creates it, resizes it
 * with its box, restyles it from CSS, honours reduced motion, exports it as an image, and disposes of it
 * when the element leaves the page. A host hands it an option, or a `build` function that makes one for
 * the chart's theme, motion preference and width. Internal to the kit.
 *
 * @fires chart-point-click - {ChartPointClickEvent} A data item (bar, point, slice) was clicked. `detail`: `{ key, series, dataIndex, seriesIndex }`,
 *   where `key` / `series` come from the clicked data item (see `buildChartOption`).
 *
 * @csspart chart - The box the chart is drawn in: focusable, with the chart's accessible name. Arrow keys
 *   (and Home/End) move between data points, each announced; Enter or Space chooses the focused one.
 *
 * @cssproperty --cr-chart-height - Height of the chart (default 320px).
 * @cssproperty --cr-chart-palette - Series colours, comma-separated (else `--cr-color-1` … `--cr-color-8`).
 * @cssproperty --cr-color-text - Text colour of labels and legend.
 * @cssproperty --cr-color-border - Axis colour.
 * @cssproperty --cr-chart-grid-color - Colour of the value grid lines.
 * @cssproperty --cr-color-surface - Tooltip background.
 * @cssproperty --cr-font-family - Font of all chart text.
 */
export class ChartView extends LitElement {
  static override styles = chartViewStyles;

  /** The ECharts option to draw; a new object replaces the previous one entirely (`notMerge`). */
  @property({ attribute: false }) option: EChartsCoreOption | undefined;

  /**
   * Builds the option from the chart's theme, motion preference and width (used when `option` is unset):
   * the host hands data and formatting only, and the chart is rebuilt when any of the three changes.
   */
  @property({ attribute: false }) build: ChartOptionBuilder | undefined;

  /** Draws each option at once, without entry and update animations (as with reduced motion). */
  @property({ type: Boolean, attribute: 'no-animation' }) noAnimation = false;

  /** `svg` draws queryable, print-sharp DOM; `canvas` is faster with many points. Changing it re-creates the chart. */
  @property({ reflect: true }) renderer: 'canvas' | 'svg' = 'canvas';

  /** Accessible name of the chart; the option's aria description, if any, follows it. */
  @property() label = '';

  @query('[part="chart"]') private container!: HTMLDivElement;

  #instance: ECharts | undefined;
  /** The chart parts registered when the instance was made (see `chartModulesGeneration`). */
  #instanceGeneration = -1;
  #resizeObserver: ResizeObserver | undefined;
  #motionQuery: MediaQueryList | undefined;
  #reduceMotion = false;
  #appliedOption: EChartsCoreOption | undefined;
  #appliedName: string | undefined;
  #appliedMotion: boolean | undefined;
  /** The width step the option was last built for (see `ChartFrame.width`). */
  #widthStep: number | undefined;
  /** Bumped by `refreshTheme()`: a built option reads the theme again. */
  #themeVersion = 0;
  #built: { build: ChartOptionBuilder; motion: boolean; width: number | undefined; themeVersion: number; option: EChartsCoreOption } | undefined;

  /** The option drawn: `option`, else the one `build` makes for the current frame. */
  get drawnOption(): EChartsCoreOption | undefined {
    if (this.option || !this.build) return this.option;
    const motion = this.noAnimation || this.#reduceMotion;
    const built = this.#built;
    if (built && built.build === this.build && built.motion === motion && built.width === this.#widthStep && built.themeVersion === this.#themeVersion)
      return built.option;
    const option = this.build({ theme: readChartTheme(this), reducedMotion: motion, width: this.#widthStep });
    this.#built = { build: this.build, motion, width: this.#widthStep, themeVersion: this.#themeVersion, option };
    return option;
  }

  /** The live ECharts instance, or `undefined` before first render and after disconnection. */
  get chart(): ECharts | undefined {
    return this.#instance && !this.#instance.isDisposed() ? this.#instance : undefined;
  }

  /** Whether the reader asked for reduced motion; animations are then off whatever the option says. */
  get prefersReducedMotion(): boolean {
    return this.#reduceMotion;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof window.matchMedia === 'function') {
      this.#motionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');
      this.#reduceMotion = this.#motionQuery.matches;
      this.#motionQuery.addEventListener('change', this.#onMotionChange);
    }
    // Lit runs firstUpdated once per element; a moved element gets its chart back here.
    if (this.hasUpdated) this.#initChart();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#motionQuery?.removeEventListener('change', this.#onMotionChange);
    this.#motionQuery = undefined;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#disposeChart();
  }

  /**
   * Re-reads the CSS custom properties and restyles everything the option does not colour itself.
   * Call it when the page switches theme; options built with `readChartTheme` must be rebuilt as well.
   */
  refreshTheme(): void {
    this.#themeVersion++;
    this.chart?.setTheme(toEChartsTheme(readChartTheme(this)));
    if (this.build && !this.option) {
      this.#applyOption();
      this.requestUpdate();
    }
  }

  /**
   * The chart as a PNG data URL, or null when none is drawn: framed with the title, the range and
   * (for a chart without a legend of its own) a legend line, on the theme's surface, at twice the pixels.
   */
  async toPngDataUrl(frame: ChartImageFrame): Promise<string | null> {
    const chart = this.chart;
    if (!chart) return null;
    // The framing code loads with the first export, not with the chart.
    const { chartImage } = await import('./png-frame.ts');
    return chart.isDisposed() ? null : chartImage(chart, readChartTheme(this), frame);
  }

  protected override render() {
    // Focusable so a keyboard can walk the data points; ECharts draws inside, the live region speaks.
    return html`<div
        part="chart"
        role="application"
        aria-roledescription="chart"
        tabindex="0"
        aria-label=${this.#chartName()}
        @keydown=${this.#onKeyDown}
        @blur=${this.#onBlur}
        @focus=${this.#onPointerOrFocus}
        @pointerenter=${this.#onPointerOrFocus}
        @pointermove=${this.#onPointerMove}
        @pointerleave=${this.#onPointerLeave}
      ></div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  /** The focused data point (keyboard), as its position in the option. */
  @state() private active: { seriesIndex: number; dataIndex: number } | null = null;
  @state() private announcement = '';

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const chart = this.chart;
    const points = chartPoints(this.drawnOption);
    if (!chart || points.length === 0) return;
    const at = this.active ? points.findIndex((p) => p.seriesIndex === this.active!.seriesIndex && p.dataIndex === this.active!.dataIndex) : -1;
    let next = at;
    const grid = gridMove(this.drawnOption, points, at, event.key);
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = at < 0 ? 0 : (grid ?? Math.min(points.length - 1, at + 1));
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = at < 0 ? 0 : (grid ?? Math.max(0, at - 1));
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = points.length - 1;
        break;
      case 'Enter':
      case ' ': {
        const point = points[at];
        if (!point) return;
        event.preventDefault();
        this.#emitPoint(point.item, point.dataIndex, point.seriesIndex);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    const point = points[next]!;
    chart.dispatchAction({ type: 'downplay' });
    chart.dispatchAction({ type: 'highlight', seriesIndex: point.seriesIndex, dataIndex: point.dataIndex });
    chart.dispatchAction({ type: 'showTip', seriesIndex: point.seriesIndex, dataIndex: point.dataIndex });
    this.active = { seriesIndex: point.seriesIndex, dataIndex: point.dataIndex };
    const spoken = typeof point.item.spoken === 'string' ? point.item.spoken : String(point.item.value ?? '');
    this.announcement = `${spoken} — ${next + 1}/${points.length}`;
  };

  /** Whether the option drawn was set with the tooltip registered (it loads on first use). */
  #tooltipDrawn = false;
  /** Where the pointer is over the chart, while the tooltip may still be on its way. */
  #pointer: [number, number] | null = null;

  readonly #onPointerMove = (event: PointerEvent): void => {
    if (this.#tooltipDrawn) return;
    const box = this.container.getBoundingClientRect();
    this.#pointer = [event.clientX - box.left, event.clientY - box.top];
  };

  readonly #onPointerLeave = (): void => {
    this.#pointer = null;
  };

  /** The first pointer or focus over a chart drawn without the tooltip: loads it, sets the option again, shows it where the reader is. */
  readonly #onPointerOrFocus = (event: Event): void => {
    if (this.#tooltipDrawn || !this.chart) return;
    if (event instanceof PointerEvent) this.#onPointerMove(event);
    loadTooltip().then(
      () => {
        const chart = this.chart;
        if (!chart || this.#tooltipDrawn) return;
        this.#appliedOption = undefined;
        this.#applyOption();
        if (!this.#tooltipDrawn) return;
        if (this.#pointer) chart.dispatchAction({ type: 'showTip', x: this.#pointer[0], y: this.#pointer[1] });
        else if (this.active) chart.dispatchAction({ type: 'showTip', ...this.active });
      },
      (error: unknown) => console.error('conversation-reports: the chart tooltip could not be loaded', error),
    );
  };

  readonly #onBlur = (): void => {
    if (!this.active) return;
    this.chart?.dispatchAction({ type: 'downplay' });
    this.chart?.dispatchAction({ type: 'hideTip' });
    this.active = null;
  };

  protected override firstUpdated(): void {
    this.#initChart();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('renderer') && changed.get('renderer') !== undefined && this.#instance) {
      this.#initChart();
    } else if (changed.has('option') || changed.has('build') || changed.has('noAnimation') || changed.has('label')) {
      this.#applyOption();
    }
  }

  /** The SVG renderer on its way (it is loaded on first use); `updateComplete` waits for it and the chart. */
  #rendererLoad: Promise<void> | null = null;
  /** Chart parts the option waits for (a line's, a heatmap's); `updateComplete` waits for them too. */
  #modulesLoad: Promise<void> | null = null;

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    while (this.#rendererLoad || this.#modulesLoad) await (this.#rendererLoad ?? this.#modulesLoad);
    return result;
  }

  #initChart(): void {
    if (!this.isConnected || !this.container) return;
    this.#disposeChart();
    // The attribute is free text; anything but "svg" means the default renderer rather than an init error.
    const renderer = this.renderer === 'svg' ? 'svg' : 'canvas';
    if (!rendererReady(renderer)) {
      const load: Promise<void> = loadRenderer(renderer).then(
        () => {
          if (this.#rendererLoad !== load) return;
          this.#rendererLoad = null;
          this.#initChart();
        },
        (error: unknown) => {
          if (this.#rendererLoad === load) this.#rendererLoad = null;
          console.error('conversation-reports: the SVG renderer could not be loaded', error);
        },
      );
      this.#rendererLoad = load;
      return;
    }
    this.#rendererLoad = null;
    const chart = init(this.container, toEChartsTheme(readChartTheme(this)), { renderer });
    this.#instanceGeneration = chartModulesGeneration();
    chart.on('click', this.#onChartClick);
    this.#instance = chart;
    // Measured now, so that the first option is built for the width it is drawn at.
    this.#widthStep = this.#measureWidthStep();
    // One observer for the box while connected, not one per chart: a chart is made again inside a
    // resize report (its parts changed since it was made), and an observer made in the observer's
    // own callback is reported by Chromium as a "ResizeObserver loop" error on the window.
    if (!this.#resizeObserver) {
      this.#resizeObserver = new ResizeObserver(this.#onResize);
      this.#resizeObserver.observe(this.container);
    }
    this.#applyOption();
  }

  #disposeChart(): void {
    if (this.#instance && !this.#instance.isDisposed()) {
      this.#instance.off('click', this.#onChartClick);
      this.#instance.dispose();
    }
    this.#appliedOption = undefined;
    this.#appliedName = undefined;
    this.#appliedMotion = undefined;
    this.#tooltipDrawn = false;
  }

  #chartName(): string {
    return chartName(this.label, this.drawnOption);
  }

  #applyOption(): void {
    const chart = this.chart;
    if (!chart) return;
    const option = this.drawnOption;
    const name = this.#chartName();
    if (option === this.#appliedOption && name === this.#appliedName && this.#reduceMotion === this.#appliedMotion) return;
    // A chart type whose ECharts parts are loaded on first use (the heatmap): drawn once they are here.
    if (option && needsChartModules(option)) {
      const load: Promise<void> = loadChartModules(option).then(
        () => {
          if (this.#modulesLoad === load) this.#modulesLoad = null;
          if (this.drawnOption === option) this.#applyOption();
        },
        (error: unknown) => {
          if (this.#modulesLoad === load) this.#modulesLoad = null;
          console.error('conversation-reports: a chart module could not be loaded', error);
        },
      );
      this.#modulesLoad = load;
      return;
    }
    // Made before chart parts were registered (a heatmap's, on first use): made again, which draws
    // the option, so that it has their visual processors.
    if (this.#instanceGeneration !== chartModulesGeneration()) {
      this.#initChart();
      return;
    }
    this.#appliedOption = option;
    this.#appliedName = name;
    this.#appliedMotion = this.#reduceMotion;
    this.#tooltipDrawn = tooltipReady();
    if (!option) {
      chart.clear();
      return;
    }
    const effective = withAccessibleName(option, name);
    if (this.#reduceMotion) effective.animation = false;
    // Until the first pointer or focus loads it (then the option is set again); ECharts would warn.
    if (!this.#tooltipDrawn) delete effective.tooltip;
    this.#paintSwatches(option.color);
    chart.setOption(effective, { notMerge: true });
  }

  /**
   * Tooltip swatches name their palette colour by class (see `marker` in chart-option.ts); the
   * colours go on the chart box as custom properties through the CSSOM, which a strict
   * Content-Security-Policy allows (a `style` attribute in the tooltip's HTML it would block).
   */
  #paintSwatches(colors: unknown): void {
    const box = this.container;
    if (!box) return;
    const palette = Array.isArray(colors) ? colors : [];
    for (let index = 0; index < TOOLTIP_SWATCHES; index++) {
      const color = palette[index];
      if (typeof color === 'string') box.style.setProperty(`--_cr-swatch-${index}`, color);
      else box.style.removeProperty(`--_cr-swatch-${index}`);
    }
  }

  /** The box's width in 40 px steps; undefined while it has none. */
  #measureWidthStep(): number | undefined {
    const step = Math.floor((this.container?.clientWidth ?? 0) / 40) * 40;
    return step > 0 ? step : undefined;
  }

  readonly #onResize = (): void => resizeInTurn(this, this.#resize);

  readonly #resize = (): void => {
    // The container is absolutely positioned, so redrawing inside it cannot resize it and loop the observer.
    const { clientWidth, clientHeight } = this.container;
    const chart = this.chart;
    // The observer also reports the size the chart was made at, once per chart: ECharts would lay
    // out and draw everything again even then.
    if (chart && clientWidth > 0 && clientHeight > 0 && (clientWidth !== chart.getWidth() || clientHeight !== chart.getHeight())) chart.resize();
    // A narrow chart lays its axes out differently (fewer ticks, shorter labels): see axis-layout.ts.
    const step = this.#measureWidthStep();
    if (step === this.#widthStep) return;
    this.#widthStep = step;
    if (this.build && !this.option) {
      this.#applyOption();
      this.requestUpdate();
    }
  };

  readonly #onMotionChange = (event: MediaQueryListEvent): void => {
    this.#reduceMotion = event.matches;
    this.#applyOption();
  };

  readonly #onChartClick = (params: ECElementEvent): void => {
    if (params.componentType !== 'series') return;
    // A typed-array series' point is [index, value]: its key comes from the series, by position.
    const raw = this.drawnOption?.series;
    const entry = (Array.isArray(raw) ? raw : raw ? [raw] : [])[params.seriesIndex ?? 0] as { data?: unknown } | undefined;
    const data = entry && ArrayBuffer.isView(entry.data) ? pointAt(entry, params.dataIndex) : params.data;
    this.#emitPoint(data, params.dataIndex, params.seriesIndex ?? 0);
  };

  /** Re-emits a chosen data item (clicked, or Enter on the focused one) as `chart-point-click`. */
  #emitPoint(data: unknown, dataIndex: number, seriesIndex: number): void {
    if (!data || typeof data !== 'object' || !('key' in data)) return;
    const { key, series } = data as { key: unknown; series?: unknown };
    if (!isGroupKey(key) || (series !== undefined && !isGroupKey(series))) return;
    this.dispatchEvent(new ChartPointClickEvent({ key, series, dataIndex, seriesIndex }));
  }
}

if (!customElements.get('cr-chart-view')) customElements.define('cr-chart-view', ChartView);

declare global {
  interface HTMLElementTagNameMap {
    'cr-chart-view': ChartView;
  }
}
