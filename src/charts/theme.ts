import { DEFAULT_PALETTE } from '../theme/palette.ts';

/** Colours and font a chart is drawn with, read from the page's CSS so that one stylesheet restyles charts too. */
export interface ChartTheme {
  palette: string[];
  textColor: string;
  axisColor: string;
  gridColor: string;
  fontFamily: string;
  background: string;
  /** Colours of the lowest and highest value of a heatmap (`--cr-heatmap-low`, `--cr-heatmap-high`). */
  scale: [string, string];
}

/** Mid-grey with alpha stays visible on light and dark backgrounds alike. */
export const DEFAULT_AXIS_COLOR = 'rgba(128, 128, 128, 0.7)';
export const DEFAULT_GRID_COLOR = 'rgba(128, 128, 128, 0.25)';

/** Splits a comma-separated list without breaking `rgb(1, 2, 3)` apart. */
export function splitColorList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

function isColor(value: string): boolean {
  // A custom property holds any token sequence; only real colours may reach the chart (and its tooltip HTML).
  if (typeof CSS !== 'undefined' && typeof CSS.supports === 'function') return CSS.supports('color', value);
  return /^[#a-z0-9(),.%\s/-]+$/i.test(value);
}

function colorOr(value: string, fallback: string): string {
  return value && isColor(value) ? value : fallback;
}

/**
 * Reads the chart theme from CSS custom properties on (or inherited by) `element`:
 * `--cr-chart-palette` (comma-separated colours), else `--cr-color-1` … `--cr-color-8`, else the
 * element's theme palette, else {@link DEFAULT_PALETTE}; `--cr-color-text` (else the element's own
 * `color`); `--cr-color-border` for axes; `--cr-chart-grid-color` (else {@link DEFAULT_GRID_COLOR});
 * `--cr-font-family` (else the element's font); `--cr-color-surface` for tooltips and slice borders
 * (else transparent); `--cr-heatmap-low` / `--cr-heatmap-high` for a heatmap's scale (else the surface
 * and the first palette colour). A `--cr-*` the page sets wins; where it sets none, the built-in value of the
 * element's theme (`theme="dark"`…, kept in a private `--_cr-*`) applies, as in the elements' CSS.
 */
export function readChartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  const token = (name: string) => read(`--cr-${name}`) || read(`--_cr-${name}`);

  let palette = splitColorList(read('--cr-chart-palette')).filter(isColor);
  if (palette.length === 0) {
    palette = Array.from({ length: 8 }, (_, index) => read(`--cr-color-${index + 1}`)).filter(
      (color) => color.length > 0 && isColor(color),
    );
  }
  if (palette.length === 0) palette = splitColorList(read('--_cr-chart-palette')).filter(isColor);
  if (palette.length === 0) palette = [...DEFAULT_PALETTE];

  const inheritedText = style.color.trim();
  const background = colorOr(token('color-surface'), 'transparent');
  return {
    palette,
    textColor: colorOr(token('color-text'), colorOr(inheritedText, '#1f2328')),
    axisColor: colorOr(token('color-border'), DEFAULT_AXIS_COLOR),
    gridColor: colorOr(read('--cr-chart-grid-color'), DEFAULT_GRID_COLOR),
    fontFamily: read('--cr-font-family') || style.fontFamily || 'system-ui, sans-serif',
    background,
    // From the surface (nothing) to the first series colour (most): both follow the theme, so a
    // dark theme gets a dark-to-bright scale without a token of its own.
    scale: [
      colorOr(read('--cr-heatmap-low'), background === 'transparent' ? '#ffffff' : background),
      colorOr(read('--cr-heatmap-high'), palette[0]!),
    ],
  };
}

/**
 * The theme as an ECharts theme object, for `init(dom, theme)` / `chart.setTheme(theme)`: it styles whatever
 * an option leaves unset, so even a hand-written option follows the page's colours.
 */
export function toEChartsTheme(theme: ChartTheme): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: theme.axisColor } },
    axisTick: { lineStyle: { color: theme.axisColor } },
    axisLabel: { color: theme.textColor },
    splitLine: { lineStyle: { color: theme.gridColor } },
    nameTextStyle: { color: theme.textColor },
  };
  return {
    color: theme.palette,
    backgroundColor: 'transparent',
    textStyle: { color: theme.textColor, fontFamily: theme.fontFamily },
    title: { textStyle: { color: theme.textColor }, subtextStyle: { color: theme.textColor } },
    legend: { textStyle: { color: theme.textColor }, pageTextStyle: { color: theme.textColor } },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    logAxis: axis,
    tooltip:
      theme.background === 'transparent'
        ? {}
        : { backgroundColor: theme.background, borderColor: theme.axisColor, textStyle: { color: theme.textColor } },
  };
}
