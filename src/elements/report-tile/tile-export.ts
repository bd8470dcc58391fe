import type { ECharts } from '../../charts/echarts.ts';
import { readChartTheme } from '../../charts/theme.ts';
import { csvFileName } from '../../core/export/csv.ts';
import { downloadFile } from '../shared/download-file.ts';
import { framePng } from './png-export.ts';

/** Downloads the tile's CSV, named after its title. */
export function downloadCsv(title: string, csv: string): void {
  // The byte-order mark makes Excel read UTF-8 ("Chloé", not "ChloÃ©"), as the drill export does.
  downloadFile(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), csvFileName(title));
}

/** Downloads a PNG data URL, named after the tile's title. */
export function downloadPng(title: string, url: string): void {
  downloadFile(url, csvFileName(title).replace(/\.csv$/, '') + '.png');
}

/**
 * The chart as a PNG data URL: framed with the title, the date range and (for a one-series chart,
 * which draws none) a legend, with a margin all round.
 */
export async function chartPng(host: HTMLElement, chart: ECharts, frame: { title: string; range: string; measure: string }): Promise<string> {
  const theme = readChartTheme(host);
  const background = theme.background === 'transparent' ? '#ffffff' : theme.background;
  const url = chart.getDataURL({ type: chart.getDom().querySelector('canvas') ? 'png' : 'svg', pixelRatio: 2, backgroundColor: background });
  const option = chart.getOption() as { legend?: { show?: boolean }[]; series?: { type?: string }[] };
  const ownLegend = option.legend?.some((legend) => legend.show !== false) || option.series?.some((series) => series.type === 'pie');
  return framePng(url, chart.getWidth(), chart.getHeight(), 2, {
    title: frame.title,
    range: frame.range,
    legend: ownLegend ? null : { color: theme.palette[0] ?? '#5470c6', name: frame.measure },
    background,
    textColor: theme.textColor,
    mutedColor: theme.axisColor ?? theme.textColor,
    fontFamily: theme.fontFamily || 'sans-serif',
  });
}
