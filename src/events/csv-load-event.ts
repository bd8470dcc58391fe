import type { CsvDataSource } from '../adapters/csv-data-source.ts';

/** The user confirmed the column mapping of a CSV file: `detail.source` is ready to be a dashboard's `dataSource`. */
export class CsvLoadEvent extends CustomEvent<{ source: CsvDataSource }> {
  static readonly type = 'csv-load';
  constructor(detail: { source: CsvDataSource }) {
    super(CsvLoadEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'csv-load': CsvLoadEvent;
  }
}
