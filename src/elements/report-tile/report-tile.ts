import { consume } from '@lit/context';
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ChartView } from '../../charts/chart-view/chart-view.ts';
import type { ECharts } from '../../charts/echarts.ts';
import { buildChartOption, isGraphicChartType } from '../../charts/options/chart-option.ts';
import { needsCategoryFolding, needsFolding } from '../../charts/options/fold-for-drawing.ts';
import { dashboardDataContext, type DashboardData } from '../../controllers/dashboard-data.ts';
import { SourceAttributes } from '../shared/source-attributes.ts';
import type { DashboardConfigError } from '../../core/schema/dashboard-config.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportResult } from '../../core/types.ts';
import type { TileSize } from '../../events/report-resize-event.ts';
import { ReportRetryEvent } from '../../events/report-retry-event.ts';
import { localizeResult } from '../../i18n/localize-result.ts';
import { errorMessage } from '../../i18n/error-message.ts';
import { LocaleController } from '../../controllers/locale-controller.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { DEFAULT_RANGE, type RangeValue } from '../conversation-dashboard/range-attribute.ts';
import { reportTileStyles } from './report-tile.styles.ts';
import { renderTileChart } from './tile-chart.ts';
import { EngineFoldTask, TileCompute } from './tile-compute.ts';
import { tileCsv } from './tile-csv.ts';
import { tileDrillEvent } from './tile-drill.ts';
import { downloadCsv, downloadPng } from './tile-export.ts';
import { TileMarkupController } from './tile-markup.ts';
import { TilePartsController, heatmapView, tableView, tilePartFor } from './tile-parts.ts';
import type { TileAction } from './tile-menu.ts';
import { TileMenuButton } from './tile-menu-button.ts';
import { computeErrorText, renderConfigError, renderEmpty, renderError, renderLoading } from './tile-states.ts';
import { renderDelta, renderFootnote, renderKpi } from './tile-summary.ts';
import { measureHeading, tileTitle, type TileText } from './tile-text.ts';

export const REPORT_TILE_TAG = 'report-tile';

/**
 * @summary One report: its title, its chart (or table, or big number), the delta against the
 * previous period and a footnote saying what was measured; an Actions menu to edit, switch to a
 * table, export and remove it. Works alone (`spec` + `result`) or inside a
 * `<conversation-dashboard>`, from which it takes the data and computes its own result.
 *
 * @fires report-drill - A bar, point, slice or table row was chosen, cancelable: `{ reportId, key, series?, label?, seriesLabel? }`. Inside a dashboard it is a request: the dashboard fires its own before it opens the drill dialog.
 * @fires report-edit - Actions → Edit (only when `editable`), cancelable: `{ reportId, spec }`. Inside a dashboard it is a request: the dashboard fires its own before it opens the report editor.
 * @fires report-remove - Actions → Remove (only when `editable`), cancelable: `{ reportId }`. Inside a dashboard it is a request: the dashboard fires its own before it acts.
 * @fires report-resize - (v2) Actions → a width (only when `editable` and `size` is set), cancelable: `{ reportId, size }`. Inside a dashboard it is a request: the dashboard fires its own before it saves the layout.
 * @fires report-duplicate - (v2) Actions → Duplicate, or Copy to another dashboard (`copyTargets`), cancelable: `{ reportId, toDashboardId? }`. Inside a dashboard it is a request: the dashboard fires its own before it saves.
 * @fires report-move - Actions → Move up / Move down (only when `editable`), cancelable: `{ reportId, direction }`. Inside a dashboard it is a request: the dashboard fires its own before it acts.
 * @fires report-retry - {ReportRetryEvent} Retry was pressed on a standalone tile (inside a dashboard the dashboard reloads).
 *
 * @csspart tile - The card around everything.
 * @csspart title - The report's title (an `<h3>`).
 * @csspart delta - Change against the previous period.
 * @csspart actions - The Actions menu button and its menu.
 * @csspart body - The area holding the chart, table, KPI or a state.
 * @csspart chart - The chart's drawing box.
 * @csspart table - The data table (table view).
 * @csspart table-pager - Previous / Next and "Rows 1–100 of 20,000" under a table of more than 100 rows.
 * @csspart kpi - The big number (KPI chart type).
 * @csspart footnote - What was measured.
 * @csspart measure - (v2) The measure under the title ("Average response time", "Conversations").
 * @cssproperty --cr-color-success - (v2) A change against the previous period for the better (the worse one is `--cr-color-danger`).
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state, with its Retry button.
 * @csspart config-error - Shown in place of the report when its markup configuration (the `spec` JSON, a child JSON config, or an attribute) is invalid, naming each bad field.
 *
 * @attr spec - Markup configuration: the report as JSON (a ReportSpec), validated; sets the `spec` property.
 * @slot - A `<script type="application/json">` holding the report: a ReportSpec, or `{ spec, source?, range?, timeZone?, locale? }`. Nothing is shown.
 *
 * @cssproperty --cr-tile-bg - Tile background (default `--cr-color-surface`).
 * @cssproperty --cr-tile-border-color - Tile border (default `--cr-color-border`).
 * @cssproperty --cr-tile-shadow - Tile shadow.
 * @cssproperty --cr-tile-title-size - Title font size.
 * @cssproperty --cr-chart-height - Height of the chart area (default 300px).
 * @cssproperty --cr-kpi-size - Font size of the KPI number.
 * @cssproperty --cr-color-surface - Surface colour.
 * @cssproperty --cr-color-text - Text colour.
 * @cssproperty --cr-color-muted - Secondary text colour.
 * @cssproperty --cr-color-border - Borders and axes.
 * @cssproperty --cr-color-accent - Buttons and focus accents.
 * @cssproperty --cr-color-danger - Error text.
 * @cssproperty --cr-color-focus - Focus ring.
 * @cssproperty --cr-chart-palette - Series colours, comma-separated.
 * @cssproperty --cr-heatmap-low - A heatmap's colour for its lowest value (default: the surface colour).
 * @cssproperty --cr-heatmap-high - A heatmap's colour for its highest value (default: the first palette colour).
 * @cssproperty --cr-font-family - Font.
 * @cssproperty --cr-radius - Corner radius.
 * @cssproperty --cr-space - Base spacing.
 */
export class ReportTile extends SourceAttributes(LitElement) {
  static override styles = [themeStyles, reportTileStyles];

  /** The report to show. */
  @property({ attribute: false }) spec: ReportSpec | null = null;
  /** A result computed by the host; when unset inside a dashboard the tile computes its own. */
  @property({ attribute: false }) result: ReportResult | null = null;
  /** Shows Edit and Remove in the Actions menu. */
  @property({ type: Boolean, reflect: true }) editable = false;
  /** Inside an editable dashboard: offer "Move up" in the Actions menu. */
  @property({ attribute: false }) canMoveUp = false;
  /** Inside an editable dashboard: offer "Move down" in the Actions menu. */
  @property({ attribute: false }) canMoveDown = false;
  /** (v2) Inside an editable dashboard: the tile's width on the grid, offered to change in the Actions menu (null: not resizable). */
  @property({ attribute: false }) size: TileSize | null = null;
  /** (v2) Other dashboards the user may edit, offered as "Copy to …" in the Actions menu. */
  @property({ attribute: false }) copyTargets: readonly { id: string; name: string }[] = [];
  /** Standalone use: shows the loading state. */
  @property({ type: Boolean, reflect: true }) loading = false;
  /** Standalone use: an error message to show with a Retry button. */
  @property() error: string | null = null;
  /** BCP 47 locale for strings and numbers (default: the dashboard's, else the browser's). */
  @property() locale: string | undefined;
  /** IANA zone for date labels (default: the dashboard's, else the browser's). */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;
  /** `chart` or `table` (the accessible alternative to any chart). */
  @property({ reflect: true }) view: 'chart' | 'table' = 'chart';
  /** Standalone use: `light` (default), `dark` or `auto`; inside a dashboard the dashboard's theme applies. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;
  /** ECharts renderer: `canvas` (default) or `svg`. */
  @property() renderer: 'canvas' | 'svg' = 'canvas';
  /** Draws each result at once, without the chart's entry and update animations (as with reduced motion): for previews that change with every edit. */
  @property({ type: Boolean, attribute: 'no-animation' }) noAnimation = false;
  /** Standalone use with a source: the date range, a preset ("last-30-days", the default), "start/end" ISO dates, or `{ from, to }` epoch ms. */
  @property({ converter: { fromAttribute: (value) => value ?? DEFAULT_RANGE } }) range: RangeValue = DEFAULT_RANGE;

  /** The surrounding dashboard's data (through @lit/context); unset when the tile is used alone. */
  @consume({ context: dashboardDataContext, subscribe: true })
  @state()
  data: DashboardData | undefined;

  /** First row of the table view's page. */
  @state() private tableOffset = 0;

  @query('cr-chart-view') private chartView!: ChartView | null;

  readonly #l10n = new LocaleController(this, { locale: () => this.locale ?? this.data?.locale, timeZone: () => this.timeZone ?? this.data?.context.timeZone });
  readonly #markup = new TileMarkupController(this, (key, params) => this.#l10n.t(key, params));
  readonly #compute = new TileCompute(this, () => ({ data: this.result ? undefined : this.data, spec: this.spec }));
  readonly #engineFold = new EngineFoldTask(this, () => this.#engineFoldRequest());
  readonly #parts = new TilePartsController(this, () => tilePartFor(this.spec?.chartType, this.view));
  readonly #menu = new TileMenuButton(this);

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'spec'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'spec' && old !== value) {
      this.#markup.specAttributeChanged(value);
      this.requestUpdate();
    }
  }

  /** Why the markup configuration cannot be used (the `spec` JSON, the child JSON config, or an attribute), or null; shown in place of the report. */
  get configError(): DashboardConfigError | null {
    return this.#markup.error;
  }

  /** The ECharts instance of the chart view (read-only; undefined in table, KPI and state views). */
  get chart(): ECharts | undefined {
    return this.chartView?.chart;
  }

  /** What the tile's parts need to speak the reader's language. */
  get #text(): TileText {
    const l10n = this.#l10n;
    return { locale: l10n.locale, timeZone: l10n.timeZone, t: l10n.t };
  }

  /** The result shown: the host's, else the one computed from the dashboard's data. */
  get shownResult(): ReportResult | null {
    return this.result ?? this.#compute.result;
  }

  /** Redraws the chart with the colours the CSS custom properties hold now. */
  refreshTheme(): void {
    void this.updateComplete.then(() => this.chartView?.refreshTheme());
  }

  /** Puts focus on the Actions menu button (a host does so after an action that re-rendered the tile). */
  focusActions(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('.menu-button')?.focus();
  }

  #display: { source: ReportResult; texts: string; spec: ReportSpec; result: ReportResult } | null = null;

  /** The shown result with the core's English labels (Unassigned, Other, Yes…) in the reader's language. */
  get #displayResult(): ReportResult | null {
    const source = this.shownResult;
    const spec = this.spec;
    if (!source || !spec) return null;
    const texts = this.#l10n.textsVersion;
    const cached = this.#display;
    if (cached && cached.source === source && cached.texts === texts && cached.spec === spec) return cached.result;
    const result = localizeResult(source, spec, this.#l10n.locale);
    this.#display = { source, texts, spec, result };
    return result;
  }

  /** When the chart must fold a measure that cannot be summed, the engine folds it exactly (see EngineFoldTask). */
  #engineFoldRequest(): { data: DashboardData; spec: ReportSpec; source: ReportResult } | null {
    const { spec, data } = this;
    const source = this.shownResult;
    if (!spec || !data || this.result || !source || this.view === 'table' || !isGraphicChartType(spec.chartType)) return null;
    if (['count', 'sum', 'min', 'max'].includes(spec.measure.op)) return null;
    const shown = this.#displayResult!;
    return needsFolding(shown, spec) && needsCategoryFolding(shown, spec) ? { data, spec, source } : null;
  }

  /** Also waits for the locale's catalog and for the chart view, whose chart may wait for its renderer (SVG loads on first use). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await this.#l10n.updateComplete(super.getUpdateComplete());
    // The table view or a heatmap's part, loaded on first use.
    while (await this.#parts.settle()) result = await this.#l10n.updateComplete(super.getUpdateComplete());
    await this.chartView?.updateComplete;
    // The Actions menu, whose code loads on its first open.
    await this.#menu.opening;
    return result;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme') && changed.get('theme') !== undefined) void this.chartView?.refreshTheme();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#markup.update(changed);
    if (changed.has('spec')) this.tableOffset = 0;
    this.#parts.update();
  }

  #retry = (): void => {
    if (!this.data) this.dispatchEvent(new ReportRetryEvent());
    else if (this.data.state === 'error') this.data.retry();
    else this.#compute.retry();
  };

  #drill(key: GroupKey, series: GroupKey | undefined): void {
    const spec = this.spec;
    const result = this.#displayResult;
    if (spec && result) this.dispatchEvent(tileDrillEvent(this.#text, spec, result, key, series));
  }

  /** The menu's actions the tile does itself (tile-menu.ts fires the others). */
  #run(action: TileAction): void {
    const spec = this.spec;
    if (!spec) return;
    const title = tileTitle(this.#text, spec);
    if (action === 'toggle-view') this.view = this.view === 'table' ? 'chart' : 'table';
    else if (action === 'export-csv') downloadCsv(title, this.toCsv());
    else if (action === 'export-png')
      void this.toPngDataUrl().then((url) => {
        if (url) downloadPng(title, url);
      });
  }

  /**
   * The shown rows as CSV, every one (a chart folds past its category limit; the export does not): full
   * labels, headers in the reader's words, a count report's number once, durations readable and in ms
   * (as the drill export writes them); formula-like text neutralised.
   */
  toCsv(): string {
    const spec = this.spec;
    const result = this.#displayResult;
    return spec && result ? tileCsv(this.#text, spec, result) : '';
  }

  /**
   * The chart as a PNG data URL, or null when no chart is drawn: framed with the title, the date
   * range and (for a one-series chart, which draws none) a legend, with a margin all round.
   */
  async toPngDataUrl(): Promise<string | null> {
    const view = this.chartView;
    const spec = this.spec;
    if (!view || !spec) return null;
    const text = this.#text;
    return view.toPngDataUrl({ title: tileTitle(text, spec), range: this.#rangeText(), seriesName: measureHeading(text, spec) });
  }

  /** "1 Nov 2026 – 30 Nov 2026" for the range the tile shows, when it knows one. */
  #rangeText(): string {
    const { locale, timeZone } = this.#l10n;
    const range = this.data?.context.range ?? this.#markup.standaloneRange(timeZone);
    if (!range) return '';
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
    return format.formatRange(range.from, range.to - 1);
  }

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const text = this.#text;
    const configError = this.configError;
    if (configError) return renderConfigError(text, configError);
    const spec = this.spec;
    if (!spec) return html`<article part="tile"></article>`;
    let body: TemplateResult;
    try {
      body = this.#renderBody(text, spec);
    } catch (error) {
      body = renderError(text, errorMessage(error), this.#retry);
    }
    const title = tileTitle(text, spec);
    const menuState = () => ({
      editable: this.editable,
      graphic: isGraphicChartType(spec.chartType),
      view: this.view,
      hasResult: this.shownResult !== null,
      hasChart: this.chart !== undefined,
      canMoveUp: this.canMoveUp,
      canMoveDown: this.canMoveDown,
      size: this.size,
      copyTargets: this.copyTargets,
    });
    return html`
      <article part="tile" aria-labelledby="title">
        <header>
          <div class="heading">
            <h3 id="title" part="title">${title}</h3>
            <p part="measure">${measureHeading(text, spec)}</p>
            ${renderDelta(text, spec, this.shownResult)}
          </div>
          ${this.#menu.render(text, title, spec, menuState, (action) => this.#run(action))}
        </header>
        <div part="body">${body}</div>
        ${renderFootnote(text, spec, this.shownResult, this.data?.context)}
      </article>
    `;
  }

  #renderBody(text: TileText, spec: ReportSpec): TemplateResult {
    const result = this.#displayResult;
    const dataError = this.data?.state === 'error' && !result ? this.data.error : null;
    const computeError = this.#compute.error;
    const error = this.error ?? (computeError === undefined ? null : computeErrorText(text, computeError, spec)) ?? dataError;
    if (error) return renderError(text, error, this.#retry);
    if (!result) return this.loading || this.data ? renderLoading(text) : renderEmpty(text);
    if (this.loading) return renderLoading(text);
    if (result.matched === 0) return renderEmpty(text);
    if (spec.chartType === 'kpi') return renderKpi(text, spec, result);
    const parts = this.#parts.state;
    if (parts !== true) return parts === 'loading' ? renderLoading(text) : renderError(text, errorMessage(parts.error), this.#parts.retry);
    const drill = (key: GroupKey, series: GroupKey | undefined) => this.#drill(key, series);
    const heatmap = spec.chartType === 'heatmap' ? heatmapView.value! : null;
    if (heatmap && this.view === 'table') return heatmap.renderHeatmapTileTable(text, spec, result, drill);
    if (spec.chartType === 'table' || this.view === 'table')
      return tableView.value!.renderTileTable({ text, spec, result, offset: this.tableOffset, goTo: (offset) => (this.tableOffset = offset), drill });
    return renderTileChart({
      text,
      spec,
      buildOption: heatmap ? heatmap.buildHeatmapOption : buildChartOption,
      shown: result,
      engineFold: this.#engineFold.resultFor(spec, this.shownResult),
      noAnimation: this.noAnimation,
      renderer: this.renderer,
      drill,
      showTable: () => (this.view = 'table'),
    });
  }
}

if (!customElements.get('report-tile')) customElements.define('report-tile', ReportTile);

declare global {
  interface HTMLElementTagNameMap {
    'report-tile': ReportTile;
  }
}
