import { csvFileName } from '../../core/export/csv.ts';
import { downloadFile } from '../shared/download-file.ts';

/** Downloads the tile's CSV, named after its title. */
export function downloadCsv(title: string, csv: string): void {
  // The byte-order mark makes Excel read UTF-8 ("Chloé", not "ChloÃ©"), as the drill export does.
  downloadFile(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), csvFileName(title));
}

/** Downloads a PNG data URL, named after the tile's title. */
export function downloadPng(title: string, url: string): void {
  downloadFile(url, csvFileName(title).replace(/\.csv$/, '') + '.png');
}
