import { ContextProvider, consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import '../report-tile/report-tile.ts';
import type { ReportTile } from '../report-tile/report-tile.ts';
import { dashboardDataContext, type DashboardData } from '../../controllers/dashboard-data.ts';
import { chartTypeAvailability } from '../../core/dashboard/chart-type-availability.ts';
import { computeReport } from '../../core/engine/compute-report.ts';
import { findProperty, propertyCatalog, type PropertyInfo } from '../../core/table/properties.ts';
import { resolveRangePreset } from '../../core/time/range-presets.ts';
import type { Lookups, PropertyValue } from '../../core/schema/conversation.ts';
import { dateProperties, type ChartType, type DateProperty, type FilterOperator, type ReportSpec, type TimeBucket } from '../../core/schema/report-spec.ts';
import type { ConversationTable } from '../../core/table/table.ts';
import { valuesInData, type TableCatalog } from '../../core/table/table-catalog.ts';
import type { ReportContext, ReportResult } from '../../core/types.ts';
import { ReportCancelEvent } from '../../events/report-cancel-event.ts';
import { ReportSaveEvent } from '../../events/report-save-event.ts';
import { reportTitle } from '../../i18n/report-titles.ts';
import { propertyValueLabel } from '../../i18n/property-value-label.ts';
import { resolveLocale, translate } from '../../i18n/translate.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { renderChartTypePicker } from './chart-type-picker.ts';
import { renderChips, renderSlots, type ChipView } from './display-slots.ts';
import {
  buildSpec,
  draftFromSpec,
  isBlank,
  measureOf,
  newCriterion,
  usesTimeBucket,
  withBucket,
  type ControlId,
  type Criterion,
  type Draft,
  type DraftProblem,
  type MeasureOp,
} from './editor-draft.ts';
import { CHIP_MIME, type EditorIssue, type Slot, type Translate } from './editor-types.ts';
import { renderFilterPanel } from './filter-panel.ts';
import { decodeValue, emptyInput, encodeValue, isMultiple } from './filter-values.ts';
import { hourSpan, weekdayName } from '../../i18n/week.ts';
import './property-search.ts';
import type { PropertyPickEvent, PropertySearch, SearchOption } from './property-search.ts';
import { reportEditorStyles } from './report-editor.styles.ts';
import type { InputPatch, ValueOption } from './value-editors.ts';

export const REPORT_EDITOR_TAG = 'report-editor';
export type { EditorIssue } from './editor-types.ts';

type Tab = 'chart' | 'data';

interface Preview {
  spec: ReportSpec;
  result: ReportResult | null;
  error: string | null;
}

/** Two contexts are the same when they ask the same question (the dashboard hands out a new object each time). */
function contextKey(context: ReportContext): string {
  return JSON.stringify([context.range.from, context.range.to, context.timeZone, context.compare ?? null]);
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

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
  static override styles = [themeStyles, reportEditorStyles];

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

  @state() private draft: Draft | null = null;
  @state() private tab: Tab = 'chart';
  @state() private editingName = false;
  @state() private filtersOpen = false;
  /** The criteria being edited in the open filter panel. */
  @state() private pending: Criterion[] = [];
  @state() private picked: string | null = null;
  @state() private menuFor: string | null = null;
  @state() private adding = false;
  @state() private showProblems = false;
  @state() private showFilterProblems = false;
  @state() private status = '';
  @state() private preview: Preview | null = null;
  /** A newer preview than the one shown is being computed (engine Worker or push-down source). */
  @state() private previewBusy = false;
  @state() private dragging: string | null = null;
  @state() private dropTarget: Slot | null = null;

  @query('report-tile') private tile!: ReportTile | null;

  /** Inside a `<conversation-dashboard>`: its data, locale and context stand in for unset properties. */
  @consume({ context: dashboardDataContext, subscribe: true })
  @state()
  private data: DashboardData | undefined;

  #problems: DraftProblem[] = [];
  #catalog: PropertyInfo[] = propertyCatalog();
  /** What the catalog was made from: the table here, or the catalog of one in the engine Worker. */
  #catalogSource: ConversationTable | TableCatalog | null = null;
  /** What the last preview was scheduled for; a new dashboard data object with the same table and context needs none. */
  #previewInputs: unknown[] = [];
  #defaultContext: ReportContext | undefined;
  #previewToken = 0;
  /** Bumped for every preview asked for: a result for an older one is dropped, never shown. */
  #previewSerial = 0;
  /** The one preview request out to the dashboard's engine; later edits wait for it, then the latest goes. */
  #previewRequest: AbortController | null = null;
  #nameBefore = '';

  constructor() {
    super();
    // The preview tile shows what this editor computed and nothing else: it gets no dashboard data
    // of its own, so it never sends a request of its own next to the editor's.
    new ContextProvider(this, { context: dashboardDataContext, initialValue: undefined });
  }

  /** The report as edited so far (may not pass validation yet). */
  get draftSpec(): ReportSpec | null {
    return this.draft ? this.#build(this.#criteria()).spec : null;
  }

  /**
   * What the preview shows: `computeReport(table, draft, context)`, computed here when the table is
   * in this page, else by the surrounding dashboard's engine (its Worker from 50 000 conversations,
   * or a push-down source); null before the first result and on error.
   */
  get previewResult(): ReportResult | null {
    return this.preview?.result ?? null;
  }

  /** True while a preview newer than the one shown is being computed off the main thread. */
  get previewUpdating(): boolean {
    return this.previewBusy;
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
    if (!this.draft) return [];
    this.showProblems = true;
    this.#problems = this.#build(this.#criteria()).problems;
    if (!this.filtersOpen && this.#problems.some((p) => p.control.startsWith('criterion-'))) {
      this.pending = structuredClone(this.draft.criteria);
      this.filtersOpen = true;
    }
    if (this.#problems.some((p) => p.control === 'title') && !this.editingName) {
      this.#nameBefore = this.draft.title;
      this.editingName = true;
    }
    return this.#problems.map((p) => ({ control: p.control, path: p.path, message: this.#message(p) }));
  }

  get #locale(): string {
    return resolveLocale(this.locale ?? this.data?.locale);
  }

  get #timeZone(): string {
    return this.previewContext.timeZone;
  }

  #t: Translate = (key, params) => translate(this.#locale, key, params);

  #criteria(): readonly Criterion[] {
    return this.filtersOpen ? this.pending : (this.draft?.criteria ?? []);
  }

  #build(criteria: readonly Criterion[]) {
    return buildSpec(this.draft!, criteria, this.#catalog, { timeZone: this.#timeZone, hasList: this.#hasList });
  }

  /** The table given, else the one of the dashboard around. */
  get #table(): ConversationTable | null {
    return this.table ?? this.data?.table ?? null;
  }

  /** The catalog of the dashboard's table when that table is in the engine Worker, not here. */
  get #remoteCatalog(): TableCatalog | null {
    return this.#table ? null : (this.data?.catalog ?? null);
  }

  /** The values a property takes in the data, for lists to pick from. */
  #valuesOf(name: string): PropertyValue[] {
    // (v2) A team is derived from the assignee, so the data holds no list of it: the lookups' teams are the list.
    if (name === 'teamId') {
      const teams = (this.lookups ?? this.data?.lookups ?? this.#table?.lookups)?.teams ?? [];
      if (teams.length > 0) return teams.map((team) => team.id);
    }
    const table = this.#table;
    return table ? valuesInData(table, name) : (this.#remoteCatalog?.values.get(name) ?? []);
  }

  #hasList = (name: string): boolean => this.#valuesOf(name).length > 0;

  /** What a share of `name` may count: the states of an SLA, the days and hours, yes/no, else the values in the data. */
  #shareValues(name: string): (string | number | boolean)[] {
    if (name === 'firstResponseSla' || name === 'closeSla') return ['met', 'breached', 'pending'];
    if (name === 'createdWeekday') return [1, 2, 3, 4, 5, 6, 7];
    if (name === 'createdHour') return Array.from({ length: 24 }, (_, hour) => hour);
    if (name === 'teamId') {
      const teams = (this.lookups ?? this.data?.lookups ?? this.#table?.lookups)?.teams ?? [];
      if (teams.length > 0) return teams.map((team) => team.id);
    }
    const info = findProperty(this.#catalog, name);
    if (info?.type === 'boolean') return [true, false];
    return this.#valuesOf(name).filter((value): value is string | number | boolean => value !== null);
  }

  #label = (name: string): string => {
    const key = `property.${name}`;
    const text = this.#t(key);
    if (text !== key) return text;
    return findProperty(this.#catalog, name)?.label ?? name.replace(/^properties\./, '');
  };

  #message(problem: DraftProblem): string {
    if (problem.code === 'chartType')
      return this.#t('editor.error.chartType', { reasons: (problem.reasons ?? []).map((r) => this.#t(`editor.reason.${r}`)).join(' ') });
    if (problem.code === 'schema') return this.#t('editor.error.schema', { message: problem.message ?? '' });
    return this.#t(`editor.error.${problem.code}`);
  }

  /** The message to show next to a control, if its problem has been revealed. */
  #error = (control: ControlId): string | undefined => {
    const criterion = control.startsWith('criterion-');
    if (!this.showProblems && !(criterion && this.showFilterProblems)) return undefined;
    const problem = this.#problems.find((p) => p.control === control);
    return problem ? this.#message(problem) : undefined;
  };

  // ——— Lifecycle ———

  override connectedCallback(): void {
    super.connectedCallback();
    // A preview dropped while detached (see below) is computed again on return.
    if (this.draft) this.#schedulePreview();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#previewToken++;
    this.#previewSerial++;
    this.#previewRequest?.abort();
    this.#previewRequest = null;
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const table = this.#table;
    const remote = this.#remoteCatalog;
    if (changed.has('properties') || (table ?? remote) !== this.#catalogSource) {
      this.#catalogSource = table ?? remote;
      this.#catalog = this.properties ?? (table ? propertyCatalog(table) : (remote?.properties ?? propertyCatalog()));
    }
    if (changed.has('spec')) this.#reset();
    if (this.draft) this.#problems = this.#build(this.#criteria()).problems;
  }

  protected override updated(changed: PropertyValues): void {
    const table = this.#table;
    // Without a table here, the dashboard's data changes state (loading → ready) and version, not table.
    const remote = table ? null : this.data;
    const inputs = [this.draft, table, contextKey(this.previewContext), this.#catalog, this.#locale, remote?.state, remote?.version, remote?.error];
    if (inputs.some((input, i) => input !== this.#previewInputs[i])) {
      this.#previewInputs = inputs;
      this.#schedulePreview(!table);
    }
    if (changed.has('theme') && changed.get('theme') !== undefined) this.tile?.refreshTheme();
  }

  #reset(): void {
    // A template report shows its title in the reader's language, as the tile does (see #save).
    this.draft = this.spec ? { ...draftFromSpec(this.spec, this.#catalog, this.#timeZone), title: reportTitle(this.spec, this.#locale) } : null;
    this.tab = 'chart';
    this.editingName = false;
    this.filtersOpen = false;
    this.pending = [];
    this.picked = null;
    this.#closeMenu(false);
    this.adding = false;
    this.showProblems = false;
    this.showFilterProblems = false;
    this.dragging = null;
    this.dropTarget = null;
    this.status = '';
  }

  /**
   * On the main thread, at most one computation per frame however fast the edits come (a hidden tab
   * gets no frames, so a timer stands in for them there). Off the main thread the request goes at
   * once: it costs this thread nothing, and waiting for a frame would only add one to the latency.
   */
  #schedulePreview(offMainThread = false): void {
    const token = ++this.#previewToken;
    let done = false;
    const run = () => {
      if (done || token !== this.#previewToken) return;
      done = true;
      this.#computePreview();
    };
    if (offMainThread) {
      queueMicrotask(run);
      return;
    }
    requestAnimationFrame(run);
    setTimeout(run, 100);
  }

  #computePreview(): void {
    const serial = ++this.#previewSerial;
    const draft = this.draft;
    if (!draft) {
      this.preview = null;
      this.previewBusy = false;
      return;
    }
    const built = this.#build(draft.criteria).spec;
    const spec = built.title ? built : { ...built, title: this.#t('editor.untitled') };
    const table = this.#table;
    if (table) {
      this.previewBusy = false;
      try {
        this.preview = { spec, result: computeReport(table, built, this.previewContext), error: null };
      } catch (error) {
        this.preview = { spec, result: null, error: message(error) };
      }
      return;
    }
    const data = this.data;
    // The dashboard computes in its own context; a different one given here it cannot honour.
    if (!data || data.state === 'idle' || (this.context && contextKey(this.context) !== contextKey(data.context))) {
      this.previewBusy = false;
      this.preview = { spec, result: null, error: null };
      return;
    }
    if (data.state === 'error') {
      this.previewBusy = false;
      this.preview = { spec, result: null, error: this.#t('dashboard.loadError', { message: data.error ?? '' }) };
      return;
    }
    this.previewBusy = true;
    // Until the first result the tile shows that it is loading; later the last result stays in sight.
    if (!this.preview) this.preview = { spec, result: null, error: null };
    // Still loading: the preview follows once the data is ready (a new data object re-schedules it).
    if (data.state === 'loading') return;
    // One request out at a time: edits made meanwhile wait, and only the latest of them is sent.
    if (this.#previewRequest) return;
    this.#requestPreview(data, built, spec, serial);
  }

  /** Asks the dashboard's engine (its Worker, or a push-down source) for the preview of `built`. */
  #requestPreview(data: DashboardData, built: ReportSpec, spec: ReportSpec, serial: number): void {
    const abort = new AbortController();
    this.#previewRequest = abort;
    const settle = (preview: Preview | null) => {
      if (this.#previewRequest !== abort) return;
      this.#previewRequest = null;
      if (serial === this.#previewSerial) {
        // Both in one update: the tile is drawn once.
        if (preview) this.preview = preview;
        this.previewBusy = false;
      }
      // Edited while this one was out: its answer is dropped and the draft as it is now goes next.
      else if (this.isConnected) this.#computePreview();
    };
    let compute: Promise<ReportResult>;
    try {
      compute = data.compute(built, abort.signal);
    } catch (error) {
      compute = Promise.reject(error);
    }
    compute.then(
      (result) => settle({ spec, result, error: null }),
      (error: unknown) => settle(abort.signal.aborted ? null : { spec, result: null, error: message(error) }),
    );
  }

  // ——— Draft edits ———

  #edit(patch: Partial<Draft>): void {
    if (!this.draft) return;
    this.draft = withBucket({ ...this.draft, ...patch }, this.#catalog);
  }

  #announce(text: string): void {
    // The same text twice in a row would not be announced again.
    this.status = this.status === text ? `${text}\u00a0` : text;
  }

  /** Why `name` cannot go into `slot`, or null. */
  #refusal = (name: string, slot: Slot): string | null => {
    const info = findProperty(this.#catalog, name);
    const property = this.#label(name);
    if (!info) return this.#t('editor.error.unknownProperty');
    if (slot === 'measure') return info.measures.length > 0 || info.shareable ? null : this.#t('editor.slot.notMeasurable', { property });
    if (!info.groupable) return this.#t('editor.slot.notGroupable', { property });
    if (slot === 'breakdown' && this.draft?.dimension === name) return this.#t('editor.slot.sameAsDimension', { property });
    return null;
  };

  #place = (name: string, slot: Slot): boolean => {
    const draft = this.draft;
    const info = findProperty(this.#catalog, name);
    if (!draft || !info) return false;
    const refusal = this.#refusal(name, slot);
    if (refusal) {
      this.#announce(refusal);
      return false;
    }
    const chips = draft.chips.includes(name) ? draft.chips : [...draft.chips, name];
    if (slot === 'measure') {
      // A category (an SLA state, a team) has nothing to average: it is measured as the share of one of its values.
      const op: MeasureOp =
        draft.measureOp !== 'count' && draft.measureOp !== 'share' && info.measures.includes(draft.measureOp)
          ? draft.measureOp
          : info.measures.includes('avg')
            ? 'avg'
            : (info.measures[0] ?? 'share');
      this.#edit({ chips, measureOp: op, measureProperty: name, ...(op === 'share' ? { shareValue: this.#shareValues(name)[0] } : {}) });
    } else if (slot === 'dimension') {
      this.#edit({ chips, dimension: name, breakdown: draft.breakdown === name ? undefined : draft.breakdown });
    } else {
      this.#edit({ chips, breakdown: name });
    }
    this.picked = null;
    this.#announce(this.#t('editor.status.placed', { property: this.#label(name), slot: this.#t(`editor.slotName.${slot}`) }));
    return true;
  };

  #clear = (slot: Slot): void => {
    if (slot === 'measure') this.#edit({ measureOp: 'count', measureProperty: undefined });
    else this.#edit({ [slot]: undefined });
    this.#announce(this.#t('editor.status.cleared', { slot: this.#t(`editor.slot.${slot}`) }));
    void this.#focusLater(`.slot[data-slot="${slot}"] :is(button, select)`);
  };

  async #focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ——— Name ———

  async #startRename(): Promise<void> {
    if (!this.draft) return;
    this.#nameBefore = this.draft.title;
    this.editingName = true;
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#name-input');
    input?.focus();
    input?.select();
  }

  #commitName(value: string, refocus: boolean): void {
    this.#edit({ title: value });
    this.editingName = false;
    if (refocus) void this.#focusLater('#name-input, .name-button');
  }

  #onNameKeydown = (event: KeyboardEvent): void => {
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#commitName(input.value, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.editingName = false;
      this.#edit({ title: this.#nameBefore });
      void this.#focusLater('#name-input, .name-button');
    }
  };

  #onNameBlur = (event: FocusEvent): void => {
    if (this.editingName) this.#commitName((event.target as HTMLInputElement).value, false);
  };

  // ——— Tabs ———

  #selectTab(tab: Tab, focus = false): void {
    this.tab = tab;
    this.#closeMenu(false);
    if (focus) void this.#focusLater(`#tab-${tab}`);
  }

  #onTabKeydown = (event: KeyboardEvent): void => {
    const order: Tab[] = ['chart', 'data'];
    const index = order.indexOf(this.tab);
    let next: Tab | undefined;
    if (event.key === 'ArrowRight') next = order[(index + 1) % order.length];
    else if (event.key === 'ArrowLeft') next = order[(index + order.length - 1) % order.length];
    else if (event.key === 'Home') next = order[0];
    else if (event.key === 'End') next = order[order.length - 1];
    if (!next) return;
    event.preventDefault();
    this.#selectTab(next, true);
  };

  // ——— Chips: pick, menu, drag ———

  #onPick = (name: string): void => {
    if (this.picked === name) {
      this.picked = null;
      this.#announce(this.#t('editor.status.unpicked'));
      return;
    }
    this.picked = name;
    this.#announce(this.#t('editor.status.picked', { property: this.#label(name) }));
  };

  #onToggleMenu = (name: string): void => {
    if (this.menuFor === name) {
      this.#closeMenu(true);
      return;
    }
    this.menuFor = name;
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    void this.#focusLater('[role="menu"] [role="menuitem"]');
  };

  #closeMenu(returnFocus: boolean): void {
    const name = this.menuFor;
    if (name === null) return;
    this.menuFor = null;
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    if (returnFocus) void this.#focusLater(`.chip[data-name="${CSS.escape(name)}"] .chip-menu-button`);
  }

  #onDocumentPointerDown = (event: PointerEvent): void => {
    const menu = this.renderRoot.querySelector('[role="menu"]');
    const button = this.renderRoot.querySelector('.chip-menu-button[aria-expanded="true"]');
    const path = event.composedPath();
    if ((menu && path.includes(menu)) || (button && path.includes(button))) return;
    this.#closeMenu(false);
  };

  #onMenuKeydown = (event: KeyboardEvent): void => {
    const items = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menu"] [role="menuitem"]')];
    const active = (this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement | null;
    const index = active ? items.indexOf(active) : -1;
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

  #onUse = (name: string, slot: Slot): void => {
    this.#closeMenu(false);
    if (this.#place(name, slot)) void this.#focusLater(`.slot[data-slot="${slot}"] .slot-clear, .slot[data-slot="${slot}"] select`);
  };

  #onDragStart = (event: DragEvent, name: string): void => {
    this.dragging = name;
    this.#closeMenu(false);
    if (event.dataTransfer) {
      event.dataTransfer.setData(CHIP_MIME, name);
      event.dataTransfer.setData('text/plain', this.#label(name));
      event.dataTransfer.effectAllowed = 'copy';
    }
  };

  #onDragEnd = (): void => {
    this.dragging = null;
    this.dropTarget = null;
  };

  /** The chip being dragged: known while the drag started here, else read from the drag's types. */
  #draggedName(event: DragEvent): string | null {
    if (this.dragging) return this.dragging;
    return event.dataTransfer?.types.includes(CHIP_MIME) ? '' : null;
  }

  #onDragOver = (event: DragEvent, slot: Slot): void => {
    const name = this.#draggedName(event);
    if (name === null || (name && this.#refusal(name, slot))) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dropTarget = slot;
  };

  #onDragLeave = (event: DragEvent, slot: Slot): void => {
    const to = event.relatedTarget as Node | null;
    if (to && (event.currentTarget as HTMLElement).contains(to)) return;
    if (this.dropTarget === slot) this.dropTarget = null;
  };

  #onDrop = (event: DragEvent, slot: Slot): void => {
    event.preventDefault();
    const name = event.dataTransfer?.getData(CHIP_MIME) || this.dragging;
    this.dragging = null;
    this.dropTarget = null;
    if (name) this.#place(name, slot);
  };

  // ——— Data tab ———

  async #startAdding(): Promise<void> {
    this.adding = true;
    await this.updateComplete;
    const search = this.renderRoot.querySelector<PropertySearch>('.add-search');
    search?.focus();
    search?.show();
  }

  #onAddPick = (event: PropertyPickEvent): void => {
    const draft = this.draft;
    if (!draft) return;
    if (!draft.chips.includes(event.name)) this.#edit({ chips: [...draft.chips, event.name] });
    this.adding = false;
    this.#announce(this.#t('editor.status.added', { property: this.#label(event.name) }));
    void this.#focusLater('.add-property');
  };

  #removeChip(name: string): void {
    const draft = this.draft;
    if (!draft) return;
    const index = draft.chips.indexOf(name);
    this.#edit({
      chips: draft.chips.filter((chip) => chip !== name),
      dimension: draft.dimension === name ? undefined : draft.dimension,
      breakdown: draft.breakdown === name ? undefined : draft.breakdown,
      ...(draft.measureProperty === name ? { measureOp: 'count' as const, measureProperty: undefined } : {}),
    });
    if (this.picked === name) this.picked = null;
    this.#announce(this.#t('editor.status.removed', { property: this.#label(name) }));
    const next = draft.chips.filter((chip) => chip !== name)[Math.max(0, index - 1)];
    void this.#focusLater(next ? `.property-item[data-name="${CSS.escape(next)}"] button` : '.add-property');
  }

  // ——— Filters ———

  async #openFilters(): Promise<void> {
    if (!this.draft) return;
    this.pending = structuredClone(this.draft.criteria);
    if (this.pending.length === 0) this.pending = [newCriterion()];
    this.filtersOpen = true;
    this.showFilterProblems = false;
    await this.updateComplete;
    this.renderRoot.querySelector<PropertySearch>('.criterion-search')?.focus();
  }

  #closeFilters(): void {
    this.filtersOpen = false;
    this.pending = [];
    this.showFilterProblems = false;
    void this.#focusLater('.filters-button');
  }

  #updateCriterion(uid: number, update: (criterion: Criterion) => Criterion): void {
    this.pending = this.pending.map((criterion) => (criterion.uid === uid ? update(criterion) : criterion));
  }

  #onCriterionProperty = (uid: number, name: string): void => {
    const info = findProperty(this.#catalog, name);
    if (!info) return;
    this.#updateCriterion(uid, (criterion) =>
      criterion.property === name
        ? criterion
        : { uid, property: name, operator: info.operators[0] ?? '', input: emptyInput() },
    );
  };

  #onCriterionOperator = (uid: number, operator: FilterOperator): void => {
    this.#updateCriterion(uid, (criterion) => {
      // The typed value stays (a number is still a number under another comparison); one pick at most for a single value.
      const input = { ...criterion.input, picked: isMultiple(operator) ? criterion.input.picked : criterion.input.picked.slice(0, 1) };
      return { uid, property: criterion.property, operator, input, ...(criterion.fromChannel ? { fromChannel: true } : {}) };
    });
  };

  #onCriterionInput = (uid: number, change: InputPatch): void => {
    this.#updateCriterion(uid, (criterion) => {
      const patch = typeof change === 'function' ? change(criterion.input) : change;
      const { original: _original, ...rest } = criterion;
      // Narrowing a list is not an edit of the value.
      const keepOriginal = Object.keys(patch).every((key) => key === 'search');
      return { ...(keepOriginal ? criterion : rest), input: { ...criterion.input, ...patch } };
    });
  };

  #onRemoveCriterion = (uid: number): void => {
    const index = this.pending.findIndex((criterion) => criterion.uid === uid);
    this.pending = this.pending.filter((criterion) => criterion.uid !== uid);
    const next = this.pending[Math.min(index, this.pending.length - 1)];
    void this.#focusLater(next ? `.criterion[data-uid="${next.uid}"] .remove-criterion` : '.and-button');
  };

  #onAddCriterion = async (): Promise<void> => {
    const criterion = newCriterion();
    this.pending = [...this.pending, criterion];
    await this.updateComplete;
    const search = this.renderRoot.querySelector<PropertySearch>(`.criterion[data-uid="${criterion.uid}"] cr-property-search`);
    search?.focus();
    search?.show();
  };

  #onApplyFilters = (): void => {
    if (!this.draft) return;
    this.showFilterProblems = true;
    const problems = this.#build(this.pending).problems.filter((p) => p.control.startsWith('criterion-'));
    if (problems.length > 0) {
      void this.#focusFirstProblem();
      return;
    }
    const applied = this.pending.filter((criterion) => !isBlank(criterion));
    this.#edit({ criteria: applied });
    this.#closeFilters();
    this.#announce(this.#t('editor.status.filtersApplied', { count: applied.length }));
  };

  #valueOptions = (criterion: Criterion, info: PropertyInfo): ValueOption[] => {
    const values: PropertyValue[] = info.type === 'boolean' ? [true, false] : this.#valuesOf(info.name);
    if (values.length === 0) return [];
    const encoded = new Set(values.map(encodeValue));
    const options = values.map((value) => ({ encoded: encodeValue(value), label: this.#valueLabel(info.name, value) }));
    // Values the report filters on but the data lacks stay visible, so they can be unticked.
    for (const pick of criterion.input.picked)
      if (!encoded.has(pick)) options.push({ encoded: pick, label: this.#valueLabel(info.name, JSON.parse(pick) as PropertyValue) });
    if (info.type === 'boolean') return options;
    const collator = new Intl.Collator(this.#locale, { numeric: true, sensitivity: 'base' });
    return options.sort((a, b) => collator.compare(a.label, b.label));
  };

  #valueLabel(property: string, value: PropertyValue): string {
    if (typeof value === 'boolean') return this.#t(value ? 'editor.value.true' : 'editor.value.false');
    const text = String(value);
    const lookups = this.lookups ?? this.data?.lookups ?? this.#table?.lookups;
    const list =
      property === 'assigneeId'
        ? lookups?.assignees
        : property === 'inboxId'
          ? lookups?.inboxes
          : property === 'chatflowId'
            ? lookups?.chatflows
            : property === 'teamId'
              ? lookups?.teams
              : undefined;
    const named = list?.find((entry) => entry.id === text)?.name;
    if (named) return named;
    if ((property === 'firstResponseSla' || property === 'closeSla') && ['met', 'breached', 'pending'].includes(text)) return this.#t(`value.sla.${text}`);
    if (property === 'createdWeekday' && typeof value === 'number') return weekdayName(value, this.#locale, 'long');
    if (property === 'createdHour' && typeof value === 'number') return hourSpan(value, this.#locale);
    if ((property === 'channel' && (text === 'chat' || text === 'email')) || (property === 'status' && (text === 'open' || text === 'closed')))
      return this.#t(`editor.value.${text}`);
    return typeof value === 'string' ? propertyValueLabel(property, value, this.#t) : text;
  }

  #operatorLabel = (info: PropertyInfo, operator: FilterOperator): string => {
    if (info.type === 'date' && ['gt', 'gte', 'lt', 'lte'].includes(operator)) return this.#t(`editor.operator.date.${operator}`);
    return this.#t(`editor.operator.${operator}`);
  };

  #searchOptions(properties: readonly PropertyInfo[]): SearchOption[] {
    return properties.map((info) => ({
      name: info.name,
      label: this.#label(info.name),
      detail: `${this.#t(`editor.type.${info.type}`)} · ${this.#t(`editor.source.${info.source}`)}`,
      group: this.#t(`editor.source.${info.source}`),
    }));
  }

  // ——— Save / cancel ———

  async #focusFirstProblem(): Promise<void> {
    await this.updateComplete;
    const first = this.#problems.find((p) => this.#error(p.control));
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
    if (!this.draft) return;
    const issues = this.validate();
    if (issues.length > 0) {
      this.#announce(this.#t('editor.status.invalid', { count: issues.length }));
      void this.#focusFirstProblem();
      return;
    }
    const built = this.#build(this.#criteria()).spec;
    // An untouched template title is saved as the template's key, so it keeps following the language.
    const original = this.spec;
    const spec = original && built.title === reportTitle(original, this.#locale) ? { ...built, title: original.title } : built;
    if (this.filtersOpen) {
      this.#edit({ criteria: this.pending.filter((criterion) => !isBlank(criterion)) });
      this.filtersOpen = false;
      this.pending = [];
    }
    this.showProblems = false;
    this.showFilterProblems = false;
    this.editingName = false;
    this.dispatchEvent(new ReportSaveEvent({ spec }));
  };

  #cancel = (): void => {
    const reportId = this.spec?.id ?? '';
    this.#reset();
    this.dispatchEvent(new ReportCancelEvent(reportId));
  };

  #onPreviewRetry = (event: Event): void => {
    event.stopPropagation();
    if (!this.#table && this.data?.state === 'error') this.data.retry();
    else this.#computePreview();
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.picked && !event.defaultPrevented) {
      event.preventDefault();
      this.picked = null;
      this.#announce(this.#t('editor.status.unpicked'));
    }
  };

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const draft = this.draft;
    if (!draft) return html`<div part="base" class="editor empty"></div>`;
    const t = this.#t;
    const formError = this.#error('form');
    return html`<section part="base" class="editor" aria-label=${t('editor.label', { title: draft.title || t('editor.untitled') })} @keydown=${this.#onKeydown}>
      <header part="header" class="header">
        ${this.#renderName(draft)}
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
        <div part="panel" class="panel">
          <div part="tabs" class="tabs" role="tablist" aria-label=${t('editor.tabs')} @keydown=${this.#onTabKeydown}>
            ${(['chart', 'data'] as const).map(
              (tab) => html`<button
                type="button"
                role="tab"
                id=${`tab-${tab}`}
                aria-selected=${this.tab === tab ? 'true' : 'false'}
                aria-controls=${`panel-${tab}`}
                tabindex=${this.tab === tab ? '0' : '-1'}
                @click=${() => this.#selectTab(tab)}
              >
                ${t(`editor.tab.${tab}`)}
              </button>`,
            )}
          </div>
          <div role="tabpanel" id="panel-chart" class="tabpanel" aria-labelledby="tab-chart" ?hidden=${this.tab !== 'chart'}>
            ${this.tab === 'chart' ? this.#renderChartTab(draft) : nothing}
          </div>
          <div role="tabpanel" id="panel-data" class="tabpanel" aria-labelledby="tab-data" ?hidden=${this.tab !== 'data'}>
            ${this.tab === 'data' ? this.#renderDataTab(draft) : nothing}
          </div>
        </div>
        <div class="main">
          <div class="toolbar">
            <button
              type="button"
              part="filters-button"
              class="filters-button"
              aria-expanded=${this.filtersOpen ? 'true' : 'false'}
              aria-controls=${this.filtersOpen ? 'filter-panel' : nothing}
              @click=${() => (this.filtersOpen ? this.#closeFilters() : void this.#openFilters())}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true"><path d="M3 4h14l-5.5 6.5V16l-3 1.5v-7z" /></svg>
              ${draft.criteria.length > 0 ? t('editor.filters.count', { count: draft.criteria.length }) : t('editor.filters')}
            </button>
          </div>
          ${this.filtersOpen ? this.#renderFilters() : this.#renderFilterSummary(draft)}
          <section class="preview" aria-labelledby="preview-heading" aria-busy=${this.previewBusy ? 'true' : 'false'}>
            <h3 id="preview-heading" class="visually-hidden">${t('editor.preview')}</h3>
            ${this.preview
              ? html`<report-tile
                  part="preview"
                  no-animation
                  .spec=${this.preview.spec}
                  .result=${this.preview.result}
                  .error=${this.preview.error}
                  .loading=${this.previewBusy && !this.preview.result && !this.preview.error}
                  .locale=${this.#locale}
                  .timeZone=${this.#timeZone}
                  @report-retry=${this.#onPreviewRetry}
                ></report-tile>`
              : nothing}
          </section>
        </div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
    </section>`;
  }

  #renderName(draft: Draft): TemplateResult {
    const t = this.#t;
    const error = this.#error('title');
    if (this.editingName || error)
      return html`<div class="name-field">
        <label class="visually-hidden" for="name-input">${t('editor.name')}</label>
        <input
          id="name-input"
          part="name"
          class="name-input"
          type="text"
          maxlength="200"
          .value=${live(draft.title)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'name-error name-hint' : 'name-hint'}
          @keydown=${this.#onNameKeydown}
          @blur=${this.#onNameBlur}
        />
        <span class="visually-hidden" id="name-hint">${t('editor.renameHint')}</span>
        ${error ? html`<p class="error" id="name-error">${error}</p>` : nothing}
      </div>`;
    return html`<h2 class="name">
      <button type="button" part="name" class="name-button" @click=${() => void this.#startRename()}>
        <span class="name-text">${draft.title || t('editor.untitled')}</span>
        <svg viewBox="0 0 20 20" aria-hidden="true"><path d="M4 16l1-4 8-8 3 3-8 8zM12 5l3 3" /></svg>
        <span class="visually-hidden">, ${t('editor.rename')}</span>
      </button>
    </h2>`;
  }

  #renderChartTab(draft: Draft): TemplateResult {
    const t = this.#t;
    const measure = measureOf(draft);
    const chips: ChipView[] = draft.chips.map((name) => {
      const info = findProperty(this.#catalog, name);
      return { name, label: this.#label(name), type: info ? t(`editor.type.${info.type}`) : '' };
    });
    const measureInfo = draft.measureProperty ? findProperty(this.#catalog, draft.measureProperty) : undefined;
    return html`
      ${renderChartTypePicker({
        chartType: draft.chartType,
        availability: chartTypeAvailability({ dimension: draft.dimension, breakdown: draft.breakdown, measure }),
        t,
        error: this.#error('chartType'),
        onChange: (type: ChartType) => this.#edit({ chartType: type }),
      })}
      <section class="configure" aria-labelledby="configure-heading">
        <h3 id="configure-heading">${t('editor.configure')}</h3>
        ${renderChips({
          chips,
          picked: this.picked,
          menuFor: this.menuFor,
          dragging: this.dragging,
          t,
          refusal: this.#refusal,
          onPick: this.#onPick,
          onToggleMenu: this.#onToggleMenu,
          onMenuKeydown: this.#onMenuKeydown,
          onUse: this.#onUse,
          onDragStart: this.#onDragStart,
          onDragEnd: this.#onDragEnd,
          onGoToData: () => this.#selectTab('data', true),
        })}
        <h4 class="display-heading">${t('editor.display')}</h4>
        ${renderSlots({
          t,
          label: this.#label,
          dimension: draft.dimension,
          breakdown: draft.breakdown,
          timeBucket: draft.timeBucket,
          showTimeBucket: usesTimeBucket(draft, this.#catalog),
          measureOp: draft.measureOp,
          measureProperty: draft.measureProperty,
          measureOps: measureInfo?.measures ?? [],
          shareable: Boolean(measureInfo?.shareable),
          shareValue: draft.shareValue === undefined ? undefined : encodeValue(draft.shareValue),
          shareOptions: draft.measureProperty ? this.#shareValues(draft.measureProperty).map((value) => ({ encoded: encodeValue(value), label: this.#valueLabel(draft.measureProperty!, value) })) : [],
          onShareValue: (encoded: string) => this.#edit({ shareValue: decodeValue(encoded) as string | number | boolean }),
          picked: this.picked,
          dropTarget: this.dropTarget,
          refusal: this.#refusal,
          error: (control) => this.#error(control),
          onPlace: (name, slot) => {
            if (this.#place(name, slot)) void this.#focusLater(`.slot[data-slot="${slot}"] .slot-clear, .slot[data-slot="${slot}"] select`);
          },
          onClear: this.#clear,
          onTimeBucket: (bucket: TimeBucket) => this.#edit({ timeBucket: bucket }),
          onMeasureOp: (op: MeasureOp) => {
            const values = op === 'share' && draft.measureProperty ? this.#shareValues(draft.measureProperty) : [];
            const keep = draft.shareValue !== undefined && values.some((value) => value === draft.shareValue);
            this.#edit({ measureOp: op, ...(op === 'share' && !keep && values.length > 0 ? { shareValue: values[0] } : {}) });
          },
          onDragOver: this.#onDragOver,
          onDragLeave: this.#onDragLeave,
          onDrop: this.#onDrop,
        })}
      </section>
    `;
  }

  #renderDataTab(draft: Draft): TemplateResult {
    const t = this.#t;
    const available = this.#catalog.filter((info) => !draft.chips.includes(info.name));
    const dateError = this.#error('dateProperty');
    return html`
      <section class="data" aria-labelledby="data-heading">
        <h3 id="data-heading">${t('editor.data.properties')}</h3>
        ${draft.chips.length === 0
          ? html`<p class="hint">${t('editor.data.empty')}</p>`
          : html`<ul class="property-list">
              ${draft.chips.map((name) => {
                const info = findProperty(this.#catalog, name);
                return html`<li class="property-item" data-name=${name}>
                  <span class="property-name">${this.#label(name)}</span>
                  <span class="property-type">${info ? `${t(`editor.type.${info.type}`)} · ${t(`editor.source.${info.source}`)}` : ''}</span>
                  <button type="button" class="remove-property" aria-label=${t('editor.data.remove', { property: this.#label(name) })} @click=${() => this.#removeChip(name)}>
                    <span aria-hidden="true">✕</span>
                  </button>
                </li>`;
              })}
            </ul>`}
        <button
          type="button"
          class="add-property"
          aria-expanded=${this.adding ? 'true' : 'false'}
          aria-controls=${this.adding ? 'add-search' : nothing}
          @click=${() => (this.adding ? (this.adding = false) : void this.#startAdding())}
        >
          <span aria-hidden="true">+</span> ${t('editor.data.add')}
        </button>
        ${this.adding
          ? html`<div
              id="add-search"
              class="add-search-wrap"
              @keydown=${(event: KeyboardEvent) => {
                if (event.key !== 'Escape' || event.defaultPrevented) return;
                event.preventDefault();
                this.adding = false;
                void this.#focusLater('.add-property');
              }}
            >
              <cr-property-search
                class="add-search"
                open-on-focus
                .options=${this.#searchOptions(available)}
                .label=${t('editor.data.search')}
                .noMatch=${t('editor.search.noMatch')}
                @property-pick=${this.#onAddPick}
              ></cr-property-search>
            </div>`
          : nothing}
        <div class="field date-property">
          <label for="date-property">${t('editor.data.dateProperty')}</label>
          <select
            id="date-property"
            aria-invalid=${dateError ? 'true' : 'false'}
            aria-describedby=${dateError ? 'date-property-error' : nothing}
            data-problem=${dateError ? 'dateProperty' : nothing}
            @change=${(event: Event) => this.#edit({ dateProperty: (event.target as HTMLSelectElement).value as DateProperty })}
          >
            ${dateProperties.map((name) => html`<option value=${name} .selected=${name === draft.dateProperty}>${this.#label(name)}</option>`)}
          </select>
          ${dateError ? html`<p class="error" id="date-property-error">${dateError}</p>` : nothing}
        </div>
      </section>
    `;
  }

  /** The applied criteria in words, so the preview's filters stay in sight with the panel closed. */
  #renderFilterSummary(draft: Draft): TemplateResult | typeof nothing {
    const parts = draft.criteria.filter((c) => !isBlank(c)).map((criterion) => this.#describeCriterion(criterion));
    if (parts.length === 0) return nothing;
    const and = ` ${this.#t('editor.filters.and')} `;
    return html`<p class="filter-summary" part="filter-summary">${parts.join(and)}</p>`;
  }

  #describeCriterion(criterion: Criterion): string {
    const info = findProperty(this.#catalog, criterion.property);
    const property = this.#label(criterion.property);
    if (!info || !criterion.operator) return property;
    const operator = this.#operatorLabel(info, criterion.operator);
    const { input } = criterion;
    const unit = info.type === 'duration' ? ` ${this.#t(`editor.unit.${input.unit}`)}` : '';
    const options = this.#valueOptions(criterion, info);
    let value: string;
    if (criterion.operator === 'known' || criterion.operator === 'unknown') value = '';
    else if (options.length > 0 && criterion.operator !== 'contains')
      value = options
        .filter((option) => input.picked.includes(option.encoded))
        .map((option) => option.label)
        .join(', ');
    else if (criterion.operator === 'between') value = `${input.min}–${input.max}${unit}`;
    else value = `${info.type === 'date' ? input.text.replace('T', ' ') : input.text.replace(/\n/g, ', ')}${unit}`;
    return [property, operator, value].filter(Boolean).join(' ');
  }

  #renderFilters(): TemplateResult {
    return renderFilterPanel({
      criteria: this.pending,
      catalog: this.#catalog,
      searchOptions: this.#searchOptions(this.#catalog.filter((info) => info.operators.length > 0)),
      t: this.#t,
      operatorLabel: this.#operatorLabel,
      valueOptions: this.#valueOptions,
      error: this.#error,
      onProperty: this.#onCriterionProperty,
      onOperator: this.#onCriterionOperator,
      onInput: this.#onCriterionInput,
      onRemove: this.#onRemoveCriterion,
      onAdd: () => void this.#onAddCriterion(),
      onApply: this.#onApplyFilters,
      onDiscard: () => this.#closeFilters(),
    });
  }
}

if (!customElements.get('report-editor')) customElements.define('report-editor', ReportEditor);

declare global {
  interface HTMLElementTagNameMap {
    'report-editor': ReportEditor;
  }
}
