import type { ChartType, ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportResult } from '../../core/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { ChartOption } from '../echarts.ts';
import { escapeHtml, shortUrlLabel, truncateLabel } from '../escape.ts';
import { MAX_VALUE_TICKS, axisLayout, columnLabelLayout, estimateTextWidth, pageUrlShortener, type ColumnLabels } from './axis-layout.ts';
import { pivotResult } from './pivot.ts';
import { TYPED_ARRAY_THRESHOLD, typedLineData } from './series-data.ts';
import type { Pivot } from './pivot.ts';
import { bucketKeyLabel, createValueFormatter } from './value-format.ts';
import type { ValueFormatter } from './value-format.ts';
import type { ChartOptionSettings } from './chart-option-settings.ts';

export type { ChartOptionSettings } from './chart-option-settings.ts';

/** The chart types drawn by ECharts; `table` and `kpi` are plain HTML (see table-model.ts, kpi-model.ts). */
export type GraphicChartType = Exclude<ChartType, 'table' | 'kpi'>;

export const DEFAULT_LABEL_MAX = 24;

/** Above this many points a line is down-sampled (LTTB keeps its peaks) instead of drawing every point. */
export const SAMPLING_THRESHOLD = 2_000;

/** Height (px) the scrolling legend takes at the chart's bottom. */
const LEGEND_HEIGHT = 28;

/** (v2) At most this many bars (one series) get their value written on them; more would crowd. */
export const VALUE_LABEL_MAX_BARS = 12;

/**
 * What every data item carries besides its value, so that a click maps back to the report row.
 * `series` is absent when the report has no breakdown.
 */
export interface ChartDataItem {
  value: number | null;
  key: GroupKey;
  series?: GroupKey;
  /** Pie slices only: the slice's full label. */
  name?: string;
  /** Plain text a screen reader announces for this point: "Alice Martin · Chat: 42". */
  spoken?: string;
}

export function isGraphicChartType(type: ChartType): type is GraphicChartType {
  return type !== 'table' && type !== 'kpi';
}

/** The part of ECharts' callback parameters the formatters read. */
interface CallbackParams {
  seriesIndex?: number;
  dataIndex?: number;
  color?: unknown;
  data?: unknown;
  percent?: number;
}

function valueOf(params: CallbackParams): number | null {
  const data = params.data;
  // A typed-array series gives its point as [index, value] (NaN for none).
  if (Array.isArray(data)) return typeof data[1] === 'number' && data[1] === data[1] ? data[1] : null;
  if (data && typeof data === 'object' && 'value' in data) {
    const value = (data as { value: unknown }).value;
    return typeof value === 'number' ? value : null;
  }
  return typeof data === 'number' ? data : null;
}

/** Palette colours a tooltip swatch can show: `chart-view.styles.ts` has one class per index. */
export const TOOLTIP_SWATCHES = 12;

/**
 * The colour swatch of a tooltip line. ECharts' own `marker` is HTML with the colour in a `style`
 * attribute, which a Content-Security-Policy without `'unsafe-inline'` in `style-src` blocks. Ours
 * names the colour's place in the palette by class (`cr-swatch-<n>`, a number: nothing from data or
 * page CSS reaches the markup); `<cr-chart-view>`, where the tooltip lives, paints those classes
 * from custom properties it sets through the CSSOM, which CSP allows.
 */
function marker(color: unknown, palette: readonly string[]): string {
  if (typeof color !== 'string') return '';
  const wanted = color.trim().toLowerCase();
  const index = palette.findIndex((entry) => entry.trim().toLowerCase() === wanted);
  return `<span class="cr-tooltip-marker${index >= 0 && index < TOOLTIP_SWATCHES ? ` cr-swatch-${index}` : ''}"></span>`;
}

/**
 * Longest label or series name in a tooltip, in characters: enough to tell long page URLs and names
 * apart, short enough that a visitor's 10 000-character name cannot cover the page.
 */
export const TOOLTIP_LABEL_MAX = 160;

/** The tooltip's first line (the category or slice); bold by class, not by a style attribute (see `marker`). */
function tooltipTitle(label: string): string {
  return `<div class="cr-tooltip-title">${escapeHtml(truncateLabel(label, TOOLTIP_LABEL_MAX))}</div>`;
}

const NICE_DURATION_STEPS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
  60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000,
  3_600_000, 2 * 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000,
  86_400_000, 2 * 86_400_000, 7 * 86_400_000, 14 * 86_400_000, 30 * 86_400_000,
];

/**
 * ECharts picks "nice" decimal ticks (2 000 000 ms), which read as "33 min 20 s". Ticks on whole
 * seconds / minutes / hours / days read as "10 min, 20 min, 30 min".
 */
function durationTicks(max: number, targetTicks = MAX_VALUE_TICKS): { interval: number; max: number } | undefined {
  if (!(max > 0)) return undefined;
  let step = NICE_DURATION_STEPS.find((candidate) => max / candidate <= targetTicks);
  if (step === undefined) {
    const days = max / targetTicks / 86_400_000;
    const magnitude = 10 ** Math.floor(Math.log10(days));
    const nice = [1, 2, 5, 10].find((factor) => factor * magnitude >= days) ?? 10;
    step = nice * magnitude * 86_400_000;
  }
  return { interval: step, max: Math.ceil(max / step) * step };
}

function valueExtentMax(pivot: Pivot, stacked: boolean, previous: readonly (number | null)[] = []): number {
  let max = 0;
  // The previous period shares the value axis: a busier last month must not be cut off at the top.
  for (const value of previous) if (value !== null) max = Math.max(max, value);
  pivot.categories.forEach((_, category) => {
    let sum = 0;
    for (const series of pivot.series) {
      const value = series.values[category] ?? 0;
      if (stacked) sum += Math.max(0, value);
      else max = Math.max(max, value);
    }
    if (stacked) max = Math.max(max, sum);
  });
  return max;
}

/** (v2) The previous period drawn beside the current one, as the screen-reader description names it. */
interface DescribedPrevious {
  name: string;
  /** One entry per category that has a previous value: the previous bucket's date, or the category. */
  points: { label: string; value: number | null }[];
}

function describePrevious(previous: DescribedPrevious, format: ValueFormatter, limit: number): string {
  const points = previous.points.filter((point) => point.value !== null);
  if (points.length === 0) return '';
  const parts = points.slice(0, limit).map((point) => `${point.label}: ${format(point.value)}`);
  return `. ${previous.name}: ${parts.join('; ')}${points.length > limit ? '; …' : ''}`;
}

function describe(spec: ReportSpec, pivot: Pivot, format: ValueFormatter, previous?: DescribedPrevious): string {
  const limit = 12;
  const parts: string[] = [];
  let total = 0;
  for (const series of pivot.series) {
    series.values.forEach((value, category) => {
      total += 1;
      if (parts.length >= limit || value === null) return;
      const label = pivot.categories[category]!.label;
      parts.push(pivot.breakdown ? `${series.name}, ${label}: ${format(value)}` : `${label}: ${format(value)}`);
    });
  }
  const more = total > parts.length && parts.length === limit ? '; …' : '';
  const before = previous ? describePrevious(previous, format, limit) : '';
  return parts.length > 0 ? `${spec.title}. ${parts.join('; ')}${more}${before}` : `${spec.title}${before}`;
}

interface Context {
  spec: ReportSpec;
  settings: ChartOptionSettings;
  pivot: Pivot;
  format: ValueFormatter;
  labelMax: number;
  /** Shortens a category label for an axis or a slice: page URLs in the middle, the rest at the end. */
  shorten: (text: string, max: number) => string;
}

const QUARTER = Math.PI / 4;
/**
 * Twelve patterns, one per slice a pie can have (it folds the rest into Other) and per series of most
 * breakdowns: dots, squares, triangles and diamonds, then stripes in four directions, then sparse
 * and rotated shapes. No two alike, so no slice shares another's pattern.
 */
export const SLICE_DECALS: readonly Readonly<Record<string, unknown>>[] = [
  { symbol: 'circle', symbolSize: 0.8 },
  { symbol: 'rect', symbolSize: 0.8 },
  { symbol: 'triangle', symbolSize: 0.8 },
  { symbol: 'diamond', symbolSize: 0.9 },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [[8, 0]], dashArrayY: [3, 5], rotation: QUARTER },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [[8, 0]], dashArrayY: [3, 5], rotation: -QUARTER },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [[8, 0]], dashArrayY: [2, 6], rotation: 2 * QUARTER },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [[8, 0]], dashArrayY: [2, 6], rotation: 0 },
  { symbol: 'circle', symbolSize: 0.4, dashArrayX: [[2, 6]], dashArrayY: [2, 6] },
  { symbol: 'triangle', symbolSize: 0.8, rotation: 2 * QUARTER * 2 },
  { symbol: 'roundRect', symbolSize: 0.7, rotation: QUARTER },
  { symbol: 'pin', symbolSize: 0.8 },
];

function common(context: Context, description: string): ChartOption {
  const { settings } = context;
  const decals = context.pivot.breakdown || context.spec.chartType === 'pie' || context.spec.chartType === 'donut';
  const textStyle: Record<string, string> = { color: settings.textColor };
  if (settings.fontFamily) textStyle.fontFamily = settings.fontFamily;
  const option: ChartOption = {
    animation: !settings.reducedMotion,
    backgroundColor: 'transparent',
    textStyle,
    aria: {
      enabled: true,
      // Patterns tell series and slices apart without colour; one-series bars need none.
      // Our own set: ECharts' default repeats its patterns from the 9th slice on (see SLICE_DECALS).
      decal: decals ? { show: true, decals: SLICE_DECALS.map((decal) => ({ ...decal })) } : { show: false },
      label: { enabled: true, description },
    },
  };
  if (settings.palette.length > 0) option.color = [...settings.palette];
  return option;
}

/** A see-through tooltip would be unreadable over the chart, so a transparent surface keeps ECharts' default. */
function solidBackground(settings: ChartOptionSettings): string | undefined {
  const background = settings.background?.trim();
  return background && background !== 'transparent' ? background : undefined;
}

function tooltipBase(settings: ChartOptionSettings) {
  const background = solidBackground(settings);
  return {
    confine: true,
    renderMode: 'html' as const,
    ...(background ? { backgroundColor: background, borderColor: settings.axisColor } : {}),
    textStyle: { color: settings.textColor, ...(settings.fontFamily ? { fontFamily: settings.fontFamily } : {}) },
  };
}

/** Wide (East Asian) characters: about twice the advance `estimateTextWidth` allows a character. */
const WIDE_CHARACTERS = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/**
 * Whether a horizontal legend of `names` fits on one line of `width` px, estimated with 15 % to
 * spare: ECharts' plain legend would wrap it onto a second line, over the axis labels. Per entry:
 * the 25 px symbol, a 5 px gap before the text, 10 px before the next entry; 5 px padding each side.
 */
function legendFitsOneLine(names: readonly string[], width: number | undefined): boolean {
  if (width === undefined) return false;
  let used = 10;
  for (const name of names) used += 25 + 5 + estimateTextWidth(name) + estimateTextWidth(name.match(WIDE_CHARACTERS)?.join('') ?? '') + 10;
  return used - 10 <= width * 0.85;
}

/**
 * The legend below a chart: plain when it fits on one line (or is hidden), else scrolling, paged
 * with arrows (registered on first use, see chart-modules.ts); both draw a legend that fits alike.
 */
function legend(context: Context, show: boolean, names: readonly string[] = []) {
  const { settings, labelMax } = context;
  const scroll = show && !legendFitsOneLine(names.map((name) => truncateLabel(name, labelMax)), settings.width);
  return {
    show,
    type: scroll ? ('scroll' as const) : ('plain' as const),
    // Where the scrolling legend puts entries that fit: centred on its hidden 15 px page buttons,
    // half a pixel above the bottom of the 14 px entries.
    bottom: scroll ? 0 : 0.5,
    textStyle: { color: settings.textColor },
    pageTextStyle: { color: settings.textColor },
    formatter: (name: string) => truncateLabel(name, labelMax),
    tooltip: {
      show: true,
      formatter: (params: unknown) => escapeHtml(truncateLabel(String((params as { name?: unknown }).name ?? ''), TOOLTIP_LABEL_MAX)),
    },
  };
}

/**
 * (v2) The previous period beside a chart of one series: bars matched by key (a category), or over
 * time a ghost line whose point i is the previous period's bucket paired with bucket i (the rows'
 * `previousKey`; see core/engine/previous-buckets.ts). A breakdown gets neither: twice its series
 * would not read.
 */
interface Comparison {
  name: string;
  /** One per category, in category order; null where the previous period has no value or no bucket. */
  values: (number | null)[];
  /** Over time: the previous bucket's date as the reader reads it, per category (null where none). */
  dates: (string | null)[];
}

function comparisonOf(result: ReportResult, spec: ReportSpec, pivot: Pivot, settings: ChartOptionSettings): Comparison | null {
  if (pivot.breakdown || !result.rows.some((row) => row.previous)) return null;
  const byKey = new Map(result.rows.map((row) => [JSON.stringify(row.key), row]));
  const rows = pivot.categories.map((category) => byKey.get(JSON.stringify(category.key)));
  const finite = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  return {
    name: settings.previousLabel ?? 'Previous period',
    values: rows.map((row) => finite(row?.previous?.value)),
    dates: rows.map((row) => (row?.previousKey === undefined ? null : bucketKeyLabel(row.previousKey, spec, settings))),
  };
}

/** Comparison bars (bar, column) or a ghost line (line, area), or none: what a chart type draws of a comparison. */
function comparisonKind(type: GraphicChartType, comparison: Comparison | null): 'bars' | 'ghost' | null {
  if (!comparison) return null;
  if (type === 'bar' || type === 'column') return 'bars';
  // Over time only: a line by category has no bucket to pair its points with.
  if ((type === 'line' || type === 'area') && comparison.dates.some((date) => date !== null)) return 'ghost';
  return null;
}

function cartesian(type: 'bar' | 'column' | 'line' | 'area', context: Context, option: ChartOption, columnLabels?: ColumnLabels, comparison?: Comparison | null): ChartOption {
  const { settings, pivot, format, labelMax } = context;
  const barLike = type === 'bar' || type === 'column';
  // (v2) Few bars of one series carry their value; with a comparison, the previous period's bars stand beside them.
  const valueLabels = barLike && !pivot.breakdown && pivot.categories.length <= VALUE_LABEL_MAX_BARS;
  const kind = comparisonKind(type, comparison ?? null);
  const comparing = kind === 'bars';
  const ghost = kind === 'ghost';
  const horizontal = type === 'bar';
  const stacked = pivot.breakdown && type !== 'line';
  const pointCount = pivot.categories.length;
  const extentMax = valueExtentMax(pivot, stacked, kind ? comparison!.values : []);
  const layout = axisLayout({
    width: settings.width,
    horizontal,
    labelMax,
    categories: pivot.categories.map((category) => context.shorten(category.label, labelMax)),
    valueLabels: [extentMax, extentMax * 0.75, extentMax / 2].map((value) => format(value)),
  });

  const categoryAxis = {
    type: 'category' as const,
    data: pivot.categories.map((category) => category.label),
    // Rows arrive sorted (largest first); a horizontal bar chart reads top-down, so the first row goes on top.
    inverse: horizontal,
    boundaryGap: type === 'bar' || type === 'column',
    axisLabel: {
      color: settings.textColor,
      // A column chart names every bar (see columnLabelLayout); lines and horizontal bars thin out.
      ...(columnLabels ? { ...columnLabels, hideOverlap: false } : { hideOverlap: true }),
      formatter: (value: string | number) => context.shorten(String(value), layout.labelMax),
    },
    axisLine: { lineStyle: { color: settings.axisColor } },
    axisTick: { alignWithLabel: true, lineStyle: { color: settings.axisColor } },
  };
  const ticks = settings.valueKind === 'duration' ? durationTicks(extentMax, layout.valueTicks) : undefined;
  const valueAxis = {
    type: 'value' as const,
    ...(settings.valueKind === 'number' ? {} : { min: 0 }),
    ...(settings.valueKind === 'count' ? { minInterval: 1 } : {}),
    // Fewer ticks in a narrow chart, so that the value labels fit side by side (durations set their own interval).
    splitNumber: layout.valueTicks,
    ...(ticks ?? {}),
    // The origin is "0" whatever the unit: "0 ms" under an axis of hours reads as a unit change.
    axisLabel: { color: settings.textColor, hideOverlap: true, formatter: (value: number) => (value === 0 ? formatNumber(0, settings.locale) : format(value)) },
    axisLine: { show: false, lineStyle: { color: settings.axisColor } },
    splitLine: { lineStyle: { color: settings.gridColor } },
  };

  // Lines of many points go as typed arrays, their points named by position (see series-data.ts).
  const typed = (type === 'line' || type === 'area') && pointCount > TYPED_ARRAY_THRESHOLD;
  const pointKeys = typed ? pivot.categories.map((category) => category.key) : [];
  const series = pivot.series.map((entry) => {
    const data: ChartDataItem[] | Float64Array = typed ? typedLineData(entry.values) : entry.values.map((value, index) => {
      const category = pivot.categories[index]!;
      const seriesName = pivot.breakdown ? ` · ${entry.name}` : '';
      const item: ChartDataItem = { value, key: category.key, spoken: `${category.label}${seriesName}: ${format(value)}` };
      if (entry.key !== undefined) item.series = entry.key;
      return item;
    });
    const base = {
      name: entry.name,
      // ECharts takes typed arrays as series data at run time; its option types only list item arrays.
      data: data as ChartDataItem[],
      // A typed array is read as flat [x, y] pairs: ECharts needs their dimensions named.
      ...(typed ? { dimensions: ['x', 'y'], encode: { x: 'x', y: 'y' }, pointKeys, ...(entry.key !== undefined ? { seriesKey: entry.key } : {}) } : {}),
      cursor: 'pointer',
      ...(stacked ? { stack: 'total' } : {}),
    };
    if (type === 'bar' || type === 'column') {
      return {
        ...base,
        type: 'bar' as const,
        barMaxWidth: 48,
        emphasis: { focus: 'series' as const },
        ...(valueLabels
          ? { label: { show: true, position: horizontal ? ('right' as const) : ('top' as const), color: settings.textColor, formatter: (params: unknown) => format(valueOf(params as CallbackParams)) } }
          : {}),
      };
    }
    const sparse = pointCount <= 60;
    return {
      ...base,
      type: 'line' as const,
      showSymbol: sparse,
      symbolSize: 6,
      connectNulls: false,
      ...(type === 'area' ? { areaStyle: { opacity: stacked ? 0.55 : 0.3 } } : {}),
      ...(pointCount > SAMPLING_THRESHOLD ? { sampling: 'lttb' as const } : {}),
    };
  });

  // The previous period is context, not a point to drill: muted, and not clickable.
  const previousName = comparison?.name ?? '';
  const previousDate = (index: number) => comparison?.dates[index] ?? null;
  const previousItems = () =>
    pivot.categories.map((category, index) => {
      const value = comparison!.values[index] ?? null;
      const date = previousDate(index);
      return { value, key: category.key, spoken: `${category.label} · ${previousName}${date ? ` (${date})` : ''}: ${format(value)}` };
    });
  if (comparing) {
    series.push({
      name: previousName,
      type: 'bar' as const,
      barMaxWidth: 48,
      silent: true,
      itemStyle: { color: settings.axisColor, opacity: 0.55 },
      data: previousItems(),
    } as unknown as (typeof series)[number]);
  }
  if (ghost) {
    // A ghost of the current line: the previous period's buckets, dashed in the axis colour, behind it.
    series.push({
      name: previousName,
      type: 'line' as const,
      silent: true,
      z: 1,
      showSymbol: false,
      symbolSize: 4,
      connectNulls: false,
      lineStyle: { type: 'dashed' as const, width: 1.5, color: settings.axisColor, opacity: 0.8 },
      itemStyle: { color: settings.axisColor, opacity: 0.8 },
      emphasis: { disabled: true },
      ...(type === 'area' ? { areaStyle: { color: settings.axisColor, opacity: 0.08 } } : {}),
      data: typed ? typedLineData(comparison!.values) : previousItems(),
      ...(typed ? { dimensions: ['x', 'y'], encode: { x: 'x', y: 'y' } } : {}),
      ...(pointCount > SAMPLING_THRESHOLD ? { sampling: 'lttb' as const } : {}),
    } as unknown as (typeof series)[number]);
  }

  const ghostIndex = ghost ? series.length - 1 : -1;
  const seriesNames = [...pivot.series.map((entry) => entry.name), ...(comparing || ghost ? [previousName] : [])];
  const tooltip = {
    ...tooltipBase(settings),
    trigger: 'axis' as const,
    axisPointer: { type: type === 'line' || type === 'area' ? ('line' as const) : ('shadow' as const) },
    formatter: (raw: unknown) => {
      const params = (Array.isArray(raw) ? raw : [raw]) as CallbackParams[];
      const first = params[0];
      if (!first || first.dataIndex === undefined) return '';
      const label = pivot.categories[first.dataIndex]?.label ?? '';
      const lines = params.map((param) => {
        // The previous period's line names the bucket it comes from: "Previous period · Aug 31".
        const date = (comparing || ghost) && param.seriesIndex === seriesNames.length - 1 ? previousDate(param.dataIndex ?? -1) : null;
        const seriesName = `${seriesNames[param.seriesIndex ?? -1] ?? ''}${date ? ` · ${date}` : ''}`;
        const name = pivot.breakdown || comparing || ghost ? `${escapeHtml(truncateLabel(seriesName, TOOLTIP_LABEL_MAX))}: ` : '';
        return `<div class="cr-tooltip-line">${marker(param.color, settings.palette)}${name}<strong>${escapeHtml(format(valueOf(param)))}</strong></div>`;
      });
      return `${tooltipTitle(label)}${lines.join('')}`;
    },
  };

  const showLegend = pivot.breakdown || comparing || ghost;
  // Room for the value written after the longest horizontal bar.
  const labelRoom = valueLabels && horizontal ? Math.ceil(estimateTextWidth(format(extentMax))) + 8 : 0;
  return {
    ...option,
    grid: {
      left: 12,
      right: 24 + labelRoom,
      top: valueLabels && !horizontal ? 24 : 16,
      bottom: showLegend ? 48 : 20,
      // Labels that need more room than that (rotated columns) shrink the plot, not overlap the legend.
      ...(showLegend ? { outerBounds: { left: 0, right: 0, top: 0, bottom: LEGEND_HEIGHT } } : {}),
    },
    legend: legend(context, showLegend, seriesNames),
    tooltip,
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  } satisfies ChartOption;
}

/** How many rows a horizontal legend of `labels` takes in `width` px (icon, gap and text per entry). */
function legendRows(labels: readonly string[], width: number): number {
  let rows = 1;
  let used = 0;
  for (const label of labels) {
    const entry = 25 + 5 + estimateTextWidth(label) + 6;
    if (used > 0 && used + entry > width - 10) {
      rows += 1;
      used = 0;
    }
    used += entry;
  }
  return rows;
}

function pieRadius(type: 'pie' | 'donut', labelled: boolean, narrow: boolean, legendRowCount: number): string | [string, string] {
  // Below a legend of several rows the pie shrinks with the room left.
  const outer = labelled ? (narrow ? 44 : 64) : narrow ? Math.max(30, 56 - legendRowCount * 6) : 56;
  if (type === 'pie') return `${outer}%`;
  return [`${Math.round(outer * (labelled && !narrow ? 0.625 : 0.62))}%`, `${outer}%`];
}

/** Below this chart width (px) a labelled pie is drawn smaller, so that its labels fit beside it. */
export const NARROW_PIE_WIDTH = 440;

function pie(type: 'pie' | 'donut', context: Context, option: ChartOption): ChartOption {
  const { settings, pivot, format, labelMax } = context;
  // With a breakdown a slice is the whole category: the sum over its series.
  const data: (ChartDataItem & { name: string; value: number })[] = [];
  pivot.categories.forEach((category, index) => {
    let sum: number | null = null;
    for (const series of pivot.series) {
      const value = series.values[index];
      if (typeof value === 'number') sum = (sum ?? 0) + value;
    }
    // A slice of zero or less has no angle to see or click.
    if (sum !== null && sum > 0) data.push({ name: category.label, value: sum, key: category.key, spoken: `${category.label}: ${format(sum)}` });
  });
  const labels = data.map((item) => item.name);
  const locale = settings.locale;

  // Slice labels need room beside the pie; with many slices they would be cut to "…", so the
  // legend names them instead and the labels are dropped. Six labels or fewer never collide: the
  // pie's `avoidLabelOverlap` stacks those on one side a line apart, and six lines fit beside any
  // pie taller than ~90 px (label-overlap.browser.test.ts), so no `labelLayout` hides any.
  const labelled = data.length <= 6;
  // In a narrow chart a smaller pie leaves its slice labels room on both sides.
  const narrow = settings.width !== undefined && settings.width < NARROW_PIE_WIDTH;
  // The legend is never paged (a pie has at most 12 slices): beside the pie as one column, or, in a
  // narrow chart, below it in as many rows as it takes, the pie moving up to make room.
  const legendMax = narrow ? Math.min(labelMax, 18) : labelMax;
  const rows = narrow && !labelled ? legendRows(labels.map((label) => truncateLabel(label, legendMax)), settings.width!) : 0;
  const plainLegend = { ...legend(context, true), type: 'plain' as const, itemGap: 6, formatter: (name: string) => truncateLabel(name, legendMax) };
  return {
    ...option,
    legend: labelled
      ? legend(context, false)
      : narrow
        ? { ...plainLegend, left: 'center', bottom: 0 }
        : { ...plainLegend, orient: 'vertical' as const, right: 0, top: 'middle', bottom: 'auto' },
    tooltip: {
      ...tooltipBase(settings),
      trigger: 'item' as const,
      formatter: (raw: unknown) => {
        const param = (Array.isArray(raw) ? raw[0] : raw) as CallbackParams | undefined;
        if (!param || param.dataIndex === undefined) return '';
        const label = labels[param.dataIndex] ?? '';
        const percent =
          typeof param.percent === 'number'
            ? ` (${formatNumber(param.percent / 100, locale, { style: 'percent', maximumFractionDigits: 1 })})`
            : '';
        return `${tooltipTitle(label)}<div class="cr-tooltip-line">${marker(param.color, settings.palette)}<strong>${escapeHtml(format(valueOf(param)))}</strong>${escapeHtml(percent)}</div>`;
      },
    },
    series: [
      {
        type: 'pie' as const,
        name: context.spec.title,
        radius: pieRadius(type, labelled, narrow, rows),
        center: labelled ? ['50%', '50%'] : narrow ? ['50%', `${Math.max(26, 45 - rows * 5)}%`] : ['28%', '50%'],
        data,
        cursor: 'pointer',
        avoidLabelOverlap: true,
        // Slices are separated in the surface colour; without a known surface a border would be a guess.
        itemStyle: solidBackground(settings) ? { borderColor: solidBackground(settings), borderWidth: 1 } : {},
        label: {
          show: labelled,
          color: settings.textColor,
          width: 120,
          overflow: 'truncate' as const,
          // (v2) Each slice's share, beside its name.
          formatter: (params: unknown) => {
            const { name, percent } = params as { name?: unknown; percent?: unknown };
            const share = typeof percent === 'number' ? ` ${formatNumber(percent / 100, locale, { style: 'percent', maximumFractionDigits: 0 })}` : '';
            return `${context.shorten(String(name ?? ''), labelMax)}${share}`;
          },
        },
        labelLine: { show: labelled, ...(narrow ? { length: 8, length2: 6 } : {}), lineStyle: { color: settings.axisColor } },
      },
    ],
  } satisfies ChartOption;
}

/**
 * A report result as an ECharts option for one of the graphic chart types. Pure: no DOM, no ECharts
 * instance; every function in the option formats or escapes, none reaches outside.
 *
 * Every data item is a {@link ChartDataItem}, so a click's `params.data` gives back `{ key, series }`.
 * Tooltips are HTML built here with every data-derived string escaped; axis, legend and pie labels are
 * canvas/SVG text and are only truncated.
 *
 * @throws RangeError for `table` and `kpi`, which are not drawn by ECharts, and for `heatmap`, built
 * by `buildHeatmapOption`.
 */
export function buildChartOption(result: ReportResult, spec: ReportSpec, settings: ChartOptionSettings): ChartOption {
  const type = spec.chartType;
  if (!isGraphicChartType(type)) throw new RangeError(`Chart type "${type}" is not drawn with ECharts`);
  // Kept out of the first paint: it loads with the heatmap's ECharts parts (report-tile's tile-parts.ts).
  if (type === 'heatmap') throw new RangeError('A heatmap is built with buildHeatmapOption (heatmap-option.ts)');
  // Counts of absent combinations are zero; an average over no conversations does not exist.
  const missing = settings.valueKind === 'count' ? 0 : null;
  const pivot = pivotResult(result, spec, settings, missing);
  const format = createValueFormatter(settings.valueKind, settings.locale);
  const context: Context = {
    spec,
    settings,
    pivot,
    format,
    labelMax: settings.labelMax ?? DEFAULT_LABEL_MAX,
    shorten: spec.dimension === 'pageUrl' ? pageUrlShortener(pivot.categories.map((category) => category.label), shortUrlLabel) : truncateLabel,
  };
  const comparison = comparisonOf(result, spec, pivot, settings);
  // The description names the previous period when the chart draws it.
  const drawn = comparisonKind(type, comparison) ? comparison : null;
  const described = drawn
    ? { name: drawn.name, points: pivot.categories.map((category, index) => ({ label: drawn.dates[index] ?? category.label, value: drawn.values[index] ?? null })) }
    : undefined;
  const option = common(context, settings.ariaDescription ?? describe(spec, pivot, format, described));
  if (type === 'pie' || type === 'donut') return pie(type, context, option);
  if (type !== 'column') return cartesian(type, context, option, undefined, comparison);
  // Columns too many for their labels to stand under them are drawn as horizontal bars, each named.
  const columnLabels = columnLabelLayout(settings.width, pivot.categories.map((category) => context.shorten(category.label, context.labelMax)));
  return columnLabels ? cartesian('column', context, option, columnLabels, comparison) : cartesian('bar', context, option, undefined, comparison);
}
