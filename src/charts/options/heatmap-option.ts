import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportResult } from '../../core/types.ts';
import type { ChartOption } from '../echarts.ts';
import { escapeHtml, truncateLabel } from '../escape.ts';
import type { ChartOptionSettings } from './chart-option-settings.ts';
import { buildHeatmapModel, type HeatmapModel } from './heatmap-model.ts';
import { createValueFormatter } from './value-format.ts';

/** A heatmap cell as data: `value` is `[column, row, value]` ('-' for none), the rest maps it back to its report row. */
export interface HeatmapDataItem {
  value: [number, number, number | '-'];
  key: GroupKey;
  series?: GroupKey;
  spoken: string;
}

const TOOLTIP_LABEL_MAX = 160;

/** The busiest cells, for the screen-reader description ("Monday, 9:00 AM – 10:00 AM: 42; …"). */
function describe(title: string, model: HeatmapModel): string {
  const top = model.cells
    .filter((cell) => cell.value !== null)
    .sort((a, b) => b.value! - a.value! || a.y - b.y || a.x - b.x)
    .slice(0, 5)
    .map((cell) => cell.spoken);
  return top.length > 0 ? `${title}. ${top.join('; ')}` : title;
}

/**
 * A report as an ECharts heatmap: the dimension across (hours of the day 0–23), the breakdown
 * down (weekdays, in the reader's order from the top), each cell coloured on a scale from
 * `settings.scale[0]` (lowest) to `settings.scale[1]` (highest), taken from the theme's tokens.
 * Pure, like {@link buildChartOption}: needs `HeatmapChart` and the continuous `VisualMap`
 * registered (`chart-modules.ts` does it when `<cr-chart-view>` is given such an option).
 *
 * Every item is a {@link HeatmapDataItem}: a click or Enter on a cell drills into `{ key, series }`
 * like any other chart; `<cr-chart-view>` moves between cells with the arrow keys by `value[0..1]`.
 */
export function buildHeatmapOption(result: ReportResult, spec: ReportSpec, settings: ChartOptionSettings): ChartOption {
  const model = buildHeatmapModel(result, spec, settings);
  const format = createValueFormatter(settings.valueKind, settings.locale);
  const labelMax = settings.labelMax ?? 24;
  const breakdown = spec.breakdown !== undefined || model.rows.length > 1;
  const [low, high] = settings.scale ?? ['#ffffff', settings.palette[0] ?? '#2f7fd8'];
  const textStyle: Record<string, string> = { color: settings.textColor };
  if (settings.fontFamily) textStyle.fontFamily = settings.fontFamily;
  const background = settings.background && settings.background !== 'transparent' ? settings.background : undefined;
  // Counts and shares start at zero: a pale cell then means few, not "fewest of a busy week".
  const min = settings.valueKind === 'count' || settings.valueKind === 'percent' ? Math.min(0, model.min) : model.min;
  const max = model.max > min ? model.max : min + 1;

  const data: HeatmapDataItem[] = model.cells.map((cell) => {
    const item: HeatmapDataItem = {
      value: [cell.x, cell.y, cell.value ?? '-'],
      key: model.columns[cell.x]!.key,
      spoken: cell.spoken,
    };
    if (breakdown) item.series = model.rows[cell.y]!.key;
    return item;
  });

  const axisLabel = { color: settings.textColor, hideOverlap: true, formatter: (value: string) => truncateLabel(String(value), labelMax) };
  return {
    animation: !settings.reducedMotion,
    backgroundColor: 'transparent',
    textStyle,
    color: [high],
    aria: { enabled: true, decal: { show: false }, label: { enabled: true, description: settings.ariaDescription ?? describe(spec.title, model) } },
    grid: { left: 12, right: 16, top: 8, bottom: 56 },
    tooltip: {
      trigger: 'item',
      confine: true,
      renderMode: 'html',
      ...(background ? { backgroundColor: background, borderColor: settings.axisColor } : {}),
      textStyle,
      formatter: (raw: unknown) => {
        const param = (Array.isArray(raw) ? raw[0] : raw) as { dataIndex?: number } | undefined;
        const cell = param?.dataIndex === undefined ? undefined : model.cells[param.dataIndex];
        if (!cell) return '';
        const column = model.columns[cell.x]!.longLabel;
        const title = breakdown ? `${model.rows[cell.y]!.longLabel}, ${column}` : column;
        return `<div class="cr-tooltip-title">${escapeHtml(truncateLabel(title, TOOLTIP_LABEL_MAX))}</div><div class="cr-tooltip-line"><strong>${escapeHtml(cell.text)}</strong></div>`;
      },
    },
    xAxis: {
      type: 'category',
      data: model.columns.map((column) => column.label),
      splitArea: { show: false },
      axisLabel,
      axisLine: { lineStyle: { color: settings.axisColor } },
      axisTick: { alignWithLabel: true, lineStyle: { color: settings.axisColor } },
    },
    yAxis: {
      type: 'category',
      data: model.rows.map((row) => row.label),
      // The reader's first weekday on top, like a calendar.
      inverse: true,
      splitArea: { show: false },
      axisLabel,
      axisLine: { lineStyle: { color: settings.axisColor } },
      axisTick: { show: false },
    },
    visualMap: {
      type: 'continuous',
      min,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 160,
      text: [format(max), format(min)],
      textStyle: { color: settings.textColor },
      inRange: { color: [low, high] },
    },
    series: [
      {
        type: 'heatmap',
        name: spec.title,
        data: data as unknown as number[][],
        cursor: 'pointer',
        // Thin gaps in the surface colour keep neighbouring cells apart when their colours are close.
        itemStyle: { borderColor: background ?? settings.gridColor, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: settings.textColor, borderWidth: 2 } },
        label: { show: false },
      },
    ],
  } satisfies ChartOption;
}
