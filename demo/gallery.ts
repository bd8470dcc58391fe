/**
 * The designers' gallery: every element of the kit in every state, side by side, on generated
 * sample data, with a panel that edits the public `--cr-*` custom properties live and prints the
 * CSS to copy. `gallery.html` calls {@link renderGallery} on its root; tests call it on a fixture.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { ArrayDataSource, MemoryDashboardStore, computeReport, createTable, drillDown, reportEditorReady, resolveRangePreset, templates } from '../src/index.ts';
import type { DataPage, DataSource, LoadRequest } from '../src/adapters/data-source.ts';
// The dashboard loads its dialogs when first opened; the gallery shows them on their own.
import '../src/elements/dashboard-wizard/dashboard-wizard.ts';
import '../src/elements/dashboard-settings/dashboard-settings.ts';
import '../src/elements/report-library/report-library.ts';
import { DEFAULT_GRID_COLOR, splitColorList } from '../src/charts/theme.ts';
import { DARK_CHART_PALETTE, DEFAULT_PALETTE } from '../src/theme/palette.ts';
import { darkColors, lightColors, schemeDeclarations, sharedTokens, type ColorName } from '../src/theme/tokens.ts';
import type { Dashboard, DashboardUser } from '../src/core/schema/dashboard.ts';
import type { ConversationTable, DrillPoint, Lookups, RangePreset, ReportContext, ReportResult, ReportSpec } from '../src/core/index.ts';
import type { ConversationDashboard } from '../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { DashboardSettings } from '../src/elements/dashboard-settings/dashboard-settings.ts';
import type { DashboardWizard } from '../src/elements/dashboard-wizard/dashboard-wizard.ts';
import type { DrillDialog } from '../src/elements/drill-dialog/drill-dialog.ts';
import type { ReportEditor } from '../src/elements/report-editor/report-editor.ts';
import type { ReportLibrary } from '../src/elements/report-library/report-library.ts';
import type { ReportTile } from '../src/elements/report-tile/report-tile.ts';
import type { ReportDrillEvent } from '../src/events/report-drill-event.ts';
import { reportTitle } from '../src/i18n/report-titles.ts';
import { generateConversations } from '../src/sample/generate-conversations.ts';

// ——— Sample data and people ———

const TIME_ZONE = 'Europe/Amsterdam';
const DAY = 86_400_000;

const users = {
  olivia: { id: 'olivia', teamIds: ['support', 'sales'], canEdit: true },
  tom: { id: 'tom', teamIds: ['support'], canEdit: true },
  vera: { id: 'vera', teamIds: ['support'], canEdit: false },
} satisfies Record<string, DashboardUser>;

const teams = [
  { id: 'support', name: 'Support' },
  { id: 'sales', name: 'Sales' },
];

export type GalleryLocale = 'en' | 'fr' | 'nl';
type Scheme = 'light' | 'dark';

const localeNames: Record<GalleryLocale, string> = { en: 'English', fr: 'Français', nl: 'Nederlands' };

/** A template report, found by id (its title stays the template's, so catalogs translate it). */
function template(id: string): ReportSpec {
  const spec = [...templates.chatOverview.reports, ...templates.emailOverview.reports].find((r) => r.id === id);
  if (!spec) throw new Error(`No template report "${id}"`);
  return spec;
}

const specs = {
  bar: template('chat-volume-by-assignee'),
  column: template('chats-closed-by-assignee'),
  line: template('email-volume-over-time'),
  area: {
    id: 'gallery-area-by-channel',
    title: 'Conversations per week by channel',
    chartType: 'area',
    dimension: 'createdAt',
    timeBucket: 'week',
    breakdown: 'channel',
    measure: { op: 'count' },
    filters: [],
    dateProperty: 'createdAt',
  },
  pie: template('open-emails-by-inbox'),
  donut: template('chat-volume-by-chatflow'),
  table: { ...template('chat-response-time-by-assignee'), chartType: 'table', limit: 6 },
  kpi: {
    id: 'gallery-kpi-median-response',
    title: 'Median first response time',
    chartType: 'kpi',
    measure: { op: 'median', property: 'responseTime' },
    filters: [],
    dateProperty: 'createdAt',
  },
  pageUrl: template('chat-volume-by-page-url'),
  closedTable: { ...template('chats-closed-by-assignee'), chartType: 'table', limit: 5 },
} satisfies Record<string, ReportSpec>;

interface ChartSpecimen {
  type: ReportSpec['chartType'];
  name: string;
  use: string;
  spec: ReportSpec;
  range: RangePreset;
}

const chartSpecimens: ChartSpecimen[] = [
  { type: 'bar', name: 'Bar', use: 'Ranks categories; long names stay readable.', spec: specs.bar, range: 'last-30-days' },
  { type: 'column', name: 'Column', use: 'Compares categories side by side.', spec: specs.column, range: 'last-30-days' },
  { type: 'line', name: 'Line', use: 'A trend over time.', spec: specs.line, range: 'last-30-days' },
  { type: 'area', name: 'Area', use: 'Volume over time, stacked by series.', spec: specs.area, range: 'last-90-days' },
  { type: 'pie', name: 'Pie', use: 'Parts of a whole, a few slices.', spec: specs.pie, range: 'last-30-days' },
  { type: 'donut', name: 'Donut', use: 'Parts of a whole, with a legend.', spec: specs.donut, range: 'last-30-days' },
  { type: 'table', name: 'Table', use: 'Exact values; every chart has this view.', spec: specs.table, range: 'last-30-days' },
  { type: 'kpi', name: 'KPI', use: 'One number and how it moved.', spec: specs.kpi, range: 'last-30-days' },
];

/** The dashboard shared with the Support team, for the permission specimens. */
function sharedDashboard(): Dashboard {
  return {
    id: 'support-weekly',
    name: 'Support weekly review',
    ownerId: 'olivia',
    privacy: 'team',
    teamId: 'support',
    reports: [specs.kpi, specs.column, specs.line, specs.donut],
    layout: { wide: [specs.line.id] },
  };
}

/** A smaller one for the loading and error specimens of the dashboard. */
function glanceDashboard(): Dashboard {
  return {
    id: 'at-a-glance',
    name: 'At a glance',
    ownerId: 'olivia',
    privacy: 'team',
    teamId: 'support',
    reports: [specs.kpi, specs.bar],
    layout: {},
  };
}

/** Never finishes: the first page arrives, the rest keeps the dashboard loading. */
class StalledSource implements DataSource {
  constructor(
    private readonly first: unknown[],
    private readonly total: number,
    private readonly lookupsValue: Lookups,
  ) {}

  async *load(request: LoadRequest): AsyncIterable<DataPage> {
    yield { conversations: this.first, total: this.total };
    await new Promise<never>((_, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
  }

  async lookups(): Promise<Lookups> {
    return this.lookupsValue;
  }
}

/** Answers every load with a server error. */
class FailingSource implements DataSource {
  async *load(): AsyncIterable<DataPage> {
    throw new Error('The reports server answered 503 Service Unavailable');
  }
}

// ——— Custom properties ———

interface TokenDef {
  name: string;
  label: string;
  kind: 'color' | 'text' | 'length';
  /** `scheme` tokens have a light and a dark value; `shared` ones one for both. */
  scope: 'scheme' | 'shared';
  light: string;
  dark: string;
  min?: number;
  max?: number;
  hint?: string;
}

/** A colour token's row: the light value is the kit's fallback, the dark one the built-in `theme="dark"` value. */
const color = (name: ColorName, label: string, kind: 'color' | 'text', hint?: string, light: string = lightColors[name]): TokenDef => ({
  name: `--cr-color-${name}`,
  label,
  kind,
  scope: 'scheme',
  light,
  dark: darkColors[name],
  ...(hint ? { hint } : {}),
});

/**
 * The public custom properties (README, Theming) with the kit's values, read from the kit's one
 * tokens module. The background is transparent in the kit; the gallery paints its stage #f6f8fa
 * when it is unset.
 */
const tokens: TokenDef[] = [
  color('background', 'Background', 'color', 'Dashboard and editor background', '#f6f8fa'),
  color('surface', 'Surface', 'color', 'Tiles, menus, dialogs'),
  color('text', 'Text', 'color'),
  color('muted', 'Muted text', 'color'),
  color('border', 'Border', 'color', 'Borders and chart axes'),
  color('accent', 'Accent', 'color', 'Buttons, progress'),
  color('on-accent', 'On accent', 'color', 'Text on accent buttons'),
  color('danger', 'Danger', 'color'),
  color('warning', 'Warning', 'color', 'Partial-data notices'),
  color('focus', 'Focus ring', 'color'),
  color('hover', 'Hover', 'text', 'Any CSS colour, alpha welcome'),
  { name: '--cr-chart-palette', label: 'Chart palette', kind: 'text', scope: 'scheme', light: DEFAULT_PALETTE.join(', '), dark: DARK_CHART_PALETTE.join(', '), hint: 'Series colours, comma-separated' },
  { name: '--cr-chart-grid-color', label: 'Chart grid lines', kind: 'text', scope: 'scheme', light: DEFAULT_GRID_COLOR, dark: DEFAULT_GRID_COLOR },
  { name: '--cr-font-family', label: 'Font', kind: 'text', scope: 'shared', light: sharedTokens['font-family'], dark: sharedTokens['font-family'] },
  { name: '--cr-radius', label: 'Corner radius', kind: 'length', scope: 'shared', light: sharedTokens.radius, dark: sharedTokens.radius, min: 0, max: 24 },
  { name: '--cr-space', label: 'Spacing', kind: 'length', scope: 'shared', light: sharedTokens.space, dark: sharedTokens.space, min: 4, max: 24 },
  { name: '--cr-chart-height', label: 'Chart height', kind: 'length', scope: 'shared', light: '300px', dark: '300px', min: 180, max: 480 },
  { name: '--cr-tile-shadow', label: 'Tile shadow', kind: 'text', scope: 'shared', light: '0 1px 2px rgb(0 0 0 / 0.06)', dark: '0 1px 2px rgb(0 0 0 / 0.06)' },
];

/** The kit's dark values for the gallery's own dark wrappers (columns, dialog hosts), from the tokens module. */
const DARK_WRAPPER_CSS = `.g-dark { ${schemeDeclarations('dark')} }`;

type Values = Record<string, string>;
interface Preset {
  name: string;
  light: Values;
  dark: Values;
  shared: Values;
}

const presets: Preset[] = [
  { name: 'Kit default', light: {}, dark: {}, shared: {} },
  {
    name: 'Iris',
    light: {
      '--cr-color-background': '#f6f4fb',
      '--cr-color-text': '#1f1933',
      '--cr-color-muted': '#5b5570',
      '--cr-color-border': '#dcd5ee',
      '--cr-color-accent': '#6e40c9',
      '--cr-color-focus': '#6e40c9',
      '--cr-chart-palette': '#6e40c9, #c8417a, #1f7f91, #b8641a, #3a8a4a, #4a62d8, #a04f8c, #6f6f1c',
    },
    dark: {
      '--cr-color-background': '#14111d',
      '--cr-color-surface': '#1d1a29',
      '--cr-color-border': '#3a3450',
      '--cr-color-text': '#ece8f7',
      '--cr-color-muted': '#a9a3bd',
      '--cr-color-accent': '#b392f0',
      '--cr-color-on-accent': '#1a1033',
      '--cr-color-focus': '#c9b3ff',
      '--cr-chart-palette': '#b392f0, #f08cb4, #5cc8d6, #f0a35c, #7fcf8a, #8fa2f5, #e08fc9, #c9c45c',
    },
    shared: { '--cr-radius': '14px', '--cr-font-family': "'Avenir Next', 'Segoe UI', system-ui, sans-serif" },
  },
  {
    name: 'Forest',
    light: {
      '--cr-color-background': '#f3f7f3',
      '--cr-color-border': '#cbd9cc',
      '--cr-color-accent': '#1a7f37',
      '--cr-color-focus': '#1a7f37',
      '--cr-chart-palette': '#1a7f37, #b35c00, #2f6fb3, #8a4fb5, #0f8378, #b8443a, #67751a, #5a6b7a',
    },
    dark: {
      '--cr-color-background': '#0c130e',
      '--cr-color-surface': '#131c15',
      '--cr-color-border': '#2a3a2d',
      '--cr-color-accent': '#3fb950',
      '--cr-color-on-accent': '#06140a',
      '--cr-color-focus': '#56d364',
      '--cr-chart-palette': '#3fb950, #f0883e, #58a6ff, #bc8cff, #39c5bb, #ff7b72, #c9d14f, #9fb0c0',
    },
    shared: { '--cr-radius': '6px', '--cr-space': '10px' },
  },
  {
    name: 'Coral',
    light: {
      '--cr-color-background': '#fcf7f4',
      '--cr-color-border': '#ead8cd',
      '--cr-color-accent': '#c2410c',
      '--cr-color-focus': '#c2410c',
      '--cr-chart-palette': '#c2410c, #2563eb, #0f766e, #a21caf, #a16207, #4d7c0f, #be123c, #475569',
    },
    dark: {
      '--cr-color-background': '#17100c',
      '--cr-color-surface': '#201712',
      '--cr-color-border': '#3f2f26',
      '--cr-color-accent': '#fb923c',
      '--cr-color-on-accent': '#1c0d04',
      '--cr-color-focus': '#fdba74',
      '--cr-chart-palette': '#fb923c, #60a5fa, #2dd4bf, #e879f9, #facc15, #a3e635, #fb7185, #94a3b8',
    },
    shared: { '--cr-radius': '18px', '--cr-space': '14px', '--cr-font-family': "'Trebuchet MS', 'Segoe UI', system-ui, sans-serif" },
  },
];

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');
}

function isColor(value: string): boolean {
  return typeof CSS !== 'undefined' && CSS.supports('color', value);
}

/** A value safe to put in a declaration: no braces, semicolons or comments that would end it. */
function cleanValue(value: string): string {
  return value.replace(/[{};]|\/\*|\*\//g, '').trim();
}

// ——— The gallery ———

export type GalleryDialog = 'drill' | 'editor' | 'wizard' | 'library' | 'settings-owner' | 'settings-teammate';
export const galleryDialogs: readonly GalleryDialog[] = ['drill', 'editor', 'wizard', 'library', 'settings-owner', 'settings-teammate'];

export interface GalleryOptions {
  /** How many conversations to generate (default 4 000). */
  size?: number;
  /** The end of the sample data and the dashboards' "now" (default: the start of today, UTC). */
  now?: number;
  /** Theme and language the dialogs open in (default light, en). */
  dialogTheme?: Scheme;
  dialogLocale?: GalleryLocale;
  /** A theme preset to start from: "Kit default" (default), "Iris", "Forest" or "Coral". */
  preset?: string;
}

export interface GalleryHandle {
  /** Resolves once every dashboard of the gallery has settled (loaded, or in its showcased state), or after 15 s. */
  ready: Promise<void>;
  /** The CSS the theme panel currently produces. */
  css(): string;
  /** Sets one custom property for a scheme (shared properties ignore the scheme) and redraws. */
  setToken(name: string, value: string, scheme?: Scheme): void;
  /** Opens one of the dialogs, as its button does. */
  open(dialog: GalleryDialog): Promise<void>;
  /** Removes the gallery from its root. */
  destroy(): void;
}

let instances = 0;
const noNames: readonly string[] = [];
const onDashboard: readonly string[] = [specs.bar.id];

/** Renders the whole gallery into `root` (its previous content is replaced). */
export function renderGallery(root: HTMLElement, options: GalleryOptions = {}): GalleryHandle {
  return new Gallery(root, options).handle;
}

class Gallery {
  readonly handle: GalleryHandle;
  readonly #root: HTMLElement;
  readonly #id = `g${++instances}`;
  readonly #now: number;
  readonly #table: ConversationTable;
  readonly #lookups: Lookups;
  readonly #contexts = new Map<RangePreset, ReportContext>();
  readonly #results = new Map<string, ReportResult>();
  readonly #emptyResult: ReportResult;
  readonly #styleElement = document.createElement('style');
  readonly #store = new MemoryDashboardStore([sharedDashboard()]);
  /** The shared dashboard as last saved through the settings. */
  #shared: Dashboard = sharedDashboard();
  readonly #wizardStore = new MemoryDashboardStore();
  readonly #sources: { ready: DataSource; stalled: DataSource; failing: DataSource };

  #values: Record<Scheme | 'shared', Values> = { light: {}, dark: {}, shared: {} };
  #editing: Scheme = 'light';
  #preset = 'Kit default';
  #dialogTheme: Scheme = 'light';
  #dialogLocale: GalleryLocale = 'en';
  #status = '';
  #copyStatus = '';
  #editorSpec: ReportSpec | null = null;
  /** The theme panel starts folded where it comes before the stage (narrow screens). */
  #panelOpen = typeof matchMedia !== 'function' || !matchMedia('(max-width: 1100px)').matches;
  #redraw = 0;

  constructor(root: HTMLElement, options: GalleryOptions) {
    this.#root = root;
    const today = new Date();
    this.#now = options.now ?? Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    const sample = generateConversations({ n: options.size ?? 4000, seed: 42, end: this.#now, days: 120, timeZone: TIME_ZONE });
    this.#lookups = sample.lookups;
    this.#table = createTable(sample.conversations, sample.lookups);
    for (const specimen of chartSpecimens) this.#results.set(specimen.spec.id, this.#compute(specimen.spec, specimen.range));
    for (const spec of [specs.pageUrl, specs.closedTable]) this.#results.set(spec.id, this.#compute(spec, 'last-30-days'));
    // Empty for real: the same report over a week before the first conversation.
    const before = this.#now - 130 * DAY;
    this.#emptyResult = computeReport(this.#table, specs.bar, { range: { from: before, to: before + 7 * DAY }, timeZone: TIME_ZONE });
    const pageSize = Math.max(1, Math.floor(sample.conversations.length / 3));
    this.#sources = {
      ready: new ArrayDataSource(sample.conversations, { lookups: sample.lookups }),
      stalled: new StalledSource(sample.conversations.slice(0, pageSize), sample.conversations.length, sample.lookups),
      failing: new FailingSource(),
    };
    if (options.dialogTheme) this.#dialogTheme = options.dialogTheme;
    if (options.dialogLocale) this.#dialogLocale = options.dialogLocale;
    const preset = presets.find((p) => p.name.toLowerCase() === options.preset?.toLowerCase());
    if (preset) {
      this.#values = { light: { ...preset.light }, dark: { ...preset.dark }, shared: { ...preset.shared } };
      this.#preset = preset.name;
    }
    this.#styleElement.dataset.galleryTokens = this.#id;
    this.#root.addEventListener('report-drill', this.#onTileDrill as EventListener);
    this.#render();
    this.#applyTokens(false);
    this.handle = {
      ready: this.#settle(),
      css: () => this.#css(),
      setToken: (name, value, scheme = 'light') => this.#setToken(name, value, scheme),
      open: (dialog) => this.#open(dialog),
      destroy: () => {
        this.#root.removeEventListener('report-drill', this.#onTileDrill as EventListener);
        cancelAnimationFrame(this.#redraw);
        render(nothing, this.#root);
      },
    };
  }

  #context(range: RangePreset): ReportContext {
    let context = this.#contexts.get(range);
    if (!context) {
      context = { range: resolveRangePreset(range, this.#now, TIME_ZONE), timeZone: TIME_ZONE, compare: 'previous-period' };
      this.#contexts.set(range, context);
    }
    return context;
  }

  #compute(spec: ReportSpec, range: RangePreset): ReportResult {
    return computeReport(this.#table, spec, this.#context(range));
  }

  #result(spec: ReportSpec): ReportResult {
    const result = this.#results.get(spec.id);
    if (!result) throw new Error(`No result for "${spec.id}"`);
    return result;
  }

  #rangeOf(spec: ReportSpec): RangePreset {
    return chartSpecimens.find((s) => s.spec.id === spec.id)?.range ?? 'last-30-days';
  }

  async #settle(): Promise<void> {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const dashboards = [...this.#root.querySelectorAll<ConversationDashboard>('conversation-dashboard')];
    const deadline = Date.now() + 15_000;
    const settled = (d: ConversationDashboard): boolean => {
      const state = d.dataset.galleryState;
      const shadow = d.shadowRoot;
      if (!shadow) return false;
      if (state === 'loading') return shadow.querySelector('[part="progress"]') !== null;
      if (state === 'error') return shadow.querySelector('[part="error"]') !== null;
      const tiles = [...shadow.querySelectorAll<ReportTile>('report-tile')];
      return tiles.length > 0 && tiles.every((tile) => tile.shownResult !== null);
    };
    // Never rejects: a page that does not wait for it must not log an unhandled rejection.
    while (!dashboards.every(settled) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    // A tile's table view and a heatmap load on first use: the gallery's own tiles are ready once here.
    await Promise.all([...this.#root.querySelectorAll<ReportTile>('report-tile')].map((tile) => tile.updateComplete.catch(() => false)));
  }

  // ——— Theme tokens ———

  #valueOf(token: TokenDef, scheme: Scheme): string {
    const bucket = token.scope === 'shared' ? this.#values.shared : this.#values[scheme];
    return bucket[token.name] ?? token[scheme];
  }

  #changed(scope: Scheme | 'shared'): [string, string][] {
    const scheme: Scheme = scope === 'dark' ? 'dark' : 'light';
    return tokens
      .filter((token) => (scope === 'shared' ? token.scope === 'shared' : token.scope === 'scheme'))
      .map((token): [string, string] => [token.name, this.#valueOf(token, scheme)])
      .filter(([name, value]) => {
        const token = tokens.find((t) => t.name === name)!;
        return value !== '' && !same(value, token[scheme]);
      });
  }

  /** The CSS a designer copies: unchanged properties keep the kit's defaults and are left out. */
  #css(): string {
    const light = [...this.#changed('shared'), ...this.#changed('light')];
    const dark = this.#changed('dark');
    if (light.length === 0 && dark.length === 0)
      return "/* Nothing changed yet: the kit's defaults apply.\n   Edit a value in this panel and its CSS appears here. */\n";
    const block = (selector: string, entries: [string, string][]) =>
      `${selector} {\n${entries.map(([name, value]) => `  ${name}: ${cleanValue(value)};`).join('\n')}\n}\n`;
    const parts = ['/* conversation-reports theme */'];
    if (light.length) parts.push(block(':root', light));
    if (dark.length) parts.push(`/* Elements with theme="dark" */\n${block("[theme='dark']", dark)}`);
    return parts.join('\n');
  }

  /** The same values, scoped to this gallery's stage, applied with a style element. */
  #stageCss(): string {
    const stage = `[data-gallery-stage='${this.#id}']`;
    const light = [...this.#changed('shared'), ...this.#changed('light')];
    const dark = this.#changed('dark');
    const declarations = (entries: [string, string][]) => entries.map(([name, value]) => `${name}: ${cleanValue(value)};`).join(' ');
    return [
      DARK_WRAPPER_CSS,
      light.length ? `${stage} { ${declarations(light)} }` : '',
      dark.length ? `${stage} :is([theme='dark'], .g-dark) { ${declarations(dark)} }` : '',
    ].join('\n');
  }

  #setToken(name: string, value: string, scheme: Scheme): void {
    const token = tokens.find((t) => t.name === name);
    if (!token) throw new Error(`Unknown custom property ${name}`);
    const bucket = token.scope === 'shared' ? this.#values.shared : this.#values[scheme];
    bucket[name] = value;
    this.#preset = 'Custom';
    this.#applyTokens(true);
  }

  #applyPreset(name: string): void {
    const preset = presets.find((p) => p.name === name);
    if (!preset) return;
    this.#values = { light: { ...preset.light }, dark: { ...preset.dark }, shared: { ...preset.shared } };
    this.#preset = name;
    this.#copyStatus = '';
    this.#applyTokens(true);
  }

  #applyTokens(redraw: boolean): void {
    this.#styleElement.textContent = this.#stageCss();
    this.#render();
    if (!redraw) return;
    // Colour pickers fire on every move: one redraw per frame is plenty.
    cancelAnimationFrame(this.#redraw);
    this.#redraw = requestAnimationFrame(() => {
      const stage = this.#root.querySelector(`[data-gallery-stage='${this.#id}']`);
      if (!stage) return;
      for (const tile of stage.querySelectorAll<ReportTile>('report-tile')) tile.refreshTheme();
      for (const dashboard of stage.querySelectorAll<ConversationDashboard>('conversation-dashboard')) dashboard.refreshTheme();
    });
  }

  async #copy(): Promise<void> {
    const text = this.#css();
    try {
      await navigator.clipboard.writeText(text);
      this.#copyStatus = 'Copied to the clipboard.';
    } catch {
      const area = this.#root.querySelector<HTMLTextAreaElement>('.g-css-output');
      area?.focus();
      area?.select();
      this.#copyStatus = document.execCommand('copy') ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (⌘C) to copy.';
    }
    this.#render();
  }

  // ——— Dialogs ———

  #el<T extends Element>(selector: string): T {
    const element = this.#root.querySelector<T>(`[data-gallery-stage='${this.#id}'] ${selector}`);
    if (!element) throw new Error(`The gallery has no ${selector}`);
    return element;
  }

  #say(text: string): void {
    this.#status = text;
    this.#render();
  }

  async #openDrill(spec: ReportSpec, context: ReportContext, point: DrillPoint, label: string, locale: string): Promise<void> {
    const dialog = this.#el<DrillDialog>('drill-dialog');
    dialog.spec = spec;
    dialog.loadPage = async (request) => drillDown(this.#table, spec, context, point, request);
    dialog.lookups = this.#lookups;
    dialog.locale = locale;
    dialog.timeZone = TIME_ZONE;
    dialog.heading = `${reportTitle(spec, locale)} — ${label}`;
    await dialog.show();
  }

  #openDrillSample = (): Promise<void> => {
    const spec = specs.bar;
    const top = this.#result(spec).rows[0];
    if (!top) return Promise.resolve();
    return this.#openDrill(spec, this.#context('last-30-days'), { key: top.key }, top.label, this.#dialogLocale);
  };

  #open(dialog: GalleryDialog): Promise<void> {
    switch (dialog) {
      case 'drill':
        return this.#openDrillSample();
      case 'editor':
        return this.#openEditor(specs.bar);
      case 'wizard':
        return this.#el<DashboardWizard>('dashboard-wizard').show();
      case 'library':
        return this.#el<ReportLibrary>('report-library').show();
      case 'settings-owner':
        return this.#el<DashboardSettings>('dashboard-settings[data-user="olivia"]').show();
      case 'settings-teammate':
        return this.#el<DashboardSettings>('dashboard-settings[data-user="tom"]').show();
    }
  }

  #onTileDrill = (event: ReportDrillEvent): void => {
    const tile = event.target as Element;
    // Tiles inside a dashboard drill through their dashboard.
    if (tile.localName !== 'report-tile') return;
    const { spec } = tile as ReportTile;
    if (!spec || !this.#results.has(spec.id)) return;
    const { key, series, label } = event.detail;
    const point: DrillPoint = series === undefined ? { key } : { key, series };
    void this.#openDrill(spec, this.#context(this.#rangeOf(spec)), point, label ?? String(key), (tile as ReportTile).locale ?? 'en');
  };

  async #openEditor(spec: ReportSpec): Promise<void> {
    await reportEditorReady;
    this.#editorSpec = spec;
    this.#render();
    const dialog = this.#el<HTMLDialogElement>('.g-editor-dialog');
    await this.#el<ReportEditor>('report-editor').updateComplete;
    if (!dialog.open) dialog.showModal();
  }

  #closeEditor = (): void => {
    const dialog = this.#root.querySelector<HTMLDialogElement>('.g-editor-dialog');
    if (dialog?.open) dialog.close();
    this.#editorSpec = null;
    this.#render();
  };

  #newCustomReport(): ReportSpec {
    return {
      id: `custom-${Date.now().toString(36)}`,
      title: 'New report',
      chartType: 'bar',
      dimension: 'assigneeId',
      measure: { op: 'count' },
      filters: [],
      dateProperty: 'createdAt',
    };
  }

  // ——— Rendering ———

  #render(): void {
    render(this.#view(), this.#root);
  }

  #view(): TemplateResult {
    const id = this.#id;
    const sections: [string, string][] = [
      ['charts', 'Chart types'],
      ['states', 'States'],
      ['permissions', 'Permissions'],
      ['schemes', 'Light & dark'],
      ['languages', 'Languages'],
      ['sizes', 'Sizes'],
      ['dialogs', 'Dialogs'],
      ['theme', 'Theme editor'],
    ];
    return html`
      <div class="g-page">
        <header class="g-topbar">
          <a class="g-brand" href="./index.html">
            <span class="g-logo" aria-hidden="true">◧</span>
            <span>Conversation reports</span>
          </a>
          <a class="g-back" href="./index.html"><span aria-hidden="true">←</span> Back to the demo</a>
        </header>
        <div class="g-hero">
          <p class="g-eyebrow">Designers' gallery</p>
          <h1>Every element, in every state</h1>
          <p class="g-lede">
            The kit's Web Components on generated sample data: eight chart types, loading, empty, error and
            read-only states, light and dark, English, French and Dutch, narrow and wide. Try your brand in the
            theme editor and copy the CSS.
          </p>
          <ul class="g-facts" aria-label="What the gallery covers">
            <li><strong>8</strong> chart types</li>
            <li><strong>5</strong> states</li>
            <li><strong>2</strong> themes</li>
            <li><strong>3</strong> languages</li>
            <li><strong>7</strong> elements</li>
          </ul>
          <nav class="g-nav" aria-label="Gallery sections">
            ${sections.map(([slug, name]) => html`<a href="#${id}-${slug}">${name}</a>`)}
          </nav>
        </div>
        <div class="g-layout">
          <main class="g-stage" data-gallery-stage=${id}>
            ${this.#styleElement} ${this.#chartsSection()} ${this.#statesSection()} ${this.#permissionsSection()}
            ${this.#schemesSection()} ${this.#languagesSection()} ${this.#sizesSection()} ${this.#dialogsSection()}
          </main>
          ${this.#themePanel()}
        </div>
        <footer class="g-footer">
          <p>conversation-reports · sample data generated in your browser · <a href="./index.html">Open the demo dashboard</a></p>
        </footer>
      </div>
    `;
  }

  #section(slug: string, number: string, title: string, lede: TemplateResult | string, body: TemplateResult, extraClass = ''): TemplateResult {
    const id = `${this.#id}-${slug}`;
    return html`<section class="g-section ${extraClass}" id=${id} aria-labelledby="${id}-title" data-gallery-section=${slug}>
      <header class="g-section-head">
        <p class="g-number" aria-hidden="true">${number}</p>
        <div>
          <h2 id="${id}-title">${title}</h2>
          <p class="g-section-lede">${lede}</p>
        </div>
      </header>
      ${body}
    </section>`;
  }

  #tile(spec: ReportSpec, result: ReportResult | null, attrs: { locale?: string; theme?: Scheme; loading?: boolean; error?: string; view?: 'chart' | 'table' } = {}): TemplateResult {
    return html`<report-tile
      .spec=${spec}
      .result=${result}
      locale=${attrs.locale ?? 'en'}
      time-zone=${TIME_ZONE}
      theme=${attrs.theme ?? 'light'}
      view=${attrs.view ?? 'chart'}
      ?loading=${attrs.loading ?? false}
      .error=${attrs.error ?? null}
    ></report-tile>`;
  }

  #chartsSection(): TemplateResult {
    return this.#section(
      'charts',
      '01',
      'Chart types',
      html`Each <code>chartType</code> of a report, computed from the sample data. Click a bar, point or slice (or
        press Enter on it) to open the conversations behind it.`,
      html`<div class="g-grid">
        ${chartSpecimens.map(
          (specimen) => html`<figure class="g-specimen" data-chart-type=${specimen.type}>
            ${this.#tile(specimen.spec, this.#result(specimen.spec))}
            <figcaption><strong>${specimen.name}</strong> <code>chartType: '${specimen.type}'</code><span>${specimen.use}</span></figcaption>
          </figure>`,
        )}
      </div>`,
    );
  }

  #statesSection(): TemplateResult {
    const states: { state: string; name: string; code: string; tile: TemplateResult }[] = [
      { state: 'loading', name: 'Loading', code: 'loading', tile: this.#tile(specs.bar, null, { loading: true }) },
      { state: 'empty', name: 'Empty', code: 'no conversation in range', tile: this.#tile(specs.bar, this.#emptyResult) },
      {
        state: 'error',
        name: 'Error',
        code: 'error="…"',
        tile: this.#tile(specs.bar, null, { error: 'The reports server answered 503 Service Unavailable' }),
      },
      { state: 'table-view', name: 'Table view', code: 'view="table"', tile: this.#tile(specs.column, this.#result(specs.column), { view: 'table' }) },
    ];
    return this.#section(
      'states',
      '02',
      'States',
      'A tile while its report loads, when the range holds no conversation, when the data cannot be read (with Retry), and any chart as its accessible table.',
      html`<div class="g-grid">
          ${states.map(
            (s) => html`<figure class="g-specimen" data-state=${s.state}>
              ${s.tile}
              <figcaption><strong>${s.name}</strong> <code>${s.code}</code></figcaption>
            </figure>`,
          )}
        </div>
        <h3 class="g-subhead">The dashboard while loading and when the source fails</h3>
        <div class="g-pair">
          <figure class="g-frame" data-state="dashboard-loading">
            <figcaption><strong>Loading</strong> <span>a third of the conversations in, the rest on its way</span></figcaption>
            ${this.#dashboard('loading', () => ({ source: this.#sources.stalled, store: new MemoryDashboardStore([glanceDashboard()]), dashboardId: glanceDashboard().id }))}
          </figure>
          <figure class="g-frame" data-state="dashboard-error">
            <figcaption><strong>Error</strong> <span>the source answered 503; Retry loads again</span></figcaption>
            ${this.#dashboard('error', () => ({ source: this.#sources.failing, store: new MemoryDashboardStore([glanceDashboard()]), dashboardId: glanceDashboard().id }))}
          </figure>
        </div>`,
    );
  }

  /** Dashboards are created once (stores and sources are objects); lit keeps the element between renders. */
  #dashboards = new Map<string, TemplateResult>();

  /** A dashboard seen by Vera (Support, may not edit). */
  #dashboard(state: string, make: () => { source: DataSource; store: MemoryDashboardStore; dashboardId: string }): TemplateResult {
    let view = this.#dashboards.get(state);
    if (!view) {
      const { source, store, dashboardId } = make();
      view = html`<conversation-dashboard
        data-gallery-state=${state}
        dashboard-id=${dashboardId}
        range="last-30-days"
        time-zone=${TIME_ZONE}
        locale="en"
        .now=${this.#now}
        .store=${store}
        .user=${users.vera}
        .teams=${teams}
        .dataSource=${source}
      ></conversation-dashboard>`;
      this.#dashboards.set(state, view);
    }
    return view;
  }

  #permissionsSection(): TemplateResult {
    return this.#section(
      'permissions',
      '03',
      'Permissions',
      html`What a reader without <code>canEdit</code> sees: the Support team's dashboard, shared with Vera, read only.`,
      html`<div class="g-callout" role="note">
          <p><strong>Signed in as Vera</strong>, a member of Support who may not edit.</p>
          <ul>
            <li>No Create dashboard, Add report or Settings buttons.</li>
            <li>Tile menus offer the table view and exports only: no Edit, Move or Remove.</li>
            <li>Dashboard settings opened by someone who is not the owner: see <a href="#${this.#id}-dialogs">Dialogs</a>.</li>
          </ul>
        </div>
        <div class="g-frame g-frame-plain" data-state="no-permission">
          ${this.#dashboard('read-only', () => ({ source: this.#sources.ready, store: this.#store, dashboardId: sharedDashboard().id }))}
        </div>`,
    );
  }

  #schemesSection(): TemplateResult {
    const column = (scheme: Scheme) => html`<div class="g-scheme ${scheme === 'dark' ? 'g-dark' : 'g-light'}" data-scheme=${scheme}>
      <p class="g-scheme-label">${scheme === 'dark' ? html`Dark <code>theme="dark"</code>` : html`Light <code>theme="light"</code>`}</p>
      ${this.#tile(specs.line, this.#result(specs.line), { theme: scheme })}
      ${this.#tile(specs.donut, this.#result(specs.donut), { theme: scheme })}
      ${this.#tile(specs.kpi, this.#result(specs.kpi), { theme: scheme })}
      ${this.#tile(specs.bar, null, { theme: scheme, error: 'The reports server answered 503 Service Unavailable' })}
    </div>`;
    return this.#section(
      'schemes',
      '04',
      'Light & dark',
      html`The same reports in the kit's light and dark values, or in yours from the theme editor.
        <code>theme="auto"</code> follows the reader's colour scheme.`,
      html`<div class="g-pair g-pair-tight">${column('light')} ${column('dark')}</div>`,
    );
  }

  #languagesSection(): TemplateResult {
    return this.#section(
      'languages',
      '05',
      'Languages',
      html`The <code>locale</code> attribute: texts, numbers, dates and durations in English, French and Dutch.`,
      html`<div class="g-triple">
        ${(['en', 'fr', 'nl'] as const).map(
          (locale) => html`<div class="g-locale" lang=${locale} data-locale=${locale}>
            <p class="g-scheme-label">${localeNames[locale]} <code>locale="${locale}"</code></p>
            ${this.#tile(specs.line, this.#result(specs.line), { locale })}
            ${this.#tile(specs.closedTable, this.#result(specs.closedTable), { locale })}
            ${this.#tile(specs.kpi, this.#result(specs.kpi), { locale })}
            ${this.#tile(specs.bar, this.#emptyResult, { locale })}
          </div>`,
        )}
      </div>`,
    );
  }

  #sizesSection(): TemplateResult {
    const frame = (size: 'narrow' | 'wide', label: string) => html`<figure class="g-frame g-size-${size}" data-size=${size}>
      <figcaption><strong>${label}</strong></figcaption>
      <div class="g-size-tiles">
        ${this.#tile(specs.pageUrl, this.#result(specs.pageUrl))} ${this.#tile(specs.column, this.#result(specs.column))}
      </div>
    </figure>`;
    return this.#section(
      'sizes',
      '06',
      'Sizes',
      'Tiles fill their container: long labels are shortened (never in exports), axes thin out, and the menu stays in reach.',
      html`<div class="g-sizes">${frame('narrow', 'Narrow · 360 px')} ${frame('wide', 'Wide · the full column')}</div>`,
    );
  }

  #dialogsSection(): TemplateResult {
    const theme = this.#dialogTheme;
    const locale = this.#dialogLocale;
    const card = (name: string, tag: string, text: string, buttons: TemplateResult) => html`<article class="g-card" data-element=${tag}>
      <h3>${name}</h3>
      <p class="g-card-tag"><code>&lt;${tag}&gt;</code></p>
      <p>${text}</p>
      <div class="g-card-actions">${buttons}</div>
    </article>`;
    const dashboard = this.#shared;
    return this.#section(
      'dialogs',
      '07',
      'Dialogs',
      'The modal elements, each opened by its button, in the theme and language chosen here.',
      html`<form class="g-toolbar" aria-label="Open dialogs in" @submit=${(e: Event) => e.preventDefault()}>
          <label
            >Theme
            <select
              name="theme"
              @change=${(e: Event) => {
                this.#dialogTheme = (e.target as HTMLSelectElement).value as Scheme;
                this.#render();
              }}
            >
              <option value="light" ?selected=${theme === 'light'}>Light</option>
              <option value="dark" ?selected=${theme === 'dark'}>Dark</option>
            </select>
          </label>
          <label
            >Language
            <select
              name="locale"
              @change=${(e: Event) => {
                this.#dialogLocale = (e.target as HTMLSelectElement).value as GalleryLocale;
                this.#render();
              }}
            >
              ${(['en', 'fr', 'nl'] as const).map((l) => html`<option value=${l} ?selected=${locale === l}>${localeNames[l]}</option>`)}
            </select>
          </label>
        </form>
        <div class="g-cards">
          ${card(
            'Drill-down',
            'drill-dialog',
            'The conversations behind the top bar of “Chat volume by assignee”: sortable, paged, exportable.',
            html`<button type="button" class="g-button" data-open="drill" @click=${() => void this.#open('drill')}>Open the conversations</button>`,
          )}
          ${card(
            'Report editor',
            'report-editor',
            'Chart type, display slots, filters and a live preview, opened on “Chat volume by assignee”.',
            html`<button type="button" class="g-button" data-open="editor" @click=${() => void this.#open('editor')}>Edit a report</button>`,
          )}
          ${card(
            'Dashboard wizard',
            'dashboard-wizard',
            'Creates a dashboard from a template: reports, name, who can see it. Saved in memory only.',
            html`<button
              type="button"
              class="g-button"
              data-open="wizard"
              @click=${() => void this.#open('wizard')}
            >
              Create a dashboard
            </button>`,
          )}
          ${card(
            'Report library',
            'report-library',
            'Ready-made reports to add, plus “Create custom report”, which opens the editor.',
            html`<button type="button" class="g-button" data-open="library" @click=${() => void this.#open('library')}>
              Add a report
            </button>`,
          )}
          ${card(
            'Dashboard settings',
            'dashboard-settings',
            'Rename, sharing and delete for the owner; a teammate who is not the owner may rename and reads who it is shared with.',
            html`<button
                type="button"
                class="g-button"
                data-open="settings-owner"
                @click=${() => void this.#open('settings-owner')}
              >
                As the owner
              </button>
              <button
                type="button"
                class="g-button g-button-quiet"
                data-open="settings-teammate"
                @click=${() => void this.#open('settings-teammate')}
              >
                As a teammate
              </button>`,
          )}
        </div>
        <article class="g-card g-card-wide" data-element="csv-import">
          <h3>CSV import</h3>
          <p class="g-card-tag"><code>&lt;csv-import&gt;</code></p>
          <p>Not a dialog, but a form: pick an export, check how its columns map, load.</p>
          <csv-import locale=${locale} time-zone=${TIME_ZONE} theme=${theme}></csv-import>
        </article>
        <p class="g-status" role="status" aria-live="polite">${this.#status}</p>
        <div class="g-dialog-hosts ${theme === 'dark' ? 'g-dark' : ''}">
          <drill-dialog locale=${locale} time-zone=${TIME_ZONE} theme=${theme}></drill-dialog>
          <dashboard-wizard
            .store=${this.#wizardStore}
            .user=${users.olivia}
            .teams=${teams}
            locale=${locale}
            theme=${theme}
            @dashboard-create=${(e: CustomEvent<{ dashboard: Dashboard }>) => this.#say(`Created “${e.detail.dashboard.name}” (kept in memory).`)}
          ></dashboard-wizard>
          <report-library
            .existingIds=${onDashboard}
            locale=${locale}
            theme=${theme}
            @report-add=${(e: CustomEvent<{ spec: ReportSpec }>) => this.#say(`Added “${e.detail.spec.title}” (the gallery keeps nothing).`)}
            @report-create-custom=${() => void this.#openEditor(this.#newCustomReport())}
          ></report-library>
          ${(['olivia', 'tom'] as const).map(
            (user) => html`<dashboard-settings
              data-user=${user}
              .store=${this.#store}
              .user=${users[user]}
              .dashboard=${dashboard}
              .teams=${teams}
              .existingNames=${noNames}
              locale=${locale}
              theme=${theme}
              @dashboard-change=${(e: CustomEvent<{ dashboard: Dashboard }>) => {
                this.#shared = e.detail.dashboard;
                this.#say(`Saved “${e.detail.dashboard.name}” in memory.`);
              }}
              @dashboard-delete=${() => this.#say('Deleted from the in-memory store.')}
            ></dashboard-settings>`,
          )}
          <dialog class="g-editor-dialog ${theme === 'dark' ? 'g-dark' : ''}" aria-label="Edit report" @close=${this.#closeEditor}>
            ${this.#editorSpec
              ? html`<report-editor
                  .spec=${this.#editorSpec}
                  .table=${this.#table}
                  .context=${this.#context('last-30-days')}
                  .lookups=${this.#lookups}
                  locale=${locale}
                  theme=${theme}
                  @report-save=${(e: CustomEvent<{ spec: ReportSpec }>) => {
                    this.#closeEditor();
                    this.#say(`Saved “${e.detail.spec.title}” (the gallery keeps nothing).`);
                  }}
                  @report-cancel=${this.#closeEditor}
                ></report-editor>`
              : nothing}
          </dialog>
        </div>`,
    );
  }

  #themePanel(): TemplateResult {
    const scheme = this.#editing;
    const field = (token: TokenDef) => {
      const value = this.#valueOf(token, scheme);
      const inputId = `${this.#id}-token-${token.name.slice(2)}`;
      const changed = !same(value, token[token.scope === 'shared' ? 'light' : scheme]);
      const onInput = (e: Event) => this.#setToken(token.name, (e.target as HTMLInputElement).value, scheme);
      let control: TemplateResult;
      if (token.kind === 'color') {
        control = html`<input id=${inputId} type="color" .value=${isColor(value) && /^#[0-9a-f]{6}$/i.test(value) ? value : '#000000'} @input=${onInput} />
          <code class="g-token-value">${value}</code>`;
      } else if (token.kind === 'length') {
        const number = Number.parseFloat(value);
        control = html`<input
            id=${inputId}
            type="range"
            min=${token.min ?? 0}
            max=${token.max ?? 100}
            .value=${String(number)}
            @input=${(e: Event) => this.#setToken(token.name, `${(e.target as HTMLInputElement).value}px`, scheme)}
          />
          <code class="g-token-value">${value}</code>`;
      } else {
        control = html`<input id=${inputId} type="text" spellcheck="false" .value=${value} @change=${onInput} />`;
      }
      const swatches =
        token.name === '--cr-chart-palette'
          ? html`<span class="g-swatches" aria-hidden="true">
              ${splitColorList(value).map((color) => html`<span class="g-swatch ${isColor(color) ? '' : 'g-swatch-bad'}" style=${isColor(color) ? `background:${color}` : ''}></span>`)}
            </span>`
          : nothing;
      return html`<div class="g-token g-token-${token.kind} ${changed ? 'g-token-changed' : ''}" data-token=${token.name}>
        <label for=${inputId}><span class="g-token-label">${token.label}</span> <span class="g-token-name">${token.name}</span></label>
        <div class="g-token-control">${control}</div>
        ${swatches} ${token.hint ? html`<p class="g-token-hint">${token.hint}</p>` : nothing}
      </div>`;
    };
    const schemeTokens = tokens.filter((t) => t.scope === 'scheme');
    const sharedTokens = tokens.filter((t) => t.scope === 'shared');
    const css = this.#css();
    return html`<aside class="g-panel" id="${this.#id}-theme" aria-labelledby="${this.#id}-theme-title">
      <details
        class="g-panel-details"
        ?open=${this.#panelOpen}
        @toggle=${(e: Event) => (this.#panelOpen = (e.target as HTMLDetailsElement).open)}
      >
        <summary class="g-panel-head">
          <span class="g-eyebrow">Theme editor</span>
          <h2 id="${this.#id}-theme-title">Custom properties</h2>
        </summary>
        <div class="g-panel-inner">
          <p class="g-panel-intro">Edits the public <code>--cr-*</code> properties on the gallery, live. Charts redraw with them.</p>
          <div class="g-panel-row">
            <label for="${this.#id}-preset">Start from</label>
            <select id="${this.#id}-preset" @change=${(e: Event) => this.#applyPreset((e.target as HTMLSelectElement).value)}>
              ${presets.map((p) => html`<option value=${p.name} ?selected=${this.#preset === p.name}>${p.name}</option>`)}
              ${this.#preset === 'Custom' ? html`<option value="Custom" selected disabled>Custom</option>` : nothing}
            </select>
          </div>
          <fieldset class="g-segmented">
            <legend>Colours for</legend>
            ${(['light', 'dark'] as const).map(
              (s) => html`<label class=${scheme === s ? 'is-on' : ''}
                ><input
                  type="radio"
                  name="${this.#id}-scheme"
                  value=${s}
                  .checked=${scheme === s}
                  @change=${() => {
                    this.#editing = s;
                    this.#render();
                  }}
                />${s === 'light' ? 'Light' : 'Dark'}</label
              >`,
            )}
          </fieldset>
          <h3 class="g-panel-subhead">Colours · ${scheme}</h3>
          <div class="g-tokens">${schemeTokens.map(field)}</div>
          <h3 class="g-panel-subhead">Type, shape and charts</h3>
          <div class="g-tokens">${sharedTokens.map(field)}</div>
          <h3 class="g-panel-subhead"><label for="${this.#id}-css">Your CSS</label></h3>
          <textarea
            id="${this.#id}-css"
            class="g-css-output"
            readonly
            wrap="off"
            spellcheck="false"
            rows=${Math.min(24, Math.max(6, css.split('\n').length))}
            .value=${css}
          ></textarea>
          <div class="g-panel-actions">
            <button type="button" class="g-button" data-action="copy-css" @click=${() => void this.#copy()}>Copy CSS</button>
            <button type="button" class="g-button g-button-quiet" data-action="reset" @click=${() => this.#applyPreset('Kit default')}>Reset</button>
            <span class="g-copy-status" role="status">${this.#copyStatus}</span>
          </div>
        </div>
      </details>
    </aside>`;
  }
}
