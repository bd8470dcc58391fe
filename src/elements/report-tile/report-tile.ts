import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import '../../charts/chart-view/chart-view.ts';
import type { ChartPointClickEvent, ChartView } from '../../charts/chart-view/chart-view.ts';
import type { ECharts } from '../../charts/echarts.ts';
import { buildChartOption, isGraphicChartType } from '../../charts/options/chart-option.ts';
import { buildKpiModel } from '../../charts/options/kpi-model.ts';
import { buildTableModel, type TableColumn } from '../../charts/options/table-model.ts';
import { foldForDrawing, foldedSpec, needsCategoryFolding, needsFolding } from '../../charts/options/fold-for-drawing.ts';
import { categoryLabel, seriesLabel } from '../../charts/options/value-format.ts';
import { valueKindOf } from '../../charts/options/value-kind.ts';
import { pageUrlShortener } from '../../charts/options/axis-layout.ts';
import { readChartTheme } from '../../charts/theme.ts';
import { dashboardDataContext, type DashboardData } from '../../controllers/dashboard-data.ts';
import { csvFileName, toCsv } from '../../core/export/csv.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { OTHER_KEY, type GroupKey, type ReportResult, type ReportRow } from '../../core/types.ts';
import { ReportDrillEvent } from '../../events/report-drill-event.ts';
import { ReportEditEvent } from '../../events/report-edit-event.ts';
import { ReportMoveEvent } from '../../events/report-move-event.ts';
import { changeTone, measureDirection } from '../../charts/options/measure-direction.ts';
import { ReportDuplicateEvent } from '../../events/report-duplicate-event.ts';
import { ReportResizeEvent, tileSizes, type TileSize } from '../../events/report-resize-event.ts';
import { ReportRemoveEvent } from '../../events/report-remove-event.ts';
import { formatDuration, formatNumber, formatPercentDelta } from '../../i18n/format.ts';
import { MAX_DATE_BUCKETS } from '../../core/time/time-buckets.ts';
import { localizeResult } from '../../i18n/localize-result.ts';
import { reportTitle } from '../../i18n/report-titles.ts';
import { resolveLocale, translate } from '../../i18n/translate.ts';
import { downloadFile } from '../shared/download-file.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { reportTileStyles } from './report-tile.styles.ts';
import { buildHeatmapModel } from '../../charts/options/heatmap-model.ts';
import { heatmapTableStyles, renderHeatmapTable } from './heatmap-table.ts';
import { contextNotes } from './context-notes.ts';
import { framePng } from './png-export.ts';
import { DeclarativeSourceController } from '../../controllers/declarative-source.ts';
import { StandaloneDataController } from '../../controllers/declarative-tile-data.ts';
import { DashboardConfigError, parseJsonText, parseTileConfig, type TileConfig } from '../../core/schema/dashboard-config.ts';
import { DEFAULT_RANGE, RangeValueError, resolveRange, type RangeValue } from '../conversation-dashboard/range-attribute.ts';

export const REPORT_TILE_TAG = 'report-tile';

type MenuAction =
  | 'edit' | 'toggle-view' | 'export-csv' | 'export-png' | 'move-up' | 'move-down' | 'remove'
  | 'duplicate' | `copy:${string}` | `size:${TileSize}`;

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Rows of the table view shown at once; the rest are a page away (the CSV export has them all). */
const TABLE_PAGE = 100;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * @summary One report: its title, its chart (or table, or big number), the delta against the
 * previous period and a footnote saying what was measured; an Actions menu to edit, switch to a
 * table, export and remove it. Works alone (`spec` + `result`) or inside a
 * `<conversation-dashboard>`, from which it takes the data and computes its own result.
 *
 * @fires report-drill - A bar, point, slice or table row was chosen: `{ reportId, key, series, label }`.
 * @fires report-edit - Actions → Edit (only when `editable`): `{ reportId, spec }`.
 * @fires report-remove - Actions → Remove (only when `editable`), cancelable: `{ reportId }`. Inside a dashboard it is a request: the dashboard fires its own before it acts.
 * @fires report-resize - (v2) Actions → a width (only when `editable` and `size` is set), cancelable: `{ reportId, size }`. Inside a dashboard it is a request: the dashboard fires its own before it saves the layout.
 * @fires report-duplicate - (v2) Actions → Duplicate, or Copy to another dashboard (`copyTargets`), cancelable: `{ reportId, toDashboardId? }`. Inside a dashboard it is a request: the dashboard fires its own before it saves.
 * @fires report-move - Actions → Move up / Move down (only when `editable`), cancelable: `{ reportId, direction }`. Inside a dashboard it is a request: the dashboard fires its own before it acts.
 * @fires report-retry - Retry was pressed on a standalone tile (inside a dashboard the dashboard reloads).
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
export class ReportTile extends LitElement {
  static override styles = [themeStyles, reportTileStyles, heatmapTableStyles];

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
  /** Standalone use, markup configuration: a REST endpoint of conversations (`RestDataSource` defaults); the tile loads and computes itself. */
  @property() src: string | null = null;
  /** Standalone use, markup configuration: the URL of a CSV export of conversations. */
  @property({ attribute: 'csv-src' }) csvSrc: string | null = null;
  /** Standalone use, markup configuration: the base URL of the host's HubSpot proxy. */
  @property({ attribute: 'hubspot-proxy' }) hubspotProxy: string | null = null;
  /** Standalone use, markup configuration: generated demo conversations; the value is how many (empty: 2000). */
  @property() sample: string | null = null;
  /** Standalone use with a source: the date range, a preset ("last-30-days", the default), "start/end" ISO dates, or `{ from, to }` epoch ms. */
  @property({ converter: { fromAttribute: (value) => value ?? DEFAULT_RANGE } }) range: RangeValue = DEFAULT_RANGE;

  /** The surrounding dashboard's data (through @lit/context); unset when the tile is used alone. */
  @consume({ context: dashboardDataContext, subscribe: true })
  @state()
  data: DashboardData | undefined;

  @state() private computed: { key: string; result: ReportResult | null; error: string | null } | null = null;
  /** First row of the table view's page. */
  @state() private tableOffset = 0;
  @state() private menuOpen = false;
  /** The chart's width in 40 px steps (a resize within a step redraws nothing); null until measured. */
  @state() private chartWidth: number | null = null;
  #resizeObserver: ResizeObserver | null = null;

  @query('cr-chart-view') private chartView!: ChartView | null;
  @query('.menu-button') private menuButton!: HTMLButtonElement | null;

  #computeRequest = 0;
  #computeAbort: AbortController | null = null;

  // ——— Markup configuration (standalone tile) ———

  readonly #declarative = new DeclarativeSourceController<TileConfig>(this, {
    parse: parseTileConfig,
    sourceOf: (config) => config.source,
    environment: () => ({ timeZone: this.timeZone }),
    what: 'Invalid report spec',
  });
  /** Made when a source is first declared, so tiles on a dashboard carry no loader of their own. */
  #standalone: StandaloneDataController | null = null;
  /** The spec last taken from markup (a spec set by script is never cleared by markup). */
  #declaredSpec: ReportSpec | null = null;
  /** The `spec` attribute's text, read in the next update (undefined: unchanged). */
  #specAttribute: string | null | undefined = undefined;
  #specConfig: TileConfig | null = null;
  #specError: DashboardConfigError | null = null;
  #rangeError: DashboardConfigError | null = null;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'spec'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'spec' && old !== value) {
      this.#specAttribute = value;
      this.requestUpdate();
    }
  }

  /** Why the markup configuration cannot be used (the `spec` JSON, the child config, an attribute), or null; shown in place of the report. */
  get configError(): DashboardConfigError | null {
    return this.#specError ?? this.#declarative.error ?? this.#rangeError;
  }

  /** The spec attribute, the child JSON config and the source attributes; a tile with a source loads its own data. */
  #applyDeclarative(changed: PropertyValues<this>): void {
    const change = this.#declarative.update();
    let specChanged = false;
    if (this.#specAttribute !== undefined) {
      const text = this.#specAttribute;
      this.#specAttribute = undefined;
      specChanged = true;
      this.#specConfig = null;
      this.#specError = null;
      if (text !== null) {
        try {
          this.#specConfig = parseTileConfig(parseJsonText(text, 'Invalid report spec'));
        } catch (error) {
          if (!(error instanceof DashboardConfigError)) throw error;
          this.#specError = new DashboardConfigError(
            error.issues.map((issue) => ({ ...issue, path: issue.path ? `spec.${issue.path}` : 'spec' })),
            { what: 'Invalid report spec' },
          );
        }
      }
    }
    // The attribute wins over the child script.
    const declared = this.#specConfig ?? this.#declarative.config;
    if ((specChanged || change.config) && !declared && this.spec !== null && this.spec === this.#declaredSpec) {
      this.spec = null;
      this.#declaredSpec = null;
    }
    if ((specChanged || change.config) && declared) {
      this.spec = declared.spec;
      this.#declaredSpec = declared.spec;
      if (declared.range !== undefined && !this.hasAttribute('range')) this.range = declared.range;
      if (declared.timeZone !== undefined && !this.hasAttribute('time-zone')) this.timeZone = declared.timeZone;
      if (declared.locale !== undefined && !this.hasAttribute('locale')) this.locale = declared.locale;
    }
    const source = this.#specError ?? this.#declarative.error ? null : this.#declarative.source;
    if (change.source || specChanged || changed.has('range') || changed.has('timeZone')) {
      let context = null;
      this.#rangeError = null;
      if (source) {
        const timeZone = this.timeZone ?? browserTimeZone();
        try {
          context = { range: resolveRange(this.range, Date.now(), timeZone), timeZone };
        } catch (error) {
          const text = error instanceof RangeValueError ? this.#t(`dashboard.rangeError.${error.problem}`, { value: error.value }) : message(error);
          this.#rangeError = new DashboardConfigError([{ path: error instanceof RangeValueError && error.problem === 'unknown-zone' ? 'time-zone' : 'range', message: text }], { what: 'Invalid range' });
        }
      }
      if (context && source) this.#standalone ??= new StandaloneDataController(this);
      this.#standalone?.set(context ? source : null, context);
    }
    if (source && this.#standalone) {
      this.#ownData = this.#standalone.value(resolveLocale(this.locale));
      this.data = this.#ownData;
    } else if (this.#ownData) {
      if (this.data === this.#ownData) this.data = undefined;
      this.#ownData = undefined;
    }
  }

  /** The data this tile loaded itself (standalone, with a source attribute). */
  #ownData: DashboardData | undefined;

  /** The ECharts instance of the chart view (read-only; undefined in table, KPI and state views). */
  get chart(): ECharts | undefined {
    return this.chartView?.chart;
  }

  get #locale(): string {
    return this.locale ?? this.data?.locale ?? resolveLocale();
  }

  get #timeZone(): string {
    return this.timeZone ?? this.data?.context.timeZone ?? browserTimeZone();
  }

  #t(key: string, params?: Record<string, string | number>): string {
    return translate(this.#locale, key, params);
  }

  /** A compute error in the user's words; the bucket bound is known by name (it crosses from the Worker). */
  #computeErrorText(error: unknown, spec: ReportSpec): string {
    if (error instanceof Error && error.name === 'TooManyBucketsError')
      return this.#t('tile.tooManyBuckets', {
        bucket: this.#t(`editor.bucket.${spec.timeBucket ?? 'day'}`),
        limit: formatNumber(MAX_DATE_BUCKETS, this.#locale),
      });
    return message(error);
  }

  /** The result shown: the host's, else the one computed from the dashboard's data. */
  get shownResult(): ReportResult | null {
    return this.result ?? this.computed?.result ?? null;
  }

  /** Redraws the chart with the colours the CSS custom properties hold now. */
  refreshTheme(): void {
    this.requestUpdate();
    void this.updateComplete.then(() => this.chartView?.refreshTheme());
  }

  #display: { source: ReportResult; locale: string; spec: ReportSpec; result: ReportResult } | null = null;

  /** The shown result with the core's English labels (Unassigned, Other, Yes…) in the reader's language. */
  get #displayResult(): ReportResult | null {
    const source = this.shownResult;
    const spec = this.spec;
    if (!source || !spec) return null;
    const locale = this.#locale;
    const cached = this.#display;
    if (cached && cached.source === source && cached.locale === locale && cached.spec === spec) return cached.result;
    const result = localizeResult(source, spec, locale);
    this.#display = { source, locale, spec, result };
    return result;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A narrow chart lays its axes out differently (fewer ticks, shorter labels): see axis-layout.ts.
    this.#resizeObserver ??= new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      // The tile's padding and border, both sides.
      const chartWidth = width > 0 ? Math.floor(Math.max(0, width - 26) / 40) * 40 : null;
      if (chartWidth !== this.chartWidth) this.chartWidth = chartWidth;
    });
    this.#resizeObserver.observe(this);
    // Moved in the page while computing: the removal aborted the request, so ask again.
    if (this.#computeInterrupted) {
      this.#computeInterrupted = false;
      this.#computedSpec = null;
      this.#computeFromData();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#computeInterrupted = this.#computing;
    this.#computeAbort?.abort();
    this.#closeMenu(false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme') && changed.get('theme') !== undefined) void this.chartView?.refreshTheme();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#applyDeclarative(changed);
    if (changed.has('spec')) this.tableOffset = 0;
    if ((changed.has('data') || changed.has('spec') || changed.has('result')) && !this.result) this.#computeFromData();
  }

  #computeFromData(): void {
    const { data, spec } = this;
    if (!data || !spec || data.state === 'idle') return;
    if (!data.table && data.state !== 'ready') return;
    const key = `${data.version}`;
    if (this.computed?.key === key && this.#computedSpec === spec) return;
    this.#computedSpec = spec;
    this.#computeAbort?.abort();
    const abort = new AbortController();
    this.#computeAbort = abort;
    const request = ++this.#computeRequest;
    this.#computing = true;
    data.compute(spec, abort.signal).then(
      (result) => {
        if (request !== this.#computeRequest) return;
        this.#computing = false;
        this.computed = { key, result, error: null };
      },
      (error: unknown) => {
        if (request !== this.#computeRequest || abort.signal.aborted) return;
        this.#computing = false;
        this.computed = { key, result: null, error: this.#computeErrorText(error, spec) };
      },
    );
  }

  #computedSpec: ReportSpec | null = null;
  /** A compute request is out; removal from the page aborts it (`#computeInterrupted` then). */
  #computing = false;
  #computeInterrupted = false;

  #retry = (): void => {
    this.computed = null;
    this.#computedSpec = null;
    if (this.data) {
      if (this.data.state === 'error') this.data.retry();
      else this.#computeFromData();
    } else this.dispatchEvent(new CustomEvent('report-retry', { bubbles: true, composed: true }));
  };

  #drill(key: GroupKey, series: GroupKey | undefined): void {
    const spec = this.spec;
    const result = this.#displayResult;
    if (!spec || !result) return;
    const found = result.rows.find((r) => r.key === key && (series === undefined || r.series === series));
    // A heatmap's empty cell has no row; its weekday and hour are still named for the drill's heading.
    const named = spec.chartType === 'heatmap' ? { key, label: String(key), value: null, count: 0, ...(series === undefined ? {} : { series, seriesLabel: String(series) }) } : undefined;
    const row = found ?? named;
    const settings = this.#formatSettings(spec);
    this.dispatchEvent(
      new ReportDrillEvent({
        reportId: spec.id,
        key,
        ...(series === undefined ? {} : { series }),
        ...(row ? { label: categoryLabel(row, spec, settings) } : {}),
        ...(row && series !== undefined ? { seriesLabel: seriesLabel(row, spec, settings) } : {}),
      }),
    );
  }

  /** The title as shown: a template report's in the reader's language, a user's own as written. */
  #title(spec: ReportSpec): string {
    return reportTitle(spec, this.#locale);
  }

  #formatSettings(spec: ReportSpec) {
    return { locale: this.#locale, timeZone: this.#timeZone, valueKind: valueKindOf(spec) };
  }

  // ——— Actions menu ———

  #menuItems(): { action: MenuAction; label: string; disabled?: boolean }[] {
    const spec = this.spec;
    const graphic = spec ? isGraphicChartType(spec.chartType) : false;
    const items: { action: MenuAction; label: string; disabled?: boolean }[] = [];
    if (this.editable) items.push({ action: 'edit', label: this.#t('tile.edit') });
    if (graphic) items.push({ action: 'toggle-view', label: this.#t(this.view === 'table' ? 'tile.viewChart' : 'tile.viewTable') });
    items.push({ action: 'export-csv', label: this.#t('tile.exportCsv'), disabled: !this.shownResult });
    if (graphic) items.push({ action: 'export-png', label: this.#t('tile.exportPng'), disabled: this.view !== 'chart' || !this.chart });
    if (this.editable && this.canMoveUp) items.push({ action: 'move-up', label: this.#t('tile.moveUp') });
    if (this.editable && this.canMoveDown) items.push({ action: 'move-down', label: this.#t('tile.moveDown') });
    if (this.editable && this.size !== null)
      for (const size of tileSizes) items.push({ action: `size:${size}`, label: this.#t(`tile.size.${size}`), disabled: size === this.size });
    if (this.editable) items.push({ action: 'duplicate', label: this.#t('tile.duplicate') });
    // Copying needs only the right to edit the other dashboard; the store checks it again.
    for (const target of this.copyTargets) items.push({ action: `copy:${target.id}`, label: this.#t('tile.copyTo', { dashboard: target.name }) });
    if (this.editable) items.push({ action: 'remove', label: this.#t('tile.remove') });
    return items;
  }

  #onDocumentPointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.#closeMenu(false);
  };

  async #openMenu(focus: 'first' | 'last' = 'first'): Promise<void> {
    this.menuOpen = true;
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    await this.updateComplete;
    const items = this.#menuElements();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  #closeMenu(returnFocus: boolean): void {
    if (!this.menuOpen) return;
    this.menuOpen = false;
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    if (returnFocus) this.menuButton?.focus();
  }

  #menuElements(): HTMLButtonElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  }

  #onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.#menuElements();
    const index = items.indexOf(this.renderRoot instanceof ShadowRoot ? (this.renderRoot.activeElement as HTMLButtonElement) : items[0]!);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        return this.#closeMenu(true);
      case 'Tab':
        return this.#closeMenu(false);
    }
  };

  #onMenuButtonKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.#openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  #run(action: MenuAction): void {
    const spec = this.spec;
    if (!spec) return;
    this.#closeMenu(true);
    switch (action) {
      case 'edit':
        this.dispatchEvent(new ReportEditEvent(spec));
        break;
      case 'toggle-view':
        this.view = this.view === 'table' ? 'chart' : 'table';
        break;
      case 'export-csv':
        // The byte-order mark makes Excel read UTF-8 ("Chloé", not "ChloÃ©"), as the drill export does.
        downloadFile(new Blob(['\uFEFF', this.toCsv()], { type: 'text/csv;charset=utf-8' }), csvFileName(this.#title(spec)));
        break;
      case 'export-png':
        void this.toPngDataUrl().then((url) => {
          if (url) downloadFile(url, csvFileName(this.#title(spec)).replace(/\.csv$/, '') + '.png');
        });
        break;
      case 'move-up':
      case 'move-down':
        this.dispatchEvent(new ReportMoveEvent(spec.id, action === 'move-up' ? 'up' : 'down'));
        break;
      case 'remove':
        this.dispatchEvent(new ReportRemoveEvent(spec.id));
        break;
      case 'duplicate':
        this.dispatchEvent(new ReportDuplicateEvent(spec.id));
        break;
      default:
        if (action.startsWith('size:')) this.dispatchEvent(new ReportResizeEvent(spec.id, action.slice('size:'.length) as TileSize));
        else if (action.startsWith('copy:')) this.dispatchEvent(new ReportDuplicateEvent(spec.id, { toDashboardId: action.slice('copy:'.length) }));
    }
  }

  /**
   * The shown rows as CSV, every one (a chart folds past its category limit; the export does not): full
   * labels, headers in the reader's words, a count report's number once, durations readable and in ms
   * (as the drill export writes them); formula-like text neutralised.
   */
  toCsv(): string {
    const spec = this.spec;
    const result = this.#displayResult;
    if (!spec || !result) return '';
    const settings = this.#formatSettings(spec);
    const breakdown = result.rows.some((row) => row.series !== undefined);
    const kind = valueKindOf(spec);
    const measure = this.#measureHeading(spec);
    const header = [
      spec.dimension ? this.#dimensionHeading(spec) : '',
      ...(breakdown ? [spec.breakdown ? this.#propertyLabel(spec.breakdown) : this.#t('tile.column.series')] : []),
      measure,
      ...(kind === 'duration' ? [`${measure} (ms)`] : []),
      ...(kind === 'count' ? [] : [this.#t('tile.column.count')]),
    ];
    const rows = result.rows.map((row: ReportRow) => [
      categoryLabel(row, spec, settings),
      ...(breakdown ? [seriesLabel(row, spec, settings)] : []),
      ...(kind === 'duration' ? [row.value === null ? null : formatDuration(row.value, this.#locale), row.value] : [row.value]),
      ...(kind === 'count' ? [] : [row.count]),
    ]);
    return toCsv(header, rows);
  }

  /**
   * The chart as a PNG data URL, or null when no chart is drawn: framed with the title, the date
   * range and (for a one-series chart, which draws none) a legend, with a margin all round.
   */
  async toPngDataUrl(): Promise<string | null> {
    const chart = this.chart;
    const spec = this.spec;
    if (!chart || !spec) return null;
    const theme = readChartTheme(this);
    const background = theme.background === 'transparent' ? '#ffffff' : theme.background;
    const url = chart.getDataURL({ type: chart.getDom().querySelector('canvas') ? 'png' : 'svg', pixelRatio: 2, backgroundColor: background });
    const option = chart.getOption() as { legend?: { show?: boolean }[]; series?: { type?: string }[] };
    const ownLegend = option.legend?.some((legend) => legend.show !== false) || option.series?.some((series) => series.type === 'pie');
    return framePng(url, chart.getWidth(), chart.getHeight(), 2, {
      title: this.#title(spec),
      range: this.#rangeText(),
      legend: ownLegend ? null : { color: theme.palette[0] ?? '#5470c6', name: this.#measureHeading(spec) },
      background,
      textColor: theme.textColor,
      mutedColor: theme.axisColor ?? theme.textColor,
      fontFamily: theme.fontFamily || 'sans-serif',
    });
  }

  /** "1 Nov 2026 – 30 Nov 2026" for the range the tile shows, when it knows one. */
  #rangeText(): string {
    const range = this.data?.context.range ?? this.#standaloneRange();
    if (!range) return '';
    const format = new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium', timeZone: this.#timeZone });
    return format.formatRange(range.from, range.to - 1);
  }

  #standaloneRange(): { from: number; to: number } | null {
    try {
      return this.src || this.csvSrc || this.hubspotProxy || this.sample !== null ? resolveRange(this.range, Date.now(), this.#timeZone) : null;
    } catch {
      return null;
    }
  }

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const configError = this.configError;
    if (configError) return this.#renderConfigError(configError);
    const spec = this.spec;
    if (!spec) return html`<article part="tile"></article>`;
    let body: TemplateResult;
    try {
      body = this.#renderBody(spec);
    } catch (error) {
      body = this.#renderError(message(error));
    }
    return html`
      <article part="tile" aria-labelledby="title">
        <header>
          <div class="heading">
            <h3 id="title" part="title">${this.#title(spec)}</h3>
            <p part="measure">${this.#measureHeading(spec)}</p>
            ${this.#renderDelta(spec)}
          </div>
          ${this.#renderActions(spec)}
        </header>
        <div part="body">${body}</div>
        ${this.#renderFootnote(spec)}
      </article>
    `;
  }

  #renderActions(spec: ReportSpec): TemplateResult {
    const items = this.#menuItems();
    return html`
      <div part="actions">
        <button
          class="menu-button"
          type="button"
          aria-haspopup="menu"
          aria-expanded=${this.menuOpen ? 'true' : 'false'}
          aria-controls="menu"
          aria-label=${this.#t('tile.actionsFor', { title: this.#title(spec) })}
          @click=${() => (this.menuOpen ? this.#closeMenu(false) : void this.#openMenu())}
          @keydown=${this.#onMenuButtonKeydown}
        >
          ${this.#t('tile.actions')} ▾
        </button>
        ${this.menuOpen
          ? html`<ul id="menu" role="menu" aria-label=${this.#t('tile.actions')} @keydown=${this.#onMenuKeydown}>
              ${items.map(
                (item) => html`<li role="none">
                  <button
                    type="button"
                    role="menuitem"
                    tabindex="-1"
                    data-action=${item.action}
                    aria-disabled=${item.disabled ? 'true' : 'false'}
                    @click=${() => (item.disabled ? undefined : this.#run(item.action))}
                  >
                    ${item.label}
                  </button>
                </li>`,
              )}
            </ul>`
          : nothing}
      </div>
    `;
  }

  #renderDelta(spec: ReportSpec): TemplateResult | typeof nothing {
    const result = this.shownResult;
    const previous = result?.total.previous;
    if (!result || !previous || spec.chartType === 'kpi') return nothing;
    const delta = formatPercentDelta(result.total.value, previous.value, this.#locale);
    if (delta === null) return nothing;
    const current = result.total.value ?? 0;
    const before = previous.value ?? 0;
    const [arrow, word] = current > before ? ['▲', 'tile.deltaUp'] : current < before ? ['▼', 'tile.deltaDown'] : ['■', 'tile.deltaFlat'];
    // Coloured by what the change means: a faster response is good news, a slower one bad; volume is neither.
    const tone = changeTone(measureDirection(spec), result.total.value, previous.value);
    return html`<p part="delta" class=${`tone-${tone}`} data-tone=${tone}>
      <span class="arrow" aria-hidden="true">${arrow}</span><span class="visually-hidden">${this.#t(word)}</span>
      <span>${this.#t('tile.delta', { delta })}</span>
    </p>`;
  }

  #renderFootnote(spec: ReportSpec): TemplateResult | typeof nothing {
    const result = this.shownResult;
    if (!result) return nothing;
    const parts = [this.#t('tile.measured', { count: result.matched })];
    if (result.excluded) {
      const property = spec.measure.op === 'count' ? '' : spec.measure.property;
      const key = property === 'responseTime' || property === 'timeToClose' ? `tile.excluded.${property}` : 'tile.excluded.other';
      parts.push(this.#t(key, { count: new Intl.NumberFormat(this.#locale).format(result.excluded) }));
    }
    parts.push(this.#t('tile.dateApplies', { property: this.#t(`tile.date.${spec.dateProperty}`) }));
    parts.push(...contextNotes(spec, this.data?.context, this.#locale, (key, params) => this.#t(key, params)));
    return html`<p part="footnote">${parts.join(' · ')}</p>`;
  }

  #renderBody(spec: ReportSpec): TemplateResult {
    const result = this.#displayResult;
    const dataError = this.data?.state === 'error' && !result ? this.data.error : null;
    const error = this.error ?? this.computed?.error ?? dataError;
    if (error) return this.#renderError(error);
    if (!result) {
      if (this.loading || this.data) return this.#renderLoading();
      return html`<div class="state" part="empty" role="status">${this.#t('tile.empty')}</div>`;
    }
    if (this.loading) return this.#renderLoading();
    if (result.matched === 0) return html`<div class="state" part="empty" role="status">${this.#t('tile.empty')}</div>`;
    if (spec.chartType === 'kpi') return this.#renderKpi(spec, result);
    if (spec.chartType === 'heatmap' && this.view === 'table') return this.#renderHeatmapTable(spec, result);
    if (spec.chartType === 'table' || this.view === 'table') return this.#renderTable(spec, result);
    return this.#renderChart(spec, result);
  }

  #renderConfigError(error: DashboardConfigError): TemplateResult {
    return html`<article part="tile">
      <div part="config-error" role="alert">
        <p><strong>${this.#t('tile.configError')}</strong></p>
        <ul>
          ${error.issues.slice(0, 20).map((issue) => html`<li>${issue.path ? html`<code>${issue.path}</code>: ` : nothing}${issue.message}</li>`)}
        </ul>
      </div>
    </article>`;
  }

  #renderLoading(): TemplateResult {
    return html`<div class="state" part="loading" role="status" aria-live="polite">
      <div class="spinner" aria-hidden="true"></div>
      <span>${this.#t('tile.loading')}</span>
    </div>`;
  }

  #renderError(text: string): TemplateResult {
    return html`<div class="state" part="error" role="alert">
      <span>${this.#t('tile.error', { message: text })}</span>
      <button type="button" class="retry" @click=${this.#retry}>${this.#t('tile.retry')}</button>
    </div>`;
  }

  /**
   * What the chart draws: the shown result, or, past a readable number of categories, the top ones
   * and Other. Asked of the engine (exact for every measure) when the tile has the dashboard's data
   * and the measure cannot be summed; folded here otherwise, and meanwhile.
   */
  #drawnResult(spec: ReportSpec, shown: ReportResult): { result: ReportResult; folded: boolean } {
    if (!needsFolding(shown, spec)) return { result: shown, folded: false };
    const source = this.shownResult;
    const additive = ['count', 'sum', 'min', 'max'].includes(spec.measure.op);
    const data = this.data;
    if (!additive && data && !this.result && source && needsCategoryFolding(shown, spec)) {
      const cached = this.#engineFolded;
      if (cached?.source === source && cached.spec === spec) {
        // The engine folded the categories exactly; too many series are still merged here.
        if (cached.result) return { result: foldForDrawing(localizeResult(cached.result, cached.folded, this.#locale), cached.folded, this.#t('value.other')), folded: true };
      } else {
        const folded = foldedSpec(spec);
        const entry: { source: ReportResult; spec: ReportSpec; folded: ReportSpec; result: ReportResult | null } = { source, spec, folded, result: null };
        this.#engineFolded = entry;
        data.compute(folded).then(
          (result) => {
            if (this.#engineFolded !== entry) return;
            entry.result = result;
            this.requestUpdate();
          },
          () => {},
        );
      }
    }
    return { result: foldForDrawing(shown, spec, this.#t('value.other')), folded: true };
  }

  #engineFolded: { source: ReportResult; spec: ReportSpec; folded: ReportSpec; result: ReportResult | null } | null = null;

  #renderChart(spec: ReportSpec, shown: ReportResult): TemplateResult {
    const { result, folded } = this.#drawnResult(spec, shown);
    // Other of a fold made for drawing is no group of the report: its rows are in the table view.
    const onPoint = (event: ChartPointClickEvent) => {
      const { key, series } = event.detail;
      if (folded && (series === OTHER_KEY || (key === OTHER_KEY && (spec.limit === undefined || spec.limit >= foldedSpec(spec).limit!)))) this.view = 'table';
      else this.#drill(event.detail.key, event.detail.series);
    };
    const theme = readChartTheme(this);
    const reducedMotion = this.noAnimation || (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches);
    // The option names the chart and its series after the title the tile shows (localized for a template).
    const option = buildChartOption(result, { ...spec, title: this.#title(spec) }, {
      ...this.#formatSettings(spec),
      palette: theme.palette,
      textColor: theme.textColor,
      axisColor: theme.axisColor,
      gridColor: theme.gridColor,
      fontFamily: theme.fontFamily,
      background: theme.background,
      scale: theme.scale,
      reducedMotion,
      previousLabel: this.#t('tile.column.previous'),
      ...(this.chartWidth ? { width: this.chartWidth } : {}),
    });
    return html`<cr-chart-view
      .option=${option}
      .renderer=${this.renderer}
      label=${this.#title(spec)}
      @chart-point-click=${onPoint}
    ></cr-chart-view>`;
  }

  #renderTable(spec: ReportSpec, result: ReportResult): TemplateResult {
    const model = buildTableModel(result, spec, {
      ...this.#formatSettings(spec),
      labels: {
        label: spec.dimension ? this.#dimensionHeading(spec) : '',
        series: this.#t('tile.column.series'),
        value: this.#measureHeading(spec),
        count: this.#t('tile.column.count'),
        previous: this.#t('tile.column.previous'),
        change: this.#t('tile.column.change'),
      },
    });
    // The column's id as a class: a narrow tile leaves out the secondary columns (see report-tile.styles.ts).
    const cellClass = (column: TableColumn | undefined) => (column ? `col-${column.id}${column.numeric ? ' numeric' : ''}` : '');
    const onKey = (event: KeyboardEvent, key: GroupKey, series: GroupKey | undefined) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.#drill(key, series);
      }
    };
    // A page of rows at a time: 20 000 assignees must not put 20 000 rows in the DOM.
    const total = model.rows.length;
    const offset = Math.min(this.tableOffset, Math.max(0, Math.floor((total - 1) / TABLE_PAGE) * TABLE_PAGE));
    const pageRows = total > TABLE_PAGE ? model.rows.slice(offset, offset + TABLE_PAGE) : model.rows;
    // Page URLs lose the site they share, and a cut one keeps its last segment (the part that tells rows apart).
    const urlCell = spec.dimension === 'pageUrl' ? urlCellRenderer(model.rows.map((row) => row.cells[0] ?? '')) : null;
    return html`<div class="table-wrap">
      <table part="table">
        <caption>
          ${this.#t('tile.tableCaption', { title: this.#title(spec) })}
          <span class="visually-hidden">${this.#t('tile.rowHint')}</span>
        </caption>
        <thead>
          <tr>
            ${model.columns.map((column) => html`<th scope="col" class=${cellClass(column)}>${column.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${pageRows.map(
            (row) => html`<tr
              tabindex="0"
              @click=${() => this.#drill(row.key, row.series)}
              @keydown=${(event: KeyboardEvent) => onKey(event, row.key, row.series)}
            >
              ${row.cells.map((cell, index) => {
                const column = model.columns[index];
                if (index === 0 && urlCell) return html`<td class=${cellClass(column)} title=${cell}>${urlCell(cell)}</td>`;
                if (column && !column.numeric) return html`<td class=${cellClass(column)} title=${cell}><span class="wrap">${cell}</span></td>`;
                return html`<td class=${cellClass(column)} title=${cell}>${cell}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      ${total > TABLE_PAGE ? this.#renderTablePager(offset, total) : nothing}
    </div>`;
  }

  #renderTablePager(offset: number, total: number): TemplateResult {
    const number = (value: number) => formatNumber(value, this.#locale);
    const go = (to: number) => {
      this.tableOffset = to;
    };
    return html`<nav part="table-pager" aria-label=${this.#t('tile.tablePages')}>
      <button type="button" class="previous-rows" ?disabled=${offset === 0} @click=${() => go(Math.max(0, offset - TABLE_PAGE))}>
        ${this.#t('tile.previousRows')}
      </button>
      <span role="status">${this.#t('tile.rowsShown', { from: number(offset + 1), to: number(Math.min(total, offset + TABLE_PAGE)), total: number(total) })}</span>
      <button type="button" class="next-rows" ?disabled=${offset + TABLE_PAGE >= total} @click=${() => go(offset + TABLE_PAGE)}>
        ${this.#t('tile.nextRows')}
      </button>
    </nav>`;
  }

  /** A heatmap's table: the same grid, weekdays down and hours across (see heatmap-table.ts). */
  #renderHeatmapTable(spec: ReportSpec, result: ReportResult): TemplateResult {
    return renderHeatmapTable({
      model: buildHeatmapModel(result, spec, this.#formatSettings(spec)),
      caption: this.#t('tile.tableCaption', { title: this.#title(spec) }),
      hint: this.#t('tile.gridHint'),
      corner: spec.breakdown ? this.#propertyLabel(spec.breakdown) : '',
      breakdown: spec.breakdown !== undefined,
      drill: (key, series) => this.#drill(key, series),
    });
  }

  #dimensionHeading(spec: ReportSpec): string {
    return this.#propertyLabel(spec.dimension ?? '');
  }

  #propertyLabel(property: string): string {
    const key = `property.${property}`;
    const label = this.#t(key);
    return label === key ? property.replace(/^properties\./, '') : label;
  }

  /**
   * The value column's heading: the measure in a few words ("Conversations", "Median response
   * time"), not the report title, so that a narrow table keeps room for the numbers.
   */
  #measureHeading(spec: ReportSpec): string {
    const measure = spec.measure;
    if (measure.op === 'count') return this.#t('tile.column.value.count');
    const property = this.#propertyLabel(measure.property);
    // Mid-phrase: "Response time" reads "median response time"; an acronym ("URL", "CSAT") keeps its capitals.
    const lower = /^\p{Lu}\p{Ll}/u.test(property) ? property.charAt(0).toLocaleLowerCase(this.#locale) + property.slice(1) : property;
    return this.#t(`tile.column.value.${measure.op}`, { property: lower });
  }

  #renderKpi(spec: ReportSpec, result: ReportResult): TemplateResult {
    const model = buildKpiModel(result, { locale: this.#locale, valueKind: valueKindOf(spec) });
    const arrow = model.direction === 'up' ? '▲' : model.direction === 'down' ? '▼' : model.direction === 'flat' ? '■' : '';
    return html`<div part="kpi">
      <span class="kpi-value">${model.value}</span>
      ${model.delta
        ? html`<span part="delta"><span aria-hidden="true">${arrow}</span> ${this.#t('tile.delta', { delta: model.delta })}</span>`
        : nothing}
      ${model.previous !== null ? html`<span class="muted">${this.#t('tile.previous', { value: model.previous })}</span>` : nothing}
    </div>`;
  }
}

if (!customElements.get('report-tile')) customElements.define('report-tile', ReportTile);

declare global {
  interface HTMLElementTagNameMap {
    'report-tile': ReportTile;
  }
}

/**
 * A table cell for a page URL: without the origin all rows share, in two parts so that CSS cuts the
 * middle ("/support/knowl…/getting-started") rather than the end that tells rows apart.
 */
function urlCellRenderer(labels: readonly string[]): (label: string) => TemplateResult {
  const shorten = pageUrlShortener(labels, (text) => text);
  return (label) => {
    const text = shorten(label, Infinity);
    const cut = text.replace(/\/+$/, '').lastIndexOf('/');
    const head = cut > 0 ? text.slice(0, cut + 1) : '';
    const tail = cut > 0 ? text.slice(cut + 1) : text;
    return html`<span class="url"><span class="url-head">${head}</span><span class="url-tail">${tail}</span></span>`;
  };
}
