/**
 * How the axes of a cartesian chart fit its width: how long category labels may be and how many
 * value ticks fit side by side. Pure arithmetic on estimated text widths (ECharts' default 12 px
 * axis font, about 0.6 em a character): a guess on the safe side, with ECharts' `hideOverlap`
 * behind it for the labels a guess gets wrong.
 */

/** Average advance of a character of the 12 px axis font. */
const CHAR_WIDTH = 7.2;
/** Space kept between two neighbouring value labels. */
const LABEL_GAP = 16;
/** The grid's left + right margins (see `cartesian` in chart-option.ts). */
const GRID_MARGINS = 36;
/** Ticks wanted when there is room: ECharts' own default. */
export const MAX_VALUE_TICKS = 5;

export function estimateTextWidth(text: string): number {
  return text.length * CHAR_WIDTH;
}

export interface AxisLayoutInput {
  /** The chart's width in px; unknown (undefined) means "as wide as it likes". */
  width: number | undefined;
  /** A horizontal bar chart: category labels on the left, value labels along the bottom. */
  horizontal: boolean;
  /** The longest category label allowed when there is room, in characters. */
  labelMax: number;
  /** The category labels (before shortening). */
  categories: readonly string[];
  /** The widest value labels the axis may show, formatted (e.g. the extent's maximum). */
  valueLabels: readonly string[];
}

export interface AxisLayout {
  /** The longest category label, in characters, before "…". */
  labelMax: number;
  /** How many value ticks to aim for. */
  valueTicks: number;
}

/**
 * A bar chart's category labels may take up to 40% of a narrow chart; the value axis gets the rest
 * and as many ticks as its widest label allows (at least 2, so the scale still reads).
 */
export function axisLayout(input: AxisLayoutInput): AxisLayout {
  const { width, horizontal } = input;
  if (width === undefined || !(width > 0)) return { labelMax: input.labelMax, valueTicks: MAX_VALUE_TICKS };
  if (!horizontal) {
    // Value labels stack vertically: they never collide. Category labels are thinned by hideOverlap.
    return { labelMax: input.labelMax, valueTicks: MAX_VALUE_TICKS };
  }
  const longest = input.categories.reduce((max, label) => Math.max(max, label.length), 0);
  const roomForLabels = Math.floor((width * 0.4) / CHAR_WIDTH);
  const labelMax = Math.max(8, Math.min(input.labelMax, roomForLabels, Math.max(longest, 1)));
  const plotWidth = width - GRID_MARGINS - estimateTextWidth('x'.repeat(Math.min(longest, labelMax))) - 8;
  const valueLabelWidth = Math.max(...input.valueLabels.map(estimateTextWidth), CHAR_WIDTH) + LABEL_GAP;
  // n ticks means n + 1 labels (0 included) spread over the plot.
  const fit = Math.floor(plotWidth / valueLabelWidth) - 1;
  return { labelMax, valueTicks: Math.max(2, Math.min(MAX_VALUE_TICKS, fit)) };
}

const URL_PREFIX = /^(https?:\/\/[^/?#]+)(\/.*)?$/i;

/**
 * Page URLs as short labels: when every URL among `labels` is on the same site, the site is left
 * out ("/pricing/teams" rather than "northwind.example/pricing/teams"), so that a narrow axis shows
 * the part that differs; the tooltip still names the whole URL. Labels that are not URLs ("Other",
 * "Unknown") are kept as they are.
 */
export function pageUrlShortener(labels: readonly string[], shorten: (text: string, max: number) => string): (text: string, max: number) => string {
  const origins = new Set<string>();
  let urls = 0;
  for (const label of labels) {
    const match = URL_PREFIX.exec(label);
    if (match) origins.add(match[1]!.toLowerCase());
    if (match) urls += 1;
  }
  // One URL alone keeps its site: there is nothing to tell apart.
  if (origins.size !== 1 || urls < 2) return shorten;
  const [origin] = origins;
  return (text, max) => {
    const match = URL_PREFIX.exec(text);
    return match && match[1]!.toLowerCase() === origin ? shorten(match[2] || '/', max) : shorten(text, max);
  };
}

/** Height a label line takes, across its baseline, at the 12 px axis font. */
const LINE_HEIGHT = 15;
/** Width assumed for a chart whose width is not known yet. */
const ASSUMED_WIDTH = 640;
/** The value axis' labels on the left of a column chart, estimated. */
const VALUE_AXIS_WIDTH = 48;
/** A rotated label's longest run, in px: the rest of the chart must keep its height. */
const ROTATED_MAX = 120;

export interface ColumnLabels {
  /** Every category gets its label: ECharts must skip none. */
  interval: 0;
  /** Degrees; 0 for labels side by side. */
  rotate: 0 | 45 | 90;
  /** Each label's box width in px: a slot when side by side, the run when rotated. */
  width: number;
  /** Side by side labels wrap onto a second line; rotated ones are cut with "…". */
  overflow: 'break' | 'truncate';
}

/**
 * How a column chart labels every bar under it: side by side when the labels fit their slots, on two
 * lines when wrapping makes them fit, rotated 45° or 90° when the slots are narrower than a line of
 * text apart, and `null` when even upright labels would overlap: then the chart is better drawn with
 * horizontal bars (see `buildChartOption`). ECharts' own thinning (`hideOverlap`, an automatic
 * interval) leaves bars unnamed, which a reader cannot match to anything.
 */
export function columnLabelLayout(width: number | undefined, labels: readonly string[]): ColumnLabels | null {
  const count = Math.max(1, labels.length);
  const plot = (width && width > 0 ? width : ASSUMED_WIDTH) - GRID_MARGINS - VALUE_AXIS_WIDTH;
  const slot = plot / count;
  const longest = labels.reduce((max, label) => Math.max(max, estimateTextWidth(label)), 0);
  const room = Math.floor(slot - 6);
  if (longest <= room) return { interval: 0, rotate: 0, width: Math.max(room, 1), overflow: 'truncate' };
  // Two lines of words fit when each word does and the whole takes under two slots.
  const words = labels.flatMap((label) => label.split(/\s+/));
  const widestWord = words.reduce((max, word) => Math.max(max, estimateTextWidth(word)), 0);
  if (room >= 48 && widestWord <= room && longest <= room * 1.8) return { interval: 0, rotate: 0, width: room, overflow: 'break' };
  const run = Math.min(ROTATED_MAX, longest);
  if (slot * Math.SQRT1_2 >= LINE_HEIGHT) return { interval: 0, rotate: 45, width: run, overflow: 'truncate' };
  if (slot >= LINE_HEIGHT) return { interval: 0, rotate: 90, width: run, overflow: 'truncate' };
  return null;
}
