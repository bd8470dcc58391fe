import type { ECharts } from '../echarts.ts';
import type { ChartTheme } from '../theme.ts';

/** What an exported chart image says around the chart itself, drawn by `framePng`. */
export interface PngFrame {
  title: string;
  /** The date range, as the reader writes dates; empty when the tile knows none. */
  range: string;
  /** A legend line for a chart that draws none of its own (one series): swatch colour and name. */
  legend: { color: string; name: string } | null;
  background: string;
  textColor: string;
  mutedColor: string;
  fontFamily: string;
}

/** Space kept free around everything: no axis label against the image's edge. */
export const PNG_MARGIN = 24;

/**
 * The chart image (a PNG or SVG data URL of `width` × `height` CSS px) framed for sharing: the
 * title, the range and, when the chart has none, a legend above it, all with a margin, drawn at
 * `ratio` device pixels per CSS px. A picture pasted into a slide then says what it shows.
 */
export async function framePng(chartUrl: string, width: number, height: number, ratio: number, frame: PngFrame): Promise<string> {
  const image = new Image();
  image.src = chartUrl;
  await image.decode();
  const titleSize = 16;
  const lineSize = 12;
  const header = PNG_MARGIN + titleSize + 6 + (frame.range ? lineSize + 6 : 0) + (frame.legend ? lineSize + 8 : 0) + 8;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round((width + 2 * PNG_MARGIN) * ratio);
  canvas.height = Math.round((height + header + PNG_MARGIN) * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = frame.background;
  ctx.fillRect(0, 0, width + 2 * PNG_MARGIN, height + header + PNG_MARGIN);
  ctx.textBaseline = 'top';
  let y = PNG_MARGIN;
  ctx.fillStyle = frame.textColor;
  ctx.font = `600 ${titleSize}px ${frame.fontFamily}`;
  ctx.fillText(frame.title, PNG_MARGIN, y, width);
  y += titleSize + 6;
  ctx.font = `${lineSize}px ${frame.fontFamily}`;
  if (frame.range) {
    ctx.fillStyle = frame.mutedColor;
    ctx.fillText(frame.range, PNG_MARGIN, y, width);
    y += lineSize + 6;
  }
  if (frame.legend) {
    ctx.fillStyle = frame.legend.color;
    ctx.fillRect(PNG_MARGIN, y + 1, 14, 10);
    ctx.fillStyle = frame.textColor;
    ctx.fillText(frame.legend.name, PNG_MARGIN + 20, y, width - 20);
  }
  ctx.drawImage(image, PNG_MARGIN, header, width, height);
  return canvas.toDataURL('image/png');
}

/** What an exported image says around the chart (see `chartImage`). */
export interface ChartImageFrame {
  title: string;
  /** The date range, as the reader writes dates; empty when unknown. */
  range: string;
  /** Named in a legend line when the chart draws no legend of its own (one series). */
  seriesName: string;
}

/**
 * The chart as a PNG data URL, framed with the title, the range and (for a chart without a legend of
 * its own) a legend line, on the theme's surface (white when transparent), at twice the pixels.
 */
export async function chartImage(chart: ECharts, theme: ChartTheme, frame: ChartImageFrame): Promise<string> {
  const background = theme.background === 'transparent' ? '#ffffff' : theme.background;
  const url = chart.getDataURL({ type: chart.getDom().querySelector('canvas') ? 'png' : 'svg', pixelRatio: 2, backgroundColor: background });
  const option = chart.getOption() as { legend?: { show?: boolean }[]; series?: { type?: string }[] };
  const ownLegend = option.legend?.some((legend) => legend.show !== false) || option.series?.some((series) => series.type === 'pie');
  return framePng(url, chart.getWidth(), chart.getHeight(), 2, {
    title: frame.title,
    range: frame.range,
    legend: ownLegend ? null : { color: theme.palette[0] ?? '#5470c6', name: frame.seriesName },
    background,
    textColor: theme.textColor,
    mutedColor: theme.axisColor ?? theme.textColor,
    fontFamily: theme.fontFamily || 'sans-serif',
  });
}
