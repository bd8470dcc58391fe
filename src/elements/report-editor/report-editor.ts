import { ContextProvider, consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ReportTile } from '../report-tile/report-tile.ts';
import { dashboardDataContext, type DashboardData } from '../../controllers/dashboard-data.ts';
import { LocaleController } from '../../controllers/locale-controller.ts';
import { propertyCatalog, type PropertyInfo } from '../../core/table/properties.ts';
import { resolveRangePreset } from '../../core/time/range-presets.ts';
import type { Lookups } from '../../core/schema/conversation.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ConversationTable } from '../../core/table/table.ts';
import type { TableCatalog } from '../../core/table/table-catalog.ts';
import type { ReportContext, ReportResult } from '../../core/types.ts';
import { ReportCancelEvent } from '../../events/report-cancel-event.ts';
import { ReportSaveEvent } from '../../events/report-save-event.ts';
import { reportTitle } from '../../i18n/report-titles.ts';
import { browserTimeZone } from '../../i18n/browser-time-zone.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { ChartPane } from './chart-pane.ts';
import { DataPane } from './data-pane.ts';
import { EditorDraftController } from './editor-draft-controller.ts';
import { draftFromSpec, type ControlId } from './editor-draft.ts';
import type { EditorParts } from './editor-parts.ts';
import { EditorPreview } from './editor-preview.ts';
import type { EditorIssue, Tab, Translate } from './editor-types.ts';
import { EditorVocabulary } from './editor-vocabulary.ts';
import { FilterArea } from './filter-area.ts';
import type { FilterPanel } from './filter-panel.ts';
import { NameField } from './name-field.ts';
import { renderTabs } from './editor-tabs.ts';
import { reportEditorStyles } from './report-editor.styles.ts';
import { chartPaneStyles } from './chart-pane.styles.ts';
import { dataPaneStyles } from './data-pane.styles.ts';
import { filterPanelStyles } from './filter-panel.styles.ts';
import { propertySearchStyles } from './property-search.styles.ts';
import { reportEditor } from '../../i18n/en/report-editor.ts';
import { addCatalogPart } from '../../i18n/translate.ts';

export const REPORT_EDITOR_TAG = 'report-editor';
export type { EditorIssue } from './editor-types.ts';

/** Where a problem is shown: the tab (if any) that holds its control. */
function tabOf(control: ControlId): Tab | null {
  if (control === 'dateProperty') return 'data';
  if (['chartType', 'dimension', 'breakdown', 'timeBucket', 'measure'].includes(control)) return 'chart';
  return null;
}

/**
 * @summary Edits one report the way the source article describes: rename it in place, pick a chart
 * type, drag properties into the Display slots (dimension, breakdown, measure, time bucket), add
 * properties from the catalog, filter with criteria joined by AND, and watch a live preview; Save
 * checks the report with `reportSpecSchema` before handing it over.
 *
 * Works on a copy of `spec`: nothing the host holds changes until it handles `report-save`.
 * Every drag has a keyboard way: pick a chip then a slot, or use the chip's menu.
 *
 * @property {PropertyInfo[] | undefined} properties - The property catalog offered in the Data tab and the filters (default: `propertyCatalog(table)`).
 *
 * @fires report-save - {ReportSaveEvent} Save was pressed and the report is valid: `{ spec }` (cancelable).
 * @fires report-cancel - {ReportCancelEvent} Cancel was pressed; the draft is dropped: `{ reportId }`.
 *
 * @csspart base - The editor's frame.
 * @csspart header - The bar with the report's name, Cancel and Save.
 * @csspart name - The report's name (a button that turns into a text field).
 * @csspart actions - Cancel and Save.
 * @csspart save - The Save button.
 * @csspart cancel - The Cancel button.
 * @csspart panel - The left panel with the Chart and Data tabs.
 * @csspart tabs - The tab list.
 * @csspart chart-types - The chart type picker.
 * @csspart chips - The chosen properties, as draggable chips.
 * @csspart chip - One property chip.
 * @csspart slots - The Display slots.
 * @csspart slot - One Display slot.
 * @csspart filters-button - The Filters button.
 * @csspart filter-panel - The filter criteria panel.
 * @csspart filter-summary - The applied criteria in words, under the Filters button.
 * @csspart criterion - One filter criterion.
 * @csspart preview - The live preview (a `<report-tile>`).
 * @csspart error - The summary of problems next to Save.
 *
 * @cssproperty --cr-editor-bg - Editor background (default `--cr-color-background`, else transparent).
 * @cssproperty --cr-editor-panel-width - Width of the left panel (default 22rem).
 * @cssproperty --cr-color-background - Page background.
 * @cssproperty --cr-color-surface - Panels, inputs, chips.
 * @cssproperty --cr-color-text - Text.
 * @cssproperty --cr-color-muted - Secondary text, hints.
 * @cssproperty --cr-color-border - Borders.
 * @cssproperty --cr-color-accent - Save, the picked chip, drop targets.
 * @cssproperty --cr-color-on-accent - Text on the accent colour.
 * @cssproperty --cr-color-danger - Problems.
 * @cssproperty --cr-color-focus - Focus rings.
 * @cssproperty --cr-color-hover - Hovered options.
 * @cssproperty --cr-font-family - Font.
 * @cssproperty --cr-radius - Corner radius.
 * @cssproperty --cr-space - Base spacing.
 */
export class ReportEditor extends LitElement {
  // In rule order: the panes and the light-DOM sub-elements all render into this shadow root.
  static override styles = [themeStyles, reportEditorStyles, chartPaneStyles, dataPaneStyles, propertySearchStyles, filterPanelStyles];

  /** The report to edit; the editor works on a copy and starts over when a new one is set. */
  @property({ attribute: false }) spec: ReportSpec | null = null;
  /** The property catalog (default: `propertyCatalog(table)`). */
  @property({ attribute: false }) properties: PropertyInfo[] | undefined;
  /** The data behind the live preview and the value lists of category filters. */
  @property({ attribute: false }) table: ConversationTable | null = null;
  /** Date range and zone of the preview (default: the last 30 days in the browser's zone). */
  @property({ attribute: false }) context: ReportContext | undefined;
  /** BCP 47 locale (default: the browser's). */
  @property() locale: string | undefined;
  /** Names of assignees, inboxes and chatflows in value lists (default: the table's). */
  @property({ attribute: false }) lookups: Partial<Lookups> | null = null;
  /** `light` (default), `dark` or `auto` (follows the reader's colour scheme). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  @state() private tab: Tab = 'chart';
  /** What the live region says. */
  @state() private status = '';

  @query('report-tile') private tile!: ReportTile | null;
  @query('cr-filter-panel') private filterPanel!: FilterPanel | null;

  /** Inside a `<conversation-dashboard>`: its data, locale and context stand in for unset properties. */
  @consume({ context: dashboardDataContext, subscribe: true })
  @state()
  private data: DashboardData | undefined;

  readonly #i18n = new LocaleController(this, { locale: () => this.locale ?? this.data?.locale });
  #catalog: PropertyInfo[] = propertyCatalog();
  /** What the catalog was made from: the table here, or the catalog of one in the engine Worker. */
  #catalogSource: ConversationTable | TableCatalog | null = null;
  #defaultContext: ReportContext | undefined;
  /** The title the draft started with (a template's, in the reader's language). */
  #givenTitle = '';

  readonly #words = new EditorVocabulary(() => ({
    t: this.#t,
    locale: this.#locale,
    catalog: this.#catalog,
    table: this.#table,
    remoteCatalog: this.#remoteCatalog,
    lookups: this.lookups ?? this.data?.lookups ?? undefined,
  }));
  readonly #draft = new EditorDraftController(this, {
    catalog: () => this.#catalog,
    timeZone: () => this.#timeZone,
    hasList: (name) => this.#words.hasList(name),
  });
  readonly #parts: EditorParts = {
    host: this,
    draft: this.#draft,
    words: this.#words,
    catalog: () => this.#catalog,
    t: (key, params) => this.#t(key, params),
    announce: (text) => this.#announce(text),
    focusLater: (selector) => this.#focusLater(selector),
    error: (control) => this.#error(control),
    selectTab: (tab, focus) => this.#selectTab(tab, focus),
  };
  readonly #nameField = new NameField(this.#parts);
  readonly #chartPane = new ChartPane(this.#parts);
  readonly #dataPane = new DataPane(this.#parts, (name) => this.#chartPane.forget(name));
  readonly #filterArea = new FilterArea(this.#parts, () => this.#focusFirstProblem());
  readonly #preview = new EditorPreview(this, () => ({
    draft: this.#draft.draft,
    table: this.#table,
    data: this.data,
    context: this.previewContext,
    explicitContext: this.context,
    catalog: this.#catalog,
    locale: this.#locale,
    build: () => this.#draft.build(this.#draft.draft?.criteria ?? []).spec,
    untitled: this.#t('editor.untitled'),
  }));

  constructor() {
    super();
    // The preview tile shows what this editor computed and nothing else: it gets no dashboard data
    // of its own, so it never sends a request of its own next to the editor's.
    new ContextProvider(this, { context: dashboardDataContext, initialValue: undefined });
  }

  /** The report as edited so far (may not pass validation yet). */
  get draftSpec(): ReportSpec | null {
    return this.#draft.draft ? this.#draft.build().spec : null;
  }

  /**
   * What the preview shows: `computeReport(table, draft, context)`, computed here when the table is
   * in this page, else by the surrounding dashboard's engine (its Worker from 50 000 conversations,
   * or a push-down source); null before the first result and on error.
   */
  get previewResult(): ReportResult | null {
    return this.#preview.preview?.result ?? null;
  }

  /** True while a preview newer than the one shown is being computed off the main thread. */
  get previewUpdating(): boolean {
    return this.#preview.busy;
  }

  /** The context the preview is computed in. */
  get previewContext(): ReportContext {
    if (this.context) return this.context;
    if (this.data?.context) return this.data.context;
    if (!this.#defaultContext) {
      const timeZone = browserTimeZone();
      this.#defaultContext = { range: resolveRangePreset('last-30-days', Date.now(), timeZone), timeZone };
    }
    return this.#defaultContext;
  }

  /**
   * Checks the report as edited (the open filter panel's criteria included), shows every problem next
   * to its control (opening the filter panel or the name field where they are) and returns them.
   */
  validate(): EditorIssue[] {
    return this.#draft.validate().map((p) => ({ control: p.control, path: p.path, message: this.#words.problemMessage(p) }));
  }

  get #locale(): string {
    return this.#i18n.locale;
  }

  get #timeZone(): string {
    return this.previewContext.timeZone;
  }

  #t: Translate = (key, params) => this.#i18n.t(key, params);

  /** The table given, else the one of the dashboard around. */
  get #table(): ConversationTable | null {
    return this.table ?? this.data?.table ?? null;
  }

  /** The catalog of the dashboard's table when that table is in the engine Worker, not here. */
  get #remoteCatalog(): TableCatalog | null {
    return this.#table ? null : (this.data?.catalog ?? null);
  }

  /** The message to show next to a control, if its problem has been revealed. */
  #error(control: ControlId): string | undefined {
    const problem = this.#draft.visibleProblem(control);
    return problem ? this.#words.problemMessage(problem) : undefined;
  }

  // ——— Lifecycle ———

  protected override willUpdate(changed: PropertyValues<this>): void {
    const table = this.#table;
    const remote = this.#remoteCatalog;
    if (changed.has('properties') || (table ?? remote) !== this.#catalogSource) {
      this.#catalogSource = table ?? remote;
      this.#catalog = this.properties ?? (table ? propertyCatalog(table) : (remote?.properties ?? propertyCatalog()));
    }
    if (changed.has('spec')) this.#reset();
    else if (this.#i18n.textsChanged) this.#retitle();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('theme') && changed.get('theme') !== undefined) this.tile?.refreshTheme();
  }

  /** Also waits for a catalog still loading, and for the filter panel, which renders into this shadow root. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await this.#i18n.updateComplete(super.getUpdateComplete());
    await this.filterPanel?.updateComplete;
    return result;
  }

  #reset(): void {
    // A template report shows its title in the reader's language, as the tile does (see #save).
    this.#givenTitle = this.spec ? reportTitle(this.spec, this.#locale) : '';
    this.#draft.reset(this.spec ? { ...draftFromSpec(this.spec, this.#catalog, this.#timeZone), title: this.#givenTitle } : null);
    this.tab = 'chart';
    this.#chartPane.reset();
    this.#dataPane.reset();
    this.status = '';
  }

  /** New texts (another locale, a catalog that arrived after the first render): an untouched template title follows them. */
  #retitle(): void {
    const draft = this.#draft.draft;
    if (!draft || !this.spec || draft.title !== this.#givenTitle) return;
    this.#givenTitle = reportTitle(this.spec, this.#locale);
    this.#draft.edit({ title: this.#givenTitle });
  }

  #announce(text: string): void {
    // The same text twice in a row would not be announced again.
    this.status = this.status === text ? `${text}\u00a0` : text;
  }

  async #focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ——— Tabs ———

  #selectTab(tab: Tab, focus = false): void {
    this.tab = tab;
    this.#chartPane.closeMenu(false);
    if (focus) void this.#focusLater(`#tab-${tab}`);
  }

  // ——— Save / cancel ———

  async #focusFirstProblem(): Promise<void> {
    await this.updateComplete;
    const first = this.#draft.problems.find((p) => this.#error(p.control));
    if (!first) return;
    const tab = tabOf(first.control);
    if (tab && tab !== this.tab) {
      this.tab = tab;
      await this.updateComplete;
    }
    const target =
      first.control === 'title'
        ? this.renderRoot.querySelector<HTMLElement>('#name-input')
        : this.renderRoot.querySelector<HTMLElement>(`[data-problem="${first.control}"]`);
    (target ?? this.renderRoot.querySelector<HTMLElement>('.save'))?.focus();
  }

  #save = (): void => {
    if (!this.#draft.draft) return;
    const issues = this.validate();
    if (issues.length > 0) {
      this.#announce(this.#t('editor.status.invalid', { count: issues.length }));
      void this.#focusFirstProblem();
      return;
    }
    const built = this.#draft.takeForSave();
    // An untouched template title is saved as the template's key, so it keeps following the language.
    const original = this.spec;
    const spec = original && built.title === reportTitle(original, this.#locale) ? { ...built, title: original.title } : built;
    this.dispatchEvent(new ReportSaveEvent({ spec }));
  };

  #cancel = (): void => {
    const reportId = this.spec?.id ?? '';
    this.#reset();
    this.dispatchEvent(new ReportCancelEvent(reportId));
  };

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const draft = this.#draft.draft;
    if (!draft) return html`<div part="base" class="editor empty"></div>`;
    const t = this.#t;
    const formError = this.#error('form');
    return html`<section part="base" class="editor" aria-label=${t('editor.label', { title: draft.title || t('editor.untitled') })} @keydown=${this.#chartPane.handleKeydown}>
      <header part="header" class="header">
        ${this.#nameField.render(draft)}
        <div part="actions" class="actions">
          ${formError ? html`<p part="error" class="error" id="form-error">${formError}</p>` : nothing}
          <button type="button" part="cancel" class="cancel" @click=${this.#cancel}>${t('editor.cancel')}</button>
          <button
            type="button"
            part="save"
            class="save primary"
            aria-describedby=${formError ? 'form-error' : nothing}
            data-problem=${formError ? 'form' : nothing}
            @click=${this.#save}
          >
            ${t('editor.save')}
          </button>
        </div>
      </header>
      <div class="body">
        ${renderTabs({
          tab: this.tab,
          t,
          panel: (tab) => (tab === 'chart' ? this.#chartPane.render(draft) : this.#dataPane.render(draft)),
          onSelect: (tab, focus) => this.#selectTab(tab, focus),
        })}
        <div class="main">
          ${this.#filterArea.render(draft)}
          ${this.#preview.render(this.#t, this.#locale, this.#timeZone)}
        </div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
    </section>`;
  }
}

// Its texts come with it: the English section is in this chunk, the others load for the languages in use.
addCatalogPart('report-editor', reportEditor);
if (!customElements.get('report-editor')) customElements.define('report-editor', ReportEditor);

declare global {
  interface HTMLElementTagNameMap {
    'report-editor': ReportEditor;
  }
}
