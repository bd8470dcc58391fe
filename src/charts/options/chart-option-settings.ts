import type { FormatSettings, ValueKind } from './value-format.ts';

/** How a chart is drawn besides its data: colours, motion, size and labels (see `buildChartOption`). */
export interface ChartOptionSettings extends FormatSettings {
  valueKind: ValueKind;
  palette: string[];
  textColor: string;
  axisColor: string;
  gridColor: string;
  reducedMotion: boolean;
  /** Longest category / legend label, in characters, before "…". Default 24. */
  labelMax?: number;
  fontFamily?: string;
  /** Tooltip and slice-border colour; ECharts' defaults otherwise. */
  background?: string;
  /** Replaces the generated screen-reader description (a host that can translate it should). */
  ariaDescription?: string;
  /** The chart's width in px, when known: a narrow chart gets shorter category labels and fewer value ticks. */
  width?: number;
  /** A heatmap's colours for its lowest and highest value (the theme's `scale`). */
  scale?: readonly [string, string];
  /** (v2) The name of the previous period's bars or line, in the reader's language (default "Previous period"). */
  previousLabel?: string;
}
